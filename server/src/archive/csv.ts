// cables.csv, the release as one file: a row per cable, eight fields, each in double quotes, separated by commas; a
// backslash takes the next byte as it is (\" a quote, \\ a backslash, a backslash before a line end the line end of a
// text spanning many lines). Read chunk by chunk (memory: one row, at most MAX_CABLE_FILE_BYTES), each row with its
// byte offset and file line, the rows that are not of that shape reported and skipped. Pure: the bytes come in, rows
// go out.
import { decodeCableText } from '../cableFiles/decode';
import { MAX_CABLE_FILE_BYTES } from '../cableFiles/files';
import { CableMetadata, cableText } from './archive';

/** The fields of a row, in order. */
export const CSV_COLUMNS = [
  'row',
  'created',
  'id',
  'origin',
  'classification',
  'references',
  'header',
  'body',
] as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Where a row is in the file. */
export interface CsvPlace {
  /** Offset of the row's first byte, and its length in bytes with its line end: the bytes to read it again alone. */
  offset: number;
  length: number;
  /** File line (1-based, lines ended by \n) where the row starts. */
  line: number;
}

export interface CsvCable {
  kind: 'cable';
  place: CsvPlace;
  metadata: CableMetadata;
  /** header, blank line, body (cableText). */
  text: string;
  /** File lines where the header and the body fields start. */
  headerLine: number;
  bodyLine: number;
  /** The cable line where the body starts: 0 without a header, else after the header's lines and the blank line. */
  bodyStart: number;
}

export interface CsvMalformed {
  kind: 'malformed';
  place: CsvPlace;
  /** What is wrong: a wrong number of fields, an unterminated quote, ... */
  message: string;
}

export type CsvRow = CsvCable | CsvMalformed;

/** Where reading starts: the beginning of the file, or a row found before (to read it, or a range of rows, again). */
export interface CsvStart {
  offset: number;
  line: number;
}

const FILE_START: CsvStart = { offset: 0, line: 1 };

/** The file line of a line (0-based) of a cable read from the CSV; the blank line between header and body: the body's. */
export function csvFileLine(cable: CsvCable, cableLine: number): number {
  const { headerLine, bodyLine, bodyStart } = cable;
  if (cableLine < bodyStart - 1) return headerLine + cableLine;
  return bodyLine + Math.max(0, cableLine - bodyStart);
}

/**
 * Finds the row ends: a line feed that no backslash escapes (inside a field every line end is escaped, so a broken
 * row never runs into the next). Chunk by chunk, carrying a backslash that ends one chunk over to the next.
 */
export class CsvRowSplitter {
  /** The first byte of the next chunk is escaped. */
  private pendingEscape = false;

  /** The indices of the row-ending line feeds in `chunk`, in order. */
  rowEnds(chunk: Uint8Array): number[] {
    const ends: number[] = [];
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) {
      if (!this.escapedAt(chunk, i)) ends.push(i);
    }
    this.pendingEscape = this.escapedAt(chunk, chunk.length);
    return ends;
  }

  /** Whether the byte at `index` (or the one after the chunk) follows an odd run of backslashes. */
  private escapedAt(chunk: Uint8Array, index: number): boolean {
    let run = 0;
    while (run < index && chunk[index - 1 - run] === BACKSLASH) run++;
    if (run === index && this.pendingEscape) run++;
    return run % 2 === 1;
  }
}

/**
 * Reads rows from chunks of the file pushed in order; `end()` gives a last row without a line end. A row longer than
 * `maxRowBytes` (a cable file's most: a broken file without row ends, say) is not held: its bytes are only counted, and
 * it is reported as malformed.
 */
export class CsvReader {
  private readonly splitter = new CsvRowSplitter();
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  /** The bytes and line feeds of a row too long to keep, so far. */
  private dropped: { length: number; lineFeeds: number } | undefined;
  private offset: number;
  private line: number;

  constructor(
    start: CsvStart = FILE_START,
    private readonly maxRowBytes = MAX_CABLE_FILE_BYTES,
  ) {
    this.offset = start.offset;
    this.line = start.line;
  }

  push(chunk: Uint8Array): CsvRow[] {
    const rows: CsvRow[] = [];
    let from = 0;
    for (const end of this.splitter.rowEnds(chunk)) {
      this.keep(chunk.subarray(from, end + 1));
      from = end + 1;
      this.takeRow(rows);
    }
    if (from < chunk.length) this.keep(chunk.subarray(from), true);
    return rows;
  }

  end(): CsvRow[] {
    const rows: CsvRow[] = [];
    this.takeRow(rows);
    return rows;
  }

  /** Keeps a part of the row being read (a copy when the caller may reuse its buffer), or counts it once too long. */
  private keep(part: Uint8Array, copy = false): void {
    if (!this.dropped && this.partsLength + part.length > this.maxRowBytes) {
      this.dropped = { length: this.partsLength, lineFeeds: 0 };
      for (const kept of this.parts) this.dropped.lineFeeds += countLineFeeds(kept, 0, kept.length);
      this.parts = [];
      this.partsLength = 0;
    }
    if (this.dropped) {
      this.dropped.length += part.length;
      this.dropped.lineFeeds += countLineFeeds(part, 0, part.length);
      return;
    }
    // new Uint8Array copies: a Buffer's slice() would be a view of the buffer the caller reads into again.
    this.parts.push(copy ? new Uint8Array(part) : part);
    this.partsLength += part.length;
  }

