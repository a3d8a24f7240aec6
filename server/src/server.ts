// The only file that knows the LSP connection: capabilities, document sync, request -> provider.
// The transport is the entry point's business (main.ts for Node, browserMain.ts for a web worker), and so is file
// access: the entry point passes the WorkspaceFiles that the workspace index reads with (none: open documents only).
import {
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  InitializeResult,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  WatchKind,
} from 'vscode-languageserver';
import { cableAt } from './features/cableAt';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { completions } from './features/completion';
import { definition } from './features/definition';
import { documentDiagnostics, RuleSettings } from './features/diagnostics/diagnostics';
import { documentLinks } from './features/documentLinks';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentSymbols } from './features/outline';
import { references } from './features/references';
import { SEMANTIC_TOKENS_LEGEND, semanticTokenData, semanticTokensDelta } from './features/semanticTokens';
import { CABLE_AT_METHOD, CableAtParams, TABLES_METHOD, TablesParams } from './protocol';
import { formatTableProblem, loadExtraTables, TableProblem } from './tables';
import { workspaceSymbols } from './features/workspaceSymbols';
import { CableIndex, uriKey } from './workspace/cableIndex';
import { CableDocument, OpenDocuments } from './workspace/documents';
import { CABLE_FILE_GLOB, isCableFileName, WorkspaceFiles } from './workspace/files';
import { indexFolders } from './workspace/indexer';

