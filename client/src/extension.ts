// The desktop extension: starts the cable language server in a Node process (dist/server.js, over IPC).
// Everything about cables lives in the server, so that other editors get the same features; what the desktop and the
// web extension (browserExtension.ts) share is in common.ts. Cablegate archives as folders (archives.ts) need Node's
// fs: desktop only.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { ARCHIVES_METHOD, ArchivesParams } from '../../server/src/protocol';
import { CablegateArchives, registerArchives } from './archives';
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
  // Before the server waits for a cable document: the archive's folder and commands work from the start.
  const archives = new CablegateArchives(context);
  registerArchives(context, archives);
  await activateCable(
    context,
    [
      { language: 'cable', scheme: 'file' },
      { language: 'cable', scheme: 'untitled' },
      { language: 'cable', scheme: 'cablegate' },
    ],
    (clientOptions) => new LanguageClient('cable', 'Cable Language Server', serverOptions, clientOptions),
    {
      initializationOptions: () => ({ archives: archives.archives() }) satisfies ArchivesParams,
      // A running server hears of a new archive before its folder is added (a server starting later reads it above).
      created: (client) => {
        archives.onDidOpenArchive = () =>
          client.state === State.Running
            ? client.sendNotification(ARCHIVES_METHOD, { archives: archives.archives() } satisfies ArchivesParams)
            : Promise.resolve();
      },
    },
  );
}

export function deactivate(): Promise<void> {
  return deactivateCable();
}
