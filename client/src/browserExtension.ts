// The web extension (vscode.dev, github.dev; package.json "browser"): the same client as on the desktop, with the
// language server in a web worker (dist/browser/server.js, built from server/src/browserMain.ts).
import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient,
  ServerOptions,
} from 'vscode-languageclient/browser';
import { activateCable, deactivateCable } from './common';

/** A worker, as the message reader and writer take it (the client's tsconfig has no DOM library). */
type ServerWorker = ConstructorParameters<typeof BrowserMessageReader>[0];
/** The web extension host's Worker. */
const WorkerConstructor = (
  globalThis as unknown as {
    Worker: new (url: string, options?: { name?: string }) => ServerWorker & { terminate(): void };
  }
).Worker;

/**
 * The URL to start the server worker from. The web worker extension host refuses to start a worker from a
 * `vscode-remote:` URI (an extension installed on the machine a browser workbench is connected to: code-server,
 * Codespaces, `code serve-web`), but its `fetch` reads such URIs: start the worker from a blob of the script then.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const response = await fetch(script.toString(true));
  if (!response.ok)
    throw new Error(
      `cannot read the language server script ${script.toString(true)}: ${response.status} ${response.statusText}`,
    );
  return URL.createObjectURL(new Blob([await response.text()], { type: 'application/javascript' }));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  // Read once, a restart starts its worker from the same URL; read again after a failure.
  let serverUrl: Promise<string> | undefined;
  const startUrl = () =>
    (serverUrl ??= workerUrl(serverMain).catch((error) => {
      serverUrl = undefined;
      throw error;
    }));
  await activateCable(
    context,
    // Any scheme: on the web, workspaces are virtual (vscode-vfs://github/..., vscode-test-web://...).
    [{ language: 'cable' }],
    (clientOptions) => {
      // A new worker on every start. The old one closes itself on the LSP exit notification; one that hung (a restart
      // after a stop that timed out) is ended here, as the Node client kills a server process.
      let worker: InstanceType<typeof WorkerConstructor> | undefined;
      // Returned as reader and writer, not as the worker: the client tells a worker by `instanceof Worker`, which
      // fails in the web worker extension host, whose Worker is a wrapper function.
      const serverOptions: ServerOptions = async () => {
        const url = await startUrl();
        worker?.terminate();
        worker = new WorkerConstructor(url, { name: 'Cable Language Server' });
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
      };
      return new LanguageClient('cable', 'Cable Language Server', serverOptions, clientOptions);
    },
  );
}

export function deactivate(): Promise<void> {
  return deactivateCable();
}
