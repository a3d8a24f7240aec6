// The offset index of an archive open as a folder (server/src/archive/offsetIndex.ts, nodeArchive.ts): built from the
// generated cables.csv and folder of pages, stored and reused while the archive is unchanged, built again when it
// changes or was stored in an older format; read from its file while the archive is open (a cable by path, a folder's
// listing); malformed and oversized rows skipped; the tree of year/origin/ID.cable the file system provider shows; the
// language server's view of the same archive (ArchiveShelf).
import assert from 'node:assert/strict';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { CsvReader } from '../../server/src/archive/csv';
import { ArchiveShelf, archiveUri, openArchive, readArchivedCable } from '../../server/src/archive/nodeArchive';
import {
  archiveAuthority,
  cablePath,
  IndexedCable,
  OffsetIndex,
  readStoredIndex,
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

/** An index's stored bytes read back as the open archive reads them (here from memory). */
async function stored(index: OffsetIndex) {
  const bytes = new TextEncoder().encode(serializeIndex(index));
  return readStoredIndex(async (start, length) => bytes.subarray(start, start + length), bytes.length);
}

const at = (path: string, offset: number): IndexedCable => ({ path, offset, length: 1, line: 1, page: '' });

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

test('ArchiveTree: folders by year and origin, sorted; duplicates numbered; nothing outside the tree', async () => {
  const index = { stamp: { size: 3, mtimeMs: 1 }, skipped: 0 };
  const { tree } = (await stored({
    ...index,
    cables: [at('2009/B/X.cable', 0), at('2009/A/Y.cable', 1), at('2009/A/Y.cable', 2)],
  }))!;
  assert.equal(tree.count, 3);
  assert.deepEqual(await tree.list('/'), [{ name: '2009', folder: true }]);
  assert.deepEqual(await tree.list('/2009/'), [
    { name: 'A', folder: true },
    { name: 'B', folder: true },
  ]);
  assert.deepEqual(
    (await tree.list('/2009/A'))!.map((e) => e.name),
    ['Y (2).cable', 'Y.cable'],
  );
  assert.deepEqual(await tree.find('/2009/A/Y (2).cable'), { cable: at('2009/A/Y (2).cable', 2) });
  assert.deepEqual(await tree.find('/2009/A/Y.cable'), { cable: at('2009/A/Y.cable', 1) });
  assert.deepEqual(await tree.find('/2009'), { folder: true });
  assert.equal(await tree.find('/2009/A/Z.cable'), undefined);
  assert.equal(await tree.find('/../2009/A/Y.cable'), undefined);
  assert.equal(await tree.list('/2009/A/Y.cable'), undefined);
  assert.deepEqual(
    (await tree.cablesBelow('/2009/A')).map((c) => c.path),
    ['2009/A/Y (2).cable', '2009/A/Y.cable'],
  );
});

test('the stored index: every cable found by its path, in any of its blocks; none that is not there', async () => {
  // 1,000 cables in 8 blocks, over 3 years and 7 origins, given in no order; names not ASCII (byte offsets).
  const many = Array.from({ length: 1000 }, (_, n) =>
    at(`${2001 + (n % 3)}/Embassy ${['Å', 'B', 'C', 'D', 'E', 'F', '𝔊'][n % 7]}/X${(n * 7919) % 1000}é.cable`, n),
  );
  const { tree } = (await stored({ stamp: { size: 1, mtimeMs: 1 }, skipped: 0, cables: many }))!;
  assert.equal(tree.count, many.length);
  for (const cable of many) assert.deepEqual(await tree.find(`/${cable.path}`), { cable }, cable.path);
  assert.equal(await tree.find('/2001/Embassy Å/X0.cable'), undefined);
  assert.equal(await tree.find('/2001/Embassy Å/Y.cable'), undefined);
  assert.equal(await tree.find('/2001/Embassy Z/X0é.cable'), undefined);
  assert.equal((await tree.cablesBelow('/')).length, many.length);
  assert.equal((await tree.cablesBelow('/2002')).length, many.filter((c) => c.path.startsWith('2002/')).length);
});

test('the stored index: read back as written; another format, an older one, or a file cut short is no index', async () => {
  const index = {
    stamp: { size: 12, mtimeMs: 1700000000000.5 },
    skipped: 1,
    cables: [{ path: '2009/Embassy Dushanbe/09DUSHANBE1151.cable', offset: 0, length: 12, line: 1, page: '' }],
  };
  const back = await stored(index);
  assert.deepEqual([back?.stamp, back?.skipped, back?.tree.count], [index.stamp, 1, 1]);
  assert.deepEqual(await back?.tree.cablesBelow('/'), index.cables);
  const read = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return readStoredIndex(async (start, length) => bytes.subarray(start, start + length), bytes.length);
  };
  const text = serializeIndex(index);
  assert.ok(await read(text));
  assert.equal(await read(text.slice(0, -3)), undefined);
  assert.equal(await read(`${text}more\n`), undefined);
  assert.equal(await read(text.replace('index 2', 'index 3')), undefined);
  assert.equal(await read('cablegate-offset-index 1\t12\t1700000000000.5\t1\n0\t12\t1\t\t2009/A/X.cable\n'), undefined);
  assert.equal(await read(''), undefined);
});

