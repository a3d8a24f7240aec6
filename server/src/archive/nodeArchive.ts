// A Cablegate archive (a cables.csv, or a folder of the site's pages) opened as a folder of cables over Node's fs: the
// offset index built in one streaming pass and written to a file through an external merge sort (memory: one row, a
// run of cables and the index's summary, whatever the number of cables; indexFile.ts), kept in that file and reused
// while the archive keeps its size and modification time, and read from that file while the archive is open (memory:
// the index's summary); without a file (the language server when the extension has none yet) built in memory; a cable
// read alone through it (one row's bytes, at most MAX_CABLE_FILE_BYTES; a page through readCableBytes, inside the
// folder only). For the extension's file system provider (client/src/archives.ts) and the language server's index of
// the workspace (main.ts).
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { decodeCable, FileRefused, MAX_CABLE_FILE_BYTES, WorkspaceFiles } from '../cableFiles/files';
import { readCableBytes, walkFiles } from '../cableFiles/nodeFiles';
import { CsvReader, CsvRow } from './csv';
import { IndexFileBuilder } from './indexFile';
import {
  ARCHIVE_SCHEME,
  archiveAuthority,
  ArchiveStamp,
  ArchiveTree,
  cablePath,
  IndexedCable,
  ReadIndexBytes,
  readStoredIndex,
  sameStamp,
  serializeIndex,
  StoredIndex,
} from './offsetIndex';
import type { CableMetadata } from './archive';
import { CablePage, PAGE_PATH, readCablePage } from './pages';

/** Where an archive is, and where its offset index is kept (none: built in memory each time). */
export interface ArchiveLocation {
  path: string;
  index?: string;
}

export interface IndexingOptions {
  /** The share of the archive read so far (0 to 1). */
  progress?: (fraction: number) => void;
  /** Polled between chunks: true stops the build (openArchive then resolves to undefined). */
  cancelled?: () => boolean;
  /** Write the index built to `index` (the extension does; the language server reads what it wrote). */
  write?: boolean;
  /** The longest row kept (CsvReader); longer ones are skipped. */
  maxRowBytes?: number;
  /** The cables of a run of the index written (indexFile.ts's RUN_ENTRIES; tests write smaller ones). */
  runEntries?: number;
}

/** Takes the cables indexed, in archive order (an array, or the runs of an index file). */
type AddCable = (cable: IndexedCable) => Promise<void> | undefined;

/** An archive open for reading: its tree of cables and the archive as it was indexed. */
export interface OpenArchive {
  path: string;
  /** A cables.csv, or a folder of the site's pages. */
  form: 'csv' | 'pages';
  authority: string;
  tree: ArchiveTree;
  stamp: ArchiveStamp;
  /** Rows not read when the index was built (malformed or too large). */
  skipped: number;
}

const CHUNK_BYTES = 1 << 20;

/** Opening a FIFO put in the archive's place would wait for a writer: non-blocking, it fails the regular-file check. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** The pages of a folder of the site (relative paths) and their stamp: their total size and latest change. */
async function pagesOf(folder: string): Promise<{ pages: string[]; stamp: ArchiveStamp }> {
  const pages: string[] = [];
  const stamp = { size: 0, mtimeMs: 0 };
  for await (const { path, relativePath } of walkFiles(folder)) {
    if (!PAGE_PATH.test(relativePath)) continue;
    const found = await stat(path);
    pages.push(relativePath);
    stamp.size += found.size;
    stamp.mtimeMs = Math.max(stamp.mtimeMs, found.mtimeMs);
  }
  return { pages: pages.sort(), stamp };
}

/**
 * One pass over a cables.csv, through one buffer read into again and again: memory is that buffer and the row being
 * read, whatever the archive's size; each cable given to `add`. (Each chunk's rows are taken before the next read; the
 * reader copies what it keeps of a row that goes on into the next chunk.) The rows skipped; undefined when cancelled.
 */
async function indexCsv(
  path: string,
  stamp: ArchiveStamp,
  options: IndexingOptions,
  add: AddCable,
): Promise<{ skipped: number } | undefined> {
  const index = { skipped: 0 };
  const reader = new CsvReader(undefined, options.maxRowBytes);
  const take = async (rows: CsvRow[]) => {
    for (const row of rows) {
      if (row.kind === 'malformed') index.skipped++;
      else await add({ path: cablePath(row.metadata), ...row.place, page: '' });
    }
  };
  const handle = await open(path, constants.O_RDONLY | NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw new FileRefused(`${path} is no regular file`);
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (let read = 0; read < stamp.size;) {
      if (options.cancelled?.()) return undefined;
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK_BYTES, stamp.size - read), read);
      if (bytesRead === 0) break; // cut short since: the index is of what there was
      await take(reader.push(buffer.subarray(0, bytesRead)));
      read += bytesRead;
      options.progress?.(read / stamp.size);
    }
  } finally {
    await handle.close();
  }
  await take(reader.end());
  return index;
}

