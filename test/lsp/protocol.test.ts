// The server as any LSP editor sees it: `node dist/server.js --stdio`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { StdioLspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const seedUri = 'file:///fixtures/09DUSHANBE1151.cable';
let client: StdioLspClient;
let initializeResult: InitializeResult;

before(async () => {
  client = new StdioLspClient();
  initializeResult = await client.initialize();
  await client.open(seedUri, readFileSync(join(fixturesDir, '09DUSHANBE1151.cable'), 'utf8'));
});

after(async () => {
  await client.shutdown();
});

test('initialize announces incremental text sync and the server name', () => {
  const sync = initializeResult.capabilities.textDocumentSync;
  assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
  assert.equal(initializeResult.serverInfo?.name, 'cable-language-server');
});

test('an incremental edit is accepted and the server stays alive', async () => {
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: seedUri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
  });
  // A request after the edit proves the notification was processed without killing the server.
  await assert.rejects(client.connection.sendRequest('cable/noSuchRequest', {}), /Unhandled method/);
  assert.ok(client.alive, client.stderr);
});
