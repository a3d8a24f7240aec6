// Indexing a workspace folder of cable files as the server does at start-up: find, read, parse, index.
//   npm run bench   (or: node esbuild.mjs --bench && node --expose-gc out/bench/index.bench.js)
// BENCH_FILES (default 2000) files are made from the fixture cables (bytes as they are: some Latin-1) in a
// temporary folder of 20 subfolders; the run reports files/s, MB/s, the longest event-loop delay and the heap that
// the index keeps. Then one corpus dump of BENCH_DUMP_MB (default 20) MB in one file: indexed a piece at a time.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CableIndex } from '../server/src/workspace/cableIndex';
import { indexFolders } from '../server/src/service/indexer';
import { nodeWorkspaceFiles } from '../server/src/cableFiles/nodeFiles';
import { fixtureNames } from '../test/support/fixtures';
import { fixturesDir } from '../test/support/paths';
import { corpusOfSize, formatMs, summarize } from './support';

const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_FILES ?? 2000);
  const folder = mkdtempSync(join(tmpdir(), 'cable-index-bench-'));
  const names = fixtureNames();
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const dir = join(folder, `d${k % 20}`);
    if (k < 20) mkdirSync(dir);
    const name = names[k % names.length];
    copyFileSync(join(fixturesDir, name), join(dir, `${k}-${name}`));
    bytes += statSync(join(fixturesDir, name)).size;
  }

  const progress = { begin() {}, report() {}, done() {} };
  const samples: number[] = [];
  let delayMax = 0;
  let index: CableIndex | undefined;
  try {
    for (let run = 0; run < 4; run++) {
      index = undefined;
      gc();
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      index = new CableIndex();
      const start = performance.now();
      const result = await indexFolders([pathToFileURL(folder).href], nodeWorkspaceFiles, index, progress);
      const elapsed = performance.now() - start;
      delay.disable();
      if (result.files !== count) throw new Error(`indexed ${result.files} of ${count} files`);
      if (run === 0) continue; // warm-up
      samples.push(elapsed);
      delayMax = Math.max(delayMax, delay.max / 1e6);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  gc();
  const withIndex = process.memoryUsage().heapUsed;
  const cables = [...index!.cables()].length;
  index = undefined;
  gc();
  const kept = withIndex - process.memoryUsage().heapUsed;
  const timing = summarize(samples);
  const seconds = timing.median / 1000;
  console.log(
    `index ${count} files (${(bytes / 1e6).toFixed(1)} MB, ${cables} cables): median ${formatMs(timing.median)} (min ${formatMs(timing.min)}, max ${formatMs(timing.max)}), ` +
      `${Math.round(count / seconds)} files/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s; longest event-loop delay ${delayMax.toFixed(0)} ms; ` +
      `heap kept by the index ${(kept / 1e6).toFixed(1)} MB`,
  );
}

/** One large file of many cables: the event loop is given back between pieces of it. */
async function dump(): Promise<void> {
  const megabytes = Number(process.env.BENCH_DUMP_MB ?? 20);
  const folder = mkdtempSync(join(tmpdir(), 'cable-index-bench-'));
  writeFileSync(join(folder, 'dump.cable'), corpusOfSize(megabytes));
  try {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const start = performance.now();
    const result = await indexFolders([pathToFileURL(folder).href], nodeWorkspaceFiles, new CableIndex(), {
      begin() {},
      report() {},
      done() {},
    });
    const elapsed = performance.now() - start;
    delay.disable();
    console.log(
      `index one ${megabytes} MB file (${result.cables} cables): ${formatMs(elapsed)}, ${(result.characters / 1e6 / (elapsed / 1000)).toFixed(1)} MB/s; ` +
        `longest event-loop delay ${(delay.max / 1e6).toFixed(0)} ms`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main().then(dump);
