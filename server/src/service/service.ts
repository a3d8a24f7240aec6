// The cable service: one object behind every front end (the LSP server on Node and in a web worker, cable-lint, tests).
// It owns the open documents, the code tables, the settings and the workspace index with its indexing queue, and
// answers every feature with the same calling convention: a document's URI and the request's own parameters. It knows
// nothing of a connection: what it has to say goes to the logger, and file access comes in as WorkspaceFiles.
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  LocationLink,
  Position,
  Range,
  SemanticTokens,
  SemanticTokensDelta,
  SymbolInformation,
} from 'vscode-languageserver-types';
import type { CableMetadata } from '../archive/archive';
import { isCableFileName, isSkippedFolder, WorkspaceFiles } from '../cableFiles/files';
import { cableAt } from '../features/cableAt';
import { cableFacts } from '../features/facts';
import { codeActions, resolveCodeAction } from '../features/codeActions';
import { completions } from '../features/completion';
import { CableSettings, DEFAULT_SETTINGS, DocumentContext, WorkspaceContext } from '../features/context';
import { definition } from '../features/definition';
import { documentDiagnostics } from '../features/diagnostics/diagnostics';
import { documentLinks } from '../features/documentLinks';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { outline } from '../features/outline';
import { references } from '../features/references';
import {
  joined,
  semanticTokenData,
  semanticTokenSegments,
  semanticTokensDelta,
  TokenSegments,
} from '../features/semanticTokens';
import { workspaceSymbols } from '../features/workspaceSymbols';
import type { CableAtResult, CableFactsResult } from '../protocol';
import { TextChange } from '../syntax/model';
import { BUILT_IN_TABLES, CodeTables, formatTableProblem, loadCodeTables, TableProblem } from '../vocabulary';
import { CableIndex, uriKey } from '../workspace/cableIndex';
import { CableDocument, OpenDocuments } from './documents';
import { URI } from 'vscode-uri';
import { IndexingOptions, IndexingResult, indexFolders, IndexProgress, readWorkspaceFile } from './indexer';

/** Where the service reports what nobody asked for. `tell` also shows it to the user (once in a while). */
export interface ServiceLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  tell(level: 'info' | 'warning', message: string): void;
}

export interface CableServiceOptions {
  /** How to find and read the workspace's cable files; none: open documents only (the web worker). */
  files?: WorkspaceFiles;
  tables?: CodeTables;
  settings?: Partial<CableSettings>;
  logger?: ServiceLogger;
  /** Progress of indexing, when the front end can show it (window/workDoneProgress). */
  progress?: () => Promise<IndexProgress | undefined>;
}

/** A request named a document that is not open. */
export class UnknownDocumentError extends Error {
  constructor(readonly uri: string) {
    super(`Unknown document ${uri}: open it first (textDocument/didOpen).`);
  }
}

/** What a file watcher saw happen to a file or folder. */
export type FileChange = 'created' | 'changed' | 'deleted';

const SILENT: ServiceLogger = { info() {}, warn() {}, error() {}, tell() {} };

export type CableService = ReturnType<typeof createCableService>;

/** A URI whose path steps through `.` or `..` (`ws/a/../b.cable`): where it leads depends on links, so it is ignored. */
function hasDotSegments(uri: string): boolean {
  return URI.parse(uri)
    .path.split('/')
    .some((segment) => segment === '.' || segment === '..');
}

