// cable-facts: the facts of every cable (the `cable/facts` answer) of files, folders and globs, as JSON Lines (one
// object per cable) or CSV (one row per cable, list fields joined with ' | '), streamed in file order, on worker
// threads. Same inputs, progress and exit codes as cable-lint. Bundled as dist/cable-facts.js (its own worker).
//   cable-facts [--format jsonl|csv] [-o file] [-j n] [--txt] [--no-progress] <files|folders|globs...>
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../../package.json';
import { decodeCableText } from '../cableFiles/decode';
import { CableFactsResult } from '../protocol';
import { createCableService } from '../service/service';
import { collectFiles, isOneOf } from './files';
import { defaultJobs, jobsOf } from './options';
import { emptyOutcome, FileJob, FileOutcome, readJob } from './lint';
import { ReportWriter } from './output';
import { FileProcessor, lintHere, lintWithWorkers, runWorker } from './pool';
import { ProgressBar, progressWanted } from './progress';

const EXIT_OK = 0;
const EXIT_USAGE = 2;

type FactsFormat = 'jsonl' | 'csv';

const HELP = `Usage: cable-facts [options] <files|folders|globs...>

Writes the facts of every cable (reference ID, DTG, origin, classification, TAGS, subject,
references, addressees, signers, summary, Classified By, ...) as JSON Lines or CSV.
Inputs as for cable-lint: files, folders (searched recursively) and quoted globs.

Options:
  -f, --format <jsonl|csv>  output format (default: jsonl)
  -o, --output <file>       write to a file instead of standard output
  -j, --jobs <n>            worker threads (default: number of cores)
      --txt                 in folders, also read .txt files whose first line starts with VZCZC
      --no-progress         no progress bar (it only shows when standard error is a terminal)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 done, 2 usage error or unreadable input.
`;

type CableJson = CableFactsResult['cables'][number];

/** The CSV columns: every scalar field, list fields joined, references as their IDs or kinds. */
const CSV_COLUMNS: ReadonlyArray<[string, (cable: CableJson) => string | number | null]> = [
  ['referenceId', (c) => c.referenceId],
  ['dateTime', (c) => c.dateTime],
  ['origin', (c) => c.origin],
  ['from', (c) => c.from],
  ['precedence', (c) => c.precedence],
  ['classification', (c) => c.classification],
  ['captions', (c) => c.captions.join(' | ')],
  ['tags', (c) => c.tags.map((t) => t.code).join(' | ')],
  ['subject', (c) => c.subject],
  [
    'references',
    (c) => c.references.map((r) => (r.kind === 'cable' ? r.referenceId : `${r.kind}: ${r.written}`)).join(' | '),
  ],
  ['to', (c) => c.to.map((a) => a.name).join(' | ')],
  ['info', (c) => c.info.map((a) => a.name).join(' | ')],
  ['signers', (c) => c.signers.join(' | ')],
  ['summary', (c) => c.summary],
  ['classifiedBy', (c) => c.classifiedBy?.text ?? null],
  ['classifierName', (c) => c.classifiedBy?.name ?? null],
  ['classifierTitle', (c) => c.classifiedBy?.title ?? null],
  ['classifierOffice', (c) => c.classifiedBy?.office ?? null],
  ['reasons', (c) => c.classifiedBy?.reasons.join(' | ') ?? null],
  ['executiveOrder', (c) => c.executiveOrder],
  ['declassify', (c) => c.declassify],
  ['sections', (c) => c.sections],
  ['paragraphs', (c) => c.paragraphs],
];

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface FactsConfig {
  format: FactsFormat;
}

/** Reads one file's cables into their lines of output. */
class FactsReader implements FileProcessor {
  private readonly service = createCableService({});

  constructor(private readonly config: FactsConfig) {}

