// The only file that knows the LSP connection: capabilities, document sync, request -> provider.
// `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it) picks the transport from argv.
// Whatever a client sends, the server answers every request (a result or an InvalidParams error), ignores malformed
// notifications with a log message, and never dies of a failed request of its own.
import {
  createConnection,
  DidChangeConfigurationNotification,
  InitializeResult,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { documentDiagnostics, RuleSettings } from './features/diagnostics/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentSymbols } from './features/outline';
import { SEMANTIC_TOKENS_LEGEND, semanticTokenData, semanticTokensDelta } from './features/semanticTokens';
import { Position, TextChange } from './syntax/model';
import { CableDocument, OpenDocuments } from './workspace/documents';

const connection = createConnection(ProposedFeatures.all);
const documents = new OpenDocuments();
let ruleSettings: RuleSettings = {};
let clientHasConfiguration = false;
/** Last semantic tokens sent per document, for delta requests. */
const lastTokens = new Map<string, { resultId: string; data: number[] }>();
let nextResultId = 1;

/** Logs a failure that has no request to answer (a notification, a request of the server's own). */
function logFailure(what: string, error: unknown): void {
  connection.console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
}

// Last resort: a promise nobody waited for must not take the server down (Node ends the process on an unhandled rejection).
process.on('unhandledRejection', (reason) => logFailure('Unhandled rejection', reason));

/** Rule settings as the client gives them: an object of rule code -> severity or 'off'; anything else is no settings. */
function asRuleSettings(value: unknown): RuleSettings {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as RuleSettings) } : {};
}

connection.onInitialize((params): InitializeResult => {
  clientHasConfiguration = !!params?.capabilities?.workspace?.configuration;
  ruleSettings = asRuleSettings(params?.initializationOptions?.diagnostics?.rules);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Cables' },
      hoverProvider: true,
      foldingRangeProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
    },
    serverInfo: { name: 'cable-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (!clientHasConfiguration) return;
  connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' }).catch((error) => logFailure('Registering for configuration changes failed', error));
  await loadSettings();
});

/** Reads `cable.*` from the client; a failed or malformed answer keeps the settings as they are. */
async function loadSettings(): Promise<void> {
  if (!clientHasConfiguration) return;
  try {
    const config = await connection.workspace.getConfiguration('cable');
    ruleSettings = asRuleSettings(config?.diagnostics?.rules);
  } catch (error) {
    logFailure('Reading the cable settings failed', error);
    return;
  }
  for (const document of documents.all()) publishDiagnostics(document);
}

connection.onDidChangeConfiguration(() => void loadSettings());

function publishDiagnostics(document: CableDocument): void {
  connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: documentDiagnostics(document.model, ruleSettings, document.reader) }).catch((error) => logFailure('Sending diagnostics failed', error));
}

function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** The uri of a text document identifier, or undefined when the params have none. */
function uriOf(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/** The open document the params name, or a request error that says what is wrong. */
function documentOf(params: unknown): CableDocument {
  const uri = uriOf(params);
  if (uri === undefined) throw invalidParams('Expected params { textDocument: { uri: string } }.');
  const document = documents.get(uri);
  if (!document) throw invalidParams(`Unknown document ${uri}: open it first (textDocument/didOpen).`);
  return document;
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
  return typeof change === 'object' && change !== null && typeof change.text === 'string' && (change.range === undefined || isRange(change.range));
}

connection.onDidOpenTextDocument((params) => {
  const item = params?.textDocument;
  if (typeof item?.uri !== 'string' || typeof item.text !== 'string') return logFailure('Ignored textDocument/didOpen', 'expected textDocument { uri, text }');
  publishDiagnostics(documents.open(item.uri, Number.isInteger(item.version) ? item.version : 0, item.text));
});
connection.onDidChangeTextDocument((params) => {
  const uri = uriOf(params);
  const document = uri === undefined ? undefined : documents.get(uri);
  if (!document) return logFailure('Ignored textDocument/didChange', `unknown document ${uri}`);
  const changes: unknown[] = Array.isArray(params.contentChanges) ? params.contentChanges : [];
  const valid = changes.filter(isChange);
  if (valid.length < changes.length || changes.length === 0) logFailure('textDocument/didChange', `ignored ${changes.length - valid.length} malformed of ${changes.length} changes to ${uri}`);
  const version = params.textDocument.version;
  documents.update(document.uri, valid, Number.isInteger(version) ? version : document.version);
  publishDiagnostics(document);
});
connection.onDidCloseTextDocument((params) => {
  const uri = uriOf(params);
  if (uri === undefined) return logFailure('Ignored textDocument/didClose', 'expected textDocument { uri }');
  documents.close(uri);
  lastTokens.delete(uri);
  connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error) => logFailure('Clearing diagnostics failed', error));
});

connection.onDocumentSymbol((params) => documentSymbols(documentOf(params).reader));
connection.onHover((params) => {
  const document = documentOf(params);
  return hover(document.reader, positionOf(params));
});
connection.onFoldingRanges((params) => foldingRanges(documentOf(params).model));

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
  return previous && previous.resultId === params.previousResultId ? semanticTokensDelta(previous.data, data, resultId) : { resultId, data };
});
connection.languages.semanticTokens.onRange((params) => {
  const document = documentOf(params);
  if (!isRange(params.range)) throw invalidParams('Expected params.range { start: Position, end: Position }.');
  return { data: semanticTokenData(document.model, Math.floor(params.range.start.line), Math.floor(params.range.end.line)) };
});

connection.listen();
