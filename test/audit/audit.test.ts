// The audit, kept: every diagnostic on the audit cables (test/fixtures/audit, real cables the reading was not tuned on)
// and on the fixtures has a verdict read by hand (verdicts.tsv), every verdict still holds, the README's precision
// table is what the verdicts give, and the outline finds the paragraphs counted by hand (paragraph-counts.tsv).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { decodeCableText } from '../../server/src/cableFiles/decode';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { documentSymbols } from '../../server/src/features/outline';
import { CableModel } from '../../server/src/syntax/model';
import { documentContext } from '../support/context';
import { fixturesDir, projectRoot } from '../support/paths';

const auditDir = join(fixturesDir, 'audit');
const SETS: ReadonlyArray<[set: string, dir: string]> = [
  ['audit', auditDir],
  ['corpus', fixturesDir],
];

type Row = Record<string, string>;

/** Rows of a tab-separated file with a header line; lines starting with # are comments. */
function readTsv(path: string): Row[] {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  const columns = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((value, k) => [columns[k], value])));
}

function cableNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cable'))
    .sort();
}

function parse(dir: string, name: string): CableModel {
  return CableModel.parse(decodeCableText(readFileSync(join(dir, name))));
}

/** Every diagnostic of both sets, by `set/file:line:col rule` (1-based, as cable-lint prints them). */
const diagnostics = new Map<string, string>();
for (const [set, dir] of SETS)
  for (const name of cableNames(dir))
    for (const d of documentDiagnostics(documentContext(parse(dir, name))))
      diagnostics.set(
        `${set}/${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`,
        `${d.message}`,
      );

const verdicts = readTsv(join(projectRoot, 'test', 'audit', 'verdicts.tsv')).map((row): Row => ({
  ...row,
  key: `${row.set}/${row.file}:${row.line}:${row.col} ${row.rule}`,
}));

test('every diagnostic on the audit cables and the fixtures has a verdict, and every verdict still holds', () => {
  const judged = new Set(verdicts.map((v) => v.key));
  const problems = [...diagnostics]
    .filter(([key]) => !judged.has(key))
    .map(([key, message]) => `not judged yet (add a row to test/audit/verdicts.tsv): ${key} ${message}`);
  for (const v of verdicts) {
    const reported = diagnostics.has(v.key);
    if (v.verdict === 'true' && !reported) problems.push(`a real defect is no longer reported: ${v.key}: ${v.reason}`);
    if (v.verdict === 'false' && reported) problems.push(`a false alarm came back: ${v.key}: ${v.reason}`);
    if (v.verdict === 'false-open' && !reported)
      problems.push(`an open false alarm is gone (make its verdict false): ${v.key}: ${v.reason}`);
    if (!['true', 'false', 'false-open'].includes(v.verdict)) problems.push(`unknown verdict "${v.verdict}": ${v.key}`);
  }
  assert.deepEqual(problems, []);
});

/** The README's table: per rule, the diagnostics reported now on each set, and how many of them are real. */
function precisionTable(): string {
  const rules = [...new Set(verdicts.filter((v) => v.verdict !== 'false').map((v) => v.rule))].sort();
  const cell = (rule: string, set: string) => {
    const now = verdicts.filter((v) => v.rule === rule && v.set === set && v.verdict !== 'false');
    const real = now.filter((v) => v.verdict === 'true').length;
    return now.length ? `${real}/${now.length} (${((100 * real) / now.length).toFixed(0)}%)` : '-';
  };
  return [
    '| rule | audit cables: real / reported | fixtures: real / reported |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| \`${rule}\` | ${cell(rule, 'audit')} | ${cell(rule, 'corpus')} |`),
  ].join('\n');
}

test("the README's precision table is the verdicts'", () => {
  const table = precisionTable();
  assert.ok(
    readFileSync(join(projectRoot, 'README.md'), 'utf8').includes(table),
    `README.md should hold the precision table:\n${table}`,
  );
});

function paragraphLines(symbols: readonly DocumentSymbol[]): number[] {
  return symbols.flatMap((s) => [
    ...(s.kind === SymbolKind.Number ? [s.selectionRange.start.line + 1] : []),
    ...paragraphLines(s.children ?? []),
  ]);
}

test('the outline finds the paragraphs counted by hand, on the lines where they start', () => {
  const counts = readTsv(join(projectRoot, 'test', 'audit', 'paragraph-counts.tsv'));
  assert.ok(counts.length >= 40, 'at least 40 cables counted by hand');
  for (const row of counts) {
    const expected = row.starts ? row.starts.split(',').map((start) => Number(start.split('@')[1])) : [];
    assert.equal(expected.length, Number(row.count), `${row.id}: the count is the number of starts`);
    const lines = paragraphLines(documentSymbols(documentContext(parse(auditDir, `${row.id}.cable`))));
    assert.deepEqual(lines, expected, `${row.id}: ${row.note}`);
  }
});