  async lint(job: FileJob): Promise<FileOutcome> {
    const outcome = emptyOutcome(job);
    const bytes = await readJob(job, outcome);
    if (!bytes) return outcome;
    const uri = `cable-facts:${job.index}`;
    try {
      this.service.openDocument(uri, 0, decodeCableText(bytes));
      const { cables } = this.service.cableFacts(uri);
      outcome.cables = cables.length;
      outcome.part = cables
        .map((cable) =>
          this.config.format === 'csv'
            ? [job.display, ...CSV_COLUMNS.map(([, read]) => read(cable))].map(csvCell).join(',') + '\n'
            : JSON.stringify({ file: job.display, ...cable }) + '\n',
        )
        .join('');
    } catch (error) {
      outcome.error = `internal error while reading ${job.display}: ${(error as Error).stack ?? error}`;
    } finally {
      this.service.closeDocument(uri);
    }
    return outcome;
  }
}

function complain(message: string): void {
  process.stderr.write(`cable-facts: ${message}\n`);
}

export async function main(argv: readonly string[]): Promise<number> {
  let values;
  let inputs: string[];
  let jobs: number;
  try {
    ({ values, positionals: inputs } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'jsonl' },
        output: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' },
        txt: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
    if (values.format !== 'jsonl' && values.format !== 'csv')
      throw new Error(`--format expects jsonl or csv, not "${values.format}".`);
    jobs = values.jobs === undefined ? defaultJobs() : jobsOf(values.jobs);
    if (!values.help && !values.version && inputs.length === 0) throw new Error('no files, folders or globs to read.');
  } catch (error) {
    complain((error as Error).message.split('. ')[0].replace(/\.?$/, '.'));
    process.stderr.write(`Run 'cable-facts --help' for usage.\n`);
    return EXIT_USAGE;
  }
  if (values.help) return (process.stdout.write(HELP), EXIT_OK);
  if (values.version) return (process.stdout.write(`${version}\n`), EXIT_OK);
  const format = values.format as FactsFormat;

  const { files, problems } = await collectFiles(inputs, { txt: values.txt ?? false, cwd: process.cwd() });
  for (const problem of problems) complain(problem);
  if (problems.length) return EXIT_USAGE;
  if (files.length === 0) {
    complain(`no cable files in ${inputs.join(' ')}.`);
    return EXIT_USAGE;
  }
  if (values.output && isOneOf(values.output, files)) {
    complain(`the output ${values.output} would overwrite one of the files to read: choose another --output.`);
    return EXIT_USAGE;
  }
  const progress = progressWanted(process.stderr, !values['no-progress'])
    ? new ProgressBar(process.stderr, files.length)
    : undefined;
  let writer: ReportWriter;
  try {
    writer = values.output
      ? ReportWriter.toFile(values.output)
      : ReportWriter.toStdout(() => process.stdout.isTTY && progress?.clear());
  } catch (error) {
    complain(`cannot write to ${values.output}: ${(error as Error).message}`);
    return EXIT_USAGE;
  }
  let unreadable = 0;
  const deliver = (outcome: FileOutcome) => {
    if (outcome.error) {
      progress?.clear();
      complain(outcome.error);
      unreadable++;
    } else writer.write(outcome.part);
    progress?.advance(outcome.bytes);
  };
  const config: FactsConfig = { format };
  const list: FileJob[] = files.map((file, index) => ({ index, path: file.path, display: file.display }));
  try {
    if (format === 'csv') writer.write(['file', ...CSV_COLUMNS.map(([name]) => name)].join(',') + '\n');
    if (jobs === 1 || list.length === 1) await lintHere(list, new FactsReader(config), deliver);
    else await lintWithWorkers(list, jobs, config, __filename, deliver);
    writer.close();
    progress?.clear();
    return unreadable ? EXIT_USAGE : EXIT_OK;
  } catch (error) {
    progress?.clear();
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT_USAGE;
    throw error;
  }
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      complain(`internal error: ${error.stack ?? error.message}`);
      process.exitCode = EXIT_USAGE;
    },
  );
} else {
  runWorker((config: FactsConfig) => new FactsReader(config));
}
