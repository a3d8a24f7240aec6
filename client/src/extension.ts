// The VS Code side: starts the cable language server and offers a restart command.
// Everything about cables lives in the server, so that other editors get the same features.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Cable Language Server', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'cable', scheme: 'file' },
      { language: 'cable', scheme: 'untitled' },
    ],
    outputChannel,
    synchronize: { configurationSection: 'cable' },
  };
  client = new LanguageClient('cable', 'Cable Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('cable.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
