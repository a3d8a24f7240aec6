// What the desktop (extension.ts, server in a Node process) and the web extension (browserExtension.ts, server in a
// web worker) share: client options, commands, the status bar and the user's code tables. No Node modules here.
import * as vscode from 'vscode';
import { BaseLanguageClient, ErrorAction, ErrorHandler, LanguageClientOptions, State } from 'vscode-languageclient';
import { TableFile, TABLES_METHOD, TablesParams } from '../../server/src/protocol';
import { detectPlainTextCables, firstCableDocument } from './plainTextCables';
import { restartingErrorHandler, restartServer } from './restart';
import { CableStatusBar, REVEAL_CLASSIFICATION_COMMAND, revealClassification } from './statusBar';
import { UserTables } from './userTables';

let client: BaseLanguageClient | undefined;

/** What a front end adds to the server it starts (the desktop: the Cablegate archives, archives.ts). */
export interface ServerExtras {
  /** More initializationOptions, read on every start. */
  initializationOptions(): Record<string, unknown>;
  /** The client, once made (before it starts). */
  created(client: BaseLanguageClient): void;
}

/**
 * Starts the client made by `createClient` for the cable documents of `documentSelector`.
 * The user's tables go to the server in initializationOptions (read again on every start, so a restart keeps them)
 * and, when they change, in a cable/tables notification.
 */
export async function activateCable(
  context: vscode.ExtensionContext,
  documentSelector: { language: string; scheme?: string }[],
  createClient: (options: LanguageClientOptions) => BaseLanguageClient,
  extras?: ServerExtras,
): Promise<void> {
  // Activated by plain-text files too (to recognise cables saved as .txt): the server starts with the first cable.
  context.subscriptions.push(detectPlainTextCables());
  await firstCableDocument();
  const outputChannel = vscode.window.createOutputChannel('Cable Language Server', { log: true });
  const tables = new UserTables(outputChannel);
  context.subscriptions.push(outputChannel, tables);
  await tables.reload();
  /** The tables the server has: a change while it starts is sent once it runs. */
  let sent: TableFile[] | undefined;
  let defaultErrorHandler: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel,
    synchronize: { configurationSection: 'cable' },
    initializationOptions: () => ({
      tables: { files: (sent = tables.files) } satisfies TablesParams,
      ...extras?.initializationOptions(),
    }),
    errorHandler: restartingErrorHandler(
      () => (defaultErrorHandler ??= started.createDefaultErrorHandler()),
      ErrorAction.Continue,
    ),
  };
  const started = (client = createClient(clientOptions));
  extras?.created(started);
  const sendTables = () => {
    if (!started.isRunning() || sent === tables.files) return;
    sent = tables.files;
    void started.sendNotification(TABLES_METHOD, { files: sent } satisfies TablesParams);
  };
  context.subscriptions.push(
    tables.onDidChange(sendTables),
    started.onDidChangeState(({ newState }) => newState === State.Running && sendTables()),
    new CableStatusBar(started, documentSelector),
    vscode.commands.registerCommand('cable.restartServer', () => restartServer(started)),
    vscode.commands.registerCommand(REVEAL_CLASSIFICATION_COMMAND, () => revealClassification(started)),
  );
  await started.start();
}

export async function deactivateCable(): Promise<void> {
  await client?.stop();
  client = undefined;
}