test('a cables.csv: every cable indexed at its row and read back alone; the index stored, then reused', async () => {
  const place = archive(cablesCsv(cables));
  const reported: number[] = [];
  const first = await openArchive(place, { write: true, progress: (fraction) => reported.push(fraction) });
  assert.ok(first);
  assert.equal(first.tree.count, cables.length);
  assert.equal(first.skipped, 0);
  assert.equal(reported.at(-1), 1);
  for (const cable of cables) {
    const found = await first.tree.find(`/${cablePath(cable.metadata)}`);
    assert.ok(found && 'cable' in found, cable.metadata.id);
    assert.equal(await readArchivedCable(first, found.cable), cable.text, cable.metadata.id);
  }
  assert.ok(kampala);
  assert.deepEqual(
    (await first.tree.list('/2009/Embassy Kampala'))?.map((e) => e.name),
    cables
      .filter((c) => cablePath(c.metadata).startsWith('2009/Embassy Kampala/'))
      .map((c) => `${c.metadata.id}.cable`)
      .sort(),
  );
  const storedText = readFileSync(place.index, 'utf8');
  assert.match(storedText, /^cablegate-offset-index 2\t/);
  const again = await openArchive(place, {
    write: true,
    progress: () => assert.fail('the stored index was not reused: the archive was read again'),
  });
  assert.deepEqual(await again?.tree.cablesBelow('/'), await first.tree.cablesBelow('/'));
  assert.equal(readFileSync(place.index, 'utf8'), storedText);
});

test('an index stored in the older format (1) is stale: built again and stored in this one', async () => {
  const place = archive(cablesCsv(cables.slice(0, 3)));
  mkdirSync(dirname(place.index), { recursive: true });
  const { size, mtimeMs } = statSync(place.path);
  writeFileSync(place.index, `cablegate-offset-index 1\t${size}\t${mtimeMs}\t0\n0\t${size}\t1\t\t2009/A/X.cable\n`);
  let read = false;
  const opened = await openArchive(place, { write: true, progress: () => (read = true) });
  assert.ok(read, 'the archive was not read again');
  assert.equal(opened?.tree.count, 3);
  assert.equal(await opened?.tree.find('/2009/A/X.cable'), undefined);
  assert.match(readFileSync(place.index, 'utf8'), /^cablegate-offset-index 2\t/);
});

test('a folder listed from the index file: a change of that file refuses to be read as the old index', async () => {
  const place = archive(cablesCsv(cables));
  const opened = await openArchive(place, { write: true });
  assert.ok(opened && kampala);
  const folder = `/${cablePath(kampala.metadata).replace(/\/[^/]*$/, '')}`;
  assert.ok((await opened.tree.list(folder))?.some((e) => e.name === '09KAMPALA1197.cable'));
  appendFileSync(place.index, 'x');
  await assert.rejects(opened.tree.list(folder), FileRefused);
});

test('a changed cables.csv (size or modification time): built again; a cable of the old index is refused', async () => {
  const place = archive(cablesCsv(cables.slice(0, 3)));
  const before = await openArchive(place, { write: true });
  assert.equal(before?.tree.count, 3);
  const [first] = await before!.tree.cablesBelow('/');
  appendFileSync(place.path, csvRow(cables[3], 4));
  const grown = await openArchive(place, { write: true });
  assert.equal(grown?.tree.count, 4);
  await assert.rejects(readArchivedCable(before!, first), FileRefused);
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
  const kept = await opened.tree.cablesBelow('/');
  assert.deepEqual(
    kept.map((c) => c.path),
    [0, 1, 2].map((i) => cablePath(cables[i].metadata)).sort(),
  );
  const third = kept.find((c) => c.path === cablePath(cables[2].metadata));
  assert.equal(await readArchivedCable(opened, third!), cables[2].text);
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
  assert.equal(opened.tree.count, cables.length);
  const indexed = await opened.tree.find(`/${cablePath(kampala!.metadata)}`);
  assert.ok(indexed && 'cable' in indexed);
  assert.equal(indexed.cable.page, 'cable/2009/10/09KAMPALA1197.html');
  assert.equal(await readArchivedCable(opened, indexed.cable), `${kampala!.text.replace(/\n$/, '')}\n`);
});

