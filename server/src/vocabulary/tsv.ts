// The one TSV parser, for the code tables in server/data/ and the user's own (extra.ts): '#' comment lines, one
// header row, then tab-separated rows.

/** A line of a TSV text split at its tabs. */
export interface TsvLine {
  /** 1-based, for messages. */
  line: number;
  cells: string[];
}

/** The lines of a TSV text that hold cells: blank lines, '#' comment lines and a byte order mark left out. */
export function tsvLines(text: string): TsvLine[] {
  const found: TsvLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() !== '' && !line.startsWith('#')) found.push({ line: index + 1, cells: line.split('\t') });
    });
  return found;
}

/** A table row: the named columns as strings ('' when the cell is empty). */
export type Row<C extends string> = Readonly<Record<C, string>>;

/**
 * Parses `text` and returns its rows with the requested `columns` (other columns are ignored).
 * Throws when a requested column is missing, so a renamed column fails the tests instead of reading as ''.
 */
export function parseTsv<C extends string>(text: string, columns: readonly C[]): Row<C>[] {
  const [headerLine, ...rows] = tsvLines(text);
  const header = headerLine?.cells ?? [];
  const indexes = columns.map((column) => {
    const index = header.indexOf(column);
    if (index < 0) throw new Error(`table has no column '${column}' (header: ${header.join(', ')})`);
    return index;
  });
  return rows.map(({ cells }) => {
    const row = {} as Record<C, string>;
    columns.forEach((column, i) => (row[column] = (cells[indexes[i]] ?? '').trim()));
    return row;
  });
}

/** `compute` runs once, on the first call of the returned function. */
export function lazy<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/** Splits a multi-value cell ('a; b; c' in the tables) into its non-empty values. */
export function splitList(cell: string, separator: string | RegExp = ';'): string[] {
  return cell
    .split(separator)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** A count cell as a number (0 when empty or not a number). */
export function toCount(cell: string): number {
  const n = Number.parseInt(cell, 10);
  return Number.isFinite(n) ? n : 0;
}
