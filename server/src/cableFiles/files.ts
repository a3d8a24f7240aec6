// What a cable file is, and which folders hold none: the one definition for the client, the server and cable-lint.
// Platform-neutral (no Node modules): the web client and the web worker import it too. The Node file access of the
// workspace index is nodeFiles.ts (passed in by main.ts). package.json's contributes.languages repeats the extensions
// and the first line (test/cableFiles/files.test.ts checks that they agree).
import { decodeCableText } from './decode';

/** File access for the workspace index. URIs are `file:` URIs. */
export interface WorkspaceFiles {
  /** Cable files below a folder (see isCableFileName, isCableText), skipped folders (isSkippedFolder) left out. */
  findCableFiles(folderUri: string): Promise<string[]>;
  /**
   * A cable file's text (decodeCable); undefined when it is gone or is no cable. With `folderUris`, a file whose real
   * path (links followed) is in none of these folders is refused. Rejects with FileRefused when the file must not be
   * read: no regular file (a FIFO, a device), too large, too slow, or outside the folders.
   */
  readCableFile(uri: string, folderUris?: readonly string[]): Promise<string | undefined>;
}

/** A file that is not read, and why, in words for the user. */
export class FileRefused extends Error {}

/** Largest cable file read: the largest real dumps hold thousands of cables in some MB; 1 GB of text is no cable file. */
export const MAX_CABLE_FILE_BYTES = 64 * 1024 * 1024;

/** A read that takes longer is given up (a hung network drive), so that the indexing queue moves on. */
export const READ_TIMEOUT_MS = 15_000;

/** Files that are cables by name (lower case). */
export const CABLE_EXTENSIONS: readonly string[] = ['.cable', '.tel'];

/** Files that are cables when their first line is a transmission line (isCableText). */
const CABLE_TEXT_EXTENSION = '.txt';

/** A cable's first line, the transmission line `VZCZCXRO1864` (the language's firstLine pattern). */
export const TRANSMISSION_LINE = /^\s*VZCZC[A-Z]{3}[0-9]*\s*$/;

/** Bytes that show a file's first line (isCableHead). */
export const HEAD_BYTES = 64;

/** Glob for the file watchers: cables by name, and text files that may be cables. */
export const CABLE_FILE_GLOB = `**/*.{${[...CABLE_EXTENSIONS, CABLE_TEXT_EXTENSION].map((e) => e.slice(1)).join(',')}}`;

/**
 * Folders never searched for cables: hidden ones (.git, .vscode, the copies of a local-history extension in
 * .history ...) and node_modules.
 */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** `.cable` and `.tel` are cables by name; a `.txt` is one when it starts with a transmission line. */
export function isCableFileName(name: string): 'yes' | 'maybe' | 'no' {
  const lower = name.toLowerCase();
  if (CABLE_EXTENSIONS.some((extension) => lower.endsWith(extension))) return 'yes';
  return lower.endsWith(CABLE_TEXT_EXTENSION) ? 'maybe' : 'no';
}

/** A text whose first non-blank line is a transmission line (a byte order mark before it is blank too). */
export function isCableText(start: string): boolean {
  return TRANSMISSION_LINE.test(start.trimStart().split(/\r\n|\r|\n/, 1)[0]);
}

/** Do a file's first bytes (HEAD_BYTES or fewer) start it with a transmission line? */
export function isCableHead(head: Uint8Array): boolean {
  // A UTF-8 character cut at the end makes the head Latin-1, so a UTF-8 byte order mark is dropped here.
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  return isCableText(decodeCableText(bom ? head.subarray(3) : head));
}

/** The one decoder of cable files (decode.ts), under the name the workspace index uses. */
export { decodeCableText as decodeCable } from './decode';
