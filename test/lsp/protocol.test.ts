// The server as any LSP editor sees it: `node dist/server.js --stdio`, a round trip of every request it advertises.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  MarkupContent,
  SemanticTokens,
  SemanticTokensDelta,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { readFixture } from '../support/fixtures';
import { StdioLspClient } from '../support/lspClient';

const seedUri = 'file:///fixtures/09DUSHANBE1151.cable';
let client: StdioLspClient;
let initializeResult: InitializeResult;
let firstDiagnostics: Awaited<ReturnType<StdioLspClient['nextDiagnostics']>>;

before(async () => {
  client = new StdioLspClient();
  initializeResult = await client.initialize();
  const diagnostics = client.nextDiagnostics(seedUri, 1);
  await client.open(seedUri, readFixture('09DUSHANBE1151.cable'));
  firstDiagnostics = await diagnostics;
});

after(async () => {
  await client.shutdown();
});

const doc = { textDocument: { uri: seedUri } };

test('initialize announces incremental sync and every feature', () => {
  const { capabilities } = initializeResult;
  const sync = capabilities.textDocumentSync;
  assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
  assert.ok(capabilities.documentSymbolProvider && capabilities.hoverProvider && capabilities.foldingRangeProvider);
  assert.deepEqual(
    capabilities.semanticTokensProvider && {
      full: capabilities.semanticTokensProvider.full,
      range: capabilities.semanticTokensProvider.range,
    },
    { full: { delta: true }, range: true },
  );
  assert.equal(initializeResult.serverInfo?.name, 'cable-language-server');
});

test('diagnostics are pushed on open: the garbled paragraph signs of the seed', () => {
  const garbled = firstDiagnostics.diagnostics.filter((d) => d.code === 'garbled-pilcrow');
  assert.deepEqual(
    garbled.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.source]),
    [
      [41, 0, 3, 'cable'],
      [45, 0, 3, 'cable'],
      [47, 0, 3, 'cable'],
    ],
  );
  assert.match(garbled[0].message as string, /"15\." is paragraph 5/);
});

test('outline: the cable, its sections and paragraphs', async () => {
  const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', doc);
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0].name, '09DUSHANBE1151');
  const section = symbols[0].children!.find((s) => s.name === 'Section 1 of 2')!;
  assert.deepEqual(
    section.children!.map((p) => p.name.split(' ')[0]),
    ['¶1', '¶2', '¶3', '¶4', '¶5', '¶6', '¶7'],
  );
});

test('hover on RUEHDBU names the embassy', async () => {
  const result = await client.connection.sendRequest<Hover>('textDocument/hover', {
    ...doc,
    position: { line: 4, character: 5 },
  });
  assert.match((result.contents as MarkupContent).value, /AMEMBASSY DUSHANBE/);
});

test('folding ranges include the routing header', async () => {
  const ranges = await client.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', doc);
  assert.ok(ranges.some((r) => r.startLine === 2 && r.endLine === 14 && r.kind === 'imports'));
});

test('semantic tokens: full, then an empty delta, then a range', async () => {
  const { tokenTypes, tokenModifiers } = initializeResult.capabilities.semanticTokensProvider!.legend;
  const prosign = [tokenTypes.indexOf('keyword'), 1 << tokenModifiers.indexOf('prosign')];
  const full = await client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', doc);
  assert.equal(full.data.length % 5, 0);
  assert.deepEqual(full.data.slice(0, 5), [2, 0, 5, ...prosign]); // VZCZC on line 3
  const delta = await client.connection.sendRequest<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
    ...doc,
    previousResultId: full.resultId,
  });
  assert.deepEqual(delta.edits, []);
  const range = await client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
    ...doc,
    range: { start: { line: 4, character: 0 }, end: { line: 4, character: 30 } },
  });
  assert.deepEqual(range.data.slice(0, 5), [4, 0, 2, ...prosign]); // DE
});

test('an edit is answered with diagnostics for its version', async () => {
  const next = client.nextDiagnostics(seedUri, 2);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: seedUri, version: 2 },
    contentChanges: [{ range: { start: { line: 5, character: 4 }, end: { line: 5, character: 9 } }, text: 'SSSSS' }],
  });
  const { diagnostics } = await next;
  assert.ok(
    diagnostics.some((d) => d.code === 'security-classification-mismatch' && d.range.start.line === 5),
    JSON.stringify(diagnostics),
  );
});

test('requests for an unknown document get an error, and the server stays alive', async () => {
  await assert.rejects(
    client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.cable' } }),
    /Unknown document/,
  );
  await assert.rejects(client.connection.sendRequest('cable/noSuchRequest', {}), /Unhandled method/);
  assert.ok(client.alive, client.stderr);
});