test('a page whose origin decodes to lone surrogates (&#xD800;): its path well-formed, the index built in memory and on disk', async () => {
  assert.equal(
    cablePath({ id: '09X1', created: '2009-01-01 00:00', origin: '\uD800\uD800 Embassy \uDC00' }),
    '2009/\uFFFD\uFFFD Embassy \uFFFD/09X1.cable',
  );
  const folder = join(dir, 'site-surrogates');
  const [page] = writeCablePages(folder, [kampala!]);
  writeFileSync(page, readFileSync(page, 'utf8').replace(/Embassy Kampala/g, '&#xD800;&#xD800; Kampala'));
  for (const index of [undefined, join(dir, 'storage', 'site-surrogates.tsv')]) {
    const opened = await openArchive({ path: folder, index }, { write: index !== undefined });
    assert.ok(opened, `index ${index ?? 'in memory'}`);
    const indexed = await opened.tree.find('/2009/\uFFFD\uFFFD Kampala/09KAMPALA1197.cable');
    assert.ok(indexed && 'cable' in indexed, `index ${index ?? 'in memory'}`);
  }
});

test('a page file whose name holds a line end is no page (the index stores a page path on a line)', async () => {
  const folder = join(dir, 'site-line-end');
  const [page] = writeCablePages(folder, [kampala!]);
  writeFileSync(join(dirname(page), '09A1\nzz.html'), readFileSync(page));
  const opened = await openArchive({ path: folder });
  assert.ok(opened);
  assert.equal(opened.tree.count, 1);
  assert.deepEqual(
    (await opened.tree.cablesBelow('/')).map((c) => c.page),
    ['cable/2009/10/09KAMPALA1197.html'],
  );
});

test("the language server's files: an archive's folder lists its cables as cablegate URIs, and reads them", async () => {
  const place = archive(cablesCsv(cables));
  await openArchive(place, { write: true });
  const base: WorkspaceFiles = {
    findCableFiles: async (uri) => [`${uri}/on-disk.cable`],
    readCableFile: async () => 'from disk',
  };
  const shelf = new ArchiveShelf();
  assert.deepEqual(await shelf.setArchives([place]), []);
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
  // Told again with the archive unchanged: nothing to read again.
  assert.deepEqual(await shelf.setArchives([place]), []);
  // The archive grows, the extension builds its index again and says so: the server reads the new index, and the
  // archive's folder is to be read again.
  appendFileSync(place.path, csvRow(cables[0], cables.length + 1));
  await openArchive(place, { write: true });
  assert.deepEqual(await shelf.setArchives([place]), [`cablegate://${authority}/`]);
  assert.equal((await files.findCableFiles(`cablegate://${authority}/`)).length, cables.length + 1);
});

test('the language server: an archive that cannot be read is said once, shows no cables, and is tried again when told again', async () => {
  const place = { path: join(dir, 'gone', 'cables.csv'), index: join(dir, 'storage', 'gone.tsv') };
  const said: string[] = [];
  const shelf = new ArchiveShelf((message) => said.push(message));
  const base: WorkspaceFiles = { findCableFiles: async () => [], readCableFile: async () => undefined };
  await shelf.setArchives([place]);
  const files = shelf.workspaceFiles(base);
  const folder = `cablegate://${archiveAuthority(place.path)}/`;
  assert.deepEqual(await files.findCableFiles(folder), []);
  assert.deepEqual(await files.findCableFiles(folder), []);
  assert.equal(said.length, 1, said.join('\n'));
  assert.match(
    said[0],
    /^The archive .*gone\/cables\.csv cannot be read \(ENOENT.*\): it shows no cables until it is opened again\.$/,
  );
  // The extension tells the list again after an archive is opened: the server tries it again.
  mkdirSync(dirname(place.path), { recursive: true });
  writeFileSync(place.path, cablesCsv(cables.slice(0, 2)));
  await shelf.setArchives([place]);
  assert.equal((await files.findCableFiles(folder)).length, 2);
  assert.equal(said.length, 1);
});
