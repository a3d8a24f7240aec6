// The desktop extension: starts the cable language server in a Node process (dist/server.js, over IPC).
// Everything about cables lives in the server, so that other editors get the same features; what the desktop and the
// web extension (browserExtension.ts) share is in common.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateCable, deactivateCable } from './common';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  await activateCable(
    context,
    [
      { language: 'cable', scheme: 'file' },
      { language: 'cable', scheme: 'untitled' },
    ],
    (clientOptions) => new LanguageClient('cable', 'Cable Language Server', serverOptions, clientOptions),
  );
}

export function deactivate(): Promise<void> {
  return deactivateCable();
}
