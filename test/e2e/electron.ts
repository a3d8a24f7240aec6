// `npm run test:electron`: the same in-host suite (suite/) in desktop VS Code, through
// @vscode/test-electron, which downloads VS Code from update.code.visualstudio.com into
// .vscode-test/. That download needs the internet, which the project's own machines do not have:
// there, `npm run test:e2e` runs the suite in code-server instead (see harness/codeServer.ts).
//   npm run test:electron                              latest stable VS Code
//   npm run test:electron -- --vscode-version 1.91.0   the oldest VS Code the extension supports
// On Linux without a display, run it under `xvfb-run -a`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliPathFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { projectRoot } from '../support/paths';
import { installExitHandlers, runCleanups } from './harness/cleanup';
import { makeEditorDirs } from './harness/codeServer';
import { makeSampleFolder, makeSampleWorkspace } from './harness/workspace';
import { log, runCommand, withTimeout } from './harness/util';
import type { Report } from './suite/runner';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<number> {
  installExitHandlers();
  const startedAt = Date.now();
  const version = option('vscode-version') ?? process.env.VSCODE_VERSION ?? 'stable';
  const { name, version: extensionVersion } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const vsix = join(projectRoot, `${name}-${extensionVersion}.vsix`);
  if (!existsSync(vsix))
    throw new Error(`${vsix} is missing: run \`npm run package\` first (\`npm run test:electron\` does)`);

  let vscodeExecutablePath: string;
  try {
    log(`downloading VS Code ${version} with @vscode/test-electron (cached in .vscode-test/)`);
    vscodeExecutablePath = await withTimeout(
      downloadAndUnzipVSCode({ version, cachePath: join(projectRoot, '.vscode-test'), timeout: 30_000 }),
      15 * 60_000,
      'downloading VS Code',
    );
  } catch (error) {
    console.error(
      [
        '',
        `npm run test:electron cannot run here: @vscode/test-electron could not download VS Code ${version}`,
        `from Microsoft's servers (${errorText(error).split('\n')[0]}).`,
        'This machine has no internet access beyond its package registries (true of the machines this',
        'project is built on, which reach only the npm registry and Debian packages). Run it where VS Code',
        'can be downloaded, or run the same in-host suite in code-server from npm: npm run test:e2e',
        '',
      ].join('\n'),
    );
    console.log('0 passed, 1 failed');
    return 1;
  }

  const dirs = makeEditorDirs('cable-electron-');
  try {
    // Install the packaged extension the way a user does, into a throwaway extensions folder.
    const cli = resolveCliPathFromVSCodeExecutablePath(vscodeExecutablePath);
    await runCommand(
      cli,
      [
        '--user-data-dir',
        dirs.userDataDir,
        '--extensions-dir',
        dirs.extensionsDir,
        '--install-extension',
        vsix,
        '--force',
      ],
      {
        timeoutMs: 120_000,
        shell: process.platform === 'win32',
        logFile: join(dirs.root, 'install-extension.log'),
      },
    );
    const folder = makeSampleWorkspace(makeSampleFolder(join(dirs.root, 'cables')));
    const installed = join(dirs.extensionsDir, `cable-tools.${name}-${extensionVersion}`);
    const reportFile = join(dirs.root, 'in-host-report.json');
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      log('no DISPLAY: if VS Code fails to start, run this under `xvfb-run -a`');
    }
    let runError: unknown;
    try {
      await withTimeout(
        runTests({
          vscodeExecutablePath,
          // The installed copy, as in code-server: naming it as the development extension is what
          // makes VS Code run extensionTestsPath.
          extensionDevelopmentPath: existsSync(installed) ? installed : projectRoot,
          extensionTestsPath: join(projectRoot, 'out', 'e2e', 'suite', 'index'),
          extensionTestsEnv: {
            CABLE_E2E_REPORT: reportFile,
            CABLE_E2E_GREP: option('grep') ?? process.env.CABLE_E2E_GREP ?? '',
          },
          launchArgs: [
            folder,
            '--user-data-dir',
            dirs.userDataDir,
            '--extensions-dir',
            dirs.extensionsDir,
            '--disable-workspace-trust',
            '--skip-welcome',
            '--skip-release-notes',
            '--disable-gpu',
            ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          ],
        }),
        10 * 60_000,
        'the in-host suite in VS Code',
      );
    } catch (error) {
      runError = error;
    }
    if (!existsSync(reportFile)) {
      console.error(`VS Code ran no tests: ${errorText(runError)}`);
      console.log('0 passed, 1 failed');
      return 1;
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    for (const result of report.results.filter((r) => !r.ok)) {
      console.log(
        `  ✘ ${result.name}${result.needs ? `  (needs ${result.needs})` : ''}\n      ${(result.error ?? '').split('\n')[0]}`,
      );
    }
    console.log(`in-host suite in ${report.host}; wall time ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    console.log(`${report.passed} passed, ${report.failed} failed`);
    return report.failed === 0 && report.passed > 0 ? 0 : 1;
  } finally {
    await runCleanups();
  }
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`[electron] ${errorText(error)}`);
    await runCleanups();
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
