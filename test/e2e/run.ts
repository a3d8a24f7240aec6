// `npm run test:e2e`: the extension in a real VS Code. Packs nothing itself (the npm script runs
// `npm run package` first), then:
//   1. makes sure code-server and Chromium are installed (harness/codeServer.ts; first time ~2 min),
//   2. installs the fresh .vsix into a throwaway extensions folder,
//   3. starts code-server on a free loopback port with throwaway user data and settings,
//   4. runs the in-host suite (suite/) in VS Code's extension host through the `payload` URL query,
//   5. runs the UI tests (ui/) in headless Chromium and saves screenshots,
//   6. runs them again in VS Code's web worker extension host on a web-only variant of the extension
//      (harness/webOnly.ts, ui/webWorkerHost.ts), on a second code-server,
//   7. stops everything, prints `N passed, N failed` last, exits 1 on any failure.
// Options (after `npm run test:e2e --`):
//   --update-screenshots   also copy the screenshots of passing UI tests into docs/images/
//   --grep REGEX           only tests whose name matches (also CABLE_E2E_GREP)
//   --keep                 keep the temp folders (also CABLE_E2E_KEEP=1)
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { projectRoot } from '../support/paths';
import { launchBrowser, newPage } from './harness/browser';
import { installExitHandlers, runCleanups } from './harness/cleanup';
import { ensureEditor, installVsix, makeEditorDirs, RunningEditor, startEditor } from './harness/codeServer';
import { startWebOnlyEditor } from './harness/webOnly';
import { makeSampleFolder, makeSampleWorkspace } from './harness/workspace';
import { log, waitFor, withTimeout } from './harness/util';
import type { Report } from './suite/runner';
import { UiTest, uiTests } from './ui/uiTests';
import { webWorkerHostTests } from './ui/webWorkerHost';
import { waitForWorkbench } from './ui/workbench';

