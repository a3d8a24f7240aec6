// The web extension (vscode.dev, github.dev; package.json "browser"): the same client as on the desktop, with the
// language server in a web worker (dist/browser/server.js, built from server/src/browserMain.ts).
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions } from 'vscode-languageclient/browser';
import { activateCable, deactivateCable } from './common';

/** The web extension host's Worker (the client's tsconfig has no DOM library). */
const WorkerConstructor = (globalThis as unknown as { Worker: new (url: string, options?: { name?: string }) => unknown }).Worker;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  await activateCable(
    context,
    // Any scheme: on the web, workspaces are virtual (vscode-vfs://github/..., vscode-test-web://...).
    [{ language: 'cable' }],
    (clientOptions) => {
      // A new worker on every start (a restart stops the old one: it closes itself on the LSP exit notification).
      const serverOptions: ServerOptions = async () => new WorkerConstructor(serverMain.toString(true), { name: 'Cable Language Server' });
      return new LanguageClient('cable', 'Cable Language Server', serverOptions, clientOptions);
    },
  );
}

export function deactivate(): Promise<void> {
  return deactivateCable();
}
