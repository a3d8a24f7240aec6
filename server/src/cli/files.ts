// Command-line inputs -> the files to lint: files as given, folders searched recursively for cable files (the
// workspace index's walk, cableFiles/nodeFiles.ts), and glob patterns expanded here with picomatch (Node 20 has no
// fs.glob). Sorted, no duplicates.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { cableFilesBelow, walkFiles } from '../cableFiles/nodeFiles';
import { pagesBelow } from './archives';

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

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
}

/** A glob pattern: the folder before its first wildcard, and a matcher of paths below it ('/'-separated). */
interface Glob {
  base: string;
  /** How many folders down a match can be (Infinity with **). */
  depth: number;
  isMatch: (relativePath: string) => boolean;
}

/**
 * The glob pattern of an input, undefined when it has no wildcard. Parentheses are literal, as in file names such as
 * `report (1).cable` (picomatch would read them as groups); `*` and `?` match names starting with a dot too.
 */
function parseGlob(input: string): Glob | undefined {
  const normalized = sep === '\\' ? input.replace(/\\/g, '/') : input;
  const { isGlob, base, glob } = picomatch.scan(normalized, { noparen: true });
  if (!isGlob) return undefined;
  const names = glob.split('/').filter((name) => name !== '');
  return {
    base: base || '.',
    depth: names.includes('**') ? Infinity : names.length,
    isMatch: picomatch(glob.replace(/[()]/g, '\\$&'), { dot: true }),
  };
}

export async function collectFiles(
  inputs: readonly string[],
  options: { txt: boolean; cwd?: string },
): Promise<CollectedFiles> {
  const cwd = options.cwd ?? process.cwd();
  const found = new Set<string>();
  const problems: string[] = [];
  const unreadable = (folder: string, error: Error) => problems.push(`cannot read folder ${folder}: ${error.message}`);
  /** Adds the cable files below a folder; how many. */
  const searchFolder = async (folder: string): Promise<number> => {
    const files = [...(await cableFilesBelow(folder, { txt: options.txt, unreadable })), ...(await pagesBelow(folder))];
    for (const file of files) found.add(file);
    return files.length;
  };
  /** Adds the files that match a glob, and the cable files below the folders that match it. */
  const expand = async (input: string, { base, depth, isMatch }: Glob): Promise<void> => {
    const basePath = resolve(cwd, base);
    const baseIsFolder = statSync(basePath, { throwIfNoEntry: false })?.isDirectory() ?? false;
    let matches = 0;
    if (baseIsFolder) {
      // Files that match are linted whatever their names; a folder that matches is searched like a folder
      // argument, so that a quoted 'corpus/*' selects what the shell's unquoted corpus/* would.
      const matchedFolders: string[] = [];
      const enter = (relativePath: string, folder: string) => {
        if (!isMatch(relativePath)) return relativePath.split('/').length < depth;
        matchedFolders.push(folder);
        return false;
      };
      for await (const file of walkFiles(basePath, { enter, unreadable })) {
        if (isMatch(file.relativePath)) {
          found.add(file.path);
          matches++;
        }
      }
      for (const folder of matchedFolders) matches += await searchFolder(folder);
    }
    if (matches === 0) problems.push(`no files match ${input}${baseIsFolder ? '' : ` (no folder ${base})`}.`);
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      found.add(path); // named explicitly: linted whatever its extension
    } else if (stat?.isDirectory()) {
      // A folder without cable files is no error by itself (the run fails only when nothing at all is found).
      await searchFolder(path);
    } else if (stat) {
      problems.push(`${input} is neither a file nor a folder.`);
    } else {
      const glob = parseGlob(input);
      if (glob) await expand(input, glob);
      else problems.push(`no such file or folder: ${input}`);
    }
  }
  const files = [...found].map((path) => ({ path, display: displayPath(path, cwd) }));
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, problems };
}

/** Is `path` one of `files` (compared by real path: links and ./ spellings count)? */
export function isOneOf(path: string, files: readonly InputFile[]): boolean {
  const real = (file: string) => {
    try {
      return realpathSync(file);
    } catch {
      return resolve(file); // not there yet: its own name
    }
  };
  const output = real(path);
  return files.some((file) => real(file.path) === output);
}
