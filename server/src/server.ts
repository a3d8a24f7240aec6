// The only file that knows the LSP connection: capabilities, document sync, request -> provider.
// The transport is the entry point's business (main.ts for Node, browserMain.ts for a web worker), and so is file
// access: the entry point passes the WorkspaceFiles that the workspace index reads with (none: open documents only).
// Whatever a client sends, the server answers every request (a result or an InvalidParams error), ignores malformed
// notifications with a log message, and never dies of a failed request of its own.
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
import { DEFAULT_MAX_OUTLINE_SYMBOLS, documentSymbols, limitSymbols } from './features/outline';
import { references } from './features/references';
import { SEMANTIC_TOKENS_LEGEND, semanticTokenData, semanticTokensDelta } from './features/semanticTokens';
import { CABLE_AT_METHOD, CableAtParams, TABLES_METHOD, TablesParams } from './protocol';
import { formatTableProblem, loadExtraTables, TableProblem } from './vocabulary';
import { workspaceSymbols } from './features/workspaceSymbols';
import { CableIndex, uriKey } from './service/cableIndex';
import { Position, TextChange } from './syntax/model';
import { CableDocument, OpenDocuments } from './service/documents';
import { CABLE_FILE_GLOB, isCableFileName, WorkspaceFiles } from './cableFiles/files';
import { indexFolders } from './service/indexer';

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
    indexing = indexing
      .then(task)
      .catch((error) => connection.console.error(`Indexing failed: ${error instanceof Error ? error.stack : error}`));
  };
  let ruleSettings: RuleSettings = {};
  let maxOutlineSymbols = DEFAULT_MAX_OUTLINE_SYMBOLS;
  /** Open documents whose outline was cut, told once each in the log; the first one in a session also to the user. */
  const cutOutlines = new Set<string>();
  let toldUserOfCutOutline = false;
  let clientHasConfiguration = false;
  let clientWatchesFiles = false;
  let clientHasWorkspaceFolders = false;
  let definitionLinkSupport = false;
  /** Last semantic tokens sent per document, for delta requests. */
  const lastTokens = new Map<string, { resultId: string; data: number[] }>();
  let nextResultId = 1;
  /** Problems in the user's tables of initializationOptions, reported once the client is initialized. */
  let startupTableProblems: TableProblem[] = [];

  /** Logs a failure that has no request to answer (a notification, a request of the server's own). */
  function logFailure(what: string, error: unknown): void {
    connection.console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = !!params?.capabilities?.workspace?.configuration;
    clientWatchesFiles = !!params?.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    clientHasWorkspaceFolders = !!params?.capabilities?.workspace?.workspaceFolders;
    definitionLinkSupport = !!params?.capabilities?.textDocument?.definition?.linkSupport;
    const folders = Array.isArray(params?.workspaceFolders)
      ? params.workspaceFolders.map((folder) => folder?.uri).filter((uri) => typeof uri === 'string')
      : [];
    workspaceFolders = folders.length ? folders : typeof params?.rootUri === 'string' ? [params.rootUri] : [];
    ruleSettings = asRuleSettings(params?.initializationOptions?.diagnostics?.rules);
    maxOutlineSymbols = asMaxSymbols(params?.initializationOptions?.outline?.maxSymbols);
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
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch((error) => connection.console.warn(`No file watchers: ${error}`));
    }
    if (clientHasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = removed.map((folder) => folder.uri);
        workspaceFolders = [
          ...workspaceFolders.filter((uri) => !gone.includes(uri)),
          ...added.map((folder) => folder.uri),
        ];
        for (const uri of gone) index.removeFolder(uri);
        enqueue(() => indexWorkspace(added.map((folder) => folder.uri)));
      });
    }
    if (!clientHasConfiguration) return;
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'cable' })
      .catch((error) => logFailure('Registering for configuration changes failed', error));
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
    connection.console.log(
      `Indexed ${result.cables} cables in ${result.files} files (${(result.characters / 1e6).toFixed(1)} MB) in ${(result.milliseconds / 1000).toFixed(1)} s.`,
    );
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

  /** Reads `cable.*` from the client; a failed or malformed answer keeps the settings as they are. */
  async function loadSettings(): Promise<void> {
    if (!clientHasConfiguration) return;
    try {
      const config = await connection.workspace.getConfiguration('cable');
      ruleSettings = asRuleSettings(config?.diagnostics?.rules);
      maxOutlineSymbols = asMaxSymbols(config?.outline?.maxSymbols);
    } catch (error) {
      logFailure('Reading the cable settings failed', error);
      return;
    }
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
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problems: see the output of the cable language server)`
        : '';
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `Cable code tables: ${formatTableProblem(problems[0])}${more}`,
    });
  }

  function publishDiagnostics(document: CableDocument): void {
    connection
      .sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics: documentDiagnostics(document.model, ruleSettings, document.reader),
      })
      .catch((error) => logFailure('Sending diagnostics failed', error));
  }

  function reportCutOutline(uri: string, total: number): void {
    if (cutOutlines.has(uri)) return;
    cutOutlines.add(uri);
    const message = `The outline of ${uri.slice(uri.lastIndexOf('/') + 1)} shows ${maxOutlineSymbols} of its ${total} symbols, taken level by level: the cables, then their parts, then theirs. The setting cable.outline.maxSymbols raises the limit.`;
    connection.console.info(message);
    if (toldUserOfCutOutline) return;
    toldUserOfCutOutline = true;
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  }

  /** The open document the params name, or a request error that says what is wrong. */
  function documentOf(params: unknown): CableDocument {
    const uri = uriOf(params);
    if (uri === undefined) throw invalidParams('Expected params { textDocument: { uri: string } }.');
    const document = documents.get(uri);
    if (!document) throw invalidParams(`Unknown document ${uri}: open it first (textDocument/didOpen).`);
    return document;
  }

  connection.onDidOpenTextDocument((params) => {
    const item = params?.textDocument;
    if (typeof item?.uri !== 'string' || typeof item.text !== 'string')
      return logFailure('Ignored textDocument/didOpen', 'expected textDocument { uri, text }');
    const document = documents.open(item.uri, Number.isInteger(item.version) ? item.version : 0, item.text);
    index.setDocument(document.uri, document.reader);
    publishDiagnostics(document);
  });
  connection.onDidChangeTextDocument((params) => {
    const uri = uriOf(params);
    const document = uri === undefined ? undefined : documents.get(uri);
    if (!document) return logFailure('Ignored textDocument/didChange', `unknown document ${uri}`);
    const changes: unknown[] = Array.isArray(params.contentChanges) ? params.contentChanges : [];
    const valid = changes.filter(isChange);
    if (valid.length < changes.length || changes.length === 0)
      logFailure(
        'textDocument/didChange',
        `ignored ${changes.length - valid.length} malformed of ${changes.length} changes to ${uri}`,
      );
    const version = params.textDocument.version;
    documents.update(document.uri, valid, Number.isInteger(version) ? version : document.version);
    index.setDocument(document.uri, document.reader);
    publishDiagnostics(document);
  });
  connection.onDidCloseTextDocument((params) => {
    const uri = uriOf(params);
    if (uri === undefined) return logFailure('Ignored textDocument/didClose', 'expected textDocument { uri }');
    // The file counts again as it is on disk (re-read: it may have been saved).
    const onDisk = index.hasDiskFile(uri) || inWorkspace(uri);
    index.closeDocument(uri);
    if (onDisk && files) reindexFile(uri);
    documents.close(uri);
    lastTokens.delete(uri);
    cutOutlines.delete(uri);
    connection
      .sendDiagnostics({ uri, diagnostics: [] })
      .catch((error) => logFailure('Clearing diagnostics failed', error));
  });

  connection.onDocumentSymbol((params) => {
    const document = documentOf(params);
    const { symbols, total } = limitSymbols(documentSymbols(document.reader), maxOutlineSymbols);
    if (total > maxOutlineSymbols) reportCutOutline(document.uri, total);
    return symbols;
  });

  connection.onHover((params) => hover(documentOf(params).reader, positionOf(params)));
  connection.onCodeAction((params) => {
    const document = documentOf(params);
    if (!isRange(params.range)) throw invalidParams('Expected params.range { start: Position, end: Position }.');
    return codeActions(
      document.reader,
      document.uri,
      params.range,
      Array.isArray(params.context?.only) ? params.context.only : undefined,
      ruleSettings,
    );
  });
  connection.onCompletion((params) => completions(documentOf(params).reader, positionOf(params)));
  connection.onFoldingRanges((params) => foldingRanges(documentOf(params).model));
  connection.onRequest(CABLE_AT_METHOD, (params: CableAtParams) =>
    cableAt(documentOf(params).reader, positionOf(params)),
  );

  connection.onDocumentLinks(async (params) => {
    const document = documentOf(params);
    await indexing;
    return documentLinks(index, document.uri);
  });
  connection.onDefinition(async (params) => {
    const document = documentOf(params);
    const position = positionOf(params);
    await indexing;
    return definition(index, document.uri, position, definitionLinkSupport);
  });
  connection.onReferences(async (params) => {
    const document = documentOf(params);
    const position = positionOf(params);
    await indexing;
    return references(index, document.uri, position, params.context?.includeDeclaration === true);
  });
  connection.onWorkspaceSymbol(async (params) => {
    await indexing;
    return workspaceSymbols(index, typeof params?.query === 'string' ? params.query : '');
  });

  function tokensResult(uri: string, data: number[]) {
    const resultId = String(nextResultId++);
    lastTokens.set(uri, { resultId, data });
    return resultId;
  }

  connection.languages.semanticTokens.on((params) => {
    const document = documentOf(params);
    const data = semanticTokenData(document.model);
    return { resultId: tokensResult(document.uri, data), data };
  });
  connection.languages.semanticTokens.onDelta((params) => {
    const document = documentOf(params);
    const data = semanticTokenData(document.model);
    const previous = lastTokens.get(document.uri);
    const resultId = tokensResult(document.uri, data);
    return previous && previous.resultId === params.previousResultId
      ? semanticTokensDelta(previous.data, data, resultId)
      : { resultId, data };
  });
  connection.languages.semanticTokens.onRange((params) => {
    const document = documentOf(params);
    if (!isRange(params.range)) throw invalidParams('Expected params.range { start: Position, end: Position }.');
    return {
      data: semanticTokenData(document.model, Math.floor(params.range.start.line), Math.floor(params.range.end.line)),
    };
  });

  connection.listen();
}

/** Rule settings as the client gives them: an object of rule code -> severity or 'off'; anything else is no settings. */
function asRuleSettings(value: unknown): RuleSettings {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as RuleSettings) } : {};
}

/** `cable.outline.maxSymbols`: a positive whole number, else the default. */
function asMaxSymbols(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_OUTLINE_SYMBOLS;
}

function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function uriOf(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

function isPosition(value: unknown): value is Position {
  const p = value as Position | null | undefined;
  return typeof p === 'object' && p !== null && Number.isFinite(p.line) && Number.isFinite(p.character);
}

function positionOf(params: unknown): Position {
  const position = (params as { position?: unknown }).position;
  if (!isPosition(position)) throw invalidParams('Expected params.position { line: number, character: number }.');
  return position;
}

function isRange(value: unknown): value is { start: Position; end: Position } {
  const r = value as { start?: unknown; end?: unknown } | null | undefined;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

/** A content change the model can apply: text, and a well-formed range or none (the whole document). */
function isChange(value: unknown): value is TextChange {
  const change = value as { text?: unknown; range?: unknown } | null | undefined;
  return (
    typeof change === 'object' &&
    change !== null &&
    typeof change.text === 'string' &&
    (change.range === undefined || isRange(change.range))
  );
}
