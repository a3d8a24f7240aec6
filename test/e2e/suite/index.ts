// Entry of the in-host suite: VS Code's extension host loads this module and calls `run()`, both
// @vscode/test-electron (extensionTestsPath, `npm run test:electron`) and code-server through the
// `payload` URL query (`npm run test:e2e`). Results go to the console with a `[cable-e2e]` prefix
// and, when CABLE_E2E_REPORT names a file, to that file as JSON (the browser driver reads it).
import { renameSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Report, runTests } from './runner';
import './editor.spec';
import './features.spec';
import './beyond.spec';
import './restart.spec';
// Last: it adds the archive's cables to the workspace index for a while.
import './archive.spec';

function log(line: string): void {
  console.log(`[cable-e2e] ${line}`);
}

export async function run(): Promise<void> {
  const host = `${vscode.env.appName} ${vscode.version} (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`;
  log(`in-host suite in ${host}`);
  const grep = process.env.CABLE_E2E_GREP ? new RegExp(process.env.CABLE_E2E_GREP, 'i') : undefined;
  const outcome = await runTests(log, grep);
  const report: Report = { host, vscodeVersion: vscode.version, ...outcome };
  log(`${report.passed} passed, ${report.failed} failed (in-host, ${(report.ms / 1000).toFixed(1)} s)`);
  const reportFile = process.env.CABLE_E2E_REPORT;
  if (reportFile) {
    writeFileSync(`${reportFile}.partial`, JSON.stringify(report, null, 2));
    renameSync(`${reportFile}.partial`, reportFile);
  }
  if (report.failed > 0) throw new Error(`${report.failed} in-host test(s) failed`);
}
