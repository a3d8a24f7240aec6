// Cross-cable navigation as an editor sees it over stdio: a temporary workspace folder of cable files is indexed
// with progress, then workspace symbols, definition, document links and references, and file change notifications.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  DocumentLink,
  FileChangeType,
  InitializeResult,
  Location,
  LocationLink,
  SymbolInformation,
} from 'vscode-languageserver/node';
import { readFixture } from '../support/fixtures';
import { StdioLspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';
import { syntheticCable } from '../support/synthetic';

let client: StdioLspClient;
let initializeResult: InitializeResult;
let folder: string;
const uriOf = (...path: string[]) => pathToFileURL(join(folder, ...path)).href;

before(
  async () => {
    folder = mkdtempSync(join(tmpdir(), 'cable-index-'));
    mkdirSync(join(folder, 'reports'));
    mkdirSync(join(folder, 'corpus'));
    mkdirSync(join(folder, 'node_modules', 'x'), { recursive: true });
    copyFileSync(join(fixturesDir, '09STATE15113.cable'), join(folder, '09STATE15113.cable'));
    copyFileSync(join(fixturesDir, '09DOHA214.cable'), join(folder, 'reports', '09DOHA214.cable'));
    // Latin-1 bytes, as a .tel file; it cites `UNVIE 00266`, which is 09UNVIEVIENNA266.
    copyFileSync(join(fixturesDir, '09UNVIEVIENNA289.cable'), join(folder, 'reports', 'iaea.tel'));
    writeFileSync(
      join(folder, 'reports', '09UNVIEVIENNA266.cable'),
      syntheticCable({ year: '09', post: 'UNVIE VIENNA', serial: 266, subject: 'IAEA: SYRIA' }),
    );
    // Two cables in a .txt that starts with its transmission line; a .txt that is no cable; a cable under node_modules.
    writeFileSync(
      join(folder, 'corpus', 'dump.txt'),
      syntheticCable({ year: '10', post: 'BOGOTA', serial: 998, subject: 'COLOMBIA: FIRST' }) +
        syntheticCable({ year: '10', post: 'BOGOTA', serial: 999, subject: 'COLOMBIA: SECOND' }),
    );
    writeFileSync(join(folder, 'notes.txt'), 'Not a cable.\nUNCLAS STATE 015113\n');
    copyFileSync(join(fixturesDir, '09STATE15113.cable'), join(folder, 'node_modules', 'x', '09STATE15113.cable'));

    client = new StdioLspClient();
    initializeResult = await client.initialize({
      workspaceFolder: pathToFileURL(folder).href,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { definition: { linkSupport: true } },
      },
    });
    await client.progressEnd();
  },
  { timeout: 30_000 },
);

after(async () => {
  await client.shutdown();
  rmSync(folder, { recursive: true, force: true });
});

const symbols = (query: string) => client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query });
const referencesOf = async (uri: string, line: number, character: number) =>
  (
    await client.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: { line, character },
      context: { includeDeclaration: false },
    })
  ).map((l) => `${l.uri.slice(pathToFileURL(folder).href.length + 1)}:${l.range.start.line + 1}`);
const watched = (uri: string, type: FileChangeType) =>
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

