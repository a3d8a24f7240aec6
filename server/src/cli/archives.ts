// cable-lint and cable-facts on Cablegate as it is published (server/src/archive). A cables.csv is read in parts, runs
// of whole rows of about CSV_PART_BYTES found by a first pass that looks at the row ends only, spread over the workers
// like files; each cable is read alone with its publisher's metadata, and what is said of it names it (reference ID,
// line and column in the cable) and the file line in the CSV. A page of the site (cable/YYYY/MM/<ID>.html, named or
// found in a folder) is read as its cable text, with the page's metadata.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { CableMetadata } from '../archive/archive';
import { countLineFeeds, csvFileLine, CsvReader, CsvRow, CsvRowSplitter } from '../archive/csv';
import { PAGE_PATH, readCablePage } from '../archive/pages';
import { decodeCableText } from '../cableFiles/decode';
import { walkFiles } from '../cableFiles/nodeFiles';
import type { InputFile } from './files';
import { readJob, type FileJob, type FileOutcome, type PendingRead, type TextChecker } from './lint';

/** A run of whole rows of a cables.csv: where it starts (byte, file line) and its length in bytes. */
export interface CsvPart {
  form: 'csv';
  offset: number;
  length: number;
  line: number;
  /** The file's first part (the one that counts the file). */
  first: boolean;
}

export type ArchiveInput = CsvPart | { form: 'page' };

/** A cable text of an archive: the publisher's metadata; a row of a cables.csv also maps its lines to file lines. */
export interface ArchivedCable {
  metadata: CableMetadata;
  /** The file line of a line (0-based) of the cable text: rows of a cables.csv only. */
  fileLine?: (line: number) => number;
}

const CSV_PART_BYTES = 1 << 20;

const isCablesCsv = (path: string) => /\.csv$/i.test(path);
const isCablePage = (path: string) => PAGE_PATH.test(path.replace(/\\/g, '/'));

/** The pages of the site below a folder (its cable/YYYY/MM/ folders). */
export async function pagesBelow(folder: string): Promise<string[]> {
  const pages: string[] = [];
  for await (const { path } of walkFiles(folder)) if (isCablePage(path)) pages.push(path);
  return pages;
}

/** The parts of a cables.csv: a pass over its bytes that finds the row ends only. */
async function csvParts(path: string): Promise<CsvPart[]> {
  const parts: CsvPart[] = [];
  const splitter = new CsvRowSplitter();
  let start = { offset: 0, line: 1 };
  let offset = 0;
  let line = 1;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let counted = 0;
      for (const end of splitter.rowEnds(chunk)) {
        if (offset + end + 1 - start.offset < CSV_PART_BYTES) continue;
        line += countLineFeeds(chunk, counted, end + 1);
        counted = end + 1;
        parts.push({ form: 'csv', ...start, length: offset + end + 1 - start.offset, first: parts.length === 0 });
        start = { offset: offset + end + 1, line };
      }
      line += countLineFeeds(chunk, counted, chunk.length);
      offset += chunk.length;
    }
  } catch {
    // Unreadable: the part that follows fails to read in the worker, which says why.
  }
  if (offset > start.offset || parts.length === 0)
    parts.push({ form: 'csv', ...start, length: offset - start.offset, first: parts.length === 0 });
  return parts;
}

/** The jobs of the inputs: a file each, but a cables.csv in parts and a page of the site as a page. */
export async function archiveJobs(files: readonly InputFile[]): Promise<FileJob[]> {
  const jobs: FileJob[] = [];
  for (const { path, display } of files) {
    const inputs: Array<ArchiveInput | undefined> = isCablesCsv(path)
      ? await csvParts(path)
      : [isCablePage(path) ? { form: 'page' } : undefined];
    for (const archive of inputs) jobs.push({ index: jobs.length, path, display, archive });
  }
  return jobs;
}

/** Whether the job counts as a file in the summary (a cables.csv once). */
export const countsAsFile = (job: FileJob) => job.archive?.form !== 'csv' || job.archive.first;

/** The rows of a part of a cables.csv, read a chunk at a time: memory one chunk and one row, whatever the part. */
function* partRows(path: string, part: CsvPart): Generator<CsvRow> {
  const reader = new CsvReader(part);
  const fd = openSync(path, 'r');
  try {
    const chunk = new Uint8Array(Math.min(part.length, CSV_PART_BYTES));
    for (let at = 0; at < part.length;) {
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, part.length - at), part.offset + at);
      if (read === 0) break;
      at += read;
      yield* reader.push(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  yield* reader.end();
}

/** Checks a job of an archive into `outcome`, cable by cable (a page: from `pending` when its read was started ahead). */
export async function checkArchived(
  checker: TextChecker,
  job: FileJob,
  archive: ArchiveInput,
  outcome: FileOutcome,
  pending?: PendingRead,
): Promise<FileOutcome> {
  if (archive.form === 'page') {
    // A page is a file like a cable: read the editor's way (regular files only, bounded).
    const bytes = await readJob(job, outcome, pending);
    if (!bytes) return outcome;
    const page = readCablePage(decodeCableText(bytes));
    if (typeof page === 'string') outcome.error = `cannot read ${job.display}: not a cable page (${page})`;
    else outcome.part = checker.check(job.display, page.text, outcome, { metadata: page.metadata }) ?? '';
    return outcome;
  }
  outcome.bytes = archive.length;
  const parts: string[] = [];
  try {
    for (const row of partRows(job.path, archive)) {
      if (row.kind === 'malformed') {
        outcome.skipped.push({ line: row.place.line, message: row.message });
        continue;
      }
      const archived = { metadata: row.metadata, fileLine: (line: number) => csvFileLine(row, line) };
      const part = checker.check(job.display, row.text, outcome, archived);
      if (part === undefined) return outcome;
      if (part) parts.push(part);
    }
  } catch (error) {
    outcome.error = `cannot read ${job.display}: ${(error as Error).message}`;
    return outcome;
  }
  outcome.part = parts.join(checker.separator);
  return outcome;
}
