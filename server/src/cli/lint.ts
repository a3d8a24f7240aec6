// Lints one file exactly as the editor does (decoded, opened in a cable service with the user's tables and rule
// settings, its diagnostics) and formats its part of the report. Runs in worker threads, or in the main thread with
// --jobs 1.
import { readFileSync } from 'node:fs';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { decodeCableText } from '../cableFiles/decode';
import { RuleSettings } from '../features/context';
import { createCableService } from '../service/service';
import { loadCodeTables, TableText } from '../vocabulary';
import { ArchiveInput, lintArchived } from './archives';
import { CableInArchive, formatterFor, Formatter } from './formats';
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

export class FileLinter {
  private readonly formatter: Formatter;
  private readonly service: ReturnType<typeof createCableService>;

  constructor(private readonly config: LintConfig) {
    this.formatter = formatterFor(config.format, config.version, config.cwd);
    this.service = createCableService({
      tables: loadCodeTables(config.tables).tables,
      settings: { rules: config.rules },
    });
  }

  lint(job: FileJob): FileOutcome {
    const outcome: FileOutcome = {
      index: job.index,
      bytes: 0,
      cables: 0,
      counts: [0, 0, 0, 0],
      byRule: {},
      part: '',
      skipped: [],
    };
    if (job.archive) return lintArchived(this, job, job.archive, outcome);
    let bytes: Buffer;
    try {
      bytes = readFileSync(job.path);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      outcome.error = `cannot read ${job.display}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : message}`;
      return outcome;
    }
    outcome.bytes = bytes.length;
    outcome.part = this.check(job.display, decodeCableText(bytes), outcome) ?? '';
    return outcome;
  }

  /** Written between two non-empty parts of the report. */
  get separator(): string {
    return this.formatter.separator;
  }

  /**
   * Lints one text of the file `display` (a cable of an archive: `cable`) into `outcome`'s counts; its part of the
   * report, or undefined (and `outcome.error` set) when linting failed.
   */
  check(display: string, text: string, outcome: FileOutcome, cable?: CableInArchive): string | undefined {
    let diagnostics: Diagnostic[];
    const uri = `cable-lint:${outcome.index}`;
    try {
      this.service.openDocument(uri, 0, text);
      diagnostics = this.service.diagnostics(uri);
      outcome.cables += this.service.cableCount(uri);
    } catch (error) {
      // Never expected (the parser never throws); if it happens, the file is named and the others still linted.
      outcome.error = `internal error while linting ${display}${cable ? ` (${cable.id})` : ''}: ${(error as Error).stack ?? error}`;
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
    return this.formatter.file(display, reported, cable);
  }
}
