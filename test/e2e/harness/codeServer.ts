// The real editor for the tests: VS Code's workbench and Node extension host as served by
// code-server (npm), looked at with Debian's Chromium. See /work/shared/notes/real-vscode-offline.md
// for why: @vscode/test-electron and @vscode/test-web download VS Code from Microsoft, code-server
// comes from the npm registry.
//
// code-server is never a dependency of the project: it is installed once into the git-ignored
// cache folder .vscode-test/code-server/ (about a minute, ~300 MB), with its own package.json.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';
import { projectRoot } from '../../support/paths';
import { freePort, killGroup, log, runCommand, sleep, which } from './util';

/** The last code-server whose `engines.node` is 20 (VS Code 1.100.3). */
export const CODE_SERVER_VERSION = '4.100.3';
export const cacheDir = join(projectRoot, '.vscode-test', 'code-server');
const packageDir = join(cacheDir, 'node_modules', 'code-server');
const entryScript = join(packageDir, 'out', 'node', 'entry.js');
const markerFile = join(cacheDir, 'installed.json');
export const chromiumPath = process.env.CABLE_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Debian packages: libkrb5-dev to build code-server's `kerberos` module, ripgrep (see below), chromium. */
function missingDebianPackages(needBuildTools: boolean): string[] {
  const missing: string[] = [];
  if (needBuildTools && !which('rg')) missing.push('ripgrep');
  if (needBuildTools && !isDebianPackageInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  if (!existsSync(chromiumPath)) missing.push('chromium');
  return missing;
}

function isDebianPackageInstalled(name: string): boolean {
  if (!which('dpkg-query')) return existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/krb5.h');
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** Installs missing Debian packages with apt-get when running as root; otherwise says what to run. */
async function ensureDebianPackages(needBuildTools: boolean): Promise<void> {
  if (process.env.CABLE_E2E_CHROMIUM && !existsSync(chromiumPath)) {
    throw new Error(`CABLE_E2E_CHROMIUM names ${chromiumPath}, which does not exist`);
  }
  const missing = missingDebianPackages(needBuildTools);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !which('apt-get')) {
    throw new Error(
      `the editor tests need the Debian packages ${missing.join(', ')}, which are not installed.\n` +
        `  Install them as root:  sudo sh -c '${command}'\n` +
        `  (or point CABLE_E2E_CHROMIUM at another Chromium binary), then run this again.`,
    );
  }
  log(`installing Debian packages ${missing.join(', ')} with apt-get (running as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const logFile = join(projectRoot, '.vscode-test', 'apt-get.log');
  mkdirSync(join(projectRoot, '.vscode-test'), { recursive: true });
  try {
    await runCommand('apt-get', ['update'], { env, timeoutMs: 5 * 60_000, logFile });
    await runCommand('apt-get', ['install', '-y', ...missing], { env, timeoutMs: 10 * 60_000, logFile });
  } catch (error) {
    throw new Error(`${(error as Error).message}; see ${logFile}:\n${tail(logFile)}`);
  }
  const still = missingDebianPackages(needBuildTools);
  if (still.length > 0) throw new Error(`apt-get did not install ${still.join(', ')}; see ${logFile}`);
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function isInstalled(): boolean {
  try {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    // Native modules are built for one Node.js major version.
    const sameNode = String(marker.node).split('.')[0] === process.version.split('.')[0];
    return (
      marker.version === CODE_SERVER_VERSION &&
      sameNode &&
      existsSync(entryScript) &&
      existsSync(join(packageDir, 'lib', 'vscode', 'node_modules.asar'))
    );
  } catch {
    return false;
  }
}

/**
 * code-server's nested `@vscode/ripgrep@1.15.11` postinstall downloads `rg` from GitHub, which is
 * out of reach here. It looks in a cache folder first, so put Debian's `rg` there in the archive
 * it expects.
 */
function seedRipgrepCache(): void {
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is not installed');
  const staging = mkdtempSync(join(tmpdir(), 'cable-e2e-rg-'));
  try {
    mkdirSync(cache, { recursive: true });
    copyFileSync(rg, join(staging, 'rg'));
    execFileSync('tar', ['czf', archive, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Makes sure code-server and Chromium are there: installs what is missing (Debian packages with
 * apt-get as root, code-server with npm into .vscode-test/code-server/). Quick when both are.
 */
export async function ensureEditor(): Promise<void> {
  const installed = isInstalled();
  await ensureDebianPackages(!installed);
  if (installed) return;

  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} needs Node.js 20 (its engines.node); this is Node.js ${process.version}`,
    );
  }
  const startedAt = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (once; about a minute, ~300 MB)`);
  seedRipgrepCache();
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(
    join(cacheDir, 'package.json'),
    JSON.stringify(
      {
        name: 'cable-e2e-code-server',
        private: true,
        description: 'code-server for the editor tests of the cable extension (not a project dependency; see test/e2e)',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        // npm 11 asks for install scripts to be approved: code-server's postinstall installs and
        // builds VS Code's own node_modules, argon2 fetches or builds its native module.
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );
  const logFile = join(cacheDir, 'install.log');
  try {
    await runCommand('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], {
      cwd: cacheDir,
      timeoutMs: 15 * 60_000,
      logFile,
      env: {
        ...process.env,
        // code-server's postinstall refuses to run as root without unsafe_perm; node-pty's
        // postinstall calls `npx node-gyp`, which would otherwise wait for a "yes".
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true',
        npm_config_update_notifier: 'false',
      },
    });
  } catch (error) {
    throw new Error(`installing code-server failed: ${(error as Error).message}; see ${logFile}:\n${tail(logFile)}`);
  }
  if (!existsSync(join(packageDir, 'lib', 'vscode', 'node_modules.asar'))) {
    throw new Error(
      `code-server's postinstall did not run (no lib/vscode/node_modules.asar); see ${logFile}:\n${tail(logFile)}`,
    );
  }
  writeFileSync(
    markerFile,
    JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, installedAt: new Date().toISOString() }) +
      '\n',
  );
  log(`code-server installed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
}

/** Throwaway folders of one editor session: user data, extensions, config, logs. */
export interface EditorDirs {
  root: string;
  userDataDir: string;
  extensionsDir: string;
}

/** Fresh folders under the OS temp dir, removed at cleanup (kept with CABLE_E2E_KEEP=1). */
export function makeEditorDirs(prefix: string): EditorDirs {
  const root = mkdtempSync(join(tmpdir(), prefix));
  if (!process.env.CABLE_E2E_KEEP)
    onCleanup(`temp folder ${root}`, () => rmSync(root, { recursive: true, force: true }));
  const dirs = { root, userDataDir: join(root, 'user-data'), extensionsDir: join(root, 'extensions') };
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  writeFileSync(join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2) + '\n');
  return dirs;
}

/** A quiet, predictable editor: nothing phones home, nothing pops up over what the tests look at. */
export const userSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.editor.enablePreview': false,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'typescript.disableAutomaticTypeAcquisition': true,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'editor.hover.delay': 200,
  'outline.collapseItems': 'alwaysExpand',
};

/** Environment for code-server: its config, data and cache folders inside the session's temp folder. */
function editorEnv(dirs: EditorDirs, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(dirs.root, 'xdg-config'),
    XDG_DATA_HOME: join(dirs.root, 'xdg-data'),
    // VS Code keeps a device id under ~/.cache/Microsoft even with telemetry off.
    XDG_CACHE_HOME: join(dirs.root, 'xdg-cache'),
    ...extra,
  };
}

/** Installs a .vsix into the session's extensions folder; returns the folder it was unpacked to. */
export async function installVsix(dirs: EditorDirs, vsix: string): Promise<string> {
  await runCommand(
    process.execPath,
    [
      entryScript,
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { env: editorEnv(dirs), timeoutMs: 60_000, logFile: join(dirs.root, 'install-extension.log') },
  );
  const { publisher, name, version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const prefix = `${publisher}.${name}-${version}`.toLowerCase();
  const folder = readdirSync(dirs.extensionsDir).find(
    (entry) => entry.toLowerCase() === prefix || entry.toLowerCase().startsWith(prefix),
  );
  if (!folder) throw new Error(`${vsix} did not install into ${dirs.extensionsDir}`);
  return join(dirs.extensionsDir, folder);
}

export interface RunningEditor {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  logFile: string;
  /** URL of the workbench with `folder` (or a `.code-workspace` file) open, optionally with a `payload` (see payloadUrl). */
  url(folder: string, payload?: Array<[string, string]>): string;
  /** `vscode-remote://127.0.0.1:PORT/abs/path`: how the workbench names a path on the server. */
  remote(path: string): string;
  stop(): Promise<void>;
}