test('initialize announces links, definition, references, workspace symbols and workspace folders', () => {
  const { capabilities } = initializeResult;
  assert.deepEqual(
    [
      capabilities.documentLinkProvider,
      capabilities.definitionProvider,
      capabilities.referencesProvider,
      capabilities.workspaceSymbolProvider,
    ],
    [{ resolveProvider: false }, true, true, true],
  );
  assert.deepEqual(capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
});

test('indexing reports window/workDoneProgress: create, begin, a report at 100%, end', () => {
  assert.equal(client.progressTokens.length, 1);
  const kinds = client.progress.filter((p) => p.token === client.progressTokens[0]).map((p) => p.value);
  assert.equal(kinds[0].kind, 'begin');
  assert.equal(kinds[0].title, 'Indexing cables');
  assert.deepEqual(kinds.at(-2), { kind: 'report', percentage: 100, message: '5/5 files' });
  assert.equal(kinds.at(-1)?.kind, 'end');
});

test('the server watches cable files', () => {
  const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')
    ?.registerOptions as { watchers: Array<{ globPattern: string }> };
  assert.deepEqual(
    watchers.watchers.map((w) => w.globPattern),
    ['**/*.{cable,tel,txt}', '**/*'],
  );
});

test('workspace/symbol finds a cable by its ID and by a subject word; node_modules and non-cable .txt are skipped', async () => {
  const byId = await symbols('09state15113');
  assert.deepEqual(
    byId.map((s) => s.location.uri),
    [uriOf('09STATE15113.cable')],
  );
  assert.equal(byId[0].location.range.start.line, 19);
  assert.deepEqual(
    (await symbols('qatar')).map((s) => s.name),
    ['09DOHA214 — QATAR: 2009 CI/KR RESPONSE FOR S/CT'],
  );
  assert.deepEqual(
    (await symbols('colombia')).map((s) => `${s.name.split(' ')[0]} ${s.containerName}`),
    ['10BOGOTA998 dump.txt', '10BOGOTA999 dump.txt'],
  );
  // The Latin-1 file, decoded: its subject reads as it should.
  assert.match((await symbols('09UNVIEVIENNA289'))[0].name, /IAEA\/SYRIA\/BOARD OF GOVERNORS/);
  assert.equal((await symbols('')).length, 6);
});

test('definition from a REF citation lands in the other file', async () => {
  const doha = uriOf('reports', '09DOHA214.cable');
  await client.open(doha, readFixture('09DOHA214.cable'));
  const links = await client.connection.sendRequest<LocationLink[]>('textDocument/definition', {
    textDocument: { uri: doha },
    position: { line: 47, character: 12 },
  });
  assert.deepEqual(
    links.map((l) => [l.targetUri, l.targetSelectionRange.start.line, l.originSelectionRange?.start.character]),
    [[uriOf('09STATE15113.cable'), 19, 8]],
  );
  const documentLinks = await client.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', {
    textDocument: { uri: doha },
  });
  assert.deepEqual(
    documentLinks.map((l) => l.target),
    [`${uriOf('09STATE15113.cable')}#L20,1`],
  );
  // `REF: UNVIE 00266` in the Latin-1 .tel file names 09UNVIEVIENNA266.
  const iaea = uriOf('reports', 'iaea.tel');
  await client.open(iaea, readFixture('09UNVIEVIENNA289.cable'));
  const unvie = await client.connection.sendRequest<LocationLink[]>('textDocument/definition', {
    textDocument: { uri: iaea },
    position: { line: 25, character: 8 },
  });
  assert.deepEqual(
    unvie.map((l) => l.targetUri),
    [uriOf('reports', '09UNVIEVIENNA266.cable')],
  );
});

test('references list the citing file; an open document counts as edited, and as on disk once closed', async () => {
  const state = uriOf('09STATE15113.cable');
  const doha = uriOf('reports', '09DOHA214.cable');
  await client.open(state, readFixture('09STATE15113.cable'));
  assert.deepEqual(await referencesOf(state, 19, 0), ['reports/09DOHA214.cable:48']);
  // Edit the citation away in the open (unsaved) document: no reference left.
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: doha, version: 2 },
    contentChanges: [
      { range: { start: { line: 47, character: 17 }, end: { line: 47, character: 22 } }, text: '99999' },
    ],
  });
  assert.deepEqual(await referencesOf(state, 19, 0), []);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: doha } });
  assert.deepEqual(await referencesOf(state, 19, 0), ['reports/09DOHA214.cable:48']);
});

test('file change notifications update the index: created, changed, deleted, and a deleted folder', async () => {
  const state = uriOf('09STATE15113.cable');
  const added = uriOf('reports', 'new.cable');
  writeFileSync(
    join(folder, 'reports', 'new.cable'),
    syntheticCable({ year: '09', post: 'DOHA', serial: 400, subject: 'NEW', refs: ['SECSTATE 15113'] }),
  );
  await watched(added, FileChangeType.Created);
  assert.deepEqual(await referencesOf(state, 19, 0), ['reports/09DOHA214.cable:48', 'reports/new.cable:15']);
  writeFileSync(
    join(folder, 'reports', 'new.cable'),
    syntheticCable({ year: '09', post: 'DOHA', serial: 401, subject: 'NEWER', refs: ['DOHA 400'] }),
  );
  await watched(added, FileChangeType.Changed);
  assert.deepEqual(await referencesOf(state, 19, 0), ['reports/09DOHA214.cable:48']);
  assert.deepEqual(
    (await symbols('newer')).map((s) => s.name.split(' ')[0]),
    ['09DOHA401'],
  );
  rmSync(join(folder, 'reports', 'new.cable'));
  await watched(added, FileChangeType.Deleted);
  assert.deepEqual(await symbols('newer'), []);
  rmSync(join(folder, 'corpus'), { recursive: true });
  await watched(uriOf('corpus'), FileChangeType.Deleted);
  assert.deepEqual(await symbols('colombia'), []);
});

test('navigation requests on an unknown document get an error', async () => {
  const nowhere = { textDocument: { uri: 'file:///nowhere.cable' }, position: { line: 0, character: 0 } };
  await assert.rejects(client.connection.sendRequest('textDocument/definition', nowhere), /Unknown document/);
  await assert.rejects(
    client.connection.sendRequest('textDocument/references', { ...nowhere, context: { includeDeclaration: true } }),
    /Unknown document/,
  );
  await assert.rejects(
    client.connection.sendRequest('textDocument/documentLink', { textDocument: nowhere.textDocument }),
    /Unknown document/,
  );
  assert.ok(client.alive, client.stderr);
});