interface Outcome {
  kind: 'in-host' | 'ui' | 'web' | 'harness';
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  needs?: string;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const updateScreenshots = process.argv.includes('--update-screenshots');
const grepSource = option('grep') ?? process.env.CABLE_E2E_GREP;
const grep = grepSource ? new RegExp(grepSource, 'i') : undefined;
if (process.argv.includes('--keep')) process.env.CABLE_E2E_KEEP = '1';

const outDir = join(projectRoot, 'out', 'e2e');
const screenshotDir = join(outDir, 'screenshots');
const logDir = join(outDir, 'logs');
const docsImages = join(projectRoot, 'docs', 'images');
/** The whole run, install included, must end well within CI's 30 minutes. */
const overallTimeoutMs = 20 * 60_000;

const outcomes: Outcome[] = [];
const timings: string[] = [];
const startedAt = Date.now();

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  log(`${name}...`);
  try {
    return await fn();
  } finally {
    timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs suite/index.js inside the extension host of a workbench window opened with a `payload`. */
async function runInHostSuite(
  browser: Browser,
  editor: RunningEditor,
  extensionFolder: string,
  folder: string,
  reportFile: string,
): Promise<void> {
  const page = await newPage(browser);
  const consoleLog: string[] = [];
  let started = false;
  page.on('console', (message) => {
    const text = message.text();
    consoleLog.push(`[${message.type()}] ${text}`);
    const at = text.indexOf('[cable-e2e] ');
    if (at >= 0) {
      started = true;
      console.log(`  ${text.slice(at + 12)}`);
    }
  });
  try {
    // The extension under test is the one installed from the .vsix; naming its folder as the
    // development extension is what makes the workbench run extensionTestsPath.
    const suiteEntry = join(outDir, 'suite', 'index');
    await page.goto(
      editor.url(folder, [
        ['extensionDevelopmentPath', editor.remote(extensionFolder)],
        ['extensionTestsPath', editor.remote(suiteEntry)],
      ]),
    );
    await waitForWorkbench(page);
    await waitFor('the in-host suite to start (a "[cable-e2e]" line in the console)', () => started, 90_000);
    const report = await waitFor<Report>(
      'the in-host suite report',
      () => (existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Report) : undefined),
      5 * 60_000,
      250,
    );
    for (const result of report.results) outcomes.push({ kind: 'in-host', ...result });
    log(`in-host suite in ${report.host}: ${report.passed} passed, ${report.failed} failed`);
  } catch (error) {
    await page.screenshot({ path: join(screenshotDir, 'failed-in-host-suite.png') }).catch(() => undefined);
    throw error;
  } finally {
    writeFileSync(join(logDir, 'in-host-console.log'), consoleLog.join('\n') + '\n');
    await withTimeout(page.context().close(), 10_000, 'closing the in-host window').catch(() => undefined);
  }
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Runs UI tests one after the other in one workbench window on a folder of sample cables. */
async function runUiTests(
  browser: Browser,
  editor: RunningEditor,
  folder: string,
  kind: 'ui' | 'web' = 'ui',
  tests: UiTest[] = uiTests,
): Promise<void> {
  const page = await newPage(browser);
  const consoleLog: string[] = [];
  page.on('console', (message) => consoleLog.push(`[${message.type()}] ${message.text()}`));
  try {
    await page.goto(editor.url(folder));
    await waitForWorkbench(page);
    for (const test of tests) {
      if (grep && !grep.test(test.name)) continue;
      const t0 = Date.now();
      const shots: string[] = [];
      const context = {
        page,
        screenshot: async (name: string) => {
          const file = join(screenshotDir, `${name}.png`);
          await page.screenshot({ path: file });
          shots.push(file);
        },
      };
      try {
        await withTimeout(test.run(context), test.timeoutMs ?? 60_000, test.name);
        outcomes.push({ kind, name: test.name, ok: true, ms: Date.now() - t0 });
        console.log(`  ✔ ${test.name} (${Date.now() - t0} ms)`);
        if (updateScreenshots && kind === 'ui') {
          mkdirSync(docsImages, { recursive: true });
          for (const shot of shots) copyFileSync(shot, join(docsImages, shot.split('/').pop()!));
        }
      } catch (error) {
        outcomes.push({
          kind,
          name: test.name,
          ok: false,
          ms: Date.now() - t0,
          error: errorText(error),
          needs: test.needs,
        });
        console.log(`  ✘ ${test.name} (${Date.now() - t0} ms)${test.needs ? ` [needs ${test.needs}]` : ''}`);
        for (const line of errorText(error).split('\n').slice(0, 10)) console.log(`      ${line}`);
        await page.screenshot({ path: join(screenshotDir, `failed-${slug(test.name)}.png`) }).catch(() => undefined);
      } finally {
        await page.keyboard.press('Escape').catch(() => undefined);
      }
    }
  } finally {
    writeFileSync(join(logDir, `${kind}-console.log`), consoleLog.join('\n') + '\n');
    await withTimeout(page.context().close(), 10_000, 'closing the UI window').catch(() => undefined);
  }
}

function printSummary(): number {
  const failed = outcomes.filter((outcome) => !outcome.ok);
  const passed = outcomes.length - failed.length;
  console.log('');
  for (const kind of ['in-host', 'ui', 'web', 'harness'] as const) {
    const mine = outcomes.filter((outcome) => outcome.kind === kind);
    if (mine.length === 0) continue;
    console.log(
      `${kind.padEnd(8)} ${mine.filter((o) => o.ok).length} passed, ${mine.filter((o) => !o.ok).length} failed`,
    );
  }
  if (failed.length > 0) {
    console.log('\nFailed:');
    for (const outcome of failed) {
      console.log(`  ✘ [${outcome.kind}] ${outcome.name}${outcome.needs ? `  (needs ${outcome.needs})` : ''}`);
      console.log(`      ${(outcome.error ?? '').split('\n')[0]}`);
    }
    const waiting = [...new Set(failed.filter((o) => o.needs).map((o) => o.needs))];
    if (waiting.length > 0) console.log(`\nFailures in tests of language features: ${waiting.join(', ')}.`);
  }
  console.log(`\nscreenshots: ${screenshotDir}${updateScreenshots ? ` (passing ones copied to ${docsImages})` : ''}`);
  console.log(`logs:        ${logDir}`);
  console.log(`e2e wall time ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${timings.join(', ')}`);
  console.log(`${passed} passed, ${failed.length} failed`);
  return failed.length === 0 && passed > 0 ? 0 : 1;
}

async function main(): Promise<number> {
  installExitHandlers((reason) => {
    outcomes.push({ kind: 'harness', name: 'the e2e run', ok: false, ms: Date.now() - startedAt, error: reason });
    printSummary();
  });
  const watchdog = setTimeout(() => {
    outcomes.push({
      kind: 'harness',
      name: 'the whole e2e run',
      ok: false,
      ms: overallTimeoutMs,
      error: `timed out after ${overallTimeoutMs / 60_000} min`,
    });
    console.error('[e2e] the whole run timed out; stopping everything');
    void runCleanups(5_000).finally(() => process.exit(printSummary() || 1));
  }, overallTimeoutMs);
  watchdog.unref();
  rmSync(screenshotDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  let currentStep = 'setup';
  try {
    const { name, version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    const vsix = join(projectRoot, `${name}-${version}.vsix`);
    if (!existsSync(vsix))
      throw new Error(`${vsix} is missing: run \`npm run package\` first (\`npm run test:e2e\` does)`);
    if (!existsSync(join(outDir, 'suite', 'index.js')))
      throw new Error('out/e2e/suite/index.js is missing: run `node esbuild.mjs --e2e` first');

    currentStep = 'install code-server and Chromium';
    await step(currentStep, ensureEditor);
    const dirs = makeEditorDirs('cable-e2e-');
    currentStep = 'install the .vsix';
    const extensionFolder = await step(currentStep, () => installVsix(dirs, vsix));
    const suiteWorkspace = makeSampleWorkspace(makeSampleFolder(join(dirs.root, 'suite-cables')));
    const uiFolder = makeSampleFolder(join(dirs.root, 'cables'));
    const reportFile = join(dirs.root, 'in-host-report.json');
    currentStep = 'start code-server';
    const editor = await step(currentStep, () =>
      startEditor(dirs, {
        logFile: join(logDir, 'code-server.log'),
        // code-server passes its environment on to the extension host, where the suite reads these.
        env: { CABLE_E2E_REPORT: reportFile, CABLE_E2E_GREP: grepSource ?? '' },
      }),
    );
    currentStep = 'launch Chromium';
    const browser = await step(currentStep, launchBrowser);
    currentStep = 'in-host suite';
    await step(currentStep, () => runInHostSuite(browser, editor, extensionFolder, suiteWorkspace, reportFile));
    currentStep = 'UI tests';
    await step(currentStep, () => runUiTests(browser, editor, uiFolder));
    if (webWorkerHostTests.some((test) => !grep || grep.test(test.name))) {
      await editor.stop(); // one code-server at a time
      currentStep = 'start code-server with the web-only extension';
      const web = await step(currentStep, () => startWebOnlyEditor(vsix, join(logDir, 'code-server-web.log')));
      currentStep = 'web worker host tests';
      await step(currentStep, () => runUiTests(browser, web.editor, web.folder, 'web', webWorkerHostTests));
    }
  } catch (error) {
    outcomes.push({ kind: 'harness', name: currentStep, ok: false, ms: 0, error: errorText(error) });
    console.error(`[e2e] ${currentStep} failed: ${errorText(error)}`);
  } finally {
    await step('stop everything', () => runCleanups());
  }
  return printSummary();
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
