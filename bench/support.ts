// Shared by the benchmarks: corpora built from the fixture cables, and timing with medians.
import { performance } from 'node:perf_hooks';
import { fixtureNames, readFixture } from '../test/support/fixtures';

/** Fixture cables concatenated (one blank line between) until the text reaches `megabytes`. */
export function corpusOfSize(megabytes: number): string {
  const cables = fixtureNames().map(readFixture);
  const target = megabytes * 1024 * 1024;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const cable = cables[i % cables.length];
    parts.push(cable);
    size += cable.length + 1;
  }
  return parts.join('\n');
}

export interface Timing {
  median: number;
  min: number;
  max: number;
  p95: number;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], p95: at(0.95) };
}

/** Runs `work` `runs` times (after one warm-up run) and returns the timings in milliseconds. */
export function measure(runs: number, work: () => unknown): Timing {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}x`;
}
