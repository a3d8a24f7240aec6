// What a diagnostic rule is: one file per rule (rules/<code>.ts) holding its check, its quick fixes, its default
// severity, its description and examples; `cable.diagnostics.rules` can turn a rule off or change its severity.
import { TextEdit } from 'vscode-languageserver-types';
import type { CableMetadata } from '../../archive/archive';
import { Cable, Span } from '../../syntax/types';
import { CableFacts, CableReader } from '../../facts/facts';
import { CodeTables } from '../../vocabulary/codeTables';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What `cable.diagnostics.rules` and `cable-lint --rule` accept for a rule. */
export const RULE_LEVELS: ReadonlyArray<Severity | 'off'> = ['off', 'error', 'warning', 'information', 'hint'];

/** What a check found, lines relative to the cable. */
export interface Finding<Data = unknown> extends Span {
  message: string;
  /** What the rule's fixes need, recorded by the check: fixes never read the message. */
  data?: Data;
}

export interface RuleContext {
  cable: Cable;
  facts: CableFacts;
  reader: CableReader;
  tables: CodeTables;
  /** The publisher's metadata of the cable, for the first cable of a text from an archive (none for a plain file). */
  metadata?: CableMetadata;
}

/** A quick fix. Edits are in document lines; a preferred fix is certain, and "fix all" applies it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

/**
 * A defect in the example cable (rules/exampleCable.ts, from the fixture 09DUSHANBE1151): `good` is text of that
 * cable, `bad` the same text with the defect, which the rule reports on the text `flagged`.
 */
export interface Example {
  good: string;
  bad: string;
  flagged: string;
}

export interface Rule<Data = unknown> {
  /** Stable: users write it in `cable.diagnostics.rules` and `cable-lint --rule`. */
  code: string;
  /** The severity; for a rule off by default, the one SARIF lists (the setting that turns it on names its own). */
  severity: Severity;
  /** Off unless `cable.diagnostics.rules` or `cable-lint --rule` gives it a level. */
  offByDefault?: true;
  /** One sentence: the settings schema, the SARIF rule list and the README show it. */
  description: string;
  check(context: RuleContext): Array<Finding<Data>>;
  /** Quick fixes for one of the check's findings. */
  fix?(finding: Finding<Data>, context: RuleContext): Fix[];
  examples: [Example, ...Example[]];
}
