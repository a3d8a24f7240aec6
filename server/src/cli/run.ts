// What cable-lint and cable-facts do alike: the inputs collected into jobs, the output opened (a file, or standard
// output with the progress bar out of the way), every job read here or on worker threads with what could not be read
// said on the way, and the bundle's start (the command on the main thread, a worker off it). Each tool brings its own
// options, words and output.
import { isMainThread } from 'node:worker_threads';
import { archiveJobs } from './archives';
import { collectFiles, isOneOf } from './files';
import { FileJob, FileOutcome, TextChecker } from './lint';
import { ReportWriter } from './output';
import { lintHere, lintWithWorkers, runWorker } from './pool';
import { ProgressBar, progressWanted } from './progress';

export const EXIT_OK = 0;
const EXIT_USAGE = 2;

/** A command-line tool: its name, and what reads a file (in this thread, or in a worker from the tool's config). */
export interface Tool<Config> {
  name: string;
  checker(config: Config): TextChecker;
}

/** A run of a tool: its options, its own words where the two tools differ, and its output. */
export interface Run<Config> {
  inputs: readonly string[];
  txt: boolean;
  output?: string;
  jobs: number;
  progress: boolean;
  /** What the tool says when the inputs hold no cable file, when --output is one of them, when it cannot be written. */
  noCableFiles: string;
  wouldOverwrite(output: string): string;
  cannotWrite(output: string, reason: string): string;
  /** The checkers' config, once the output is open; or why the run cannot go on. */
  config(): Config | string;
  /** Written before the first job's part. */
  head?(): string;
  /** A job's outcome, what it could not read already said: the text it adds to the output. */
  each(outcome: FileOutcome, job: FileJob): string | undefined;
  /** Written after the last job's part. */
  tail?(): string;
  /** Once the output is complete and the bar erased: the exit code (EXIT_OK without it), unless something could not be read. */
  done?(progress: ProgressBar | undefined): number;
}

/** Says `message` on standard error, after the tool's name. */
export function complain(tool: { name: string }, message: string): void {
  process.stderr.write(`${tool.name}: ${message}\n`);
}

/** A usage error: said, and where the usage is; the exit code. */
export function usageError(tool: { name: string }, message: string): number {
  complain(tool, message);
  process.stderr.write(`Run '${tool.name} --help' for usage.\n`);
  return EXIT_USAGE;
}

/** Runs `tool` on the files of `run`'s inputs; the exit code. */
export async function runTool<Config>(tool: Tool<Config>, run: Run<Config>): Promise<number> {
  const { files, problems } = await collectFiles(run.inputs, { txt: run.txt, cwd: process.cwd() });
  for (const problem of problems) complain(tool, problem);
  if (problems.length) return EXIT_USAGE;
  if (files.length === 0) {
    complain(tool, run.noCableFiles);
    return EXIT_USAGE;
  }
  if (run.output && isOneOf(run.output, files)) {
    complain(tool, run.wouldOverwrite(run.output));
    return EXIT_USAGE;
  }

  const jobs = await archiveJobs(files);
  const progress = progressWanted(process.stderr, run.progress)
    ? new ProgressBar(process.stderr, jobs.length)
    : undefined;
  let writer: ReportWriter;
  try {
    writer = run.output
      ? ReportWriter.toFile(run.output)
      : ReportWriter.toStdout(() => process.stdout.isTTY && progress?.clear());
  } catch (error) {
    complain(tool, run.cannotWrite(run.output!, (error as Error).message));
    return EXIT_USAGE;
  }
  const config = run.config();
  if (typeof config === 'string') {
    writer.discard();
    complain(tool, config);
    return EXIT_USAGE;
  }

  let unread = false;
  const deliver = (outcome: FileOutcome) => {
    const job = jobs[outcome.index];
    for (const { line, message } of outcome.skipped) {
      progress?.clear();
      complain(tool, `${job.display}:${line}: malformed row skipped: ${message}`);
    }
    if (outcome.error) {
      progress?.clear();
      complain(tool, outcome.error);
    }
    unread ||= outcome.skipped.length > 0 || outcome.error !== undefined;
    writer.write(run.each(outcome, job) ?? '');
    progress?.advance(outcome.bytes);
  };

  try {
    writer.write(run.head?.() ?? '');
    if (run.jobs === 1 || jobs.length === 1) await lintHere(jobs, tool.checker(config), deliver);
    else await lintWithWorkers(jobs, run.jobs, config, __filename, deliver);
    writer.write(run.tail?.() ?? '');
    writer.close();
    progress?.clear();
    const code = run.done?.(progress) ?? EXIT_OK;
    return unread ? EXIT_USAGE : code;
  } catch (error) {
    progress?.clear();
    writer.discard();
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT_USAGE; // the reader went away (| head)
    if (run.output) {
      complain(tool, run.cannotWrite(run.output, (error as Error).message));
      return EXIT_USAGE;
    }
    throw error;
  }
}

/**
 * The bundle's start: on the main thread the command (`main`, its exit code; an error it did not expect said, exit
 * code 2), in a worker thread the tool's checker.
 */
export function start<Config>(tool: Tool<Config>, main: (argv: readonly string[]) => Promise<number>): void {
  if (isMainThread) {
    main(process.argv.slice(2)).then(
      (code) => {
        process.exitCode = code;
      },
      (error: Error) => {
        complain(tool, `internal error: ${error.stack ?? error.message}`);
        process.exitCode = EXIT_USAGE;
      },
    );
  } else {
    runWorker((config: Config) => tool.checker(config));
  }
}
