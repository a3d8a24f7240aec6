// Cable files over Node's fs: the one folder walk of the workspace index (nodeWorkspaceFiles, for main.ts) and of
// cable-lint (walkFiles, cableFilesBelow), and whole-file reads.
import { Dirent } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  decodeCable,
  HEAD_BYTES,
  isCableFileName,
  isCableHead,
  isCableText,
  isSkippedFolder,
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

/** Links to files are followed; links to folders are not (no cycles). */
function isLinkToFile(path: string): Promise<boolean> {
  return stat(path).then(
    (target) => target.isFile(),
    () => false,
  );
}

/** Every file below `root`, skipped folders (isSkippedFolder) left out, in no particular order. */
export async function* walkFiles(root: string, options: WalkOptions = {}): AsyncGenerator<WalkedFile> {
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
      } else if (entry.isFile() || (entry.isSymbolicLink() && (await isLinkToFile(path)))) {
        yield { path, relativePath };
      }
    }
  }
}

/** The first bytes of a file, enough to see its first line. */
async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
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
  for await (const { path } of walkFiles(folder, { unreadable: options.unreadable })) {
    const kind = isCableFileName(basename(path));
    const isCable =
      kind === 'yes' || (options.txt && kind === 'maybe' && (await head(path).then(isCableHead, () => false)));
    if (isCable) found.push(path);
  }
  return found;
}

export const nodeWorkspaceFiles: WorkspaceFiles = {
  async findCableFiles(folderUri) {
    if (!folderUri.startsWith('file:')) return [];
    const found = await cableFilesBelow(fileURLToPath(folderUri), { txt: true });
    return found.sort().map((path) => pathToFileURL(path).href);
  },
  async readCableFile(uri) {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    const kind = isCableFileName(path);
    if (kind === 'no') return undefined;
    try {
      const text = decodeCable(await readFile(path));
      return kind === 'yes' || isCableText(text.slice(0, HEAD_BYTES)) ? text : undefined;
    } catch {
      return undefined;
    }
  },
};
