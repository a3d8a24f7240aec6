// What a diagnostic rule is: one object per check, with a stable code, a default severity and a
// description; `cable.diagnostics.rules` can turn a rule off or change its severity.
import { Cable, Span } from '../../syntax/types';
import { CableFacts, CableReader } from '../facts';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding extends Span {
  message: string;
}

export interface RuleContext {
  cable: Cable;
  facts: CableFacts;
  reader: CableReader;
}

export interface Rule {
  code: string;
  severity: Severity;
  description: string;
  check(context: RuleContext): Finding[];
}

/** A rule reporting what the lexer or the structure found (line problems carry the rule's code). */
export function syntaxRule(code: string, severity: Severity, description: string): Rule {
  return {
    code,
    severity,
    description,
    check: ({ cable }) => {
      const findings: Finding[] = [];
      cable.lines.forEach((line, rel) => {
        for (const p of line.problems) if (p.code === code) findings.push({ line: rel, start: p.start, end: p.end, message: p.message });
      });
      for (const p of cable.problems) if (p.code === code) findings.push(p);
      return findings;
    },
  };
}
