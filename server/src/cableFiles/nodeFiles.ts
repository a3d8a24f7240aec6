// WorkspaceFiles over Node's fs: a recursive walk (symbolic links not followed) and whole-file reads.
import { Dirent } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

async function walk(dir: string, found: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable or gone
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) await walk(path, found);
    } else if (entry.isFile()) {
      const kind = isCableFileName(entry.name);
      if (kind === 'yes' || (kind === 'maybe' && (await head(path).then(isCableHead, () => false)))) found.push(path);
    }
  }
}

export const nodeWorkspaceFiles: WorkspaceFiles = {
  async findCableFiles(folderUri) {
    if (!folderUri.startsWith('file:')) return [];
    const found: string[] = [];
    await walk(fileURLToPath(folderUri), found);
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
