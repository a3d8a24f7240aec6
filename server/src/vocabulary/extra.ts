// The user's own code tables (setting cable.tables.extra, cable-lint --tables): routing indicators, TAGS codes and
// captions from TSV or JSON text, merged over the built-in tables by codeTables.ts. Pure: the editor or the command line
// reads the files and hands over their text.
//
// TSV: '#' comment lines, then a header row naming the key column and the meaning column, then one entry per row:
//   ri<TAB>name          routing indicators   RUEHXYZ<TAB>AMEMBASSY SOMEWHERE
//   code<TAB>meaning     TAGS codes           KXYZ<TAB>Our program
//   caption<TAB>meaning  captions             EYES ONLY<TAB>Only for the addressee
// JSON: { "routingIndicators": { "RI": "name" }, "tags": { "CODE": "meaning" }, "captions": { "CAPTION": "meaning" } },
// every member optional. Later files win over earlier ones for the same key.

import { tsvLines } from './tsv';

export type ExtraKind = 'routingIndicators' | 'tags' | 'captions';

export interface ExtraEntry {
  /** The name (routing indicators) or meaning (TAGS, captions); '' when the file gives none. */
  meaning: string;
  /** The file it comes from, as named by the editor ('tables/tags.tsv'). */
  source: string;
}

export type ExtraTables = { readonly [K in ExtraKind]: ReadonlyMap<string, ExtraEntry> };

/** A table file as the editor sends it; a name ending in .json is read as JSON, anything else as TSV. */
export interface TableText {
  name: string;
  text: string;
}

export interface TableProblem {
  source: string;
  /** 1-based line of a TSV file. */
  line?: number;
  message: string;
}

/** A Map, not an object: a header cell such as `constructor` or `__proto__` must name no column. */
const KEY_COLUMNS = new Map<string, ExtraKind>([
  ['ri', 'routingIndicators'],
  ['code', 'tags'],
  ['caption', 'captions'],
]);
const MEANING_COLUMNS = ['name', 'meaning'];
const WHAT: Record<ExtraKind, string> = {
  routingIndicators: 'routing indicator',
  tags: 'TAGS code',
  captions: 'caption',
};

/** The key as lookups see it, or undefined when it cannot be one of `kind`. */
function normalizeKey(kind: ExtraKind, key: string): string | undefined {
  const text = key.trim().replace(/\s+/g, ' ').toUpperCase();
  switch (kind) {
    case 'routingIndicators':
      return /^R[A-Z]{3,6}$/.test(text) ? text : undefined;
    case 'tags':
      return /^[A-Z][A-Z0-9]+$/.test(text) ? text : undefined;
    case 'captions':
      return text === '' ? undefined : text;
  }
}

const EXPECTED: Record<ExtraKind, string> = {
  routingIndicators: 'R and 3 to 6 letters (RUEHXYZ)',
  tags: 'a letter and letters or digits, no spaces (KXYZ)',
  captions: 'some text',
};

type Collector = { [K in ExtraKind]: Map<string, ExtraEntry> };

function add(
  into: Collector,
  kind: ExtraKind,
  key: string,
  meaning: string,
  source: string,
  problems: TableProblem[],
  line?: number,
): void {
  const normalized = normalizeKey(kind, key);
  if (normalized === undefined) {
    problems.push({ source, line, message: `"${quoted(key)}" is not a ${WHAT[kind]}: expected ${EXPECTED[kind]}.` });
    return;
  }
  into[kind].set(normalized, { meaning: meaning.trim().replace(/\s+/g, ' '), source });
}

/** A file's text quoted in a message: short, and on one line. */
function quoted(text: string): string {
  const line = text.replace(/\p{Cc}/gu, ' ');
  return line.length > 60 ? `${line.slice(0, 60)}...` : line;
}

function readTsv(file: TableText, into: Collector, problems: TableProblem[]): void {
  const [first, ...rows] = tsvLines(file.text);
  if (!first) return; // nothing but comments: an empty table
  const header = first.cells.map((cell) => cell.trim().toLowerCase());
  const keyColumn = header.findIndex((cell) => KEY_COLUMNS.has(cell));
  const meaningColumn = header.findIndex((cell) => MEANING_COLUMNS.includes(cell));
  if (keyColumn < 0 || meaningColumn < 0) {
    problems.push({
      source: file.name,
      line: first.line,
      message: `the header row is "ri<TAB>name", "code<TAB>meaning" or "caption<TAB>meaning" (tab-separated); found "${quoted(first.cells.join('<TAB>'))}". The file is ignored.`,
    });
    return;
  }
  const kind = KEY_COLUMNS.get(header[keyColumn])!;
  for (const { line, cells } of rows)
    add(into, kind, cells[keyColumn] ?? '', cells[meaningColumn] ?? '', file.name, problems, line);
}

function readJson(file: TableText, into: Collector, problems: TableProblem[]): void {
  let value: unknown;
  try {
    value = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.push({ source: file.name, message: `not valid JSON (${(error as Error).message}). The file is ignored.` });
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({
      source: file.name,
      message:
        'expected an object { "routingIndicators": {...}, "tags": {...}, "captions": {...} }. The file is ignored.',
    });
    return;
  }
  for (const [member, table] of Object.entries(value)) {
    if (member !== 'routingIndicators' && member !== 'tags' && member !== 'captions') {
      problems.push({
        source: file.name,
        message: `unknown member "${member}": expected routingIndicators, tags or captions.`,
      });
      continue;
    }
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      problems.push({
        source: file.name,
        message: `"${member}" is an object of ${WHAT[member]} -> ${member === 'routingIndicators' ? 'name' : 'meaning'}.`,
      });
      continue;
    }
    for (const [key, meaning] of Object.entries(table)) {
      if (typeof meaning !== 'string') {
        problems.push({ source: file.name, message: `${member}: the value of "${key}" is a string.` });
        continue;
      }
      add(into, member, key, meaning, file.name, problems);
    }
  }
}

/** The tables of `files`, later files winning, and what was wrong in them (bad entries are left out, the rest kept). */
export function parseTableFiles(files: readonly TableText[]): { tables: ExtraTables; problems: TableProblem[] } {
  const tables: Collector = { routingIndicators: new Map(), tags: new Map(), captions: new Map() };
  const problems: TableProblem[] = [];
  for (const file of files) {
    if (/\.json$/i.test(file.name)) readJson(file, tables, problems);
    else readTsv(file, tables, problems);
  }
  return { tables, problems };
}

export const NO_EXTRA_TABLES: ExtraTables = { routingIndicators: new Map(), tags: new Map(), captions: new Map() };

/** 'tables/tags.tsv:3: ...' */
export function formatTableProblem(problem: TableProblem): string {
  return `${problem.source}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}
