// The offset index of an archive: where each cable is (a cables.csv row's byte offset and length, or a page's path),
// arranged as the editor shows it: a folder per year, in it a folder per origin, in it `<reference ID>.cable`
// (2009/Embassy Dushanbe/09DUSHANBE1151.cable). Built once from the rows, kept as text sorted by path, read back while
// the archive keeps its size and modification time. An open archive holds a summary of that text only (its folders and
// where every BLOCK-th cable starts) and reads the rest when asked: a cable by path, a folder's cables. Pure: no I/O
// (the text is read through a function given).
import type { CableMetadata } from './archive';

/** Where one cable of the archive is, and the path it has in the virtual folder. */
export interface IndexedCable {
  /** year/origin/ID.cable */
  path: string;
  /** cables.csv: the row's first byte, its length in bytes and its file line (a CsvStart to read it again). */
  offset: number;
  length: number;
  line: number;
  /** A folder of pages: the page's path below the folder ('cable/2009/10/09DUSHANBE1151.html'); '' for a CSV row. */
  page: string;
}

/** What an index was built from: the archive as it was then. */
export interface ArchiveStamp {
  size: number;
  mtimeMs: number;
}

/** An index as built: the cables in archive order. */
export interface OffsetIndex {
  stamp: ArchiveStamp;
  cables: IndexedCable[];
  /** Rows that were not read (malformed or too large), with their file line. */
  skipped: number;
}

/** The scheme of the virtual folders. */
export const ARCHIVE_SCHEME = 'cablegate';

/**
 * A path segment for a name: no slash, no backslash, no control character, no `.`/`..`, never empty, and well-formed
 * (a lone surrogate, `&#xD800;` in a page, is U+FFFD as UTF-8 writes it: the index's byte offsets count what is written).
 */
function segment(name: string, empty: string): string {
  const clean = name
    // eslint-disable-next-line no-control-regex
    .replace(/[/\\\u0000-\u001f]/g, '_')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .trim();
  return clean === '' || clean === '.' || clean === '..' ? empty : clean;
}

/** The year of a creation date-time as either form writes it (`12/28/1966 18:48`, `1966-12-28 18:48`). */
function yearOf(created: string): string {
  return /\b(\d{4})\b/.exec(created)?.[1] ?? 'Unknown year';
}

/** The cable's path in the virtual folder: year/origin/ID.cable. */
export function cablePath(metadata: Pick<CableMetadata, 'id' | 'created' | 'origin'>): string {
  return `${yearOf(metadata.created)}/${segment(metadata.origin, 'Unknown origin')}/${segment(metadata.id, 'unnamed')}.cable`;
}

/**
 * The authority of an archive's URIs: 8 hex digits of the FNV-1a hash of its path, so that two archives open at once
 * have URIs of their own (cablegate://1a2b3c4d/2009/...) and the same archive gets the same URIs in every session.
 */
