// Command line -> options. Anything wrong is a UsageError (exit code 2), with a message that says what to write instead.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { RuleSettings } from '../features/diagnostics/diagnostics';
import { RULE_LEVELS, Severity } from '../features/diagnostics/rule';
import { RULES } from '../features/diagnostics/rules';

export type Format = 'text' | 'json' | 'sarif';

export interface CliOptions {
  /** Files, folders and glob patterns, as given. */
  inputs: string[];
  format: Format;
  /** Write the report here instead of standard output. */
  output?: string;
  /** More warnings than this is a failure (exit code 1); undefined: any number. */
  maxWarnings?: number;
  /** Same meaning as the `cable.diagnostics.rules` setting. */
  rules: RuleSettings;
  /** The user's code tables (TSV or JSON files), as the `cable.tables.extra` setting names them. */
  tables: string[];
  jobs: number;
  /** Report errors only (everything is still counted). */
  quiet: boolean;
  /** Progress bar allowed (it still shows only when standard error is a terminal). */
  progress: boolean;
  /** Folders also yield .txt files whose first line starts with VZCZC. */
  txt: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

export const HELP = `Usage: cable-lint [options] <files|folders|globs...>

Lints diplomatic cables (.cable, .tel) with the diagnostics of the editor extension.
Folders are searched recursively (hidden folders and node_modules skipped); quote globs
('corpus/**/*.cable') so that cable-lint expands them (*, ** and ? are understood).
Cablegate as published is read too: a cables.csv is linted cable by cable (a diagnostic reads
cables.csv:<file line> <reference ID>:<line>:<column> ..., malformed rows are said and skipped),
and the site's pages (cable/YYYY/MM/<ID>.html, named or found in folders) as their cable texts.

Options:
  -f, --format <text|json|sarif>  report format (default: text)
  -o, --output <file>             write the report to a file instead of standard output
      --max-warnings <n>          exit with code 1 when there are more than n warnings
      --rule <code>=<level>       off, error, warning, information or hint; repeatable, or
                                  comma-separated (like the cable.diagnostics.rules setting)
      --tables <file>             your own code tables (TSV or JSON, like the cable.tables.extra
                                  setting); repeatable, later files win
  -j, --jobs <n>                  worker threads (default: number of cores, here ${defaultJobs()})
  -q, --quiet                     report errors only (warnings are still counted)
      --txt                       in folders, also lint .txt files whose first line starts with VZCZC
      --no-progress               no progress bar (it only shows when standard error is a terminal)
  -h, --help                      show this help
  -v, --version                   show the version

Exit codes: 0 no errors (and at most --max-warnings warnings), 1 errors (or too many
warnings), 2 usage error or unreadable input.

Examples:
  cable-lint cables/
  cable-lint cables.csv
  cable-lint --format sarif --output cable-lint.sarif 'corpus/**/*.cable'
  cable-lint --rule unknown-tag=off --rule header-order=error --max-warnings 0 09KABUL4182.cable
`;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** More workers than this many per core only cost memory (each holds a service and the code tables). */
const JOBS_PER_CORE = 4;
/** A --jobs beyond this is a typo, not a wish: refused rather than capped. */
const ABSURD_JOBS = 1024;

function positiveInteger(name: string, value: string, minimum: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < minimum) {
    throw new UsageError(
      `--${name} expects a whole number${minimum > 0 ? ` of at least ${minimum}` : ' (0 or more)'}, not "${value}".`,
    );
  }
  return Number(value);
}

/** --jobs: at least 1, at most JOBS_PER_CORE per core (1,000 threads once took 11 GB); absurd numbers refused. */
export function jobsOf(value: string): number {
  const jobs = positiveInteger('jobs', value, 1);
  if (jobs > ABSURD_JOBS)
    throw new UsageError(`--jobs ${value} is more threads than any machine runs well; at most ${ABSURD_JOBS}.`);
  return Math.min(jobs, defaultJobs() * JOBS_PER_CORE);
}

/** `code=level` items, repeatable and comma-separated, checked against the rule catalogue. */
export function parseRuleSettings(items: readonly string[]): RuleSettings {
  const settings: RuleSettings = {};
  const codes = new Set(RULES.map((rule) => rule.code));
  for (const item of items.flatMap((value) => value.split(','))) {
    const match = /^\s*([A-Za-z0-9-]+)\s*[=:]\s*([A-Za-z]+)\s*$/.exec(item);
    if (!match)
      throw new UsageError(`--rule expects <code>=<level>, for example --rule unknown-tag=off, not "${item}".`);
    const [, code, level] = match;
    if (!codes.has(code)) {
      const known = [...codes].filter((c) => c.includes(code) || code.includes(c));
      throw new UsageError(
        `unknown rule "${code}" in --rule${known.length ? `: did you mean ${known.join(', ')}?` : ''} (cable-lint --help, and the README, list the rules).`,
      );
    }
    const lower = level.toLowerCase() as Severity | 'off';
    if (!RULE_LEVELS.includes(lower))
      throw new UsageError(`--rule ${code}: unknown level "${level}"; expected ${RULE_LEVELS.join(', ')}.`);
    settings[code] = lower;
  }
  return settings;
}

export function parseOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        rule: { type: 'string', multiple: true },
        tables: { type: 'string', multiple: true },
        jobs: { type: 'string', short: 'j' },
        quiet: { type: 'boolean', short: 'q' },
        txt: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs says e.g. "Unknown option '--fromat'. To specify a positional argument starting with a '-', ..."
    throw new UsageError(
      String((error as Error).message)
        .split('. ')[0]
        .replace(/\.$/, '') + '.',
    );
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format expects ${FORMATS.join(', ')}, not "${values.format}".`);
  checkRunOptions(positionals, values.output, 'lint', (values.help ?? false) || (values.version ?? false));
  const options: CliOptions = {
    inputs: positionals,
    format,
    output: values.output,
    maxWarnings:
      values['max-warnings'] === undefined ? undefined : positiveInteger('max-warnings', values['max-warnings'], 0),
    rules: parseRuleSettings(values.rule ?? []),
    tables: values.tables ?? [],
    jobs: values.jobs === undefined ? defaultJobs() : jobsOf(values.jobs),
    quiet: values.quiet ?? false,
    progress: !values['no-progress'],
    txt: values.txt ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  return options;
}

/**
 * What cable-lint and cable-facts refuse of the inputs and the output they are given (`verb`: what the tool does to
 * its inputs); no inputs are fine with --help or --version.
 */
export function checkRunOptions(
  inputs: readonly string[],
  output: string | undefined,
  verb: string,
  helpOrVersion: boolean,
): void {
  if (output !== undefined && output.trim() === '') throw new UsageError('--output expects a file name.');
  // An empty argument (an unset shell variable) would read the working folder.
  if (inputs.some((input) => input.trim() === '')) throw new UsageError('an empty path names no file, folder or glob.');
  if (!helpOrVersion && inputs.length === 0) throw new UsageError(`no files, folders or globs to ${verb}.`);
}