export function createCableService(options: CableServiceOptions = {}) {
  const { files } = options;
  const logger = options.logger ?? SILENT;
  const documents = new OpenDocuments();
  const index = new CableIndex();
  let tables = options.tables ?? BUILT_IN_TABLES;
  let settings: CableSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  let folders: string[] = [];
  /** Reading files into the index, one task after another; workspace features wait until it is idle. */
  let indexing: Promise<void> = Promise.resolve();
  /** Open documents whose outline was cut, told once each in the log; the first one also to the user. */
  const cutOutlines = new Set<string>();
  let toldUserOfCutOutline = false;
  /** The last semantic tokens answered per document, for delta requests. */
  const lastTokens = new Map<string, { resultId: string; tokens: TokenSegments }>();
  let nextResultId = 1;

  function enqueue(task: () => Promise<void>): Promise<void> {
    indexing = indexing
      .then(task)
      .catch((error) => logger.error(`Indexing failed: ${error instanceof Error ? error.stack : error}`));
    return indexing;
  }

  function workspace(): WorkspaceContext {
    return { tables, settings, index };
  }

  function contextOf(document: CableDocument): DocumentContext {
    return { ...workspace(), uri: document.uri, reader: document.reader, metadata: document.metadata };
  }

  function documentOf(uri: string): CableDocument {
    const document = documents.get(uri);
    if (!document) throw new UnknownDocumentError(uri);
    return document;
  }

  const context = (uri: string): DocumentContext => contextOf(documentOf(uri));

  /** A document's context for a workspace feature: the document open when asked, the index once up to date. */
  async function indexedContext(uri: string): Promise<DocumentContext> {
    const document = documentOf(uri);
    await indexing;
    return contextOf(document);
  }

  /** The path of `uri` below the workspace folder that holds it ('a/b.cable'); undefined outside every folder. */
  function workspacePath(uri: string): string | undefined {
    const key = uriKey(uri);
    for (const folder of folders) {
      const prefix = uriKey(folder).replace(/\/?$/, '/');
      if (key.startsWith(prefix)) return key.slice(prefix.length);
    }
    return undefined;
  }

  /** A file the index may read: a cable file by name, inside a workspace folder, in no skipped folder, no `..` in its path. */
  function isWorkspaceCableFile(uri: string): boolean {
    const path = workspacePath(uri);
    if (path === undefined || hasDotSegments(uri)) return false;
    const segments = path.split('/');
    return isCableFileName(segments.pop()!) !== 'no' && !segments.some(isSkippedFolder);
  }

  /** How the index reads files: links followed into the workspace folders only; refusals said in the log. */
  const reading = (): IndexingOptions => ({
    within: folders,
    refused: (_uri, reason) => logger.warn(`Not indexed: ${reason}.`),
  });

  async function indexWorkspace(added: readonly string[]): Promise<void> {
    if (!files || added.length === 0) return;
    const reporter = await options.progress?.();
    const progress: IndexProgress = {
      begin: (title, message) => reporter?.begin(title, message),
      report: (percentage, message) => reporter?.report(percentage, message),
      done: () => reporter?.done(),
    };
    const result: IndexingResult = await indexFolders(added, files, index, progress, reading());
    logger.info(
      `Indexed ${result.cables} cables in ${result.files} files (${(result.characters / 1e6).toFixed(1)} MB) in ${(result.milliseconds / 1000).toFixed(1)} s.`,
    );
  }

  /** Re-reads a file into the index (or drops it when it is gone or no cable), after the indexing under way. */
  function reindexFile(uri: string): Promise<void> {
    return enqueue(async () => {
      const text = files && (await readWorkspaceFile(files, uri, reading()));
      if (text === undefined) index.removeFile(uri);
      else index.setFile(uri, text);
    });
  }

  function reportCutOutline(uri: string, total: number): void {
    if (cutOutlines.has(uri)) return;
    cutOutlines.add(uri);
    const message = `The outline of ${uri.slice(uri.lastIndexOf('/') + 1)} shows ${settings.maxOutlineSymbols} of its ${total} symbols, taken level by level: the cables, then their parts, then theirs. The setting cable.outline.maxSymbols raises the limit.`;
    logger.info(message);
    if (toldUserOfCutOutline) return;
    toldUserOfCutOutline = true;
    logger.tell('info', message);
  }

  function tokensResult(uri: string, tokens: TokenSegments): string {
    const resultId = String(nextResultId++);
    lastTokens.set(uri, { resultId, tokens });
    return resultId;
  }

  return {
    // --- the workspace ---

    /** Indexes the cable files of these folders (in the queue); resolves when they are indexed. */
    addFolders(uris: readonly string[]): Promise<void> {
      folders = [...folders.filter((uri) => !uris.includes(uri)), ...uris];
      return enqueue(() => indexWorkspace(uris));
    },

    /**
     * Reads these workspace folders again, all their files (an archive's cables, its index built again since it
     * changed on disk); resolves when they are indexed. A URI that is no workspace folder is passed over.
     */
    reindexFolders(uris: readonly string[]): Promise<void> {
      const key = (uri: string) => uriKey(uri).replace(/\/?$/, '/');
      const keys = new Set(uris.map(key));
      return enqueue(async () => {
        const again = folders.filter((folder) => keys.has(key(folder)));
        for (const folder of again) index.removeFolder(folder);
        await indexWorkspace(again);
      });
    },

    removeFolders(uris: readonly string[]): void {
      folders = folders.filter((uri) => !uris.includes(uri));
      for (const uri of uris) index.removeFolder(uri);
    },

    /** A file watcher's event; resolves when the index has taken it. */
    fileChanged(uri: string, change: FileChange): Promise<void> {
      const name = uri.slice(uri.lastIndexOf('/') + 1);
      // A deleted folder comes as one event for the folder. In the queue, so that a read under way cannot undo it.
      if (change === 'deleted')
        return enqueue(async () => (isCableFileName(name) === 'no' ? index.removeFolder(uri) : index.removeFile(uri)));
      return isWorkspaceCableFile(uri) ? reindexFile(uri) : indexing;
    },

    /** Resolves when the files read so far are in the index. */
    indexed(): Promise<void> {
      return indexing;
    },

    // --- configuration ---

    get settings(): CableSettings {
      return settings;
    },

    set settings(value: CableSettings) {
      settings = value;
    },

    get tables(): CodeTables {
      return tables;
    },

    /** The user's code tables (the complete set: it replaces the previous one); returns what was wrong in them. */
    setUserTables(tableFiles: unknown): TableProblem[] {
      const loaded = loadCodeTables(tableFiles);
      tables = loaded.tables;
      for (const problem of loaded.problems) logger.warn(`Code table ${formatTableProblem(problem)}`);
      if (loaded.problems.length) {
        const more =
          loaded.problems.length > 1
            ? ` (and ${loaded.problems.length - 1} more problems: see the output of the cable language server)`
            : '';
        logger.tell('warning', `Cable code tables: ${formatTableProblem(loaded.problems[0])}${more}`);
      }
      return loaded.problems;
    },

    // --- documents ---

    /** Opens a document; `metadata`: the publisher's, for a text read from an archive (the metadata-mismatch rule). */
    openDocument(uri: string, version: number, text: string, metadata?: CableMetadata): void {
      const document = documents.open(uri, version, text, metadata);
      index.setDocument(uri, document.reader);
    },

    changeDocument(uri: string, changes: readonly TextChange[], version?: number): void {
      const document = documentOf(uri);
      documents.update(uri, changes, version ?? document.version);
      // The model may be a new one (a full parse after a failed edit).
      index.setDocument(uri, document.reader);
    },

    /** Closes a document: the file counts again as it is on disk (re-read: it may have been saved). */
    closeDocument(uri: string): void {
      const onDisk = index.hasDiskFile(uri) || isWorkspaceCableFile(uri);
      index.closeDocument(uri);
      if (onDisk && files) void reindexFile(uri);
      documents.close(uri);
      lastTokens.delete(uri);
      cutOutlines.delete(uri);
    },

    /** The publisher's metadata of an open document, found after it was opened (the server reads an archive's row). */
    setMetadata(uri: string, metadata: CableMetadata): void {
      documentOf(uri).metadata = metadata;
    },

    openDocuments(): string[] {
      return [...documents.all()].map((document) => document.uri);
    },

    version(uri: string): number {
      return documentOf(uri).version;
    },

    cableCount(uri: string): number {
      return documentOf(uri).model.cables.length;
    },

    // --- features on a document ---

    diagnostics: (uri: string): Diagnostic[] => documentDiagnostics(context(uri)),

    /** The outline, cut to `cable.outline.maxSymbols` (and said so once). */
    documentSymbols(uri: string): DocumentSymbol[] {
      const { symbols, total } = outline(context(uri), settings.maxOutlineSymbols);
      if (total > settings.maxOutlineSymbols) reportCutOutline(uri, total);
      return symbols;
    },

    hover: (uri: string, position: Position): Hover | null => hover(context(uri), position),
    completions: (uri: string, position: Position): CompletionItem[] => completions(context(uri), position),
    foldingRanges: (uri: string): FoldingRange[] => foldingRanges(context(uri)),
    cableAt: (uri: string, position: Position): CableAtResult | null => cableAt(context(uri), position),
    cableFacts: (uri: string, position?: Position): CableFactsResult => cableFacts(context(uri), position),
    codeActions: (uri: string, range: Range, only?: string[], resolvable?: boolean): CodeAction[] =>
      codeActions(context(uri), range, only, resolvable),
    resolveCodeAction: (uri: string, action: CodeAction): CodeAction => resolveCodeAction(context(uri), action),

    semanticTokens(uri: string): SemanticTokens {
      const tokens = semanticTokenSegments(context(uri));
      return { resultId: tokensResult(uri, tokens), data: joined(tokens) };
    },

    /** The tokens as edits of the last answer when the client names it, else whole. */
    semanticTokensDelta(uri: string, previousResultId: string): SemanticTokens | SemanticTokensDelta {
      const tokens = semanticTokenSegments(context(uri));
      const previous = lastTokens.get(uri);
      const resultId = tokensResult(uri, tokens);
      return previous && previous.resultId === previousResultId
        ? semanticTokensDelta(previous.tokens, tokens, resultId)
        : { resultId, data: joined(tokens) };
    },

    semanticTokensRange: (uri: string, range: Range): SemanticTokens => ({
      data: semanticTokenData(context(uri), Math.floor(range.start.line), Math.floor(range.end.line)),
    }),

    // --- features over the workspace: they wait for the indexing under way ---

    async documentLinks(uri: string): Promise<DocumentLink[]> {
      return documentLinks(await indexedContext(uri));
    },

    async definition(
      uri: string,
      position: Position,
      linkSupport: boolean,
    ): Promise<LocationLink[] | Location[] | null> {
      return definition(await indexedContext(uri), position, linkSupport);
    },

    async references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[]> {
      return references(await indexedContext(uri), position, includeDeclaration);
    },

    async workspaceSymbols(query: string): Promise<SymbolInformation[]> {
      await indexing;
      return workspaceSymbols(workspace(), query);
    },
  };
}
