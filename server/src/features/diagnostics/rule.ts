// What a diagnostic rule is: one object per check, with a stable code, a default severity and a
// description; `cable.diagnostics.rules` can turn a rule off or change its severity.
import { Cable, Span } from '../../syntax/types';
import { CableFacts, CableReader } from '../../facts/facts';
import { CodeTables } from '../../vocabulary/codeTables';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding extends Span {
  message: string;
}

export interface RuleContext {
  cable: Cable;
  facts: CableFacts;
  reader: CableReader;
  tables: CodeTables;
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
    check: ({ cable }) => problemsByCode(cable).get(code) ?? [],
  };
}

/**
 * The problems of a cable by code, in line order then the structure's: one pass over the lines for all the syntax
 * rules (a rule each pass was 17 passes over a cable of a million lines). Findings are fresh arrays per cable object.
 */
const problemsCache = new WeakMap<Cable, Map<string, Finding[]>>();

function problemsByCode(cable: Cable): Map<string, Finding[]> {
  let byCode = problemsCache.get(cable);
  if (byCode) return byCode;
  byCode = new Map();
  const add = (code: string, finding: Finding) => {
    const list = byCode!.get(code);
    if (list) list.push(finding);
    else byCode!.set(code, [finding]);
  };
  const lines = cable.lines;
  for (let rel = 0; rel < lines.length; rel++) {
    for (const p of lines[rel].problems) add(p.code, { line: rel, start: p.start, end: p.end, message: p.message });
  }
  for (const p of cable.problems) add(p.code, p);
  problemsCache.set(cable, byCode);
  return byCode;
}