/**
 * Starts code-server on a free loopback port, no auth, and resolves once it listens.
 * `env` reaches the extension host (code-server passes its environment on).
 */
export async function startEditor(
  dirs: EditorDirs,
  options: { port?: number; env?: NodeJS.ProcessEnv; logFile?: string } = {},
): Promise<RunningEditor> {
  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? join(dirs.root, 'code-server.log');
  const configFile = join(dirs.root, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    entryScript,
    '--config',
    configFile,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    dirs.userDataDir,
    '--extensions-dir',
    dirs.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: editorEnv(dirs, options.env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile);
  const forget = onCleanup(
    `code-server (pid ${child.pid})`,
    () => stopChild(child),
    () => killGroup(child, 'SIGKILL'),
  );
  let output = '';
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => resolve(`code-server exited with ${signal ?? code}`)),
  );
  const listening = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      out.write(chunk);
      if (output.length < 20_000) output += chunk.toString();
      if (output.includes('HTTP server listening on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  const failure = await Promise.race([
    listening.then(() => undefined),
    exited,
    sleep(60_000).then(() => 'code-server did not report listening within 60 s'),
  ]);
  if (failure) {
    await stopChild(child);
    forget();
    throw new Error(`${failure}; its output:\n${output.trim().split('\n').slice(-30).join('\n')}`);
  }
  const origin = `http://127.0.0.1:${port}`;
  const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
  return {
    origin,
    port,
    logFile,
    remote,
    url(folder, payload) {
      const opened = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
      let url = `${origin}/?${opened}=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    async stop() {
      await stopChild(child);
      forget();
      out.end();
    },
  };
}

/** SIGTERM to code-server's process group (extension host, language server...), SIGKILL after 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    await Promise.race([exited, sleep(5_000)]);
  }
  // Whatever is left in the group (the extension host can outlive its parent for a moment).
  killGroup(child, 'SIGKILL');
}
