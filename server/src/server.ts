// The only file that knows the LSP connection: capabilities, document sync, request -> provider.
// The transport is the entry point's business (main.ts for Node, browserMain.ts for a web worker), and so is file
// access: the entry point passes the WorkspaceFiles that the workspace index reads with (none: open documents only).
// Whatever a client sends, the server answers every request (a result or an InvalidParams error), ignores malformed
// notifications with a log message, and never dies of a failed request of its own.
import {
  CodeActionKind,
  Connection,
  ConnectionOptions,
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
import type { CableMetadata } from './archive/archive';
import { CABLE_FILE_GLOB, WorkspaceFiles } from './cableFiles/files';
import { FIX_ALL_KIND } from './features/codeActions';
import { RULE_LEVELS } from './features/diagnostics/rule';
import { CableSettings, DEFAULT_MAX_OUTLINE_SYMBOLS, RuleSettings } from './features/context';
import { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import {
  ARCHIVES_METHOD,
  ArchiveParams,
  ArchivesParams,
  CABLE_AT_METHOD,
  CABLE_FACTS_METHOD,
  CableAtParams,
  CableFactsParams,
  TABLES_METHOD,
  TablesParams,
} from './protocol';
import { IndexProgress } from './service/indexer';
import { createCableService, FileChange, UnknownDocumentError } from './service/service';
import { Position, TextChange } from './syntax/model';

export interface ServerOptions {
  /** How to find and read the workspace's cable files (Node: nodeFiles.ts). */
  files?: WorkspaceFiles;
  /**
   * The Cablegate archives open in the editor, whose folders `files` reads (Node: nodeArchive.ts); checked here.
   * Resolves to the folders (`cablegate://<authority>/`) of those that changed since their cables were read.
   */
  setArchives?: (archives: ArchiveParams[]) => Promise<string[]>;
  /** The publisher's metadata of a document read from one of those archives, for the metadata-mismatch rule. */
  archiveMetadata?: (uri: string) => Promise<CableMetadata | undefined>;
}

/** The archives of `cable/archives` or initializationOptions.archives, those well-formed. */
function archivesOf(params: unknown): ArchiveParams[] {
  const archives = (params as Partial<ArchivesParams> | undefined)?.archives;
  return Array.isArray(archives)
    ? archives.filter((a): a is ArchiveParams => typeof a?.path === 'string' && typeof a?.index === 'string')
    : [];
}

/**
 * Options for the entry points' connection: a request or notification whose params are `null` is read as one without
 * params, so that it reaches our handlers (which answer InvalidParams) instead of failing inside the library's
 * wrappers (which read `params.workDoneToken`) with an InternalError.
 */
export const CONNECTION_OPTIONS: ConnectionOptions = {
  messageStrategy: {
    handleMessage(message, next) {
      const withParams = message as { params?: unknown };
      if (withParams.params === null) delete withParams.params;
      next(message);
    },
  },
};

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const service = createCableService({
    files: options.files,
    logger: {
      info: (message) => connection.console.info(message),
      warn: (message) => connection.console.warn(message),
      error: (message) => connection.console.error(message),
      tell: (level, message) =>
        void connection.sendNotification(ShowMessageNotification.type, {
          type: level === 'warning' ? MessageType.Warning : MessageType.Info,
          message,
        }),
    },
    progress: indexingProgress,
  });
  let initialFolders: string[] = [];
  let startupTables: unknown;
  let clientHasConfiguration = false;
  let clientWatchesFiles = false;
  let clientHasWorkspaceFolders = false;
  let definitionLinkSupport = false;
  let clientResolvesCodeActionEdits = false;

  /** Logs a failure that has no request to answer (a notification, a request of the server's own). */
  function logFailure(what: string, error: unknown): void {
    connection.console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** window/workDoneProgress, or none when the client refuses it or does not answer soon: indexing must not wait. */
  async function indexingProgress(): Promise<IndexProgress | undefined> {
    const noAnswer = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000));
    const reporter = await Promise.race([connection.window.createWorkDoneProgress().catch(() => undefined), noAnswer]);
    return (
      reporter && {
        begin: (title, message) => reporter.begin(title, 0, message, false),
        report: (percentage, message) => reporter.report(percentage, message),
        done: () => reporter.done(),
      }
    );
  }

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = !!params?.capabilities?.workspace?.configuration;
    clientWatchesFiles = !!params?.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    clientHasWorkspaceFolders = !!params?.capabilities?.workspace?.workspaceFolders;
    definitionLinkSupport = !!params?.capabilities?.textDocument?.definition?.linkSupport;
    const resolvable = params?.capabilities?.textDocument?.codeAction?.resolveSupport?.properties;
    clientResolvesCodeActionEdits = Array.isArray(resolvable) && resolvable.includes('edit');
    const folders = Array.isArray(params?.workspaceFolders)
      ? params.workspaceFolders.map((folder) => folder?.uri).filter((uri) => typeof uri === 'string')
      : [];
    initialFolders = folders.length ? folders : typeof params?.rootUri === 'string' ? [params.rootUri] : [];
    service.settings = settingsOf(params?.initializationOptions);
    startupTables = (params?.initializationOptions?.tables as TablesParams | undefined)?.files;
    void options.setArchives?.(archivesOf(params?.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Cables' },
        hoverProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
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
    // The user's tables of initializationOptions: loaded now that the client can be told of their problems.
    service.setUserTables(startupTables);
    void service.addFolders(initialFolders);
    if (clientWatchesFiles && options.files) {
      const watchers = [{ globPattern: CABLE_FILE_GLOB }, { globPattern: '**/*', kind: WatchKind.Delete }];
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch((error) => connection.console.warn(`No file watchers: ${error}`));
    }
    if (clientHasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        service.removeFolders(removed.map((folder) => folder.uri));
        void service.addFolders(added.map((folder) => folder.uri));
      });
    }
    if (!clientHasConfiguration) return;
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'cable' })
      .catch((error) => logFailure('Registering for configuration changes failed', error));
    await loadSettings();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const { uri, type } of changes) void service.fileChanged(uri, FILE_CHANGE[type] ?? 'changed');
  });

  /** Reads `cable.*` from the client; a failed or malformed answer keeps the settings as they are. */
  async function loadSettings(): Promise<void> {
    if (!clientHasConfiguration) return;
    try {
      service.settings = settingsOf(await connection.workspace.getConfiguration('cable'));
    } catch (error) {
      logFailure('Reading the cable settings failed', error);
      return;
    }
    publishAll();
  }

  connection.onDidChangeConfiguration(() => void loadSettings());

  // The user's code tables (cable.tables.extra), the complete set: replace them, re-check the open documents.
  connection.onNotification(TABLES_METHOD, (params: TablesParams | undefined) => {
    service.setUserTables(params?.files);
    publishAll();
  });

  // The archives open as folders, the complete list: sent before the client adds such a folder to the workspace, and
  // after an archive's index is built again (it changed on disk): the folders of those read already are read again.
  connection.onNotification(ARCHIVES_METHOD, async (params: unknown) => {
    const changed = (await options.setArchives?.(archivesOf(params))) ?? [];
    if (changed.length > 0) await service.reindexFolders(changed);
  });

  function publishDiagnostics(uri: string): void {
    connection
      .sendDiagnostics({ uri, version: service.version(uri), diagnostics: service.diagnostics(uri) })
      .catch((error) => logFailure('Sending diagnostics failed', error));
  }

  function publishAll(): void {
    for (const uri of service.openDocuments()) publishDiagnostics(uri);
  }

  /** The URI of the document the params name (open or not: the service says when it is unknown). */
  function documentOf(params: unknown): string {
    const uri = uriOf(params);
    if (uri === undefined) throw invalidParams('Expected params { textDocument: { uri: string } }.');
    return uri;
  }

  connection.onDidOpenTextDocument((params) => {
    const item = params?.textDocument;
    if (typeof item?.uri !== 'string' || typeof item.text !== 'string')
      return logFailure('Ignored textDocument/didOpen', 'expected textDocument { uri, text }');
    service.openDocument(item.uri, Number.isInteger(item.version) ? item.version : 0, item.text);
    publishDiagnostics(item.uri);
    // A cable of an archive: its row's metadata, read after the open so that nothing waits for it.
    void options.archiveMetadata?.(item.uri).then((metadata) => {
      if (!metadata || !service.openDocuments().includes(item.uri)) return;
      service.setMetadata(item.uri, metadata);
      publishDiagnostics(item.uri);
    });
  });
  connection.onDidChangeTextDocument((params) => {
    const uri = uriOf(params);
    if (uri === undefined || !service.openDocuments().includes(uri))
      return logFailure('Ignored textDocument/didChange', `unknown document ${uri}`);
    const changes: unknown[] = Array.isArray(params.contentChanges) ? params.contentChanges : [];
    const valid = changes.filter(isChange);
    if (valid.length < changes.length || changes.length === 0)
      logFailure(
        'textDocument/didChange',
        `ignored ${changes.length - valid.length} malformed of ${changes.length} changes to ${uri}`,
      );
    const version = params.textDocument.version;
    service.changeDocument(uri, valid, Number.isInteger(version) ? version : undefined);
    publishDiagnostics(uri);
  });
  connection.onDidCloseTextDocument((params) => {
    const uri = uriOf(params);
    if (uri === undefined) return logFailure('Ignored textDocument/didClose', 'expected textDocument { uri }');
    service.closeDocument(uri);
    connection
      .sendDiagnostics({ uri, diagnostics: [] })
      .catch((error) => logFailure('Clearing diagnostics failed', error));
  });

  /** Answers a request with the service's result, a request error for an unknown document. */
  function answer<P, R>(handler: (params: P) => R): (params: P) => R {
    return (params) => {
      try {
        return handler(params);
      } catch (error) {
        if (error instanceof UnknownDocumentError) throw invalidParams(error.message);
        throw error;
      }
    };
  }

  /** The same for a request answered later (workspace features wait for the index). */
  function answerLater<P, R>(handler: (params: P) => Promise<R>): (params: P) => Promise<R> {
    return async (params) => {
      try {
        return await handler(params);
      } catch (error) {
        if (error instanceof UnknownDocumentError) throw invalidParams(error.message);
        throw error;
      }
    };
  }

  connection.onDocumentSymbol(answer((params) => service.documentSymbols(documentOf(params))));
  connection.onHover(answer((params) => service.hover(documentOf(params), positionOf(params))));
  connection.onCodeAction(
    answer((params) => {
      const uri = documentOf(params);
      if (!isRange(params.range)) throw invalidParams('Expected params.range { start: Position, end: Position }.');
      return service.codeActions(
        uri,
        params.range,
        Array.isArray(params.context?.only) ? params.context.only : undefined,
        clientResolvesCodeActionEdits,
      );
    }),
  );
  // The action carries no URI: a "Fix all" sent without its edit names the document in its data.
  connection.onCodeActionResolve(
    answer((params) => {
      const uri = (params?.data as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string' || typeof params?.title !== 'string')
        throw invalidParams('Expected a code action of this server (title, data.uri).');
      return service.resolveCodeAction(uri, params);
    }),
  );
  connection.onCompletion(answer((params) => service.completions(documentOf(params), positionOf(params))));
  connection.onFoldingRanges(answer((params) => service.foldingRanges(documentOf(params))));
  connection.onRequest(
    CABLE_AT_METHOD,
    answer((params: CableAtParams) => service.cableAt(documentOf(params), positionOf(params))),
  );
  connection.onRequest(
    CABLE_FACTS_METHOD,
    answer((params: CableFactsParams) =>
      service.cableFacts(documentOf(params), params?.position === undefined ? undefined : positionOf(params)),
    ),
  );
  connection.onDocumentLinks(answerLater((params) => service.documentLinks(documentOf(params))));
  connection.onDefinition(
    answerLater((params) => service.definition(documentOf(params), positionOf(params), definitionLinkSupport)),
  );
  connection.onReferences(
    answerLater((params) =>
      service.references(documentOf(params), positionOf(params), params.context?.includeDeclaration === true),
    ),
  );
  connection.onWorkspaceSymbol(
    answerLater((params) => service.workspaceSymbols(typeof params?.query === 'string' ? params.query : '')),
  );
  connection.languages.semanticTokens.on(answer((params) => service.semanticTokens(documentOf(params))));
  connection.languages.semanticTokens.onDelta(
    answer((params) => service.semanticTokensDelta(documentOf(params), params.previousResultId)),
  );
  connection.languages.semanticTokens.onRange(
    answer((params) => {
      const uri = documentOf(params);
      if (!isRange(params.range)) throw invalidParams('Expected params.range { start: Position, end: Position }.');
      return service.semanticTokensRange(uri, params.range);
    }),
  );

  connection.listen();
}

const FILE_CHANGE: Record<number, FileChange> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/** `cable.*` as the client gives them (settings or initializationOptions); anything malformed is the default. */
function settingsOf(config: unknown): CableSettings {
  const cable = config as { diagnostics?: { rules?: unknown }; outline?: { maxSymbols?: unknown } } | null | undefined;
  return {
    rules: asRuleSettings(cable?.diagnostics?.rules),
    maxOutlineSymbols: asMaxSymbols(cable?.outline?.maxSymbols),
  };
}

/**
 * Rule settings as the client gives them: an object of rule code -> severity or 'off'. Only the known levels are kept
 * ("toString" would find Object.prototype.toString and give diagnostics without severity); anything else is no setting.
 */
function asRuleSettings(value: unknown): RuleSettings {
  const settings: RuleSettings = Object.create(null);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return settings;
  for (const [code, level] of Object.entries(value))
    if (RULE_LEVELS.includes(level)) settings[code] = level as RuleSettings[string];
  return settings;
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
