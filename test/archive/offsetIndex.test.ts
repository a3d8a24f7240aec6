// The offset index of an archive open as a folder (server/src/archive/offsetIndex.ts, nodeArchive.ts): built from the
// generated cables.csv and folder of pages, stored and reused while the archive is unchanged, built again when it
// changes; malformed and oversized rows skipped; the tree of year/origin/ID.cable the file system provider shows; the
// language server's view of the same archive (ArchiveShelf).
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CsvReader } from '../../server/src/archive/csv';
import { ArchiveShelf, archiveUri, openArchive, readArchivedCable } from '../../server/src/archive/nodeArchive';
import {
  archiveAuthority,
  ArchiveTree,
  cablePath,
  IndexedCable,
  parseIndex,
  serializeIndex,
} from '../../server/src/archive/offsetIndex';
import { FileRefused, WorkspaceFiles } from '../../server/src/cableFiles/files';
import { cablesCsv, csvRow, publishedFixtures, writeCablePages } from '../support/archives';

const cables = publishedFixtures();
const dir = mkdtempSync(join(tmpdir(), 'cable-offset-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
/** A new cables.csv of `text` and a place for its index. */
function archive(text: string): { path: string; index: string } {
  const n = fileCount++;
  const path = join(dir, `cables-${n}.csv`);
  writeFileSync(path, text);
  return { path, index: join(dir, 'storage', `${n}.tsv`) };
}

const kampala = cables.find((c) => c.metadata.id === '09KAMPALA1197');

test('cablePath: year of either date form, origin, ID; no slash, control character or dot segment gets through', () => {
  assert.equal(
    cablePath({ id: '09DUSHANBE1151', created: '10/19/2009 11:11', origin: 'Embassy Dushanbe' }),
    '2009/Embassy Dushanbe/09DUSHANBE1151.cable',
  );
  assert.equal(cablePath({ id: '66X1', created: '1966-12-28 18:48', origin: '' }), '1966/Unknown origin/66X1.cable');
  assert.equal(cablePath({ id: '..', created: 'never', origin: 'a/b\\c\td' }), 'Unknown year/a_b_c_d/unnamed.cable');
});

test('archiveAuthority: 8 hex digits, the same for the same path, another for another', () => {
  assert.match(archiveAuthority('/data/cables.csv'), /^[0-9a-f]{8}$/);
  assert.equal(archiveAuthority('/data/cables.csv'), archiveAuthority('/data/cables.csv'));
  assert.notEqual(archiveAuthority('/data/cables.csv'), archiveAuthority('/data/cables2.csv'));
});

test('ArchiveTree: folders by year and origin, sorted; duplicates numbered; nothing outside the tree', () => {
  const at = (path: string, offset: number): IndexedCable => ({ path, offset, length: 1, line: 1, page: '' });
  const tree = new ArchiveTree([at('2009/B/X.cable', 0), at('2009/A/Y.cable', 1), at('2009/A/Y.cable', 2)]);
  assert.deepEqual(tree.list('/'), [{ name: '2009', folder: true }]);
  assert.deepEqual(tree.list('/2009/'), [
    { name: 'A', folder: true },
    { name: 'B', folder: true },
  ]);
  assert.deepEqual(
    tree.list('/2009/A')!.map((e) => e.name),
    ['Y (2).cable', 'Y.cable'],
  );
  assert.deepEqual(tree.find('/2009/A/Y (2).cable'), { cable: at('2009/A/Y (2).cable', 2) });
  assert.deepEqual(tree.find('/2009'), { folder: true });
  assert.equal(tree.find('/2009/A/Z.cable'), undefined);
  assert.equal(tree.find('/../2009/A/Y.cable'), undefined);
  assert.equal(tree.list('/2009/A/Y.cable'), undefined);
});

test('the stored index: read back as written; another format or a file cut short is no index', () => {
  const index = {
    stamp: { size: 12, mtimeMs: 1700000000000.5 },
    skipped: 1,
    cables: [{ path: '2009/Embassy Dushanbe/09DUSHANBE1151.cable', offset: 0, length: 12, line: 1, page: '' }],
  };
  const text = serializeIndex(index);
  assert.deepEqual(parseIndex(text), index);
  assert.equal(parseIndex(text.slice(0, -3)), undefined);
  assert.equal(parseIndex(text.replace('index 1', 'index 2')), undefined);
  assert.equal(parseIndex(''), undefined);
});

test('a cables.csv: every cable indexed at its row and read back alone; the index stored, then reused', async () => {
  const place = archive(cablesCsv(cables));
  const reported: number[] = [];
  const first = await openArchive(place, { write: true, progress: (fraction) => reported.push(fraction) });
  assert.ok(first);
  assert.equal(first.tree.cables.length, cables.length);
  assert.equal(first.skipped, 0);
  assert.equal(reported.at(-1), 1);
  for (const [i, cable] of cables.entries()) {
    const indexed: IndexedCable = first.tree.cables[i];
    assert.equal(indexed.path, cablePath(cable.metadata));
    assert.equal(await readArchivedCable(first, indexed), cable.text, cable.metadata.id);
  }
  assert.ok(kampala);
  assert.deepEqual(first.tree.find('/2009/Embassy Kampala/09KAMPALA1197.cable'), {
    cable: first.tree.cables[cables.indexOf(kampala)],
  });
  const stored = readFileSync(place.index, 'utf8');
  const again = await openArchive(place, {
    write: true,
    progress: () => assert.fail('the stored index was not reused: the archive was read again'),
  });
  assert.deepEqual(again?.tree.cables, first.tree.cables);
  assert.equal(readFileSync(place.index, 'utf8'), stored);
});

test('a changed cables.csv (size or modification time): built again; a cable of the old index is refused', async () => {
  const place = archive(cablesCsv(cables.slice(0, 3)));
  const before = await openArchive(place, { write: true });
  assert.equal(before?.tree.cables.length, 3);
  appendFileSync(place.path, csvRow(cables[3], 4));
  const grown = await openArchive(place, { write: true });
  assert.equal(grown?.tree.cables.length, 4);
  await assert.rejects(readArchivedCable(before!, before!.tree.cables[0]), FileRefused);
  // Same size, another time: built again too.
  utimesSync(place.path, new Date(2001, 0, 1), new Date(2001, 0, 1));
  let read = false;
  await openArchive(place, { write: true, progress: () => (read = true) });
  assert.ok(read, 'a touched archive was not read again');
});

test('a cancelled build: nothing opened, nothing stored', async () => {
  const place = archive(cablesCsv(cables));
  assert.equal(await openArchive(place, { write: true, cancelled: () => true }), undefined);
  assert.throws(() => readFileSync(place.index), /ENOENT/);
});

test('malformed rows and rows over the size cap are skipped and counted; the cables after them keep their places', async () => {
  const good = cablesCsv(cables.slice(0, 2));
  const cap = Math.max(...[0, 1, 2].map((i) => Buffer.byteLength(csvRow(cables[i], i + 1))));
  const giant = `"3","01/01/2009 00:00","09HUGE1","Embassy X","UNCLASSIFIED","","","${'A'.repeat(cap)}"\n`;
  const place = archive(`${good}"bad row"\n${giant}${csvRow(cables[2], 4)}`);
  const opened = await openArchive(place, { maxRowBytes: cap });
  assert.ok(opened);
  assert.equal(opened.skipped, 2);
  assert.deepEqual(
    opened.tree.cables.map((c) => c.path),
    [0, 1, 2].map((i) => cablePath(cables[i].metadata)),
  );
  assert.equal(await readArchivedCable(opened, opened.tree.cables[2]), cables[2].text);
});

test('CsvReader with a size cap: the long row reported without being kept, its lines still counted', () => {
  const next = csvRow(cables[0], 2);
  const cap = Buffer.byteLength(next);
  const long = `"1","${'x\\\n'.repeat(cap)}"\n`;
  const reader = new CsvReader(undefined, cap);
  const bytes = Buffer.from(long + next);
  const ends = [10, cap, 2 * cap, bytes.length];
  const rows = ends.flatMap((end, i) => reader.push(bytes.subarray(ends[i - 1] ?? 0, end)));
  rows.push(...reader.end());
  assert.equal(rows[0].kind, 'malformed');
  assert.deepEqual(rows[0].place, { offset: 0, length: Buffer.byteLength(long), line: 1 });
  assert.equal(rows[1].kind, 'cable');
  assert.deepEqual(rows[1].place, { offset: Buffer.byteLength(long), length: cap, line: cap + 2 });
});

test('a folder of pages: indexed by the metadata of each page, each cable read from its page', async () => {
  const folder = join(dir, 'site');
  writeCablePages(folder, cables);
  const opened = await openArchive({ path: folder, index: join(dir, 'storage', 'site.tsv') }, { write: true });
  assert.ok(opened);
  assert.equal(opened.tree.cables.length, cables.length);
  const indexed = opened.tree.cables.find((c) => c.path === cablePath(kampala!.metadata));
  assert.equal(indexed?.page, 'cable/2009/10/09KAMPALA1197.html');
  assert.equal(await readArchivedCable(opened, indexed!), `${kampala!.text.replace(/\n$/, '')}\n`);
});

test("the language server's files: an archive's folder lists its cables as cablegate URIs, and reads them", async () => {
  const place = archive(cablesCsv(cables));
  await openArchive(place, { write: true });
  const base: WorkspaceFiles = {
    findCableFiles: async (uri) => [`${uri}/on-disk.cable`],
    readCableFile: async () => 'from disk',
  };
  const shelf = new ArchiveShelf();
  shelf.setArchives([place]);
  const files = shelf.workspaceFiles(base);
  const authority = archiveAuthority(place.path);
  const uris = await files.findCableFiles(`cablegate://${authority}/`);
  assert.equal(uris.length, cables.length);
  const kampalaUri = archiveUri(authority, cablePath(kampala!.metadata));
  assert.equal(kampalaUri, `cablegate://${authority}/2009/Embassy%20Kampala/09KAMPALA1197.cable`);
  assert.ok(uris.includes(kampalaUri));
  assert.deepEqual(await files.findCableFiles(`cablegate://${authority}/2009/Embassy%20Kampala`), [kampalaUri]);
  assert.equal(await files.readCableFile(kampalaUri), kampala!.text);
  assert.equal(await files.readCableFile(`cablegate://${authority}/2009/nothing.cable`), undefined);
  // The publisher's metadata of a cable, read from its row (for the metadata-mismatch rule); none off the archives.
  const metadata = await shelf.metadataOf(kampalaUri);
  assert.deepEqual(
    [metadata?.id, metadata?.created, metadata?.classification, metadata?.origin],
    ['09KAMPALA1197', '10/19/2009 11:11', 'CONFIDENTIAL', 'Embassy Kampala'],
  );
  assert.equal(await shelf.metadataOf(`cablegate://${authority}/2009/nothing.cable`), undefined);
  assert.equal(await shelf.metadataOf('file:///w/a.cable'), undefined);
  // An archive the client did not name is none; other schemes go to the files on disk.
  assert.deepEqual(await files.findCableFiles('cablegate://00000000/'), []);
  assert.deepEqual(await files.findCableFiles('file:///w'), ['file:///w/on-disk.cable']);
  assert.equal(await files.readCableFile('file:///w/a.cable'), 'from disk');
  // The archive grows, the extension builds its index again and says so: the server reads the new index.
  appendFileSync(place.path, csvRow(cables[0], cables.length + 1));
  await openArchive(place, { write: true });
  shelf.setArchives([place]);
  assert.equal((await files.findCableFiles(`cablegate://${authority}/`)).length, cables.length + 1);
});
