// A tiny test runner for the extension host (no mocha in this project): `test(name, fn)` to
// register, `runTests()` to run them one after the other, each with a deadline.

export interface TestOptions {
  /** Default 30 s. */
  timeoutMs?: number;
  /** The language feature the test needs from the server, shown with a failure. */
  needs?: string;
}

interface TestCase extends TestOptions {
  name: string;
  fn: () => unknown;
}

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  needs?: string;
}

export interface Report {
  host: string;
  vscodeVersion: string;
  passed: number;
  failed: number;
  ms: number;
  results: TestResult[];
}

const cases: TestCase[] = [];

export function test(name: string, fn: () => unknown, options: TestOptions = {}): void {
  cases.push({ name, fn, ...options });
}

/** Runs the registered tests whose name matches `grep` (all without). Never throws. */
export async function runTests(
  log: (line: string) => void,
  grep?: RegExp,
): Promise<Omit<Report, 'host' | 'vscodeVersion'>> {
  const started = Date.now();
  const results: TestResult[] = [];
  for (const testCase of cases) {
    if (grep && !grep.test(testCase.name)) continue;
    const t0 = Date.now();
    const timeoutMs = testCase.timeoutMs ?? 30_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(testCase.fn),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      results.push({ name: testCase.name, ok: true, ms: Date.now() - t0 });
      log(`  ✔ ${testCase.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ name: testCase.name, ok: false, ms: Date.now() - t0, error: message, needs: testCase.needs });
      log(`  ✘ ${testCase.name} (${Date.now() - t0} ms)${testCase.needs ? ` [needs ${testCase.needs}]` : ''}`);
      for (const line of message.split('\n').slice(0, 20)) log(`      ${line}`);
    } finally {
      clearTimeout(timer);
    }
  }
  const passed = results.filter((result) => result.ok).length;
  return { passed, failed: results.length - passed, ms: Date.now() - started, results };
}
