// A well-formed cable, and one defect per diagnostic rule (used by the rule and quick-fix tests): the first example
// of each rule's file; and the context the examples are checked in: every rule on, the example's metadata given.
import { EXAMPLE_CABLE, EXAMPLE_METADATA } from '../../server/src/features/diagnostics/rules/exampleCable';
import { RULES } from '../../server/src/features/diagnostics/rules';
import { ContextOptions } from './context';

export const WELL_FORMED = EXAMPLE_CABLE;

/** The rules off by default turned on at their severity, with the example cable's metadata. */
export const EXAMPLE_OPTIONS: ContextOptions = {
  rules: Object.fromEntries(RULES.filter((rule) => rule.offByDefault).map((rule) => [rule.code, rule.severity])),
  metadata: EXAMPLE_METADATA,
};

/** rule code, text to replace, replacement, text the diagnostic's range must cover. */
export const DEFECTS: Array<[string, string, string, string]> = RULES.map(
  ({ code, examples: [{ good, bad, flagged }] }) => [code, good, bad, flagged],
);
