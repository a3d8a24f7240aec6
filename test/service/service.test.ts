// The cable service without LSP: documents, the workspace index and its queue, file events, settings, the user's
// tables, the outline notice and semantic token deltas, over an in-memory file system.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocationLink } from 'vscode-languageserver-types';
import { WorkspaceFiles } from '../../server/src/cableFiles/files';
import { createCableService, ServiceLogger, UnknownDocumentError } from '../../server/src/service/service';
import { readFixture } from '../support/fixtures';

const FOLDER = 'file:///ws';
const DOHA = `${FOLDER}/09DOHA214.cable`;
const STATE = `${FOLDER}/09STATE15113.cable`;

/** The folder file:///ws as a map of URI -> text (changed by the tests), read by the service. */
function memoryFolder(texts: Map<string, string>): WorkspaceFiles {
  return {
    async findCableFiles(folder) {
      return folder === FOLDER ? [...texts.keys()].sort() : [];
    },
    async readCableFile(uri) {
      return texts.get(uri);
    },
  };
}

/** A logger that keeps what it is given: `log` for the log, `told` for what the user sees. */
function recordingLogger(): ServiceLogger & { log: string[]; told: string[] } {
  const log: string[] = [];
  const told: string[] = [];
  return {
    log,
    told,
    info: (message) => log.push(message),
    warn: (message) => log.push(`warning: ${message}`),
    error: (message) => log.push(`error: ${message}`),
    tell: (level, message) => told.push(`${level}: ${message}`),
  };
}

const workspaceNames = async (service: ReturnType<typeof createCableService>) =>
  (await service.workspaceSymbols('')).map((symbol) => symbol.name.split(' ')[0]).sort();

test('the workspace: folders indexed in the queue, file events, an open document over its file, closed again', async () => {
  const texts = new Map([[STATE, readFixture('09STATE15113.cable')]]);
  const logger = recordingLogger();
  const service = createCableService({ files: memoryFolder(texts), logger });
  await service.addFolders([FOLDER]);
  assert.deepEqual(await workspaceNames(service), ['09STATE15113']);
  assert.match(logger.log[0], /^Indexed 1 cables in 1 files/);

  // A new file on disk, seen by the watcher; navigation waits for it.
  texts.set(DOHA, readFixture('09DOHA214.cable'));
  void service.fileChanged(DOHA, 'created');
  assert.deepEqual(await workspaceNames(service), ['09DOHA214', '09STATE15113']);

  // Opened, it cites the other file: definition goes there.
  service.openDocument(DOHA, 1, readFixture('09DOHA214.cable'));
  const [link] = (await service.definition(DOHA, { line: 47, character: 12 }, true)) as LocationLink[];
  assert.equal(link.targetUri, STATE);

  // An edit that is not saved: the open document wins over the file.
  service.changeDocument(DOHA, [{ text: '' }], 2);
  assert.ok(!(await workspaceNames(service)).includes('09DOHA214'));
  // Closed: the file on disk counts again.
  service.closeDocument(DOHA);
  assert.deepEqual(await workspaceNames(service), ['09DOHA214', '09STATE15113']);

  texts.delete(STATE);
  await service.fileChanged(STATE, 'deleted');
  assert.deepEqual(await workspaceNames(service), ['09DOHA214']);
  service.removeFolders([FOLDER]);
  assert.deepEqual(await workspaceNames(service), []);
});

test('watcher events outside the workspace folders, through .., or in skipped folders are not read', async () => {
  const texts = new Map<string, string>();
  const outside = 'file:///elsewhere/09STATE15113.cable';
  for (const uri of [
    outside,
    `${FOLDER}/../elsewhere/09STATE15113.cable`,
    `${FOLDER}/.git/09STATE15113.cable`,
    `${FOLDER}/a/node_modules/09STATE15113.cable`,
  ])
    texts.set(uri, readFixture('09STATE15113.cable'));
  const read: string[] = [];
  const service = createCableService({
    // The folder looks empty to a walk; the events name the files.
    files: { findCableFiles: async () => [], readCableFile: async (uri) => (read.push(uri), texts.get(uri)) },
  });
  await service.addFolders([FOLDER]);
  for (const uri of texts.keys()) await service.fileChanged(uri, 'created');
  assert.deepEqual(read, []);
  assert.deepEqual(await workspaceNames(service), []);
});

