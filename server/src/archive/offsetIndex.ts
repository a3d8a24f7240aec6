// The offset index of an archive: where each cable is (a cables.csv row's byte offset and length, or a page's path),
// arranged as the editor shows it: a folder per year, in it a folder per origin, in it `<reference ID>.cable`
// (2009/Embassy Dushanbe/09DUSHANBE1151.cable). Built once from the rows, kept as text, read back while the archive
// keeps its size and modification time. Pure: no I/O.
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

export interface OffsetIndex {
  stamp: ArchiveStamp;
  cables: IndexedCable[];
  /** Rows that were not read (malformed or too large), with their file line. */
  skipped: number;
}

/** The scheme of the virtual folders. */
export const ARCHIVE_SCHEME = 'cablegate';

/** A path segment for a name: no slash, no backslash, no control character, no `.`/`..`, never empty. */
function segment(name: string, empty: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[/\\\u0000-\u001f]/g, '_').trim();
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

const FORMAT = 'cablegate-offset-index 1';

/**
 * The index as text: a first line naming the format and the archive's size and modification time, then a line per
 * cable: offset, length, line, page, path, tab-separated (no field holds a tab: segment() took out control characters).
 */
export function serializeIndex(index: OffsetIndex): string {
  const lines = [`${FORMAT}\t${index.stamp.size}\t${index.stamp.mtimeMs}\t${index.skipped}`];
  for (const c of index.cables) lines.push(`${c.offset}\t${c.length}\t${c.line}\t${c.page}\t${c.path}`);
  return lines.join('\n') + '\n';
}

/** An index read back from serializeIndex's text; undefined when the text is not one (another format, cut short). */
export function parseIndex(text: string): OffsetIndex | undefined {
  const lines = text.split('\n');
  if (lines.pop() !== '') return undefined; // written whole, or not at all
  const [format, size, mtimeMs, skipped] = lines.shift()?.split('\t') ?? [];
  if (format !== FORMAT) return undefined;
  const cables: IndexedCable[] = [];
  for (const line of lines) {
    const [offset, length, fileLine, page, path] = line.split('\t');
    if (path === undefined) return undefined;
    cables.push({ offset: Number(offset), length: Number(length), line: Number(fileLine), page, path });
  }
  return { stamp: { size: Number(size), mtimeMs: Number(mtimeMs) }, cables, skipped: Number(skipped) };
}

/** Whether two stamps are of the archive unchanged (an index built then is current now). */
export const sameStamp = (then: ArchiveStamp, now: ArchiveStamp): boolean =>
  then.size === now.size && then.mtimeMs === now.mtimeMs;

/** A folder of the tree: its folders and its cables by name. */
interface TreeFolder {
  folders: Map<string, TreeFolder>;
  cables: Map<string, IndexedCable>;
  /** How often a name came so far, for numbering the next one that comes again. */
  repeats: Map<string, number>;
}

const newFolder = (): TreeFolder => ({ folders: new Map(), cables: new Map(), repeats: new Map() });

/** Path segments of a path in the virtual folder ('/2009/Embassy Dushanbe/' -> ['2009', 'Embassy Dushanbe']). */
const segmentsOf = (path: string): string[] => path.split('/').filter(Boolean);

/**
 * The cables of an index as a tree of folders. A reference ID that comes twice under the same year and origin (the
 * release has a few duplicates) keeps its first row; the later ones get `ID (2).cable`, `ID (3).cable`.
 */
export class ArchiveTree {
  private readonly root = newFolder();
  /** Every cable, in archive order, under its path in the tree. */
  readonly cables: IndexedCable[] = [];

  constructor(cables: readonly IndexedCable[]) {
    for (const cable of cables) this.add(cable);
  }

  private add(cable: IndexedCable): void {
    const segments = segmentsOf(cable.path);
    const name = segments.pop()!;
    let folder = this.root;
    for (const part of segments) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = newFolder()));
      folder = next;
    }
    let unique = name;
    for (let n = folder.repeats.get(name) ?? 1; folder.cables.has(unique);) {
      unique = name.replace(/\.cable$/, ` (${++n}).cable`);
      folder.repeats.set(name, n);
    }
    const placed = unique === name ? cable : { ...cable, path: [...segments, unique].join('/') };
    folder.cables.set(unique, placed);
    this.cables.push(placed);
  }

  private folderAt(segments: readonly string[]): TreeFolder | undefined {
    let folder: TreeFolder | undefined = this.root;
    for (const part of segments) folder = folder?.folders.get(part);
    return folder;
  }

  /** What is at a path: a folder, a cable, or nothing. */
  find(path: string): { folder: true } | { cable: IndexedCable } | undefined {
    const segments = segmentsOf(path);
    if (this.folderAt(segments)) return { folder: true };
    const name = segments.pop();
    const cable = name === undefined ? undefined : this.folderAt(segments)?.cables.get(name);
    return cable && { cable };
  }

  /** The entries of a folder, folders first, each list sorted by name; undefined when it is no folder. */
  list(path: string): Array<{ name: string; folder: boolean }> | undefined {
    const folder = this.folderAt(segmentsOf(path));
    if (!folder) return undefined;
    const sorted = (names: Iterable<string>) => [...names].sort((a, b) => a.localeCompare(b));
    return [
      ...sorted(folder.folders.keys()).map((name) => ({ name, folder: true })),
      ...sorted(folder.cables.keys()).map((name) => ({ name, folder: false })),
    ];
  }
}
