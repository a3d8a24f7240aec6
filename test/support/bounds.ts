// Time and memory bounds for the hostile-workspace tests: a case fails when it takes longer or when the process that
// did the work (the server, cable-lint) grew past a memory bound. Memory is the peak resident set (VmHWM, Linux
// /proc): what a read of /dev/zero or of a 1 GB file would blow up, Node buffers included (a heap limit misses those).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Peak resident memory of a process in MB since its start or the last resetPeakMemory; undefined off Linux. */
export function peakMemoryMb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts measuring a process's peak memory afresh (writing 5 to clear_refs resets VmHWM). */
export function resetPeakMemory(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not allowed: the peak then counts from the start, a stricter bound.
  }
}

export interface Bounds {
  /** Milliseconds the work may take. */
  ms: number;
  /** Peak resident memory, in MB, the process `pid` may reach while it works. */
  mb: number;
}

/** Runs `work`, failing when it takes longer than `bounds.ms` or when process `pid` grows past `bounds.mb`. */
export async function withinBounds<T>(what: string, pid: number, bounds: Bounds, work: () => Promise<T>): Promise<T> {
  resetPeakMemory(pid);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not done within ${bounds.ms} ms`)), bounds.ms)),
  );
  try {
    const result = await Promise.race([work(), timeout]);
    const ms = performance.now() - started;
    const mb = peakMemoryMb(pid);
    measured.push({ what, ms, mb });
    assert.ok(mb === undefined || mb <= bounds.mb, `${what}: peak memory ${mb?.toFixed(0)} MB > ${bounds.mb} MB`);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** What each bounded case took, for the report printed at the end of a test file. */
export const measured: Array<{ what: string; ms: number; mb?: number }> = [];

export function reportMeasured(): void {
  for (const { what, ms, mb } of measured)
    process.stdout.write(`# ${what}: ${ms.toFixed(0)} ms, peak ${mb === undefined ? '?' : mb.toFixed(0)} MB\n`);
}
