// Cable files over Node's fs: the one folder walk of the workspace index (nodeWorkspaceFiles, for main.ts) and of
// cable-lint (walkFiles, cableFilesBelow), and the one way to read a cable file (readCableBytes): regular files only,
// links followed only into the allowed folders, a size cap, a timeout, and only a file's head when it decides.
import { constants, Dirent } from 'node:fs';
import { FileHandle, open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  decodeCable,
  FileRefused,
  HEAD_BYTES,
  isCableFileName,
  isCableHead,
  isSkippedFolder,
  MAX_CABLE_FILE_BYTES,
  READ_TIMEOUT_MS,
  WorkspaceFiles,
} from './files';

export interface WalkOptions {
  /** Called for each folder below the root that is not skipped (isSkippedFolder); false: do not go into it. */
  enter?: (relativePath: string, path: string) => boolean;
  /** Called for each folder that cannot be read; the walk goes on without it. */
  unreadable?: (folder: string, error: Error) => void;
}

/** A file found by walkFiles. */
export interface WalkedFile {
  /** Absolute path. */
  path: string;
  /** Relative to the walked folder, with '/'. */
  relativePath: string;
}

/** Is `path` (a real path) `folder` or below it? */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** The real path of `path` (links resolved), undefined when it cannot be resolved (gone, a broken link, a loop). */
const realPathOf = (path: string): Promise<string | undefined> => realpath(path).catch(() => undefined);

/** Does a link lead to a file inside `root` (a real path)? Links to folders are not followed (no cycles). */
async function linkedFileInside(path: string, root: string): Promise<boolean> {
  const target = await realPathOf(path);
  if (target === undefined || !isInside(target, root)) return false;
  return stat(target).then(
    (found) => found.isFile(),
    () => false,
  );
}

/** Every file below `root`, skipped folders (isSkippedFolder) left out, links only to files inside `root`, unordered. */
export async function* walkFiles(root: string, options: WalkOptions = {}): AsyncGenerator<WalkedFile> {
  const realRoot = (await realPathOf(root)) ?? root;
  const pending: Array<{ folder: string; prefix: string }> = [{ folder: root, prefix: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(next.folder, { withFileTypes: true });
    } catch (error) {
      options.unreadable?.(next.folder, error as Error);
      continue;
    }
    for (const entry of entries) {
      const path = join(next.folder, entry.name);
      const relativePath = next.prefix + entry.name;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name) && (options.enter?.(relativePath, path) ?? true))
          pending.push({ folder: path, prefix: relativePath + '/' });
      } else if (entry.isFile() || (entry.isSymbolicLink() && (await linkedFileInside(path, realRoot)))) {
        yield { path, relativePath };
      }
    }
  }
}

/** Opening a FIFO without a writer would wait forever; O_NONBLOCK returns at once (0 where there is no such flag). */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** `length` bytes from `position` of an open file, fewer at its end. */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

const tooLarge = (path: string, size: number) =>
  new FileRefused(
    `${path} is ${megabytes(size)}, more than the ${megabytes(MAX_CABLE_FILE_BYTES)} a cable file may have`,
  );

/**
 * An open file to its end: one read of the size fstat gave, and more only when the file has grown since, or is a
 * /proc file of size 0; never more than MAX_CABLE_FILE_BYTES.
 */
async function readToEnd(handle: FileHandle, path: string, size: number): Promise<Uint8Array> {
  if (size > MAX_CABLE_FILE_BYTES) throw tooLarge(path, size);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let length = size + 1; ; length = 65536) {
    const chunk = await readAt(handle, total, length);
    chunks.push(chunk);
    total += chunk.length;
    if (total > MAX_CABLE_FILE_BYTES) throw tooLarge(path, total);
    if (chunk.length < length) return chunks.length === 1 ? chunk : Buffer.concat(chunks, total);
  }
}

function withTimeout<T>(work: Promise<T>, path: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new FileRefused(`reading ${path} took longer than ${READ_TIMEOUT_MS / 1000} s`)),
      READ_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface ReadOptions {
  /** Real paths of the folders the file must be in (links followed); undefined: anywhere (a file named by the user). */
  within?: readonly string[];
  /** Sees the file's first HEAD_BYTES; false: the file is not wanted (a .txt that is no cable), and no more is read. */
  wanted?: (head: Uint8Array) => boolean;
}

/**
 * The bytes of a cable file, or undefined when `wanted` declines it. Rejects with FileRefused when the file is no regular
 * file (a FIFO, a device, a socket), lies outside `within`, is larger than MAX_CABLE_FILE_BYTES, or takes longer than
 * READ_TIMEOUT_MS to read; with the system's error when it cannot be opened. The type and size are those of the file
 * opened (fstat), so a file swapped after a check cannot slip through.
 */
export function readCableBytes(path: string, options: ReadOptions = {}): Promise<Uint8Array | undefined> {
  return withTimeout(
    (async () => {
      if (options.within) {
        const real = await realpath(path);
        if (!options.within.some((folder) => isInside(real, folder)))
          throw new FileRefused(`${path} leads to ${real}, outside the workspace folders`);
      }
      const handle = await open(path, constants.O_RDONLY | NONBLOCK);
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) throw new FileRefused(`${path} is no regular file (a FIFO, a device or a socket)`);
        // A large .txt that is no cable is declined in silence: only its head is read.
        if (options.wanted && !options.wanted(await readAt(handle, 0, HEAD_BYTES))) return undefined;
        return await readToEnd(handle, path, stats.size);
      } finally {
        await handle.close();
      }
    })(),
    path,
  );
}

/** The real paths of folders (those that resolve). */
async function realFolders(folders: readonly string[]): Promise<string[]> {
  const real = await Promise.all(folders.map(realPathOf));
  return real.filter((path): path is string => path !== undefined);
}

/**
 * The cable files below a folder (absolute paths, unsorted): cables by name, and with `txt`, .txt files that start
 * with a transmission line.
 */
export async function cableFilesBelow(
  folder: string,
  options: { txt: boolean; unreadable?: WalkOptions['unreadable'] },
): Promise<string[]> {
  const found: string[] = [];
  const isCableTxt = (path: string) => readCableBytes(path, { wanted: isCableHead }).then(Boolean, () => false);
  for await (const { path } of walkFiles(folder, { unreadable: options.unreadable })) {
    const kind = isCableFileName(basename(path));
    if (kind === 'yes' || (options.txt && kind === 'maybe' && (await isCableTxt(path)))) found.push(path);
  }
  return found;
}

export const nodeWorkspaceFiles: WorkspaceFiles = {
  async findCableFiles(folderUri) {
    if (!folderUri.startsWith('file:')) return [];
    const found = await cableFilesBelow(fileURLToPath(folderUri), { txt: true });
    return found.sort().map((path) => pathToFileURL(path).href);
  },
  async readCableFile(uri, folderUris) {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    const kind = isCableFileName(path);
    if (kind === 'no') return undefined;
    const within =
      folderUris && (await realFolders(folderUris.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f))));
    try {
      const bytes = await readCableBytes(path, { within, wanted: kind === 'maybe' ? isCableHead : undefined });
      return bytes && decodeCable(bytes);
    } catch (error) {
      if (error instanceof FileRefused) throw error;
      return undefined; // gone, or unreadable: as if it were not there
    }
  },
};
