// Which files are cables, and the file access the workspace index needs. The Node implementation is nodeFiles.ts
// (passed in by main.ts), so that the LSP wiring in server.ts stays free of Node modules.

/** File access for the workspace index. URIs are `file:` URIs. */
export interface WorkspaceFiles {
  /** Cable files below a folder (see isCableFileName, isCableText), node_modules and .git skipped. */
  findCableFiles(folderUri: string): Promise<string[]>;
  /** A cable file's text (UTF-8 when valid, else Latin-1); undefined when it is gone or is no cable. */
  readCableFile(uri: string): Promise<string | undefined>;
}

/** Folders never searched for cables. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** Globs for the file watchers: cables by name, and text files that may be cables. */
export const CABLE_FILE_GLOB = '**/*.{cable,tel,txt}';

/** `.cable` and `.tel` are cables by name; a `.txt` is one when it starts with a transmission line. */
export function isCableFileName(name: string): 'yes' | 'maybe' | 'no' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.cable') || lower.endsWith('.tel')) return 'yes';
  return lower.endsWith('.txt') ? 'maybe' : 'no';
}

/** A text whose first line is a transmission line (`VZCZCXRO1864`), as the language's firstLine pattern says. */
export function isCableText(start: string): boolean {
  return /^\s*VZCZC[A-Z]{3}[0-9]*\s*(?:\r?\n|\r|$)/.test(start.replace(/^\uFEFF/, ''));
}

/** UTF-8 when the bytes are valid UTF-8, else Latin-1 (older cable dumps), as an editor would read them. */
export function decodeCable(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return text;
  }
}