export function archiveAuthority(archivePath: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < archivePath.length; i++) hash = Math.imul(hash ^ archivePath.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const FORMAT = 'cablegate-offset-index 2';

/** Cables a block of the stored text: a cable looked up by path reads one block. */
const BLOCK = 128;

/** The folder of a cable's path (year/origin): its cables are the paths that start with it, a run of the sorted text. */
const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/'));

/** The length of a string in UTF-8 bytes (the stored text's offsets are byte offsets). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else if (code >= 0x800)
      bytes += 2; // a lone surrogate too: written as U+FFFD, 3 bytes
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

/**
 * A reference ID that comes twice under the same year and origin (the release has a few duplicates) keeps its first
 * row; the later ones, in archive order, get `ID (2).cable`, `ID (3).cable` (a name taken already, by another cable
 * called so, is passed over). `cables` in archive order.
 */
export function uniquePaths<T extends IndexedCable>(cables: readonly T[]): T[] {
  const taken = new Set<string>();
  const repeats = new Map<string, number>();
  return cables.map((cable) => {
    let unique = cable.path;
    for (let n = repeats.get(cable.path) ?? 1; taken.has(unique);) {
      unique = cable.path.replace(/\.cable$/, ` (${++n}).cable`);
      repeats.set(cable.path, n);
    }
    taken.add(unique);
    return unique === cable.path ? cable : { ...cable, path: unique };
  });
}

/**
 * The family of a path: the path without the numbers uniquePaths adds (`X (2) (3).cable` -> `X.cable`). Every name
 * uniquePaths may give a cable is of its path's family, so it numbers each family on its own as it numbers them all
 * together; and a family whose paths are all different keeps them (an index written in runs numbers only the families
 * with a duplicate, held in memory: a few cables).
 */
export const familyOf = (path: string): string => path.replace(/(?: \(\d+\))+\.cable$/, '.cable');

/** The order of the stored cables: by path, code unit by code unit. */
export const byPath = (a: IndexedCable, b: IndexedCable): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The stored text of an index, made a cable at a time: the cables given in path order (their paths unique), each
 * giving its line; then the first line and the summary, which go before those lines. Memory: the summary (a line per
 * folder and per BLOCK cables), whatever the number of cables.
 */
export class IndexText {
  private readonly folders = new Map<string, { start: number; end: number }>();
  private readonly blocks: string[] = [];
  private bytes = 0;
  private count = 0;

  /** The stored line of the next cable (a path after those before it). */
  line(c: IndexedCable): string {
    return this.add(c.path, `${c.path}\t${c.offset}\t${c.length}\t${c.line}\t${c.page}\n`);
  }

  /** Notes the stored line of the next cable at `path` (its fields as line() writes them); gives it back. */
  add(path: string, line: string): string {
    if (this.count++ % BLOCK === 0) this.blocks.push(`B\t${this.bytes}\t${path}`);
    const folder = folderOf(path);
    const start = this.folders.get(folder)?.start ?? this.bytes;
    this.bytes += utf8Length(line);
    this.folders.set(folder, { start, end: this.bytes });
    return line;
  }

  /** The first line and the summary, once every cable's line is made. */
  head(stamp: ArchiveStamp, skipped: number): string {
    const summaryLines = [...this.folders]
      .map(([path, { start, end }]) => `F\t${path}\t${start}\t${end}`)
      .concat(this.blocks);
    const summary = summaryLines.map((line) => `${line}\n`).join('');
    const header = [FORMAT, stamp.size, stamp.mtimeMs, skipped, this.count, utf8Length(summary), this.bytes].join('\t');
    return `${header}\n${summary}`;
  }
}

/**
 * The index as text, three parts:
 * - a first line: the format, the archive's size and modification time, the rows skipped, the number of cables, and
 *   the byte lengths of the two parts that follow (a file cut short, or of another format, is no index);
 * - the summary: a line per year/origin folder, `F`, its path and the byte range of its cables in the last part; a
 *   line per block of BLOCK cables, `B`, where it starts and its first path;
 * - a line per cable, sorted by path: path, offset, length, line, page, tab-separated (no field holds a tab:
 *   segment() took out control characters, and a page's path is last).
 */
export function serializeIndex(index: OffsetIndex): string {
  const text = new IndexText();
  const entries = uniquePaths(index.cables)
    .sort(byPath)
    .map((cable) => text.line(cable));
  return `${text.head(index.stamp, index.skipped)}${entries.join('')}`;
}

/** Reads `length` bytes of the stored index from `start` (fewer at its end). */
export type ReadIndexBytes = (start: number, length: number) => Promise<Uint8Array>;

/** The index stored in `size` bytes read through `read`: its archive's stamp, and the tree over its cables. */
export interface StoredIndex {
  stamp: ArchiveStamp;
  skipped: number;
  tree: ArchiveTree;
}

/** The first line is shorter than this (seven numbers and the format). */
const HEADER_MAX_BYTES = 512;

const decoder = new TextDecoder();

/** The index stored in `size` bytes; undefined when they are not one (another format, an older one, cut short). */
export async function readStoredIndex(read: ReadIndexBytes, size: number): Promise<StoredIndex | undefined> {
  const first = decoder.decode(await read(0, Math.min(size, HEADER_MAX_BYTES)));
  const end = first.indexOf('\n');
  const [format, ...numbers] = first.slice(0, end).split('\t');
  if (end < 0 || format !== FORMAT || numbers.length !== 6) return undefined;
  const [archiveSize, mtimeMs, skipped, count, summaryBytes, entriesBytes] = numbers.map(Number);
  const entriesStart = end + 1 + summaryBytes;
  if (!(entriesStart + entriesBytes === size)) return undefined; // written whole, or not at all
  const summary = decoder.decode(await read(end + 1, summaryBytes));
  const tree = new ArchiveTree(summary, count, entriesBytes, (start, length) => read(entriesStart + start, length));
  return { stamp: { size: archiveSize, mtimeMs }, skipped, tree };
}

/** Whether two stamps are of the archive unchanged (an index built then is current now). */
export const sameStamp = (then: ArchiveStamp, now: ArchiveStamp): boolean =>
  then.size === now.size && then.mtimeMs === now.mtimeMs;

/** Path segments of a path in the virtual folder ('/2009/Embassy Dushanbe/' -> ['2009', 'Embassy Dushanbe']). */
const segmentsOf = (path: string): string[] => path.split('/').filter(Boolean);

/** A byte range of the stored cables. */
interface Range {
  start: number;
  end: number;
}

function parseCable(line: string): IndexedCable {
  const [path, offset, length, fileLine, ...page] = line.split('\t');
  return { path, offset: Number(offset), length: Number(length), line: Number(fileLine), page: page.join('\t') };
}

const byName = (a: string, b: string) => a.localeCompare(b);

/**
 * The cables of a stored index as a tree of folders: its years and origins held, its cables read from the stored
 * text when asked (a cable's block, a folder's run).
 */
export class ArchiveTree {
  /** The origins of each year. */
  private readonly years = new Map<string, string[]>();
  /** The cables of each year/origin folder. */
  private readonly folders = new Map<string, Range>();
  /** Where each block starts, and its first path. */
  private readonly blockStarts: number[] = [];
  private readonly blockPaths: string[] = [];

  constructor(
    summary: string,
    /** How many cables there are. */
    readonly count: number,
    private readonly entriesBytes: number,
    private readonly read: ReadIndexBytes,
  ) {
    for (const line of summary.split('\n')) {
      const [kind, a, b, c] = line.split('\t');
      if (kind === 'B') {
        this.blockStarts.push(Number(a));
        this.blockPaths.push(b);
      } else if (kind === 'F') {
        this.folders.set(a, { start: Number(b), end: Number(c) });
        const [year, origin] = a.split('/');
        const origins = this.years.get(year) ?? [];
        this.years.set(year, origins);
        origins.push(origin);
      }
    }
  }

  /** The cables stored in a byte range. */
  private async cablesIn({ start, end }: Range): Promise<IndexedCable[]> {
    if (end <= start) return [];
    const text = decoder.decode(await this.read(start, end - start));
    return text.split('\n').filter(Boolean).map(parseCable);
  }

  /** The cable at a path (year/origin/ID.cable), read from its block. */
  private async cableAt(path: string): Promise<IndexedCable | undefined> {
    if (!this.folders.has(folderOf(path))) return undefined;
    // The last block whose first path is not after this one.
    let low = 0;
    let high = this.blockPaths.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.blockPaths[middle] <= path) low = middle;
      else high = middle - 1;
    }
    const start = this.blockStarts[low];
    if (start === undefined) return undefined;
    const block = await this.cablesIn({ start, end: this.blockStarts[low + 1] ?? this.entriesBytes });
    return block.find((cable) => cable.path === path);
  }

  /** The folder at a path's segments (the root, a year, a year/origin), by what it holds; undefined when none. */
  private folderAt(segments: readonly string[]): { folders: string[] } | { cables: Range } | undefined {
    if (segments.length === 0) return { folders: [...this.years.keys()] };
    if (segments.length === 1) {
      const origins = this.years.get(segments[0]);
      return origins && { folders: origins };
    }
    const cables = segments.length === 2 ? this.folders.get(segments.join('/')) : undefined;
    return cables && { cables };
  }

  /** What is at a path: a folder, a cable, or nothing. */
  async find(path: string): Promise<{ folder: true } | { cable: IndexedCable } | undefined> {
    const segments = segmentsOf(path);
    if (this.folderAt(segments)) return { folder: true };
    const cable = segments.length === 3 ? await this.cableAt(segments.join('/')) : undefined;
    return cable && { cable };
  }

  /** The entries of a folder, folders first, each list sorted by name; undefined when it is no folder. */
  async list(path: string): Promise<Array<{ name: string; folder: boolean }> | undefined> {
    const folder = this.folderAt(segmentsOf(path));
    if (!folder) return undefined;
    if ('folders' in folder) return [...folder.folders].sort(byName).map((name) => ({ name, folder: true }));
    const cables = await this.cablesIn(folder.cables);
    return cables
      .map((cable) => cable.path.slice(cable.path.lastIndexOf('/') + 1))
      .sort(byName)
      .map((name) => ({ name, folder: false }));
  }

  /** Every cable below a folder (all of them below the root), sorted by path; none below anything else. */
  async cablesBelow(path: string): Promise<IndexedCable[]> {
    const folder = segmentsOf(path).join('/');
    const below = folder === '' ? '' : `${folder}/`;
    let range: Range | undefined;
    for (const [name, { start, end }] of this.folders)
      if (`${name}/`.startsWith(below))
        range = { start: Math.min(start, range?.start ?? start), end: Math.max(end, range?.end ?? end) };
    return range ? this.cablesIn(range) : [];
  }
}
