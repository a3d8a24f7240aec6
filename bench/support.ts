// Shared by the benchmarks: corpora built from the fixture cables, and timing with medians.
// These machines are noisy: compare against a baseline measured in the same process, interleaved
// run by run, and report medians with min/max rather than single figures.
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { corpusOfSize } from '../test/support/corpus';

export { corpusOfSize };

export interface Timing {
  median: number;
  min: number;
  max: number;
  p95: number;
  samples: number[];
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], p95: at(0.95), samples };
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `work` `runs` times (after one warm-up run) and returns the timings in milliseconds. */
export function measure(runs: number, work: () => unknown): Timing {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * Runs every task once per round, `runs` rounds after one warm-up round, so that a noisy neighbour
 * slows the baseline and the subject alike. Garbage is collected before each task.
 */
export function interleave<K extends string>(runs: number, tasks: Record<K, () => unknown>): Record<K, Timing> {
  const names = Object.keys(tasks) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = -1; round < runs; round++) {
    for (const name of names) {
      collectGarbage();
      const start = performance.now();
      tasks[name]();
      if (round >= 0) samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<K, Timing>;
}

/** Per-round ratios subject/baseline of interleaved timings: their median, min and max. */
export function roundRatios(subject: Timing, baseline: Timing): { median: number; min: number; max: number } {
  const ratios = subject.samples.map((s, k) => s / baseline.samples[k]);
  const { median, min, max } = summarize(ratios);
  return { median, min, max };
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  return ms < 100 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
}

export function ratio(value: number, baseline: number): string {
  const r = value / baseline;
  return `${r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}x`;
}

/** `median (min–max)` of a timing. */
export function spread(timing: Timing): string {
  return `${formatMs(timing.median)} (${formatMs(timing.min)}–${formatMs(timing.max)})`;
}

export function met(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

/** The machine, as BENCHMARKS.md records it. */
export function machine(): string {
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} CPUs, Node ${process.version}`;
}

/** Prints a Markdown table. */
export function table(header: string[], rows: Array<Array<string | number>>): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('');
}
