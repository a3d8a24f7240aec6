// The web extension in VS Code's web worker extension host (the host of vscode.dev): run.ts opens a
// second workbench whose extension is web-only (harness/webOnly.ts). First proof that it runs there,
// then the UI tests again, now answered by the language server in a web worker.
import { samples } from '../samples';
import { waitFor } from '../harness/util';
import { UiTest, uiTests } from './uiTests';
import { openFile, runCommand } from './workbench';

/**
 * The name of our server's worker: the web worker extension host (itself the worker named
 * "ExtensionHostWorker") wraps `Worker` and names the workers an extension starts
 * "<its own name> -> <the name given>" (browserExtension.ts gives "Cable Language Server").
 */
const serverWorkerName = 'ExtensionHostWorker -> Cable Language Server';

const prefix = 'web worker host: ';

const hostCheck: UiTest = {
  name: `${prefix}the web-only extension activates in the web worker extension host, which starts the language server worker`,
  async run({ page, screenshot }) {
    await openFile(page, samples.seed);
    let names: string[] = [];
    await waitFor(
      `a worker named "${serverWorkerName}"`,
      async () => {
        names = await Promise.all(
          page.workers().map((worker) => worker.evaluate(() => self.name).catch(() => '(gone)')),
        );
        return names.includes(serverWorkerName);
      },
      20_000,
    ).catch((error) => {
      throw new Error(`${error.message}; the page's workers: ${JSON.stringify(names)}`);
    });
    // VS Code's own account: one row for the extension, in the web worker host (the rows of the
    // Node extension host name the server, 127.0.0.1:PORT), activated.
    await runCommand(page, 'Developer: Show Running Extensions');
    const rows = page.locator('.runtime-extensions-editor .monaco-list-row[aria-label="cable-language"]');
    let texts: string[] = [];
    await waitFor(
      'Running Extensions to show the extension activated in the web worker host',
      async () => {
        texts = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
        return texts.length === 1 && / web worker /.test(texts[0]) && /Activation: \d+ms/.test(texts[0]);
      },
      15_000,
    ).catch((error) => {
      throw new Error(`${error.message}; its rows for the extension: ${JSON.stringify(texts)}`);
    });
    await screenshot('running-extensions');
  },
};

/** The host check, then every UI test, their screenshots named web-worker-*.png. */
export const webWorkerHostTests: UiTest[] = [
  hostCheck,
  ...uiTests.map((test) => ({ ...test, name: `${prefix}${test.name}` })),
].map((test) => ({
  ...test,
  run: (context) => test.run({ ...context, screenshot: (name) => context.screenshot(`web-worker-${name}`) }),
}));
