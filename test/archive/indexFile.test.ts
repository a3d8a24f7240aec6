// The offset index written through an external merge sort (server/src/archive/indexFile.ts): runs of a few cables
// (the run size given small, so that a few hundred cables make many runs, more than are merged at once), the file
// written the same, byte for byte, as the index sorted in memory (serializeIndex), duplicates numbered alike; the
// temporary files beside it removed after a build, a cancelled one and a failed one.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { IndexFileBuilder } from '../../server/src/archive/indexFile';
import { openArchive } from '../../server/src/archive/nodeArchive';
import { IndexedCable, serializeIndex } from '../../server/src/archive/offsetIndex';
import { cablesCsv, publishedFixtures } from '../support/archives';

const dir = mkdtempSync(join(tmpdir(), 'cable-index-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let folders = 0;
/** A storage folder of its own, and the index file in it. */
function storage(): { folder: string; index: string } {
  const folder = join(dir, `storage-${folders++}`);
  return { folder, index: join(folder, 'index.tsv') };
}

/**
 * `count` cables in archive order, many of them under the same few paths: reference IDs that come twice or more, and
 * IDs that look like the names given to duplicates (`X (2)`, `X (2) (2)`, ...), before and after those; names not
 * ASCII; some pages.
 */
function cablesWithDuplicates(count: number): IndexedCable[] {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator repeat soon
  };
  const alike = ['X', 'X (2)', 'X (2) (2)', 'X (3)', 'Y', 'Y (1)', 'Zé', 'Z𝔊 (2)', 'W (10)', 'W (9)', 'W', 'W (2)'];
  return Array.from({ length: count }, (_, n) => {
    const id = random(3) === 0 ? alike[random(alike.length)] : `ID${random(count)}`;
    const path = `${2000 + random(2)}/Embassy ${['A', 'Å'][random(2)]}/${id}.cable`;
    const page = random(8) === 0 ? `cable/2000/01/${id}.html` : '';
    return { path, offset: n * 1000, length: 999, line: n * 20 + 1, page };
  });
}

async function written(cables: readonly IndexedCable[], runEntries: number): Promise<{ text: string; left: string[] }> {
  const { folder, index } = storage();
  const builder = new IndexFileBuilder(index, runEntries);
  try {
    for (const cable of cables) await builder.add(cable);
    assert.equal(await builder.write({ size: 12345, mtimeMs: 1700000000000.5 }, 2), true);
  } finally {
    await builder.remove();
  }
  return { text: readFileSync(index, 'utf8'), left: readdirSync(folder) };
}

test('written in runs: the same file as the index sorted in memory, duplicates numbered alike', async () => {
  const cables = cablesWithDuplicates(600);
  const expected = serializeIndex({ stamp: { size: 12345, mtimeMs: 1700000000000.5 }, skipped: 2, cables });
  assert.match(expected, /X \(2\) \(2\)\.cable/); // a duplicate named after a name already taken
  // Runs of 7: 86 runs, merged in two groups first; of 64: 10 runs, merged at once; of more than all: one run.
  for (const runEntries of [7, 64, 1000]) {
    const { text, left } = await written(cables, runEntries);
    assert.equal(text, expected, `runs of ${runEntries}`);
    assert.deepEqual(left, ['index.tsv'], `runs of ${runEntries}: temporary files left`);
  }
});

test('written in runs: no cable, one cable', async () => {
  for (const cables of [[], cablesWithDuplicates(1)]) {
    const { text, left } = await written(cables, 7);
    assert.equal(text, serializeIndex({ stamp: { size: 12345, mtimeMs: 1700000000000.5 }, skipped: 2, cables }));
    assert.deepEqual(left, ['index.tsv']);
  }
});

test('written in runs: cancelled during a merge (polled every 4,096 cables), no index, nothing left', async () => {
  const { folder, index } = storage();
  const builder = new IndexFileBuilder(index, 1000);
  for (const cable of cablesWithDuplicates(5000)) await builder.add(cable);
  let polls = 0;
  try {
    assert.equal(await builder.write({ size: 1, mtimeMs: 1 }, 0, () => ++polls > 0), false);
  } finally {
    await builder.remove();
  }
  assert.equal(polls, 1);
  assert.deepEqual(readdirSync(folder), []);
});

const cables = publishedFixtures();

/** A cables.csv with every fixture cable twice (the second time under the same ID: numbered), and its storage. */
function archive(): { path: string; index: string; folder: string } {
  const { folder, index } = storage();
  const path = join(dir, `cables-${folders}.csv`);
  writeFileSync(path, cablesCsv([...cables, ...cables]));
  return { path, index, folder };
}

test('openArchive, runs of 16: the stored index the same as built in memory; nothing else left beside it', async () => {
  const place = archive();
  const opened = await openArchive(place, { write: true, runEntries: 16 });
  assert.ok(opened);
  assert.equal(opened.tree.count, 2 * cables.length);
  assert.deepEqual(readdirSync(place.folder), ['index.tsv']);
  const inMemory = await openArchive({ path: place.path });
  assert.deepEqual(await opened.tree.cablesBelow('/'), await inMemory?.tree.cablesBelow('/'));
  assert.ok((await opened.tree.cablesBelow('/')).some((c) => c.path.endsWith(' (2).cable')));
});

test('a build cancelled while the archive is read, or once its runs are merged: no index, no temporary file', async () => {
  // Polled before each chunk of the archive is read, and once more when the cables' lines are merged.
  let polls = 0;
  assert.ok(await openArchive(archive(), { write: true, cancelled: () => (polls++, false) }));
  assert.ok(polls >= 3, `${polls} polls`);
  for (const last of [2, polls]) {
    const place = archive();
    let polled = 0;
    const opened = await openArchive(place, { write: true, runEntries: 16, cancelled: () => ++polled >= last });
    assert.equal(opened, undefined, `cancelled at poll ${last}`);
    assert.equal(polled, last);
    assert.deepEqual(readdirSync(place.folder), [], `cancelled at poll ${last}: temporary files left`);
  }
});

test("a build takes away the temporary files a killed build left (its process gone), not a running process's", async () => {
  const place = archive();
  // The process id of a process that has ended (a child run to its end); this process's own id stands for a live one.
  const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
  mkdirSync(place.folder, { recursive: true });
  const left = [`index.tsv.${gone}-1.run3`, `index.tsv.${gone}-1.lines`, `index.tsv.${gone}-2.partial`];
  const kept = [`index.tsv.${process.pid}-999.run0`, 'notes.txt'];
  for (const name of [...left, ...kept]) writeFileSync(join(place.folder, name), 'x');
  assert.ok(await openArchive(place, { write: true, runEntries: 16 }));
  assert.deepEqual(readdirSync(place.folder).sort(), ['index.tsv', ...kept].sort());
});

test('a build that fails writing its index: the error told, no temporary file left', async () => {
  const place = archive();
  // A folder where the index file goes: the rename into its place fails.
  mkdirSync(join(place.index, 'in the way'), { recursive: true });
  await assert.rejects(openArchive(place, { write: true, runEntries: 16 }));
  assert.deepEqual(readdirSync(place.folder), ['index.tsv']);
  assert.deepEqual(readdirSync(place.index), ['in the way']);
});
