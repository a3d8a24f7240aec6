// What every feature is given, one calling convention for all: `feature(context, ...request parameters)`. The service
// makes the context per request from its documents, tables, settings and workspace index.
import type { CableMetadata } from '../archive/archive';
import { CableReader } from '../facts/facts';
import { CodeTables } from '../vocabulary/codeTables';
import { CableIndex } from '../workspace/cableIndex';
import { RuleSettings } from './diagnostics/diagnostics';

export type { RuleSettings };

/** The settings that change what features answer (`cable.*`). */
export interface CableSettings {
  /** `cable.diagnostics.rules`. */
  readonly rules: RuleSettings;
  /** `cable.outline.maxSymbols`: the outline is cut to this many symbols. */
  readonly maxOutlineSymbols: number;
}

/** The default of `cable.outline.maxSymbols`: VS Code's JSON language features stop their outline at 5000 items too. */
export const DEFAULT_MAX_OUTLINE_SYMBOLS = 5000;

export const DEFAULT_SETTINGS: CableSettings = { rules: {}, maxOutlineSymbols: DEFAULT_MAX_OUTLINE_SYMBOLS };

/** What a workspace-wide feature (workspace symbols) is given. */
export interface WorkspaceContext {
  readonly tables: CodeTables;
  readonly settings: CableSettings;
  /** The cables of the workspace's files and open documents, and their citations. */
  readonly index: CableIndex;
}

/** What a feature on one document is given: the document, read through its facts, in its workspace. */
export interface DocumentContext extends WorkspaceContext {
  readonly uri: string;
  /** The document's model (`reader.model`) and the facts of its cables. */
  readonly reader: CableReader;
  /** The publisher's metadata, for a document read from an archive (a row of a cables.csv, a page of the site). */
  readonly metadata?: CableMetadata;
}
