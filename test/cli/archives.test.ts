// cable-lint and cable-facts (the built dist/cable-lint.js, dist/cable-facts.js) on Cablegate as published: the fixture
// cables written as one cables.csv and as the site's pages (test/support/archives.ts) give the diagnostics and the facts
// of the .cable fixtures, each naming its cable and, in the CSV, its file line; malformed rows are said and skipped.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CsvCable, csvFileLine, CsvReader } from '../../server/src/archive/csv';
import { cablesCsv, csvRow, publishedFixtures, writeCablePages } from '../support/archives';
import { cliBundle, fixturesDir, projectRoot } from '../support/paths';

interface JsonEntry {
  file: string;
  cable?: string;
  diagnostics: Array<Record<string, unknown> & { line: number; fileLine?: number }>;
}

function lint(args: string[], cwd: string, bundle = cliBundle) {
  return spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '' } });
}

const factsBundle = join(projectRoot, 'dist', 'cable-facts.js');

/** cable-facts' JSON Lines, parsed; it must succeed. */
function facts(args: string[], cwd: string): Array<Record<string, unknown>> {
  const run = lint(['--no-progress', ...args], cwd, factsBundle);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const cables = publishedFixtures();
const temp = mkdtempSync(join(tmpdir(), 'cable-lint-archives-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const csvText = cablesCsv(cables);
writeFileSync(join(temp, 'cables.csv'), csvText);
writeCablePages(join(temp, 'site'), cables);
const rows = new CsvReader().push(Buffer.from(csvText)) as CsvCable[];

/** The JSON report of the .cable fixtures, by reference ID, positions in the cable. */
const fixtureReport = lint(['--format', 'json', '*.cable'], fixturesDir);
function fixtureDiagnostics(): Map<string, JsonEntry['diagnostics']> {
  assert.equal(fixtureReport.status, 0, fixtureReport.stderr);
  const report = JSON.parse(fixtureReport.stdout) as JsonEntry[];
  return new Map(report.map((entry) => [entry.file.replace(/\.cable$/, ''), entry.diagnostics]));
}

test('cables.csv: the same diagnostics as the .cable files, each naming its cable and its file line', () => {
  const expected = fixtureDiagnostics();
  for (const jobs of ['1', '2']) {
    const run = lint(['--format', 'json', '--jobs', jobs, 'cables.csv'], temp);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonEntry[];
    assert.deepEqual(
      report.map((entry) => entry.cable),
      cables.map((cable) => cable.metadata.id),
      'one entry a cable, in file order',
    );
    report.forEach((entry, i) => {
      assert.equal(entry.file, 'cables.csv');
      const fileLines = entry.diagnostics.map(({ fileLine }) => fileLine);
      assert.deepEqual(
        fileLines,
        entry.diagnostics.map((d) => csvFileLine(rows[i], d.line - 1)),
      );
      assert.deepEqual(
        entry.diagnostics.map(({ fileLine: _, ...d }) => d),
        expected.get(entry.cable!),
        entry.cable,
      );
    });
  }
  const text = lint(['cables.csv'], temp);
  const [report, summary] = text.stdout.split('\n\n');
  const first = report.split('\n')[0];
  const [, fileLine, id, line] = /^cables\.csv:(\d+) (\w+):(\d+):\d+ /.exec(first)!;
  const row = rows.find((r) => r.metadata.id === id)!;
  assert.equal(Number(fileLine), csvFileLine(row, Number(line) - 1));
  // As many cables as in the .cable files (some hold two: 07BERN881 quotes another whole).
  const cableCount = /\d+ files, (\d+ cables)/.exec(lint(['*.cable'], fixturesDir).stdout)![1];
  assert.match(summary, new RegExp(`^1 file, ${cableCount}: `));
});

test("the site's pages: a folder of pages gives the same diagnostics as the .cable files", () => {
  const expected = fixtureDiagnostics();
  const run = lint(['--format', 'json', 'site'], temp);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as JsonEntry[];
  assert.equal(report.length, cables.length);
  for (const entry of report) {
    const id = /\/(\w+)\.html$/.exec(entry.file)![1];
    assert.match(entry.file, /^site\/cable\/\d{4}\/\d\d\//);
    assert.deepEqual(entry.diagnostics, expected.get(id), id);
  }
});

test('cables.csv: a row longer than a cable file may be is said and skipped, the rows after it linted', () => {
  const [a, b] = cables;
  const path = join(temp, 'giant.csv');
  writeFileSync(path, csvRow(a, 1) + '"2","' + 'x'.repeat(65 * 1048576) + '"\n' + csvRow(b, 3));
  const run = lint(['--jobs', '1', 'giant.csv'], temp);
  rmSync(path);
  assert.equal(run.status, 2);
  const line = csvRow(a, 1).split('\n').length;
  assert.equal(
    run.stderr,
    `cable-lint: giant.csv:${line}: malformed row skipped: a row of more than 64 MB, the most a cable file may have (a quote or a backslash out of place?)\n`,
  );
  assert.match(run.stdout, /\n1 file, 2 cables: /);
});

test('metadata-mismatch, turned on, checks each row and page against its metadata; a .cable file has none', () => {
  const judged = (args: string[]) => {
    const run = lint(['--format', 'json', '--rule', 'metadata-mismatch=information', ...args], temp);
    const report = JSON.parse(run.stdout) as JsonEntry[];
    return report.flatMap((entry) => {
      const id = entry.cable ?? /(\w+)\.html$/.exec(entry.file)![1];
      const fromSite = cables.find((c) => c.metadata.id === id)!.fromSite;
      const found = entry.diagnostics.filter((d) => d.code === 'metadata-mismatch' && fromSite);
      return found.map((d) => `${id}:${d.line}`);
    });
  };
  // The cables with the site's metadata (the others' is made up by the generator): test/audit/metadata-verdicts.tsv.
  assert.deepEqual(judged(['cables.csv']), ['08RABAT727:12', '09RANGOON378:5']);
  assert.deepEqual(judged(['site']), ['08RABAT727:12', '09RANGOON378:5']);
  const plain = lint(['--rule', 'metadata-mismatch=information', '*.cable'], fixturesDir);
  assert.doesNotMatch(plain.stdout, /metadata-mismatch/);
});

test('cables.csv: malformed rows said on standard error with their file line, skipped, the rest linted; exit 2', () => {
  const [a, b] = cables;
  const broken = '"2","01/01/2009 00:00","09X1","Embassy X","SECRET","","HEADER"\n';
  const csv = csvRow(a, 1) + broken + csvRow(b, 3);
  writeFileSync(join(temp, 'broken.csv'), csv);
  const line = csvRow(a, 1).split('\n').length;
  for (const format of ['text', 'sarif']) {
    const run = lint(['--format', format, 'broken.csv'], temp);
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, `cable-lint: broken.csv:${line}: malformed row skipped: 7 fields, expected 8\n`);
    if (format === 'text')
      assert.match(run.stdout, /\n1 file, 2 cables: .*\n(.*\n)?1 malformed row of cables\.csv skipped/);
    else {
      const [invocation] = JSON.parse(run.stdout).runs[0].invocations;
      assert.equal(invocation.executionSuccessful, false);
      assert.equal(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.region.startLine, line);
    }
  }
  assert.ok(readFileSync(join(temp, 'broken.csv'), 'utf8').includes(broken));
});

/** The facts of the .cable fixtures, by reference ID of the file (a file may hold two cables), without their file. */
function fixtureFacts(): Map<string, Array<Record<string, unknown>>> {
  const byFile = new Map<string, Array<Record<string, unknown>>>();
  for (const { file, ...record } of facts(['*.cable'], fixturesDir)) {
    const id = String(file).replace(/\.cable$/, '');
    byFile.set(id, [...(byFile.get(id) ?? []), record]);
  }
  return byFile;
}

test("cable-facts on cables.csv: the facts of the .cable files, each with its file line and the publisher's metadata", () => {
  const expected = fixtureFacts();
  for (const jobs of ['1', '2']) {
    const records = facts(['--jobs', jobs, 'cables.csv'], temp);
    let next = 0;
    rows.forEach((row) => {
      const cables = expected.get(row.metadata.id)!;
      cables.forEach((cable, k) => {
        const { file, fileLine, publisher, ...record } = records[next++];
        assert.equal(file, 'cables.csv');
        assert.equal(fileLine, csvFileLine(row, (cable.range as { start: { line: number } }).start.line));
        assert.deepEqual(publisher, k === 0 ? row.metadata : undefined, "the metadata beside the row's own cable");
        assert.deepEqual(record, cable, `${row.metadata.id} cable ${k + 1}`);
      });
    });
    assert.equal(next, records.length);
  }
  const csv = lint(['--no-progress', '--format', 'csv', 'cables.csv'], temp, factsBundle);
  const [header, first] = csv.stdout.split('\n');
  assert.match(
    header,
    /,paragraphs,fileLine,publisherId,publisherCreated,publisherClassification,publisherOrigin,publisherReferences$/,
  );
  const { id, created, classification, origin } = rows[0].metadata;
  assert.ok(first.startsWith('cables.csv,'));
  assert.ok(first.endsWith(`,${csvFileLine(rows[0], 0)},${id},${created},${classification},${origin},`), first);
});

test("cable-facts on the site's pages: the facts of the .cable files, with the page's metadata", () => {
  const expected = fixtureFacts();
  const records = facts(['site'], temp);
  const byId = new Map<string, Array<Record<string, unknown>>>();
  for (const { file, ...record } of records) {
    const id = /\/(\w+)\.html$/.exec(String(file))![1];
    byId.set(id, [...(byId.get(id) ?? []), record]);
  }
  assert.equal(byId.size, cables.length);
  for (const cable of cables) {
    const [first, ...others] = byId.get(cable.metadata.id)!;
    const { publisher, ...record } = first;
    const { references: _, ...metadata } = cable.metadata;
    assert.deepEqual(publisher, metadata);
    const want = expected.get(cable.metadata.id)!;
    if (!cable.text.endsWith('\n')) {
      // The page's text ends with a line end (readCablePage), the file's does not: its last cable ends a line later.
      const last = want.at(-1) as { range: { end: { line: number } } };
      want[want.length - 1] = {
        ...last,
        range: { ...last.range, end: { line: last.range.end.line + 1, character: 0 } },
      };
    }
    assert.deepEqual([record, ...others], want, cable.metadata.id);
  }
});

test('cable-facts: malformed rows said with their file line and skipped, the rest read; exit 2', () => {
  const [a, b] = cables;
  writeFileSync(join(temp, 'broken-facts.csv'), csvRow(a, 1) + '"2","1/1/2009 0:00","09X1"\n' + csvRow(b, 3));
  const run = lint(['--no-progress', 'broken-facts.csv'], temp, factsBundle);
  assert.equal(run.status, 2);
  const line = csvRow(a, 1).split('\n').length;
  assert.equal(run.stderr, `cable-facts: broken-facts.csv:${line}: malformed row skipped: 3 fields, expected 8\n`);
  const ids = run.stdout
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { referenceId: string }).referenceId);
  assert.deepEqual(ids, [a.metadata.id, b.metadata.id]);
});