export interface ServerOptions {
  /** How to find and read the workspace's cable files (Node: nodeFiles.ts). */
  files?: WorkspaceFiles;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new OpenDocuments();
  const index = new CableIndex();
  const files = options.files;
  let workspaceFolders: string[] = [];
  /** Reading files into the index, one task after another; navigation requests wait until it is idle. */
  let indexing: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void>): void => {
    indexing = indexing.then(task).catch((error) => connection.console.error(`Indexing failed: ${error instanceof Error ? error.stack : error}`));
  };
  let ruleSettings: RuleSettings = {};
  let clientHasConfiguration = false;
  let clientWatchesFiles = false;
  let clientHasWorkspaceFolders = false;
  let definitionLinkSupport = false;
  /** Last semantic tokens sent per document, for delta requests. */
  const lastTokens = new Map<string, { resultId: string; data: number[] }>();
  let nextResultId = 1;
  /** Problems in the user's tables of initializationOptions, reported once the client is initialized. */
  let startupTableProblems: TableProblem[] = [];

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = !!params.capabilities.workspace?.configuration;
    clientWatchesFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    clientHasWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
    definitionLinkSupport = !!params.capabilities.textDocument?.definition?.linkSupport;
    workspaceFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    ruleSettings = params.initializationOptions?.diagnostics?.rules ?? {};
    startupTableProblems = loadExtraTables((params.initializationOptions?.tables as TablesParams | undefined)?.files);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Cables' },
        hoverProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [' ', '/', '('] },
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cable-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    reportTableProblems(startupTableProblems);
    enqueue(() => indexWorkspace(workspaceFolders));
    if (clientWatchesFiles && files) {
      const watchers = [{ globPattern: CABLE_FILE_GLOB }, { globPattern: '**/*', kind: WatchKind.Delete }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error) => connection.console.warn(`No file watchers: ${error}`));
    }
    if (clientHasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = removed.map((folder) => folder.uri);
        workspaceFolders = [...workspaceFolders.filter((uri) => !gone.includes(uri)), ...added.map((folder) => folder.uri)];
        for (const uri of gone) index.removeFolder(uri);
        enqueue(() => indexWorkspace(added.map((folder) => folder.uri)));
      });
    }
    if (!clientHasConfiguration) return;
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
    await loadSettings();
  });

  /** Indexes folders, reporting window/workDoneProgress when the client takes it. */
  async function indexWorkspace(folders: readonly string[]): Promise<void> {
    if (!files || folders.length === 0) return;
    // Without progress when the client refuses it or does not answer soon: the index must not wait for the client.
    const noAnswer = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000));
    const reporter = await Promise.race([connection.window.createWorkDoneProgress().catch(() => undefined), noAnswer]);
    const result = await indexFolders(folders, files, index, {
      begin: (title, message) => reporter?.begin(title, 0, message, false),
      report: (percentage, message) => reporter?.report(percentage, message),
      done: () => reporter?.done(),
    });
    connection.console.log(`Indexed ${result.cables} cables in ${result.files} files (${(result.characters / 1e6).toFixed(1)} MB) in ${(result.milliseconds / 1000).toFixed(1)} s.`);
  }

  function inWorkspace(uri: string): boolean {
    const key = uriKey(uri);
    return workspaceFolders.some((folder) => key.startsWith(uriKey(folder).replace(/\/?$/, '/')));
  }

  /** Re-reads a file into the index (or drops it when it is gone or no cable), after the indexing under way. */
  function reindexFile(uri: string): void {
    enqueue(async () => {
      const text = await files?.readCableFile(uri);
      if (text === undefined) index.removeFile(uri);
      else index.setFile(uri, text);
    });
  }

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const { uri, type } of changes) {
      const name = uri.slice(uri.lastIndexOf('/') + 1);
      if (type === FileChangeType.Deleted) {
        // A deleted folder comes as one event for the folder. In the queue, so that a read under way cannot undo it.
        enqueue(async () => (isCableFileName(name) === 'no' ? index.removeFolder(uri) : index.removeFile(uri)));
      } else if (isCableFileName(name) !== 'no') {
        reindexFile(uri);
      }
    }
  });

  async function loadSettings(): Promise<void> {
    if (!clientHasConfiguration) return;
    const config = await connection.workspace.getConfiguration('cable');
    ruleSettings = { ...(config?.diagnostics?.rules ?? {}) };
    for (const document of documents.all()) publishDiagnostics(document);
  }

  connection.onDidChangeConfiguration(() => void loadSettings());

  // The user's code tables (cable.tables.extra), the complete set: replace the layer, re-check the open documents.
  connection.onNotification(TABLES_METHOD, (params: TablesParams | undefined) => {
    reportTableProblems(loadExtraTables(params?.files));
    for (const document of documents.all()) publishDiagnostics(document);
  });

  function reportTableProblems(problems: TableProblem[]): void {
    if (problems.length === 0) return;
    for (const problem of problems) connection.console.warn(`Code table ${formatTableProblem(problem)}`);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems: see the output of the cable language server)` : '';
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Cable code tables: ${formatTableProblem(problems[0])}${more}` });
  }

  function publishDiagnostics(document: CableDocument): void {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: documentDiagnostics(document.model, ruleSettings, document.reader) });
  }

  /** The open document, or a request error that says which document is unknown. */
  function documentOf(uri: string): CableDocument {
    const document = documents.get(uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown document ${uri}: open it first (textDocument/didOpen).`);
    return document;
  }

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const document = documents.open(textDocument.uri, textDocument.version, textDocument.text);
    index.setDocument(document.uri, document.reader);
    publishDiagnostics(document);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const document = documents.update(textDocument.uri, contentChanges, textDocument.version);
    if (!document) return;
    index.setDocument(document.uri, document.reader);
    publishDiagnostics(document);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    // The file counts again as it is on disk (re-read: it may have been saved).
    const onDisk = index.hasDiskFile(textDocument.uri) || inWorkspace(textDocument.uri);
    index.closeDocument(textDocument.uri);
    if (onDisk && files) reindexFile(textDocument.uri);
    documents.close(textDocument.uri);
    lastTokens.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol(({ textDocument }) => documentSymbols(documentOf(textDocument.uri).reader));
  connection.onHover(({ textDocument, position }) => hover(documentOf(textDocument.uri).reader, position));
  connection.onCodeAction(({ textDocument, range, context }) => codeActions(documentOf(textDocument.uri).reader, textDocument.uri, range, context.only, ruleSettings));
  connection.onCompletion(({ textDocument, position }) => completions(documentOf(textDocument.uri).reader, position));
  connection.onFoldingRanges(({ textDocument }) => foldingRanges(documentOf(textDocument.uri).model));
  connection.onRequest(CABLE_AT_METHOD, ({ textDocument, position }: CableAtParams) => cableAt(documentOf(textDocument.uri).reader, position));

  connection.onDocumentLinks(async ({ textDocument }) => {
    documentOf(textDocument.uri);
    await indexing;
    return documentLinks(index, textDocument.uri);
  });
  connection.onDefinition(async ({ textDocument, position }) => {
    documentOf(textDocument.uri);
    await indexing;
    return definition(index, textDocument.uri, position, definitionLinkSupport);
  });
  connection.onReferences(async ({ textDocument, position, context }) => {
    documentOf(textDocument.uri);
    await indexing;
    return references(index, textDocument.uri, position, context.includeDeclaration);
  });
  connection.onWorkspaceSymbol(async ({ query }) => {
    await indexing;
    return workspaceSymbols(index, query);
  });

  function tokensResult(uri: string, data: number[]) {
    const resultId = String(nextResultId++);
    lastTokens.set(uri, { resultId, data });
    return resultId;
  }

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const data = semanticTokenData(documentOf(textDocument.uri).model);
    return { resultId: tokensResult(textDocument.uri, data), data };
  });
  connection.languages.semanticTokens.onDelta(({ textDocument, previousResultId }) => {
    const data = semanticTokenData(documentOf(textDocument.uri).model);
    const previous = lastTokens.get(textDocument.uri);
    const resultId = tokensResult(textDocument.uri, data);
    return previous?.resultId === previousResultId ? semanticTokensDelta(previous.data, data, resultId) : { resultId, data };
  });
  connection.languages.semanticTokens.onRange(({ textDocument, range }) => ({
    data: semanticTokenData(documentOf(textDocument.uri).model, range.start.line, range.end.line),
  }));

  connection.listen();
}
