// cable-lint on a generated Cablegate-like corpus: MB/s and cables/s with --jobs 1 and --jobs 2, the
// projected time for the 1.7 GB Cablegate corpus, and a baseline that only reads the files and counts
// lines (as `cat | wc -l` would), so that the ratio shows what parsing and linting cost. When the
// projection exceeds a minute on 2 cores, a CPU profile of --jobs 1 on part of the corpus says what dominates.
//   npm run bench   (or: node esbuild.mjs && node esbuild.mjs --bench && node out/bench/lint.bench.js)
//   BENCH_LINT_MB=512         corpus size in MiB (at least 500 for the record; smaller for a quick look)
//   BENCH_LINT_JOBS=1,2       worker counts to measure
//   BENCH_LINT_SMALL_MB=64    second corpus with one cable per file (per-file overhead); 0 to skip
//   BENCH_LINT_PROFILE=auto   auto (when over a minute), always or never
//   BENCH_LINT_DIR=/tmp       where the corpus is written (deleted afterwards)
//   BENCH_LINT_BEFORE=FILE    another build of cable-lint (node bench/baseline.mjs <ref> makes one): both linters run
//                             --jobs 1 on the same corpus, interleaved, BENCH_LINT_ROUNDS=5 times; CPU medians compared
// Any other profile of dist/cable-lint.js: node out/bench/lint.bench.js --profile-summary FILE.cpuprofile
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { SourceMap } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixtureNames } from '../test/support/fixtures';
import { fixturesDir, projectRoot } from '../test/support/paths';

const MiB = 1024 * 1024;
const CABLEGATE_MIB = 1.7 * 1024; // 1.7 GB, taken as GiB: the larger reading
const CABLEGATE_CABLES = 251_287;
const cli = join(projectRoot, 'dist', 'cable-lint.js');

interface Corpus {
  dir: string;
  files: number;
  cables: number;
  bytes: number;
}

/**
 * Writes fixture cables (their bytes as stored: UTF-8 or Latin-1) into files of `cablesPerFile(i)` cables
 * each, 500 files a folder, until `mebibytes` are written. One file is in memory at a time.
 */
function writeCorpus(dir: string, mebibytes: number, cablesPerFile: (file: number) => number): Corpus {
  const cables = fixtureNames().map((name) => readFileSync(join(fixturesDir, name)));
  const newline = Buffer.from('\n');
  const corpus: Corpus = { dir, files: 0, cables: 0, bytes: 0 };
  let next = 0;
  while (corpus.bytes < mebibytes * MiB) {
    const folder = join(dir, String(Math.floor(corpus.files / 500)).padStart(4, '0'));
    if (corpus.files % 500 === 0) mkdirSync(folder, { recursive: true });
    const parts: Buffer[] = [];
    for (let k = cablesPerFile(corpus.files); k > 0; k--) {
      parts.push(cables[next++ % cables.length], newline);
      corpus.cables++;
    }
    const bytes = Buffer.concat(parts);
    const fd = openSync(join(folder, `${String(corpus.files).padStart(6, '0')}.cable`), 'w');
    writeSync(fd, bytes);
    closeSync(fd);
    corpus.files++;
    corpus.bytes += bytes.length;
  }
  return corpus;
}

/** The baseline, run in a child process like the linter: read every file, count its lines. */
function countLines(dir: string): { files: number; bytes: number; lines: number } {
  const result = { files: 0, bytes: 0, lines: 0 };
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.cable')) {
        const bytes = readFileSync(path);
        result.files++;
        result.bytes += bytes.length;
        for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) result.lines++;
      }
    }
  };
  visit(dir);
  return result;
}

interface Timed {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds (user + system) of the child and its threads, from bash's `times`. */
  cpu: number;
  /** 1-minute load average when the run ended: other work on the machine inflates wall-clock times. */
  load: number;
  status: number | null;
  stderr: string;
}

/** Runs a command under bash so that `times` reports its CPU time. */
function timed(command: string, args: string[]): Timed {
  const start = performance.now();
  const run = spawnSync(
    'bash',
    ['-c', '"$@" >/dev/null; status=$?; times >&3; exit $status', 'timed', command, ...args],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * MiB,
    },
  );
  const seconds = (performance.now() - start) / 1000;
  // `times`: the shell's user and system time, then its children's: "0m6.457s 0m0.380s".
  const children =
    String(run.output[3] ?? '')
      .trim()
      .split('\n')[1] ?? '';
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { seconds, cpu, load: loadavg()[0], status: run.status, stderr: String(run.stderr) };
}

