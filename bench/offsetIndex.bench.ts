// A cables.csv opened as a folder in the editor (issue 16, "In the editor"): the offset index built in one pass, the
// stored index read back, and one cable opened through it the way the file system provider reads it (the tree, then
// one row read and parsed), at several archive sizes; each size in a fresh process, so that the peak RSS of its build
// is its own; the heap after the build (the archive still open), garbage collected, over the heap before it, is what
// the open archive keeps.
// The archive: the fixture cables repeated (each with a reference ID of its own) until the size, as cables.csv rows.
//   node esbuild.mjs --bench && node out/bench/offsetIndex.bench.js
//   BENCH_OFFSET_INDEX_MB=256,1740 (sizes of cables.csv in MiB)  BENCH_OFFSET_INDEX_OPENS=50  BENCH_OFFSET_INDEX_DIR=/tmp
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openArchive, readArchivedCable } from '../server/src/archive/nodeArchive';
import { cablePath } from '../server/src/archive/offsetIndex';
import { csvRow, publishedFixtures } from '../test/support/archives';
import { machine, summarize, table } from './support';

const MiB = 1024 * 1024;

/** The measurements of one size, in a process of its own: `node offsetIndex.bench.js --measure <csv> <index>`. */
async function measureOne(csv: string, index: string): Promise<void> {
  const opens = Number(process.env.BENCH_OFFSET_INDEX_OPENS ?? 50);
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const fixtures = publishedFixtures();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let start = performance.now();
  const built = await openArchive({ path: csv, index }, { write: true });
  if (!built) throw new Error('not built');
  const buildMs = performance.now() - start;
  const buildPeakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const retainedHeap = process.memoryUsage().heapUsed;
  const keptHeap = retainedHeap - heapBefore;
  start = performance.now();
  const reused = await openArchive({ path: csv, index }, { write: true });
  const reuseMs = performance.now() - start;
  if (!reused || built.tree.count !== reused.tree.count) throw new Error('not opened');
  const cables = reused.tree.count;
  const samples: number[] = [];
  for (let i = 0; i < opens; i++) {
    // The n-th row of writeArchive: its fixture, with the ID it was given.
    const n = Math.floor(((i + 0.5) / opens) * cables);
    const { metadata } = fixtures[n % fixtures.length];
    const path = cablePath({ ...metadata, id: `${metadata.id}-${n}` });
    start = performance.now();
    const found = await reused.tree.find(`/${path}`);
    if (!found || !('cable' in found)) throw new Error(`${path} not found`);
    await readArchivedCable(reused, found.cable);
    samples.push(performance.now() - start);
  }
  const open = summarize(samples);
  const result = {
    cables,
    buildMs,
    reuseMs,
    openMedianMs: open.median,
    openP95Ms: open.p95,
    openMaxMs: open.max,
    indexBytes: statSync(index).size,
    retainedHeap,
    keptHeap,
    buildPeakRss,
  };
  process.stdout.write(JSON.stringify(result));
}

/** A cables.csv of at least `mebibytes` MiB: the fixtures again and again, each row with an ID of its own. */
function writeArchive(path: string, mebibytes: number): void {
  const fixtures = publishedFixtures();
  const file = openSync(path, 'w');
  let bytes = 0;
  const chunk: string[] = [];
  for (let n = 0; bytes < mebibytes * MiB; n++) {
    const cable = fixtures[n % fixtures.length];
    const row = csvRow({ ...cable, metadata: { ...cable.metadata, id: `${cable.metadata.id}-${n}` } }, n + 1);
    bytes += Buffer.byteLength(row);
    chunk.push(row);
    if (chunk.length === 1000) writeSync(file, chunk.splice(0).join(''));
  }
  writeSync(file, chunk.join(''));
  closeSync(file);
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_OFFSET_INDEX_MB ?? '64,256').split(',').map(Number);
  console.log(`${machine()}; load ${loadavg()[0].toFixed(1)}`);
  const rows: string[][] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(process.env.BENCH_OFFSET_INDEX_DIR ?? tmpdir(), 'cable-offset-index-bench-'));
    try {
      const csv = join(dir, 'cables.csv');
      writeArchive(csv, size);
      const csvMiB = statSync(csv).size / MiB;
      const run = spawnSync(process.execPath, ['--expose-gc', __filename, '--measure', csv, join(dir, 'index.tsv')], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (run.status !== 0) throw new Error(`measuring ${size} MiB failed: ${run.stderr}`);
      const r = JSON.parse(run.stdout) as Record<string, number>;
      rows.push([
        `${csvMiB.toFixed(0)} MiB, ${r.cables} cables`,
        `${(r.buildMs / 1000).toFixed(1)} s (${((r.buildMs / 1000 / csvMiB) * 1024).toFixed(1)} s/GiB)`,
        `${r.reuseMs.toFixed(0)} ms`,
        `${r.openMedianMs.toFixed(2)} ms (p95 ${r.openP95Ms.toFixed(2)}, max ${r.openMaxMs.toFixed(2)})`,
        `${(r.indexBytes / MiB).toFixed(1)} MiB`,
        `${(r.retainedHeap / MiB).toFixed(1)} MiB (+${(r.keptHeap / MiB).toFixed(1)})`,
        `${(r.buildPeakRss / MiB).toFixed(0)} MiB`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  table(
    [
      'cables.csv',
      'index built',
      'stored index read',
      'one cable opened',
      'index file',
      'heap after the build, archive open (GC; over the heap before)',
      'peak RSS of the build',
    ],
    rows,
  );
}

if (process.argv[2] === '--measure') void measureOne(process.argv[3], process.argv[4]);
else void main();
