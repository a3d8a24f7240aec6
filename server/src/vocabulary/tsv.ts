// The one parser for the code tables in server/data/: '#' comment lines, one header row, then tab-separated rows.

/** A table row: the named columns as strings ('' when the cell is empty). */
export type Row<C extends string> = Readonly<Record<C, string>>;

/**
 * Parses `text` and returns its rows with the requested `columns` (other columns are ignored).
 * Throws when a requested column is missing, so a renamed column fails the tests instead of reading as ''.
 */
export function parseTsv<C extends string>(text: string, columns: readonly C[]): Row<C>[] {
  const lines = text.split(/\r?\n/);
  let start = 0;
  while (start < lines.length && lines[start].startsWith('#')) start++;
  const header = (lines[start] ?? '').split('\t');
  const indexes = columns.map((column) => {
    const index = header.indexOf(column);
    if (index < 0) throw new Error(`table has no column '${column}' (header: ${header.join(', ')})`);
    return index;
  });
  const rows: Row<C>[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '') continue;
    const cells = line.split('\t');
    const row = {} as Record<C, string>;
    columns.forEach((column, i) => (row[column] = (cells[indexes[i]] ?? '').trim()));
    rows.push(row);
  }
  return rows;
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
