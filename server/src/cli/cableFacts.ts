// cable-facts: the facts of every cable (the `cable/facts` answer) of files, folders and globs, as JSON Lines (one
// object per cable) or CSV (one row per cable, list fields joined with ' | '), streamed in file order, on worker
// threads. Same inputs as cable-lint (a cables.csv and the site's pages too, through cli/archives.ts: a cable of an
// archive names its file line and carries the publisher's metadata), progress and exit codes: the run both share,
// cli/run.ts. Bundled as dist/cable-facts.js (its own worker).
//   cable-facts [--format jsonl|csv] [-o file] [-j n] [--txt] [--no-progress] <files|folders|globs...>
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import type { CableMetadata } from '../archive/archive';
import { CableFactsResult } from '../protocol';
import { createCableService } from '../service/service';
import { ArchivedCable } from './archives';
import { checkRunOptions, defaultJobs, jobsOf } from './options';
import { checkedUri, FileOutcome, TextChecker } from './lint';
import { EXIT_OK, runTool, start, Tool, usageError } from './run';

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
class FactsReader implements TextChecker {
  private readonly service = createCableService({});
  readonly separator = '';

  constructor(private readonly config: FactsConfig) {}

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

const FACTS: Tool<FactsConfig> = { name: 'cable-facts', checker: (config) => new FactsReader(config) };

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
    checkRunOptions(inputs, values.output, 'read', (values.help ?? false) || (values.version ?? false));
  } catch (error) {
    return usageError(FACTS, (error as Error).message.split('. ')[0].replace(/\.?$/, '.'));
  }
  if (values.help) return (process.stdout.write(HELP), EXIT_OK);
  if (values.version) return (process.stdout.write(`${version}\n`), EXIT_OK);
  const format = values.format as FactsFormat;
  return runTool(FACTS, {
    inputs,
    txt: values.txt ?? false,
    output: values.output,
    jobs,
    progress: !values['no-progress'],
    noCableFiles: `no cable files in ${inputs.join(' ')}.`,
    wouldOverwrite: (output) =>
      `the output ${output} would overwrite one of the files to read: choose another --output.`,
    cannotWrite: (output, reason) => `cannot write to ${output}: ${reason}`,
    config: () => ({ format }),
    head: () => (format === 'csv' ? CSV_COLUMNS.map(([name]) => name).join(',') + '\n' : ''),
    each: (outcome) => (outcome.error ? undefined : outcome.part),
  });
}

start(FACTS, main);