  private takeRow(rows: CsvRow[]): void {
    if (this.dropped) {
      const place = { offset: this.offset, length: this.dropped.length, line: this.line };
      rows.push({ kind: 'malformed', place, message: tooLong(this.maxRowBytes) });
      this.offset += this.dropped.length;
      this.line += this.dropped.lineFeeds;
      this.dropped = undefined;
      return;
    }
    const bytes = this.parts.length === 1 ? this.parts[0] : concat(this.parts);
    this.parts = [];
    this.partsLength = 0;
    if (bytes.length === 0) return;
    const place = { offset: this.offset, length: bytes.length, line: this.line };
    this.offset += bytes.length;
    this.line += countLineFeeds(bytes, 0, bytes.length);
    const row = parseRow(bytes, place);
    if (row) rows.push(row);
  }
}

function tooLong(maxRowBytes: number): string {
  const size = maxRowBytes % 1048576 === 0 ? `${maxRowBytes / 1048576} MB` : `${maxRowBytes} bytes`;
  return `a row of more than ${size}, the most a cable file may have (a quote or a backslash out of place?)`;
}

/** Every row of a cables.csv given as a stream of chunks (a Node stream, a web stream, ...), in file order. */
export async function* readCablesCsv(
  chunks: AsyncIterable<Uint8Array>,
  start: CsvStart = FILE_START,
): AsyncGenerator<CsvRow> {
  const reader = new CsvReader(start);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** The line feeds in bytes[from, to). */
export function countLineFeeds(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = bytes.indexOf(LF, from); i !== -1 && i < to; i = bytes.indexOf(LF, i + 1)) count++;
  return count;
}

/** A field's bytes between its quotes, its escapes taken out (the byte after a backslash kept as it is), as text. */
function fieldText(bytes: Uint8Array, from: number, to: number): string {
  let slash = bytes.indexOf(BACKSLASH, from);
  if (slash === -1 || slash >= to) return decodeCableText(bytes.subarray(from, to));
  const pieces: Uint8Array[] = [];
  let at = from;
  for (; slash !== -1 && slash < to; slash = bytes.indexOf(BACKSLASH, at + 1)) {
    pieces.push(bytes.subarray(at, slash));
    at = slash + 1;
  }
  pieces.push(bytes.subarray(at, to));
  return decodeCableText(concat(pieces));
}

/**
 * One row's bytes (with its line end) -> a cable, a malformed row, or nothing for a blank line. The fields are found
 * with indexOf (a quote, a backslash) rather than byte by byte; the cable text is made from the header and body
 * fields when first asked (an offset index never asks), from `bytes`, which the row keeps.
 */
function parseRow(bytes: Uint8Array, place: CsvPlace): CsvRow | undefined {
  let end = bytes.length;
  if (bytes[end - 1] === LF) end--;
  if (bytes[end - 1] === CR) end--;
  if (end === 0) return undefined;
  const malformed = (message: string): CsvMalformed => ({ kind: 'malformed', place, message });
  /** The next `byte` from `from`, or `end` when there is none before it. */
  const next = (byte: number, from: number) => {
    const at = bytes.indexOf(byte, from);
    return at === -1 || at > end ? end : at;
  };
  /** Index in `bytes` where each field's text starts, and of its closing quote. */
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (;;) {
    const n = starts.length + 1;
    if (bytes[i] !== QUOTE) return malformed(`field ${n} does not start with a double quote`);
    starts.push(i + 1);
    let quote = next(QUOTE, i + 1);
    for (let slash = next(BACKSLASH, i + 1); slash < quote; slash = next(BACKSLASH, slash + 2)) {
      if (slash + 1 >= end) break; // the escaped byte is past the row: unterminated
      if (quote === slash + 1) quote = next(QUOTE, slash + 2);
    }
    if (quote >= end) return malformed(`unterminated quote in field ${n}`);
    ends.push(quote);
    i = quote + 1;
    if (i === end) break;
    if (bytes[i] !== COMMA) return malformed(`a character after the closing quote of field ${n}`);
    i++;
  }
  if (starts.length !== CSV_COLUMNS.length) return malformed(`${starts.length} fields, expected ${CSV_COLUMNS.length}`);
  const [row, created, id, origin, classification, references] = starts
    .slice(0, 6)
    .map((start, k) => fieldText(bytes, start, ends[k]));
  const headerLine = place.line + countLineFeeds(bytes, 0, starts[6]);
  // Inside a field every line end is escaped: the header's line feeds are its line breaks.
  const headerBreaks = countLineFeeds(bytes, starts[6], ends[6]);
  let text: string | undefined;
  return {
    kind: 'cable',
    place,
    metadata: {
      id,
      created,
      classification,
      origin,
      references: references.split(/[\s,|]+/).filter(Boolean), // 72MOSCOW1603|72TEHRAN1091 in the release
      row: Number(row),
    },
    get text() {
      return (text ??= cableText(fieldText(bytes, starts[6], ends[6]), fieldText(bytes, starts[7], ends[7])));
    },
    headerLine,
    bodyLine: headerLine + headerBreaks + countLineFeeds(bytes, ends[6], starts[7]),
    bodyStart: starts[6] === ends[6] ? 0 : headerBreaks + 2,
  };
}