function lint(corpus: Corpus, jobs: number, bundle = cli): Timed {
  const run = timed(process.execPath, [
    bundle,
    '--jobs',
    String(jobs),
    '--format',
    'json',
    '--output',
    '/dev/null',
    '--no-progress',
    corpus.dir,
  ]);
  if (run.status !== 0 && run.status !== 1) throw new Error(`cable-lint exited with ${run.status}: ${run.stderr}`);
  return run;
}

function baseline(corpus: Corpus): Timed {
  const run = timed(process.execPath, [__filename, '--count-lines', corpus.dir]);
  if (run.status !== 0) throw new Error(`line count failed: ${run.stderr}`);
  return run;
}

const mbps = (corpus: Corpus, seconds: number) => corpus.bytes / MiB / seconds;

/** Self time per function and per source file of a V8 CPU profile, mapped through the bundle's source map. */
function profileSummary(profilePath: string): string[] {
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const map = existsSync(cli + '.map') ? new SourceMap(JSON.parse(readFileSync(cli + '.map', 'utf8'))) : undefined;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, micros] of selfTime) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    let file = url ? url.replace(/^.*\//, '') : '(native)';
    let name = functionName || '(anonymous)';
    if (map && url.endsWith('cable-lint.js')) {
      const entry = map.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number };
      if (entry.originalSource) {
        file = entry.originalSource.replace(/^.*?(server\/src\/|node_modules\/)/, '$1');
        name = `${name} (${file}:${(entry.originalLine ?? 0) + 1})`;
      }
    } else if (!url) {
      name = functionName || '(program)';
      file = name.startsWith('(') ? name : '(native)';
    }
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byFile.set(file, (byFile.get(file) ?? 0) + micros);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => `  ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  return ['self time by source file:', ...top(byFile, 12), 'self time by function:', ...top(byFunction, 20)];
}

/** Another build of the linter and this one, --jobs 1, interleaved round by round: CPU time medians and their ratio. */
function compareWith(before: string, corpus: Corpus, rounds: number, say: (line: string) => void) {
  const cpu = { before: [] as number[], after: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    cpu.before.push(lint(corpus, 1, before).cpu);
    cpu.after.push(lint(corpus, 1).cpu);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ratio = median(cpu.after) / median(cpu.before);
  say(
    `before (${before}) and after, --jobs 1, ${rounds} rounds interleaved: CPU median ${median(cpu.before).toFixed(2)} s -> ` +
      `${median(cpu.after).toFixed(2)} s, after / before ${ratio.toFixed(3)} (rounds ${cpu.before.map((b, k) => (cpu.after[k] / b).toFixed(3)).join(', ')})`,
  );
  return { before, cpu, ratio };
}

function main(): void {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const megabytes = Number(process.env.BENCH_LINT_MB ?? 512);
  const smallMegabytes = Number(process.env.BENCH_LINT_SMALL_MB ?? 64);
  const jobCounts = (process.env.BENCH_LINT_JOBS ?? '1,2').split(',').map(Number);
  const profileMode = process.env.BENCH_LINT_PROFILE ?? 'auto';
  const root = mkdtempSync(join(process.env.BENCH_LINT_DIR ?? tmpdir(), 'cable-lint-bench-'));
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const record: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
  };
  try {
    let start = performance.now();
    // 1 to 16 cables a file (8.5 on average, about 110 KB).
    const corpus = writeCorpus(join(root, 'mixed'), megabytes, (file) => 1 + (file % 16));
    say(
      `corpus: ${(corpus.bytes / MiB).toFixed(0)} MiB, ${corpus.files} files, ${corpus.cables} cables (fixture cables, 1-16 a file), written in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    const base = baseline(corpus);
    say(
      `baseline (read every file, count lines, 1 thread): ${base.seconds.toFixed(2)} s, ${mbps(corpus, base.seconds).toFixed(0)} MiB/s (CPU ${base.cpu.toFixed(2)} s)`,
    );
    say(
      `load average before the runs: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${cpus().length} cores (other work inflates wall-clock times; CPU times are steadier)`,
    );
    const results: Record<string, unknown> = {};
    let projected = Infinity; // wall clock, --jobs 2 (or the most jobs measured)
    for (const jobs of jobCounts) {
      const run = lint(corpus, jobs);
      const rate = mbps(corpus, run.seconds);
      // What the same CPU time gives on `jobs` otherwise idle cores, the work spread evenly.
      const cpuRate = mbps(corpus, run.cpu / Math.min(jobs, cpus().length));
      const projection = CABLEGATE_MIB / rate;
      const cpuProjection = CABLEGATE_MIB / cpuRate;
      if (jobs === 2 || !jobCounts.includes(2)) projected = projection;
      results[`jobs${jobs}`] = {
        ...run,
        stderr: undefined,
        mibPerSecond: rate,
        cablesPerSecond: corpus.cables / run.seconds,
        projectedSeconds: projection,
        cpuBoundMibPerSecond: cpuRate,
        cpuBoundProjectedSeconds: cpuProjection,
      };
      say(
        `cable-lint --jobs ${jobs}: ${run.seconds.toFixed(1)} s wall, ${rate.toFixed(1)} MiB/s, ${(corpus.cables / run.seconds).toFixed(0)} cables/s, ` +
          `${(run.seconds / base.seconds).toFixed(0)}x the baseline; 1.7 GB (${CABLEGATE_CABLES} cables) projected: ${projection.toFixed(0)} s ` +
          `| CPU ${run.cpu.toFixed(1)} s: ${cpuRate.toFixed(1)} MiB/s on ${Math.min(jobs, cpus().length)} idle core(s), 1.7 GB in ${cpuProjection.toFixed(0)} s (load ${run.load.toFixed(1)})`,
      );
    }
    const before = process.env.BENCH_LINT_BEFORE;
    if (before) record.beforeAfter = compareWith(before, corpus, Number(process.env.BENCH_LINT_ROUNDS ?? 5), say);
    record.corpus = corpus;
    record.baseline = { ...base, stderr: undefined };
    record.results = results;
    if (smallMegabytes > 0) {
      start = performance.now();
      const small = writeCorpus(join(root, 'single'), smallMegabytes, () => 1);
      const jobs = Math.max(...jobCounts);
      const run = lint(small, jobs);
      const smallBase = baseline(small);
      say(
        `one cable a file: ${(small.bytes / MiB).toFixed(0)} MiB, ${small.files} files, --jobs ${jobs}: ${run.seconds.toFixed(1)} s wall, ` +
          `${mbps(small, run.seconds).toFixed(1)} MiB/s, ${(small.cables / run.seconds).toFixed(0)} cables/s, CPU ${run.cpu.toFixed(1)} s ` +
          `(${mbps(small, run.cpu).toFixed(1)} MiB per CPU second); baseline ${mbps(small, smallBase.seconds).toFixed(0)} MiB/s`,
      );
      record.singleCableFiles = {
        corpus: small,
        run: { ...run, stderr: undefined },
        baseline: { ...smallBase, stderr: undefined },
      };
    }
    if (profileMode === 'always' || (profileMode === 'auto' && projected > 60)) {
      say(
        projected > 60
          ? `projection ${projected.toFixed(0)} s is over a minute: profiling --jobs 1 on the first 64 MiB`
          : 'profiling --jobs 1 on the first 64 MiB',
      );
      const profileDir = join(root, 'profile');
      const part = readdirSync(corpus.dir)
        .sort()
        .slice(0, Math.max(1, Math.ceil((64 * MiB) / (corpus.bytes / Math.ceil(corpus.files / 500)))));
      const run = spawnSync(
        process.execPath,
        [
          '--cpu-prof',
          '--cpu-prof-dir',
          profileDir,
          cli,
          '--jobs',
          '1',
          '--format',
          'json',
          '--output',
          '/dev/null',
          '--no-progress',
          ...part.map((folder) => join(corpus.dir, folder)),
        ],
        { encoding: 'utf8' },
      );
      if (run.status !== 0 && run.status !== 1)
        throw new Error(`profiled cable-lint exited with ${run.status}: ${run.stderr}`);
      const profile = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'))!;
      const summary = profileSummary(join(profileDir, profile));
      for (const line of summary) say(line);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const resultsDir = join(projectRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, `lint-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ ...record, report: lines }, null, 2) + '\n',
  );
}

if (process.argv[2] === '--count-lines') {
  console.log(JSON.stringify(countLines(process.argv[3])));
} else if (process.argv[2] === '--profile-summary') {
  // node --cpu-prof dist/cable-lint.js ...; node out/bench/lint.bench.js --profile-summary CPU.*.cpuprofile
  for (const line of profileSummary(process.argv[3])) console.log(line);
} else {
  main();
}