async function indexPages(
  folder: string,
  pages: readonly string[],
  options: IndexingOptions,
  add: AddCable,
): Promise<{ skipped: number } | undefined> {
  const index = { skipped: 0 };
  const within = [await realpath(folder)];
  for (const [n, page] of pages.entries()) {
    if (options.cancelled?.()) return undefined;
    const read = await readPage(folder, page, within).catch(() => undefined);
    if (read === undefined || typeof read === 'string') index.skipped++;
    else await add({ path: cablePath(read.metadata), offset: 0, length: 0, line: 0, page });
    options.progress?.((n + 1) / pages.length);
  }
  return index;
}

async function readPage(folder: string, page: string, within: readonly string[]) {
  const bytes = await readCableBytes(join(folder, page), { within });
  return bytes && readCablePage(decodeCable(bytes));
}

/**
 * The bytes of an index file, read when asked; refused when the file is no longer the one read first (an index built
 * again since: the archive is to be opened again).
 */
function fileBytes(file: string, first: ArchiveStamp): ReadIndexBytes {
  return async (start, length) => {
    const handle = await open(file, constants.O_RDONLY | NONBLOCK);
    try {
      if (!sameStamp(first, await handle.stat()))
        throw new FileRefused(`${file} has changed since it was read: open the archive again`);
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await handle.read(bytes, 0, length, start);
      return bytes.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  };
}

/** The index stored at `file`, when there is one, readable and of this format (an older one is none). */
async function storedIndex(file: string | undefined): Promise<StoredIndex | undefined> {
  if (file === undefined) return undefined;
  try {
    const found = await stat(file);
    return found.isFile() ? await readStoredIndex(fileBytes(file, found), found.size) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A new index of an archive: read in one pass, then written to `file` (whole or not at all, the files made on the way
 * removed whatever the outcome) and read from it; without a file, kept in memory. Undefined when it was not read back.
 */
async function buildIndex(
  path: string,
  stamp: ArchiveStamp,
  pages: string[] | undefined,
  file: string | undefined,
  options: IndexingOptions,
): Promise<StoredIndex | 'cancelled' | undefined> {
  const read = (add: AddCable) => (pages ? indexPages(path, pages, options, add) : indexCsv(path, stamp, options, add));
  if (file === undefined) {
    const cables: IndexedCable[] = [];
    const built = await read((cable) => void cables.push(cable));
    if (!built) return 'cancelled';
    const bytes = Buffer.from(serializeIndex({ stamp, cables, skipped: built.skipped }));
    return readStoredIndex(async (start, length) => bytes.subarray(start, start + length), bytes.length);
  }
  const builder = new IndexFileBuilder(file, options.runEntries);
  try {
    const built = await read((cable) => builder.add(cable));
    if (!built || !(await builder.write(stamp, built.skipped, options.cancelled))) return 'cancelled';
  } finally {
    await builder.remove();
  }
  return storedIndex(file);
}

/**
 * Opens an archive: its stored index when it was built from the archive as it is now, else a new one (written to
 * `location.index` with `write`). Undefined when cancelled; rejects when the archive cannot be read.
 */
export async function openArchive(
  location: ArchiveLocation,
  options: IndexingOptions = {},
): Promise<OpenArchive | undefined> {
  const { path } = location;
  const found = await stat(path);
  const pages = found.isDirectory() ? await pagesOf(path) : undefined;
  if (!pages && !found.isFile()) throw new FileRefused(`${path} is neither a cables.csv nor a folder of pages`);
  const stamp = pages?.stamp ?? { size: found.size, mtimeMs: found.mtimeMs };
  let index = await storedIndex(location.index);
  if (!index || !sameStamp(index.stamp, stamp)) {
    // Written, the index is read from its file; else (the language server, or no file) kept in memory.
    const file = options.write ? location.index : undefined;
    const built = await buildIndex(path, stamp, pages?.pages, file, options);
    if (built === 'cancelled') return undefined;
    index = built;
    if (!index) throw new Error(`the offset index of ${path} was not read back`);
  }
  return {
    path,
    form: pages ? 'pages' : 'csv',
    authority: archiveAuthority(path),
    tree: index.tree,
    stamp,
    skipped: index.skipped,
  };
}

/**
 * The text of one cable of an open archive. Rejects with FileRefused when the archive has changed since it was indexed
 * (the offsets may point anywhere now), when the row is larger than a cable file may be, or is no cable.
 */
export async function readArchivedCable(archive: OpenArchive, cable: IndexedCable): Promise<string> {
  return (await readArchived(archive, cable)).text;
}

/** The publisher's metadata of one cable of an open archive (read again from its row or page, as its text is). */
async function readArchivedMetadata(archive: OpenArchive, cable: IndexedCable): Promise<CableMetadata> {
  return (await readArchived(archive, cable)).metadata;
}

async function readArchived(archive: OpenArchive, cable: IndexedCable): Promise<CablePage> {
  if (cable.page) {
    const page = await readPage(archive.path, cable.page, [await realpath(archive.path)]);
    if (page === undefined || typeof page === 'string')
      throw new FileRefused(`${cable.page} is no cable page${page ? ` (${page})` : ''}`);
    return page;
  }
  if (cable.length > MAX_CABLE_FILE_BYTES)
    throw new FileRefused(`row ${cable.line} of ${archive.path} is larger than a cable may be`);
  const handle = await open(archive.path, constants.O_RDONLY | NONBLOCK);
  try {
    const now = await handle.stat();
    if (!now.isFile() || !sameStamp(archive.stamp, { size: now.size, mtimeMs: now.mtimeMs }))
      throw new FileRefused(`${archive.path} has changed since it was indexed: open it again`);
    const bytes = Buffer.alloc(cable.length);
    const { bytesRead } = await handle.read(bytes, 0, cable.length, cable.offset);
    const reader = new CsvReader(cable);
    const [row] = [...reader.push(bytes.subarray(0, bytesRead)), ...reader.end()];
    if (row?.kind !== 'cable') throw new FileRefused(`line ${cable.line} of ${archive.path} is no cable row`);
    // The row itself: its text is decoded only when asked for (not for its metadata alone).
    return row;
  } finally {
    await handle.close();
  }
}

/** The URI of a path in an archive's virtual folder (`cablegate://1a2b3c4d/2009/Embassy%20Dushanbe/...`). */
export const archiveUri = (authority: string, path: string): string =>
  URI.from({ scheme: ARCHIVE_SCHEME, authority, path: `/${path}` }).toString();

/**
 * The archives a language server may index, by the authority of their URIs: told by the client (initializationOptions
 * and `cable/archives`), opened on first use with the index the extension keeps (built in memory when that one is
 * missing or stale, never written: the extension owns the file).
 */
export class ArchiveShelf {
  /** `log`: where an archive that cannot be opened is said (once a listing of the archives: it then holds no cable). */
  constructor(private readonly log: (message: string) => void = () => {}) {}

  private locations = new Map<string, ArchiveLocation>();
  private readonly opened = new Map<string, Promise<OpenArchive | undefined>>();
  /** The archives as they were when they were last opened here, by authority. */
  private readonly read = new Map<string, ArchiveStamp>();

  /**
   * The archives open in the editor, all of them (a later call replaces the list). Each is opened again: the
   * extension sends the list after every opening, so a rebuilt index is read again. Resolves to the folders
   * (`cablegate://<authority>/`) of the archives opened here before that are not as they were then (changed on disk,
   * or gone): their cables are to be read again.
   */
  async setArchives(locations: readonly ArchiveLocation[]): Promise<string[]> {
    this.locations = new Map(locations.map((location) => [archiveAuthority(location.path), location]));
    this.opened.clear();
    const before = [...this.read].filter(([authority]) => this.locations.has(authority));
    this.read.clear();
    const changed: string[] = [];
    for (const [authority, stamp] of before) {
      const now = await this.archive(authority);
      if (!now || !sameStamp(stamp, now.stamp)) changed.push(archiveUri(authority, ''));
    }
    return changed;
  }

  private archive(authority: string): Promise<OpenArchive | undefined> {
    const location = this.locations.get(authority);
    if (!location) return Promise.resolve(undefined);
    let archive = this.opened.get(authority);
    if (!archive) {
      archive = openArchive(location).then(
        (opened) => {
          if (opened) this.read.set(authority, opened.stamp);
          return opened;
        },
        (error: Error) => {
          this.log(
            `The archive ${location.path} cannot be read (${error.message}): it shows no cables until it is opened again.`,
          );
          return undefined;
        },
      );
      this.opened.set(authority, archive);
    }
    return archive;
  }

  /** The publisher's metadata of a cable of an archive (`cablegate:` URI); undefined for any other URI. */
  async metadataOf(cableUri: string): Promise<CableMetadata | undefined> {
    const uri = URI.parse(cableUri);
    if (uri.scheme !== ARCHIVE_SCHEME) return undefined;
    const archive = await this.archive(uri.authority);
    const found = await archive?.tree.find(uri.path);
    return found && 'cable' in found ? readArchivedMetadata(archive!, found.cable).catch(() => undefined) : undefined;
  }

  /** `base` with the archives' URIs (scheme cablegate) added: their folders listed, their cables read. */
  workspaceFiles(base: WorkspaceFiles): WorkspaceFiles {
    return {
      findCableFiles: async (folderUri) => {
        const uri = URI.parse(folderUri);
        if (uri.scheme !== ARCHIVE_SCHEME) return base.findCableFiles(folderUri);
        const archive = await this.archive(uri.authority);
        const cables = (await archive?.tree.cablesBelow(uri.path)) ?? [];
        return cables.map((cable) => archiveUri(uri.authority, cable.path));
      },
      readCableFile: async (cableUri, folderUris) => {
        const uri = URI.parse(cableUri);
        if (uri.scheme !== ARCHIVE_SCHEME) return base.readCableFile(cableUri, folderUris);
        const archive = await this.archive(uri.authority);
        const found = await archive?.tree.find(uri.path);
        return found && 'cable' in found ? readArchivedCable(archive!, found.cable) : undefined;
      },
    };
  }
}
