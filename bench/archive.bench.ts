// cable-lint over Cablegate as published vs the same cables as .cable files, in one run: the fixture cables repeated
// until BENCH_ARCHIVE_MB MiB of cable text, written once as .cable files (500 a folder) and once as one cables.csv
// (test/support/archives.ts); both linted with the same options, in turns, BENCH_ARCHIVE_ROUNDS times; seconds per
// MiB of cable text (the same text in both), medians and the per-round ratio.
//   node esbuild.mjs && node esbuild.mjs --bench && node out/bench/archive.bench.js
//   BENCH_ARCHIVE_MB=64  BENCH_ARCHIVE_ROUNDS=3  BENCH_ARCHIVE_JOBS=2  BENCH_ARCHIVE_DIR=/tmp
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRow, publishedFixtures } from '../test/support/archives';
import { projectRoot } from '../test/support/paths';
import { interleave, machine, roundRatios, table } from './support';

const MiB = 1024 * 1024;
const mebibytes = Number(process.env.BENCH_ARCHIVE_MB ?? 64);
const rounds = Number(process.env.BENCH_ARCHIVE_ROUNDS ?? 3);
const jobs = process.env.BENCH_ARCHIVE_JOBS ?? '2';
const cli = join(projectRoot, 'dist', 'cable-lint.js');

const dir = mkdtempSync(join(process.env.BENCH_ARCHIVE_DIR ?? tmpdir(), 'cable-archive-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** The same cables twice: one .cable file each, and rows of one cables.csv. */
function writeCorpus(): { cables: number; textBytes: number } {
  const cables = publishedFixtures();
  const csv = openSync(join(dir, 'cables.csv'), 'w');
  let textBytes = 0;
  let n = 0;
  for (; textBytes < mebibytes * MiB; n++) {
    const cable = cables[n % cables.length];
    const folder = join(dir, 'files', String(Math.floor(n / 500)).padStart(4, '0'));
    if (n % 500 === 0) mkdirSync(folder, { recursive: true });
    const file = openSync(join(folder, `${n}.cable`), 'w');
    writeSync(file, cable.text);
    closeSync(file);
    writeSync(csv, csvRow(cable, n + 1));
    textBytes += Buffer.byteLength(cable.text);
  }
  closeSync(csv);
  return { cables: n, textBytes };
}

function lint(input: string): void {
  const run = spawnSync(
    process.execPath,
    [cli, '--jobs', jobs, '--quiet', '--format', 'json', '--no-progress', input],
    {
      cwd: dir,
      maxBuffer: 1 << 30,
    },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`cable-lint ${input}: ${run.stderr}`);
}

const { cables, textBytes } = writeCorpus();
const csvBytes = statSync(join(dir, 'cables.csv')).size;
console.log(`${machine()}; load ${loadavg()[0].toFixed(1)}`);
console.log(
  `${cables} cables, ${(textBytes / MiB).toFixed(1)} MiB of cable text; cables.csv ${(csvBytes / MiB).toFixed(1)} MiB; --jobs ${jobs}, ${rounds} rounds in turns\n`,
);
const timings = interleave(rounds, { files: () => lint('files'), csv: () => lint('cables.csv') });
const perMiB = (ms: number) => `${(ms / 1000 / (textBytes / MiB)).toFixed(3)} s`;
const { median, min, max } = roundRatios(timings.csv, timings.files);
table(
  ['input', 'wall time (median)', 'per MiB of cable text', 'MiB/s'],
  [
    [
      '.cable files',
      `${(timings.files.median / 1000).toFixed(2)} s`,
      perMiB(timings.files.median),
      (textBytes / MiB / (timings.files.median / 1000)).toFixed(1),
    ],
    [
      'cables.csv',
      `${(timings.csv.median / 1000).toFixed(2)} s`,
      perMiB(timings.csv.median),
      (textBytes / MiB / (timings.csv.median / 1000)).toFixed(1),
    ],
  ],
);
console.log(`cables.csv / .cable files: ${median.toFixed(2)}x (rounds ${min.toFixed(2)}–${max.toFixed(2)})`);
