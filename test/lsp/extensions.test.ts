// The server's own LSP messages over stdio, as any editor can send them: the cable/cableAt request (status bar) and the
// user's code tables (initializationOptions.tables at start, the cable/tables notification on change).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Hover, MarkupContent, ShowMessageParams } from 'vscode-languageserver/node';
import type { CableAtResult, TablesParams } from '../../server/src/protocol';
import { readFixture } from '../support/fixtures';
import { StdioLspClient } from '../support/lspClient';

const seedUri = 'file:///fixtures/09DUSHANBE1151.cable';
/** The seed with a TAGS code that only the user's table knows: TAGS: PREL KXYZ PGOV TI (line 22). */
const ownTagsUri = 'file:///work/own-tags.cable';
const ownTagsText = readFixture('09DUSHANBE1151.cable').replace('[PREL](#) [PHUM](#)', '[PREL](#) [KXYZ](#)');
const startupTables: TablesParams = {
  files: [{ name: 'tables/tags.tsv', text: '# ours\ncode\tmeaning\nKXYZ\tOur program\n' }],
};

let client: StdioLspClient;
const messages: ShowMessageParams[] = [];

before(async () => {
  client = new StdioLspClient();
  client.connection.onNotification('window/showMessage', (params: ShowMessageParams) => void messages.push(params));
  await client.initialize({ initializationOptions: { tables: startupTables } });
  const seed = client.nextDiagnostics(seedUri, 1);
  await client.open(seedUri, readFixture('09DUSHANBE1151.cable'));
  await seed;
});

after(async () => {
  await client.shutdown();
});

async function unknownTagsOnOpen(uri: string, text: string): Promise<string[]> {
  const published = client.nextDiagnostics(uri, 1);
  await client.open(uri, text);
  return (await published).diagnostics.filter((d) => d.code === 'unknown-tag').map((d) => d.message as string);
}

async function unknownTagsAfter(params: TablesParams, uri = ownTagsUri): Promise<string[]> {
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification('cable/tables', params);
  return (await published).diagnostics.filter((d) => d.code === 'unknown-tag').map((d) => d.message as string);
}

test('cable/cableAt: the classification, captions and precedence of the cable under the cursor', async () => {
  const result = await client.connection.sendRequest<CableAtResult | null>('cable/cableAt', {
    textDocument: { uri: seedUri },
    position: { line: 4, character: 5 },
  });
  assert.deepEqual(result, {
    referenceId: '09DUSHANBE1151',
    classification: { level: 'CONFIDENTIAL', rank: 2, written: 'C O N F I D E N T I A L' },
    classificationRange: { start: { line: 16, character: 0 }, end: { line: 16, character: 56 } },
    captions: ['SIPDIS'],
    precedence: { code: 'R', word: 'ROUTINE' },
  });
});

test('cable/cableAt: null in an empty document, an error for a document that is not open', async () => {
  const emptyUri = 'file:///work/empty.cable';
  const published = client.nextDiagnostics(emptyUri, 1);
  await client.open(emptyUri, '');
  await published;
  assert.equal(
    await client.connection.sendRequest('cable/cableAt', {
      textDocument: { uri: emptyUri },
      position: { line: 0, character: 0 },
    }),
    null,
  );
  await assert.rejects(
    client.connection.sendRequest('cable/cableAt', {
      textDocument: { uri: 'file:///nowhere.cable' },
      position: { line: 0, character: 0 },
    }),
    /Unknown document/,
  );
});

test('tables from initializationOptions: the user TAGS code is known from the first diagnostics on', async () => {
  assert.deepEqual(await unknownTagsOnOpen(ownTagsUri, ownTagsText), []);
  const hover = await client.connection.sendRequest<Hover>('textDocument/hover', {
    textDocument: { uri: ownTagsUri },
    position: { line: 22, character: ownTagsText.split('\n')[22].indexOf('KXYZ') },
  });
  assert.equal(
    (hover.contents as MarkupContent).value,
    '**KXYZ**, a code of your own: Our program (from tables/tags.tsv).',
  );
});

test('cable/tables replaces the set and re-publishes the diagnostics of open documents', async () => {
  const withoutKxyz = await unknownTagsAfter({
    files: [{ name: 'codes.json', text: '{"tags": {"KQQQ": "another"}}' }],
  });
  assert.equal(withoutKxyz.length, 1);
  assert.match(withoutKxyz[0], /Unknown TAGS code "KXYZ"/);
  assert.deepEqual(
    await unknownTagsAfter({ files: [{ name: 'codes.json', text: '{"tags": {"kxyz": "back again"}}' }] }),
    [],
  );
  assert.equal((await unknownTagsAfter({ files: [] })).length, 1);
});

test('problems in a table file are shown as a warning and logged; the good entries still count', async () => {
  messages.length = 0;
  const tags = await unknownTagsAfter({
    files: [{ name: 'tables/tags.tsv', text: 'code\tmeaning\nKXYZ\tOurs\nNOT A CODE\tx\n' }],
  });
  assert.deepEqual(tags, []);
  assert.equal(messages.length, 1);
  assert.equal(messages[0].type, 2); // Warning
  assert.match(messages[0].message, /^Cable code tables: tables\/tags\.tsv:3: "NOT A CODE" is not a TAGS code/);
  assert.ok(client.alive, client.stderr);
});

test('a malformed cable/tables notification is reported, and the server stays alive', async () => {
  messages.length = 0;
  assert.equal((await unknownTagsAfter({ files: [{ name: 7 }] } as unknown as TablesParams)).length, 1);
  assert.match(messages[0]?.message ?? '', /1 of 1 files are not \{ "name": string, "text": string \}/);
  assert.ok(client.alive, client.stderr);
});
