// cable-facts against cable-lint on the same corpus, in one run (issue 15: facts cost no more than linting): the
// fixture cables repeated until BENCH_FACTS_MB MiB, written as .cable files (500 a folder), then both commands over
// the folder with the same worker count, in turns, BENCH_FACTS_ROUNDS times; wall-time medians and the per-round ratio.
// Each writes what it writes for real: cable-lint its JSON report (--quiet: errors only), cable-facts a JSON Line a
// cable, both to a pipe that is read and dropped.
//   node esbuild.mjs --production && node esbuild.mjs --bench && node out/bench/facts.bench.js
//   BENCH_FACTS_MB=64  BENCH_FACTS_ROUNDS=5  BENCH_FACTS_JOBS=2  BENCH_FACTS_DIR=/tmp
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureNames, readFixture } from '../test/support/fixtures';
import { projectRoot } from '../test/support/paths';
import { interleave, machine, roundRatios, table } from './support';

const MiB = 1024 * 1024;
const mebibytes = Number(process.env.BENCH_FACTS_MB ?? 64);
const rounds = Number(process.env.BENCH_FACTS_ROUNDS ?? 5);
const jobs = process.env.BENCH_FACTS_JOBS ?? '2';

const dir = mkdtempSync(join(process.env.BENCH_FACTS_DIR ?? tmpdir(), 'cable-facts-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** The fixture cables, one a file, until the corpus reaches its size. */
function writeCorpus(): { cables: number; bytes: number } {
  const cables = fixtureNames().map(readFixture);
  let bytes = 0;
  let n = 0;
  for (; bytes < mebibytes * MiB; n++) {
    const folder = join(dir, String(Math.floor(n / 500)).padStart(4, '0'));
    if (n % 500 === 0) mkdirSync(folder, { recursive: true });
    const file = openSync(join(folder, `${n}.cable`), 'w');
    bytes += writeSync(file, cables[n % cables.length]);
    closeSync(file);
  }
  return { cables: n, bytes };
}

function run(command: string, ...options: string[]): void {
  const cli = join(projectRoot, 'dist', `${command}.js`);
  const done = spawnSync(process.execPath, [cli, '--jobs', jobs, '--no-progress', ...options, dir], {
    maxBuffer: 1 << 30,
  });
  if (done.status !== 0 && done.status !== 1) throw new Error(`${command}: ${done.stderr}`);
}

const { cables, bytes } = writeCorpus();
console.log(`${machine()}; load ${loadavg()[0].toFixed(1)}`);
console.log(`${cables} cables, ${(bytes / MiB).toFixed(1)} MiB; --jobs ${jobs}, ${rounds} rounds in turns\n`);
const timings = interleave(rounds, {
  lint: () => run('cable-lint', '--quiet', '--format', 'json'),
  facts: () => run('cable-facts'),
});
const row = (name: string, ms: number) => [
  name,
  `${(ms / 1000).toFixed(2)} s`,
  (bytes / MiB / (ms / 1000)).toFixed(1),
  Math.round(cables / (ms / 1000)),
];
table(
  ['command', 'wall time (median)', 'MiB/s', 'cables/s'],
  [row('cable-lint', timings.lint.median), row('cable-facts', timings.facts.median)],
);
const { median, min, max } = roundRatios(timings.facts, timings.lint);
console.log(`cable-facts / cable-lint: ${median.toFixed(2)}x (rounds ${min.toFixed(2)}–${max.toFixed(2)})`);
