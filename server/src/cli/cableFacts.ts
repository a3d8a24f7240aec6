// cable-facts: the facts of every cable (the `cable/facts` answer) of files, folders and globs, as JSON Lines (one
// object per cable) or CSV (one row per cable, list fields joined with ' | '), streamed in file order, on worker
// threads. Same inputs as cable-lint (a cables.csv and the site's pages too, through cli/archives.ts: a cable of an
// archive names its file line and carries the publisher's metadata), progress and exit codes. Bundled as
// dist/cable-facts.js (its own worker).
//   cable-facts [--format jsonl|csv] [-o file] [-j n] [--txt] [--no-progress] <files|folders|globs...>
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../../package.json';
import type { CableMetadata } from '../archive/archive';
import { CableFactsResult } from '../protocol';
import { createCableService } from '../service/service';
import { ArchivedCable, archiveJobs } from './archives';
import { collectFiles, isOneOf } from './files';
import { defaultJobs, jobsOf } from './options';
import { checkedUri, checkJob, FileJob, FileOutcome, PendingRead, TextChecker } from './lint';
import { ReportWriter } from './output';
import { FileProcessor, lintHere, lintWithWorkers, runWorker } from './pool';
import { ProgressBar, progressWanted } from './progress';

const EXIT_OK = 0;
const EXIT_USAGE = 2;

type FactsFormat = 'jsonl' | 'csv';

const HELP = `Usage: cable-facts [options] <files|folders|globs...>

Writes the facts of every cable (reference ID, DTG, origin, classification, TAGS, subject,
references, addressees, signers, summary, Classified By, ...) as JSON Lines or CSV.
Inputs as for cable-lint: files, folders (searched recursively) and quoted globs; a cables.csv
and the site's pages (cable/YYYY/MM/<ID>.html) too, each cable with its file line in the CSV
and the publisher's metadata (malformed rows are said and skipped).

Options:
  -f, --format <jsonl|csv>  output format (default: jsonl)
  -o, --output <file>       write to a file instead of standard output
  -j, --jobs <n>            worker threads (default: number of cores)
      --txt                 in folders, also read .txt files whose first line starts with VZCZC
      --no-progress         no progress bar (it only shows when standard error is a terminal)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 done, 2 usage error or unreadable input (a malformed row of a cables.csv too).
`;

/** One output record: the cable's facts, its file, and for a cable of an archive where it is and what the publisher says. */
type FactsRecord = CableFactsResult['cables'][number] & {
  file: string;
  /** The CSV file line of the cable's first line (a cables.csv only). */
  fileLine?: number;
  /** The archive's metadata of the cable (the first cable of a row or page: the one it describes). */
  publisher?: CableMetadata;
};

/** The CSV columns: every scalar field, list fields joined, references as their IDs or kinds. */
const CSV_COLUMNS: ReadonlyArray<[string, (cable: FactsRecord) => string | number | null | undefined]> = [
  ['file', (c) => c.file],
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
  ['fileLine', (c) => c.fileLine],
  ['publisherId', (c) => c.publisher?.id],
  ['publisherCreated', (c) => c.publisher?.created],
  ['publisherClassification', (c) => c.publisher?.classification],
  ['publisherOrigin', (c) => c.publisher?.origin],
  ['publisherReferences', (c) => c.publisher?.references?.join(' | ')],
];

function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface FactsConfig {
  format: FactsFormat;
}

/** Reads one file's cables (an archive's: one cable text at a time) into their lines of output. */
class FactsReader implements FileProcessor, TextChecker {
  private readonly service = createCableService({});
  readonly separator = '';

  constructor(private readonly config: FactsConfig) {}

  lint(job: FileJob, pending?: PendingRead): Promise<FileOutcome> {
    return checkJob(this, job, pending);
  }

  check(display: string, text: string, outcome: FileOutcome, archived?: ArchivedCable): string | undefined {
    const uri = checkedUri('cable-facts', outcome, display, archived);
    try {
      this.service.openDocument(uri, 0, text);
      const { cables } = this.service.cableFacts(uri);
      outcome.cables += cables.length;
      return cables
        .map((facts, i): FactsRecord => ({
          file: display,
          ...(archived?.fileLine && { fileLine: archived.fileLine(facts.range.start.line) }),
          ...facts,
          ...(archived && i === 0 && { publisher: archived.metadata }),
        }))
        .map((record) =>
          this.config.format === 'csv'
            ? CSV_COLUMNS.map(([, read]) => csvCell(read(record))).join(',') + '\n'
            : JSON.stringify(record) + '\n',
        )
        .join('');
    } catch (error) {
      outcome.error = `internal error while reading ${display}${archived ? ` (${archived.metadata.id})` : ''}: ${(error as Error).stack ?? error}`;
      return undefined;
    } finally {
      this.service.closeDocument(uri);
    }
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
  const list = await archiveJobs(files);
  const progress = progressWanted(process.stderr, !values['no-progress'])
    ? new ProgressBar(process.stderr, list.length)
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
    for (const { line, message } of outcome.skipped) {
      progress?.clear();
      complain(`${list[outcome.index].display}:${line}: malformed row skipped: ${message}`);
      unreadable++;
    }
    if (outcome.error) {
      progress?.clear();
      complain(outcome.error);
      unreadable++;
    } else writer.write(outcome.part);
    progress?.advance(outcome.bytes);
  };
  const config: FactsConfig = { format };
  try {
    if (format === 'csv') writer.write(CSV_COLUMNS.map(([name]) => name).join(',') + '\n');
    if (jobs === 1 || list.length === 1) await lintHere(list, new FactsReader(config), deliver);
    else await lintWithWorkers(list, jobs, config, __filename, deliver);
    writer.close();
    progress?.clear();
    return unreadable ? EXIT_USAGE : EXIT_OK;
  } catch (error) {
    progress?.clear();
    writer.discard();
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT_USAGE;
    if (values.output) {
      complain(`cannot write to ${values.output}: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
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
