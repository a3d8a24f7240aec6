// Command-line inputs -> the files to lint: files as given, folders searched recursively for cable
// files, and glob patterns (*, **, ?) expanded here (Node 20 has no fs.glob). Sorted, no duplicates.
import { closeSync, Dirent, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HEAD_BYTES, isCableFileName, isCableHead, isSkippedFolder } from '../cableFiles/files';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** As reported: relative to the working folder (with '/'), or absolute when outside it. */
  display: string;
}

export interface CollectedFiles {
  files: InputFile[];
  /** Inputs that name nothing, and folders that could not be read: each one a message. */
  problems: string[];
}

export function hasGlob(input: string): boolean {
  return /[*?]/.test(input);
}

/** A glob pattern (relative to its base folder, '/'-separated) as an anchored regular expression. */
export function globToRegExp(pattern: string): RegExp {
  const segments = pattern.split('/').filter((s) => s !== '');
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      source += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    for (const char of segment) {
      if (char === '*') source += '[^/]*';
      else if (char === '?') source += '[^/]';
      else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    if (!last) source += '/';
  });
  return new RegExp(`^${source}$`);
}

/** Splits a pattern into the folder before its first wildcard segment and the rest. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const normalized = sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
  const segments = normalized.split('/');
  const first = segments.findIndex(hasGlob);
  const baseSegments = segments.slice(0, first);
  const base = baseSegments.join('/') || (normalized.startsWith('/') ? '/' : '.');
  return { base, rest: segments.slice(first).join('/') };
}

/** Does a .txt file start with a transmission line? */
function startsWithTransmissionLine(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(HEAD_BYTES);
    return isCableHead(head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isFile(entry: Dirent, path: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Calls `visit` with every file below `root` (relative path with '/', absolute path); symbolic links to
 * files are followed, links to folders are not (no cycles). `maxDepth` limits how far down it goes.
 */
function walk(
  root: string,
  visit: (relativePath: string, path: string) => void,
  problems: string[],
  maxDepth = Infinity,
  /** Called for each folder; false: do not go into it. */
  enter: (relativePath: string, path: string) => boolean = () => true,
): void {
  const pending: Array<[string, string, number]> = [[root, '', 0]];
  while (pending.length > 0) {
    const [folder, prefix, depth] = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push(`cannot read folder ${folder}: ${(error as Error).message}`);
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const relativePath = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name) && enter(relativePath, path) && depth + 1 < maxDepth)
          pending.push([path, relativePath + '/', depth + 1]);
      } else if (isFile(entry, path)) {
        visit(relativePath, path);
      }
    }
  }
}

function isCableFile(name: string, path: string, txt: boolean): boolean {
  const kind = isCableFileName(name);
  return kind === 'yes' || (txt && kind === 'maybe' && startsWithTransmissionLine(path));
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
}

export function collectFiles(inputs: readonly string[], options: { txt: boolean; cwd?: string }): CollectedFiles {
  const cwd = options.cwd ?? process.cwd();
  const found = new Set<string>();
  const problems: string[] = [];
  const add = (path: string) => found.add(path);
  /** The cable files below a folder; how many. */
  const searchFolder = (folder: string): number => {
    let count = 0;
    walk(
      folder,
      (relativePath, file) => {
        if (isCableFile(relativePath.slice(relativePath.lastIndexOf('/') + 1), file, options.txt)) {
          add(file);
          count++;
        }
      },
      problems,
    );
    return count;
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      add(path); // named explicitly: linted whatever its extension
    } else if (stat?.isDirectory()) {
      // A folder without cable files is no error by itself (the run fails only when nothing at all is found).
      searchFolder(path);
    } else if (stat) {
      problems.push(`${input} is neither a file nor a folder.`);
    } else if (hasGlob(input)) {
      const { base, rest } = splitGlob(input);
      const basePath = resolve(cwd, base);
      const baseStat = statSync(basePath, { throwIfNoEntry: false });
      const pattern = globToRegExp(rest);
      const depth = rest.split('/').includes('**') ? Infinity : rest.split('/').filter((s) => s !== '').length;
      let matches = 0;
      if (baseStat?.isDirectory()) {
        // Files that match are linted whatever their names; a folder that matches is searched like a folder
        // argument, so that a quoted 'corpus/*' selects what the shell's unquoted corpus/* would.
        const visitFile = (relativePath: string, file: string) => {
          if (pattern.test(relativePath)) {
            add(file);
            matches++;
          }
        };
        const enterFolder = (relativePath: string, folder: string) => {
          if (!pattern.test(relativePath)) return true;
          matches += searchFolder(folder);
          return false;
        };
        walk(basePath, visitFile, problems, depth, enterFolder);
      }
      if (matches === 0)
        problems.push(`no files match ${input}${baseStat?.isDirectory() ? '' : ` (no folder ${base})`}.`);
    } else {
      problems.push(`no such file or folder: ${input}`);
    }
  }
  const files = [...found].map((path) => ({ path, display: displayPath(path, cwd) }));
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, problems };
}