test('a folder read again whole (an archive indexed again): what its files hold now, gone ones dropped', async () => {
  const texts = new Map([[STATE, readFixture('09STATE15113.cable')]]);
  const service = createCableService({ files: memoryFolder(texts) });
  await service.addFolders([FOLDER]);
  assert.deepEqual(await workspaceNames(service), ['09STATE15113']);
  // Every file changed at once, with no event of its own: the archive behind the folder was replaced.
  texts.clear();
  texts.set(DOHA, readFixture('09DOHA214.cable'));
  await service.reindexFolders(['file:///elsewhere', `${FOLDER}/`]);
  assert.deepEqual(await workspaceNames(service), ['09DOHA214']);
  // A folder that is no workspace folder is not read.
  await service.reindexFolders(['file:///elsewhere']);
  assert.deepEqual(await workspaceNames(service), ['09DOHA214']);
});

test('a request on a document that is not open says so', async () => {
  const service = createCableService();
  assert.throws(() => service.hover('file:///nowhere.cable', { line: 0, character: 0 }), UnknownDocumentError);
  await assert.rejects(service.references('file:///nowhere.cable', { line: 0, character: 0 }, true), /open it first/);
});

test('settings and the user tables change the diagnostics of the open documents; table problems are told once', () => {
  const logger = recordingLogger();
  const service = createCableService({ logger });
  const uri = 'file:///own.cable';
  service.openDocument(
    uri,
    1,
    readFixture('09DUSHANBE1151.cable').replace('[PREL](#) [PHUM](#)', '[PREL](#) [KXYZ](#)'),
  );
  const codes = () => service.diagnostics(uri).flatMap((d) => (d.code === 'unknown-tag' ? [d.code] : []));
  assert.deepEqual(codes(), ['unknown-tag']);
  service.settings = { ...service.settings, rules: { 'unknown-tag': 'off' } };
  assert.deepEqual(codes(), []);
  service.settings = { ...service.settings, rules: {} };

  const problems = service.setUserTables([
    { name: 'ours.tsv', text: 'code\tmeaning\nKXYZ\tOur program\nk y\tbad\nq q\tbad\n' },
  ]);
  assert.equal(problems.length, 2);
  assert.deepEqual(codes(), []);
  assert.equal(logger.log.filter((line) => line.startsWith('warning: Code table ours.tsv:')).length, 2);
  assert.deepEqual(logger.told, [
    'warning: Cable code tables: ours.tsv:3: "k y" is not a TAGS code: expected a letter and letters or digits, no spaces (KXYZ). (and 1 more problems: see the output of the cable language server)',
  ]);
  service.setUserTables([]);
  assert.deepEqual(codes(), ['unknown-tag']);
});

test('an outline over the limit is cut, said once per document in the log and once to the user', () => {
  const logger = recordingLogger();
  const service = createCableService({ logger, settings: { maxOutlineSymbols: 3 } });
  const text = readFixture('09DUSHANBE1151.cable');
  for (const name of ['a', 'b']) {
    service.openDocument(`file:///${name}.cable`, 1, `${text}\n${text}`);
    assert.equal(service.documentSymbols(`file:///${name}.cable`).length, 2);
    service.documentSymbols(`file:///${name}.cable`);
  }
  assert.equal(logger.log.length, 2);
  assert.match(logger.log[0], /^The outline of a\.cable shows 3 of its \d+ symbols/);
  assert.equal(logger.told.length, 1);
});

test('semantic tokens: a delta against the last answer, the whole data for an unknown result id', () => {
  const service = createCableService();
  const uri = 'file:///a.cable';
  service.openDocument(uri, 1, readFixture('09DUSHANBE1151.cable'));
  const first = service.semanticTokens(uri);
  service.changeDocument(
    uri,
    [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }],
    2,
  );
  const delta = service.semanticTokensDelta(uri, first.resultId!);
  assert.ok('edits' in delta && delta.edits.length > 0);
  const whole = service.semanticTokensDelta(uri, 'stale');
  assert.ok('data' in whole && whole.data.length === first.data.length);
});
