// A well-formed cable, and one defect per diagnostic rule (used by the rule and quick-fix tests): the first example
// of each rule's file.
import { EXAMPLE_CABLE } from '../../server/src/features/diagnostics/rules/exampleCable';
import { RULES } from '../../server/src/features/diagnostics/rules';

export const WELL_FORMED = EXAMPLE_CABLE;

/** rule code, text to replace, replacement, text the diagnostic's range must cover. */
export const DEFECTS: Array<[string, string, string, string]> = RULES.map(
  ({ code, examples: [{ good, bad, flagged }] }) => [code, good, bad, flagged],
);
