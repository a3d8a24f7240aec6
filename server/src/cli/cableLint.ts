// cable-lint: the command-line linter. Same diagnostics as the editor (each file opened in a cable service, with the
// user's own code tables of --tables), text / JSON / SARIF 2.1.0 reports, exit code by severity, worker threads across
// cores.
// Bundled as dist/cable-lint.js; the same bundle, started as a worker thread, is a worker.
//   cable-lint [options] <files|folders|globs...>        (cable-lint --help)
import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../../package.json';
import { decodeCableText } from '../cableFiles/decode';
import { formatTableProblem, loadCodeTables, TableText } from '../vocabulary';
import { archiveJobs, countsAsFile } from './archives';
import { collectFiles, isOneOf } from './files';
import { formatterFor, Summary } from './formats';
import { FileLinter, FileOutcome, LintConfig } from './lint';
import { CliOptions, HELP, parseOptions, UsageError } from './options';
import { ReportWriter } from './output';
import { lintHere, lintWithWorkers, runWorker } from './pool';
import { ProgressBar, progressWanted } from './progress';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

function complain(message: string): void {
  process.stderr.write(`cable-lint: ${message}\n`);
}

/** The --tables files as read, their problems said on standard error; or why one cannot be read. */
function readTables(paths: readonly string[]): TableText[] | string {
  const tables: TableText[] = [];
  for (const name of paths) {
    try {
      tables.push({ name, text: decodeCableText(readFileSync(name)) });
    } catch (error) {
      return `cannot read the code table ${name}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`;
    }
  }
  for (const problem of loadCodeTables(tables).problems) complain(`code table ${formatTableProblem(problem)}`);
  return tables;
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    complain(error.message);
    process.stderr.write(`Run 'cable-lint --help' for usage.\n`);
    return EXIT_USAGE;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    process.stdout.write(`${version}\n`);
    return EXIT_OK;
  }

  const cwd = process.cwd();
  const { files, problems } = await collectFiles(options.inputs, { txt: options.txt, cwd });
  if (problems.length) {
    for (const problem of problems) complain(problem);
    return EXIT_USAGE;
  }
  if (files.length === 0) {
    complain(
      `no cable files (.cable, .tel${options.txt ? ', .txt starting with VZCZC' : ''}) in ${options.inputs.join(' ')}${options.txt ? '' : ' (--txt adds .txt cables)'}.`,
    );
    return EXIT_USAGE;
  }

  if (options.output && isOneOf(options.output, files)) {
    complain(`the report ${options.output} would overwrite one of the files to lint: choose another --output.`);
    return EXIT_USAGE;
  }

  const jobs = await archiveJobs(files);
  const progress = progressWanted(process.stderr, options.progress)
    ? new ProgressBar(process.stderr, jobs.length)
    : undefined;
  let writer: ReportWriter;
  try {
    writer = options.output
      ? ReportWriter.toFile(options.output)
      : ReportWriter.toStdout(() => process.stdout.isTTY && progress?.clear());
  } catch (error) {
    complain(`cannot write the report to ${options.output}: ${(error as Error).message}`);
    return EXIT_USAGE;
  }

  const tables = readTables(options.tables);
  if (typeof tables === 'string') {
    writer.discard();
    complain(tables);
    return EXIT_USAGE;
  }
  const config: LintConfig = {
    format: options.format,
    quiet: options.quiet,
    rules: options.rules,
    tables,
    version,
    cwd,
  };
  const formatter = formatterFor(options.format, version, cwd);
  const summary: Summary = {
    files: 0,
    cables: 0,
    bytes: 0,
    counts: [0, 0, 0, 0],
    byRule: {},
    unreadable: [],
    skipped: [],
    quiet: options.quiet,
  };
  let parts = 0;

  const deliver = (outcome: FileOutcome) => {
    const { display } = jobs[outcome.index];
    for (const { line, message } of outcome.skipped) {
      progress?.clear();
      complain(`${display}:${line}: malformed row skipped: ${message}`);
      summary.skipped.push({ file: display, line, message });
    }
    if (outcome.error) {
      progress?.clear();
      complain(outcome.error);
      summary.unreadable.push({ file: display, message: outcome.error });
    } else {
      if (countsAsFile(jobs[outcome.index])) summary.files++;
      summary.cables += outcome.cables;
      summary.bytes += outcome.bytes;
      for (let i = 0; i < 4; i++) summary.counts[i] += outcome.counts[i];
      for (const [code, n] of Object.entries(outcome.byRule)) summary.byRule[code] = (summary.byRule[code] ?? 0) + n;
      if (outcome.part) {
        if (parts++ > 0) writer.write(formatter.separator);
        writer.write(outcome.part);
      }
    }
    progress?.advance(outcome.bytes);
  };

  try {
    writer.write(formatter.head());
    if (options.jobs === 1 || jobs.length === 1) await lintHere(jobs, new FileLinter(config), deliver);
    else await lintWithWorkers(jobs, options.jobs, config, __filename, deliver);
    const [errors, warnings] = summary.counts;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings)
      summary.tooManyWarnings = options.maxWarnings;
    writer.write(formatter.tail(summary));
    writer.close();
    progress?.clear();
    if (progress && (options.output || !process.stdout.isTTY)) {
      // The bar is gone and the report went elsewhere: leave one line on the terminal.
      process.stderr.write(
        `cable-lint: ${summary.files} files, ${summary.cables} cables, ${summary.counts[0]} errors, ${summary.counts[1]} warnings ` +
          `(${(summary.bytes / 1048576).toFixed(1)} MB at ${progress.rate().toFixed(1)} MB/s)${options.output ? `, report in ${options.output}` : ''}\n`,
      );
    }
    if (summary.tooManyWarnings !== undefined && (options.format !== 'text' || options.output)) {
      complain(`too many warnings: ${warnings}, at most ${options.maxWarnings} allowed (--max-warnings).`);
    }
    if (summary.unreadable.length || summary.skipped.length) return EXIT_USAGE;
    return errors > 0 || summary.tooManyWarnings !== undefined ? EXIT_PROBLEMS : EXIT_OK;
  } catch (error) {
    progress?.clear();
    writer.discard();
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT_USAGE; // the reader went away (| head)
    if (options.output) {
      complain(`cannot write the report to ${options.output}: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      complain(`internal error: ${error.stack ?? error.message}`);
      process.exitCode = EXIT_USAGE;
    },
  );
} else {
  runWorker();
}
