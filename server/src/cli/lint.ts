// Lints one file exactly as the editor does (decoded, opened in a cable service with the user's tables and rule
// settings, its diagnostics) and formats its part of the report. Runs in worker threads, or in the main thread with
// --jobs 1.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { decodeCableText } from '../cableFiles/decode';
import { FileRefused } from '../cableFiles/files';
import { readCableBytes } from '../cableFiles/nodeFiles';
import { RuleSettings } from '../features/context';
import { createCableService } from '../service/service';
import { loadCodeTables, TableText } from '../vocabulary';
import { ArchivedCable, ArchiveInput, checkArchived } from './archives';
import { formatterFor, Formatter } from './formats';
import { Format } from './options';

/** What a worker needs to know, the same for every file. */
export interface LintConfig {
  format: Format;
  quiet: boolean;
  rules: RuleSettings;
  /** The user's code tables (--tables), as read. */
  tables: TableText[];
  version: string;
  /** The working folder: relative paths and SARIF's %SRCROOT%. */
  cwd: string;
}

export interface FileJob {
  index: number;
  path: string;
  display: string;
  /** Part of a cables.csv, or a page of the site (cli/archives.ts). */
  archive?: ArchiveInput;
}

export interface FileOutcome {
  index: number;
  bytes: number;
  cables: number;
  /** [errors, warnings, information, hints], counted before --quiet. */
  counts: [number, number, number, number];
  byRule: Record<string, number>;
  /** This file's part of the report. */
  part: string;
  /** Set when the file could not be read (or, never expected, linting it failed). */
  error?: string;
  /** Rows of a cables.csv skipped as malformed: file line and why. */
  skipped: Array<{ line: number; message: string }>;
}

/** A file's outcome before it is read: nothing counted, no report. */
function emptyOutcome(job: FileJob): FileOutcome {
  return { index: job.index, bytes: 0, cables: 0, counts: [0, 0, 0, 0], byRule: {}, part: '', skipped: [] };
}

/** A job's file read (its bytes, or what went wrong), or on its way. Never rejects. */
export type PendingRead = Promise<{ bytes: Uint8Array } | { error: unknown }>;

/**
 * Starts reading a job's file the editor's way (regular files only, at most MAX_CABLE_FILE_BYTES, within
 * READ_TIMEOUT_MS), so that it can be read while the file before it is checked; undefined for a part of a cables.csv,
 * which is read row by row in its turn.
 */
export function readAhead(job: FileJob): PendingRead | undefined {
  if (job.archive?.form === 'csv') return undefined;
  return readCableBytes(job.path).then(
    (bytes) => ({ bytes: bytes! }),
    (error: unknown) => ({ error }),
  );
}

/**
 * The file's bytes (from `pending`, the read started ahead, or read now), counted in `outcome`; undefined, with the
 * reason in `outcome.error`, when it cannot be read.
 */
export async function readJob(
  job: FileJob,
  outcome: FileOutcome,
  pending: PendingRead = readAhead(job)!,
): Promise<Uint8Array | undefined> {
  const read = await pending;
  if ('bytes' in read) {
    outcome.bytes = read.bytes.length;
    return read.bytes;
  }
  const error = read.error;
  const { code, message } = error as NodeJS.ErrnoException;
  const reason =
    error instanceof FileRefused
      ? message.replace(job.path, 'it')
      : code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : message;
  outcome.error = `cannot read ${job.display}: ${reason}`;
  return undefined;
}

/** What reads the cable texts of a job, one text at a time: cable-lint's linter, cable-facts' reader. */
export interface TextChecker {
  /** Written between two non-empty parts of the report. */
  readonly separator: string;
  /**
   * Reads one text of the file `display` (a cable of an archive: `archived`) into `outcome`'s counts; its part of the
   * report, or undefined (and `outcome.error` set) when that failed.
   */
  check(display: string, text: string, outcome: FileOutcome, archived?: ArchivedCable): string | undefined;
}

/**
 * A job read and checked: a file as one text, an archive (cli/archives.ts) cable by cable. `pending`: its file's read,
 * when started ahead (readAhead).
 */
export async function checkJob(checker: TextChecker, job: FileJob, pending?: PendingRead): Promise<FileOutcome> {
  const outcome = emptyOutcome(job);
  if (job.archive) return checkArchived(checker, job, job.archive, outcome, pending);
  const bytes = await readJob(job, outcome, pending);
  if (!bytes) return outcome;
  outcome.part = checker.check(job.display, decodeCableText(bytes), outcome) ?? '';
  return outcome;
}

/**
 * The URI a checker opens a text under, named as the editor names the document (the file's name; an archived cable's
 * `<ID>.cable`), so that a lone undated cable takes its year from that name in both (withYearOfFileName).
 */
export function checkedUri(scheme: string, outcome: FileOutcome, display: string, archived?: ArchivedCable): string {
  return `${scheme}:${outcome.index}/${archived ? `${archived.metadata.id}.cable` : display}`;
}

export class FileLinter implements TextChecker {
  private readonly formatter: Formatter;
  private readonly service: ReturnType<typeof createCableService>;

  constructor(private readonly config: LintConfig) {
    this.formatter = formatterFor(config.format, config.version, config.cwd);
    this.service = createCableService({
      tables: loadCodeTables(config.tables).tables,
      settings: { rules: config.rules },
    });
  }

  get separator(): string {
    return this.formatter.separator;
  }

  check(display: string, text: string, outcome: FileOutcome, archived?: ArchivedCable): string | undefined {
    let diagnostics: Diagnostic[];
    const uri = checkedUri('cable-lint', outcome, display, archived);
    try {
      this.service.openDocument(uri, 0, text, archived?.metadata);
      diagnostics = this.service.diagnostics(uri);
      outcome.cables += this.service.cableCount(uri);
    } catch (error) {
      // Never expected (the parser never throws); if it happens, the file is named and the others still linted.
      outcome.error = `internal error while linting ${display}${archived ? ` (${archived.metadata.id})` : ''}: ${(error as Error).stack ?? error}`;
      return undefined;
    } finally {
      this.service.closeDocument(uri);
    }
    for (const d of diagnostics) {
      outcome.counts[(d.severity ?? DiagnosticSeverity.Error) - 1]++;
      const code = String(d.code);
      outcome.byRule[code] = (outcome.byRule[code] ?? 0) + 1;
    }
    const reported = this.config.quiet
      ? diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)
      : diagnostics;
    const { fileLine } = archived ?? {};
    return this.formatter.file(display, reported, fileLine && { id: archived!.metadata.id, fileLine });
  }
}
