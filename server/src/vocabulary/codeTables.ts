// The code tables as one value: the built-in tables with the user's own (cable.tables.extra, cable-lint --tables) over
// them. Features and rules receive it; nothing holds it in module state, so each service (an editor's server, a run of
// cable-lint, a test) has its own, and a cache that depends on the tables compares the value.
import { captionLookups } from './captions';
import { ExtraTables, NO_EXTRA_TABLES, parseTableFiles, TableProblem, TableText } from './extra';
import { routingLookups } from './routing';
import { tagLookups } from './tags';

export type CodeTables = ReturnType<typeof routingLookups> &
  ReturnType<typeof tagLookups> &
  ReturnType<typeof captionLookups> & {
    /** The user's entries this value was made with. */
    readonly user: ExtraTables;
  };

/** The lookups over the built-in tables with `user` over them; each table is merged on its first use. */
function codeTables(user: ExtraTables = NO_EXTRA_TABLES): CodeTables {
  return {
    ...routingLookups(user.routingIndicators),
    ...tagLookups(user.tags),
    ...captionLookups(user.captions),
    user,
  };
}

/** The built-in tables alone. */
export const BUILT_IN_TABLES: CodeTables = codeTables();

/**
 * The tables of the user's files as received (anything but a list of { name, text } is reported and skipped), and the
 * problems found in them; the bad entries are left out, the rest kept.
 */
export function loadCodeTables(files: unknown): { tables: CodeTables; problems: TableProblem[] } {
  const list: unknown[] = Array.isArray(files) ? files : files === undefined || files === null ? [] : [files];
  const valid = list.filter(
    (file): file is TableText =>
      typeof (file as TableText)?.name === 'string' && typeof (file as TableText)?.text === 'string',
  );
  const { tables, problems } = parseTableFiles(valid);
  if (valid.length < list.length) {
    problems.unshift({
      source: 'tables',
      message: `${list.length - valid.length} of ${list.length} files are not { "name": string, "text": string } and were skipped.`,
    });
  }
  return { tables: valid.length ? codeTables(tables) : BUILT_IN_TABLES, problems };
}
