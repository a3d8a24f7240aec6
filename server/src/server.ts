// The only file that knows the LSP connection: capabilities, document sync, request -> provider.
// The transport is the entry point's business (main.ts for Node, browserMain.ts for a web worker).
import {
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  InitializeResult,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { cableAt } from './features/cableAt';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { completions } from './features/completion';
import { documentDiagnostics, RuleSettings } from './features/diagnostics/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentSymbols } from './features/outline';
import { SEMANTIC_TOKENS_LEGEND, semanticTokenData, semanticTokensDelta } from './features/semanticTokens';
import { CABLE_AT_METHOD, CableAtParams, TABLES_METHOD, TablesParams } from './protocol';
import { formatTableProblem, loadExtraTables, TableProblem } from './tables';
import { CableDocument, OpenDocuments } from './workspace/documents';

export function startServer(connection: Connection): void {
  const documents = new OpenDocuments();
  let ruleSettings: RuleSettings = {};
  let clientHasConfiguration = false;
  /** Last semantic tokens sent per document, for delta requests. */
  const lastTokens = new Map<string, { resultId: string; data: number[] }>();
  let nextResultId = 1;
  /** Problems in the user's tables of initializationOptions, reported once the client is initialized. */
  let startupTableProblems: TableProblem[] = [];

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = !!params.capabilities.workspace?.configuration;
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
      },
      serverInfo: { name: 'cable-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    reportTableProblems(startupTableProblems);
    if (!clientHasConfiguration) return;
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
    await loadSettings();
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
    publishDiagnostics(documents.open(textDocument.uri, textDocument.version, textDocument.text));
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const document = documents.update(textDocument.uri, contentChanges, textDocument.version);
    if (document) publishDiagnostics(document);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
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
