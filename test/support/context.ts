// Feature contexts for tests: a document's model or reader with the built-in tables and default settings (or the given
// ones), and the workspace index for navigation. One reader per model, so that facts are cached as in the service.
import type { CableMetadata } from '../../server/src/archive/archive';
import { CableReader } from '../../server/src/facts/facts';
import { DEFAULT_SETTINGS, DocumentContext, RuleSettings, WorkspaceContext } from '../../server/src/features/context';
import { CableModel } from '../../server/src/syntax/model';
import { BUILT_IN_TABLES, CodeTables } from '../../server/src/vocabulary';
import { CableIndex } from '../../server/src/workspace/cableIndex';

export interface ContextOptions {
  uri?: string;
  /** The publisher's metadata, as for a document read from an archive. */
  metadata?: CableMetadata;
  rules?: RuleSettings;
  tables?: CodeTables;
  index?: CableIndex;
}

const readers = new WeakMap<CableModel, CableReader>();
const settingsByRules = new WeakMap<RuleSettings, DocumentContext['settings']>();

function readerOf(source: CableModel | CableReader): CableReader {
  if (source instanceof CableReader) return source;
  let reader = readers.get(source);
  if (!reader) readers.set(source, (reader = new CableReader(source)));
  return reader;
}

/** The same settings object for the same rules, as the service keeps it between requests. */
function settingsOf(rules: RuleSettings | undefined): DocumentContext['settings'] {
  if (!rules) return DEFAULT_SETTINGS;
  let settings = settingsByRules.get(rules);
  if (!settings) settingsByRules.set(rules, (settings = { ...DEFAULT_SETTINGS, rules }));
  return settings;
}

export function documentContext(source: CableModel | CableReader, options: ContextOptions = {}): DocumentContext {
  return {
    uri: options.uri ?? 'file:///test.cable',
    reader: readerOf(source),
    tables: options.tables ?? BUILT_IN_TABLES,
    settings: settingsOf(options.rules),
    index: options.index ?? new CableIndex(),
    metadata: options.metadata,
  };
}

export function workspaceContext(index: CableIndex, tables: CodeTables = BUILT_IN_TABLES): WorkspaceContext {
  return { tables, settings: DEFAULT_SETTINGS, index };
}

const EMPTY = CableModel.parse('');

/** A document of the workspace for navigation, which reads the index only. */
export function navigationContext(index: CableIndex, uri: string): DocumentContext {
  return documentContext(EMPTY, { index, uri });
}
