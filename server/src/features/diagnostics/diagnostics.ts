// Diagnostics provider: runs every rule on every cable, with the user's rule settings.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { CodeTables } from '../../vocabulary/codeTables';
import { Cable } from '../../syntax/types';
import { CableReader } from '../../facts/facts';
import type { CableMetadata } from '../../archive/archive';
import { DocumentContext } from '../context';
import { Finding, Severity } from './rule';
import { RULES } from './rules';

/** `cable.diagnostics.rules`: a rule code -> 'off' or a severity. */
export type RuleSettings = Record<string, Severity | 'off'>;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding of a rule with the rule's code and the severity the settings give it. */
export interface CheckedFinding extends Finding {
  code: string;
  severity: DiagnosticSeverity;
}

/**
 * Findings of one cable, cached per cable object, settings and version of the user's code tables: untouched cables are
 * not re-checked. Findings keep lines relative to the cable, which moves when lines above it are edited.
 */
const cache = new WeakMap<
  Cable,
  { settings: RuleSettings; tables: CodeTables; metadata?: CableMetadata; findings: CheckedFinding[] }
>();

export function cableFindings(context: DocumentContext, cable: Cable): readonly CheckedFinding[] {
  const { reader, tables } = context;
  const settings = context.settings.rules;
  // The metadata describes the cable the archive's text starts with.
  const metadata = cable === reader.model.cables[0] ? context.metadata : undefined;
  const cached = cache.get(cable);
  if (cached && cached.settings === settings && cached.tables === tables && cached.metadata === metadata)
    return cached.findings;
  const facts = reader.facts(cable);
  const findings: CheckedFinding[] = [];
  for (const rule of RULES) {
    const setting =
      (Object.hasOwn(settings, rule.code) && settings[rule.code]) || (rule.offByDefault ? 'off' : rule.severity);
    if (setting === 'off') continue;
    const severity = Object.hasOwn(SEVERITY, setting) ? SEVERITY[setting] : SEVERITY[rule.severity];
    for (const f of rule.check({ cable, facts, reader, tables, metadata }))
      findings.push({ ...f, code: rule.code, severity });
  }
  findings.sort((a, b) => a.line - b.line || a.start - b.start);
  cache.set(cable, { settings, tables, metadata, findings });
  return findings;
}

function cableDiagnostics(context: DocumentContext, cable: Cable): Diagnostic[] {
  return cableFindings(context, cable).map((f) => findingDiagnostic(context.reader, cable, f));
}

/**
 * A finding as a diagnostic, its columns inside its line: problems that say what is missing at the end of a line
 * ("DE line ends after the station") point one column past it.
 */
export function findingDiagnostic(reader: CableReader, cable: Cable, f: CheckedFinding): Diagnostic {
  const line = cable.startLine + f.line;
  const length = reader.line(cable, f.line).length;
  return {
    range: { start: { line, character: Math.min(f.start, length) }, end: { line, character: Math.min(f.end, length) } },
    severity: f.severity,
    code: f.code,
    source: 'cable',
    message: f.message,
  };
}

export function documentDiagnostics(context: DocumentContext): Diagnostic[] {
  return context.reader.model.cables.flatMap((cable) => cableDiagnostics(context, cable));
}
