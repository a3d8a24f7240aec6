// cable-lint: the command-line linter. Same diagnostics as the editor (each file opened in a cable service, with the
// user's own code tables of --tables), text / JSON / SARIF 2.1.0 reports, exit code by severity, worker threads across
// cores.
// The run it shares with cable-facts (inputs, output, workers, exit codes) is cli/run.ts.
// Bundled as dist/cable-lint.js; the same bundle, started as a worker thread, is a worker.
//   cable-lint [options] <files|folders|globs...>        (cable-lint --help)
import { readFileSync } from 'node:fs';
import { version } from '../../../package.json';
import { decodeCableText } from '../cableFiles/decode';
import { formatTableProblem, loadCodeTables, TableText } from '../vocabulary';
import { countsAsFile } from './archives';
import { formatterFor, Summary } from './formats';
import { FileLinter, LintConfig } from './lint';
import { CliOptions, HELP, parseOptions, UsageError } from './options';
import { complain, EXIT_OK, runTool, start, Tool, usageError } from './run';

const EXIT_PROBLEMS = 1;

const LINT: Tool<LintConfig> = { name: 'cable-lint', checker: (config) => new FileLinter(config) };

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
  for (const problem of loadCodeTables(tables).problems) complain(LINT, `code table ${formatTableProblem(problem)}`);
  return tables;
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(LINT, error.message);
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
  return runTool(LINT, {
    inputs: options.inputs,
    txt: options.txt,
    output: options.output,
    jobs: options.jobs,
    progress: options.progress,
    noCableFiles: `no cable files (.cable, .tel${options.txt ? ', .txt starting with VZCZC' : ''}) in ${options.inputs.join(' ')}${options.txt ? '' : ' (--txt adds .txt cables)'}.`,
    wouldOverwrite: (output) =>
      `the report ${output} would overwrite one of the files to lint: choose another --output.`,
    cannotWrite: (output, reason) => `cannot write the report to ${output}: ${reason}`,
    config: () => {
      const tables = readTables(options.tables);
      if (typeof tables === 'string') return tables;
      return { format: options.format, quiet: options.quiet, rules: options.rules, tables, version, cwd };
    },
    head: () => formatter.head(),
    each: (outcome, job) => {
      for (const { line, message } of outcome.skipped) summary.skipped.push({ file: job.display, line, message });
      if (outcome.error) {
        summary.unreadable.push({ file: job.display, message: outcome.error });
        return undefined;
      }
      if (countsAsFile(job)) summary.files++;
      summary.cables += outcome.cables;
      summary.bytes += outcome.bytes;
      for (let i = 0; i < 4; i++) summary.counts[i] += outcome.counts[i];
      for (const [code, n] of Object.entries(outcome.byRule)) summary.byRule[code] = (summary.byRule[code] ?? 0) + n;
      if (!outcome.part) return undefined;
      return parts++ > 0 ? formatter.separator + outcome.part : outcome.part;
    },
    tail: () => {
      if (options.maxWarnings !== undefined && summary.counts[1] > options.maxWarnings)
        summary.tooManyWarnings = options.maxWarnings;
      return formatter.tail(summary);
    },
    done: (progress) => {
      const [errors, warnings] = summary.counts;
      if (progress && (options.output || !process.stdout.isTTY)) {
        // The bar is gone and the report went elsewhere: leave one line on the terminal.
        process.stderr.write(
          `cable-lint: ${summary.files} files, ${summary.cables} cables, ${errors} errors, ${warnings} warnings ` +
            `(${(summary.bytes / 1048576).toFixed(1)} MB at ${progress.rate().toFixed(1)} MB/s)${options.output ? `, report in ${options.output}` : ''}\n`,
        );
      }
      if (summary.tooManyWarnings !== undefined && (options.format !== 'text' || options.output)) {
        complain(LINT, `too many warnings: ${warnings}, at most ${options.maxWarnings} allowed (--max-warnings).`);
      }
      return errors > 0 || summary.tooManyWarnings !== undefined ? EXIT_PROBLEMS : EXIT_OK;
    },
  });
}

start(LINT, main);
