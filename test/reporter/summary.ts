// The reporter of `npm test` (node --test --test-reporter=./out/reporter.mjs): Node's spec reporter, then a summary
// by suite, a suite being a folder of test files (test/web): passed, failed and skipped, and the reason for each skip.
// A suite skipped as a whole (`describe(name, { skip: reason }, ...)`, test/web without Chromium) counts as one skipped
// entry with its reason, where Node's own totals count its tests as nothing ("skipped 0"); those totals are left out.
import { dirname, relative } from 'node:path';
import { Readable } from 'node:stream';
import { spec, TestEvent } from 'node:test/reporters';

type Result = 'passed' | 'failed' | 'skipped';

/** One test, or one suite skipped or failing on its own (a hook, a file that does not load). */
interface Outcome {
  suite: string;
  name: string;
  result: Result;
  /** Why it was skipped. */
  reason?: string;
}

/** The suite of a test file: its folder relative to `cwd`, without the build's `out/` (out/test/web -> test/web). */
const suiteOf = (file: string | undefined, cwd: string): string =>
  file ? relative(cwd, dirname(file)).replace(/^out[\\/]/, '') || '.' : '(no file)';

/**
 * What a test event counts for: a test that passed, failed or was skipped; a suite only when it is skipped or fails
 * by itself (a suite or test failing because of its subtests is counted in them).
 */
function outcomeOf(event: TestEvent, cwd: string): Outcome | undefined {
  if (event.type !== 'test:pass' && event.type !== 'test:fail') return undefined;
  const { name, file, skip, details } = event.data;
  const base = { suite: suiteOf(file, cwd), name };
  if (skip !== undefined && skip !== false)
    return { ...base, result: 'skipped', reason: typeof skip === 'string' ? skip : 'no reason given' };
  if (event.type === 'test:fail')
    return (event.data.details.error as { failureType?: string }).failureType === 'subtestsFailed'
      ? undefined
      : { ...base, result: 'failed' };
  return details.type === 'suite' ? undefined : { ...base, result: 'passed' };
}

/** Node's closing totals (tests, suites, pass, fail, cancelled, skipped, todo), which the summary replaces. */
const isTotal = (event: TestEvent): boolean =>
  event.type === 'test:diagnostic' && /^(tests|suites|pass|fail|cancelled|skipped|todo) \d+$/.test(event.data.message);

/** The summary: a table of suites and totals, then every skip with its reason and every failure. */
function summary(outcomes: readonly Outcome[]): string {
  const results: Result[] = ['passed', 'failed', 'skipped'];
  const counts = new Map<string, Record<Result, number>>();
  for (const { suite, result } of outcomes) {
    const row = counts.get(suite) ?? { passed: 0, failed: 0, skipped: 0 };
    row[result]++;
    counts.set(suite, row);
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const row of counts.values()) for (const result of results) total[result] += row[result];
  const rows = [
    ['suite', ...results],
    ...[...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([suite, row]) => [suite, ...results.map((r) => `${row[r]}`)]),
    ['total', ...results.map((r) => `${total[r]}`)],
  ];
  const width = (column: number) => Math.max(...rows.map((row) => row[column].length));
  const table = rows.map((row) =>
    row.map((cell, column) => (column ? cell.padStart(width(column)) : cell.padEnd(width(column)))).join('  '),
  );
  const failed = outcomes.filter((o) => o.result === 'failed').map((o) => `failed in ${o.suite}: ${o.name}`);
  return ['', 'Summary', ...table, ...skips(outcomes), ...failed, ''].join('\n');
}

/** One line per skipped test with its reason; the tests a suite skips for one reason on one line, counted. */
function skips(outcomes: readonly Outcome[]): string[] {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes.filter((o) => o.result === 'skipped')) {
    const key = `${outcome.suite}\0${outcome.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), outcome]);
  }
  return [...groups.values()].map((group) => {
    const { suite, name, reason } = group[0];
    return `skipped in ${suite}: ${group.length > 1 ? `${group.length} tests` : name} (${reason})`;
  });
}

/** The reporter: spec's output as the tests run, the summary when they have all run. */
export default async function* specAndSummary(source: AsyncIterable<TestEvent>): AsyncGenerator<string | Buffer> {
  const outcomes: Outcome[] = [];
  async function* counted() {
    for await (const event of source) {
      const outcome = outcomeOf(event, process.cwd());
      if (outcome) outcomes.push(outcome);
      if (!isTotal(event)) yield event;
    }
  }
  yield* Readable.from(counted()).pipe(new spec());
  yield summary(outcomes);
}
