// Quick fixes for diagnostics, each from the diagnostic's rule (preferred where the fix is certain), "fix all of this
// kind", and the source action that applies every certain fix in the file.
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { Cable } from '../syntax/types';
import { CableReader } from '../facts/facts';
import { DocumentContext } from './context';
import { cableFindings, CheckedFinding, findingDiagnostic } from './diagnostics/diagnostics';
import { Fix } from './diagnostics/rule';
import { ruleFor } from './diagnostics/rules';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cable`;

/** The fixes for one finding of a cable: its rule's. */
function fixesFor({ reader, tables }: DocumentContext, cable: Cable, finding: CheckedFinding): Fix[] {
  const fix = ruleFor(finding.code)?.fix;
  return fix ? fix(finding, { cable, facts: reader.facts(cable), reader, tables }) : [];
}

function action(fix: Fix, uri: string, diagnostics: Diagnostic[], kind: string = CodeActionKind.QuickFix): CodeAction {
  return {
    title: fix.title,
    kind,
    diagnostics,
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: fix.edits } },
  };
}

function intersects(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) =>
    x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Every certain (preferred) fix of the document, optionally of one rule code, edits kept apart. */
function preferredFixes(context: DocumentContext, code?: string): { edits: TextEdit[]; diagnostics: Diagnostic[] } {
  const { reader } = context;
  const edits: TextEdit[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const cable of reader.model.cables) {
    for (const finding of cableFindings(context, cable)) {
      if (code && finding.code !== code) continue;
      const fix = fixesFor(context, cable, finding).find((f) => f.preferred);
      if (!fix || fix.edits.some((e) => edits.some((other) => intersects(e.range, other.range)))) continue;
      edits.push(...fix.edits);
      diagnostics.push(findingDiagnostic(reader, cable, finding));
    }
  }
  return { edits, diagnostics };
}

function cablesIn(reader: CableReader, range: Range): Cable[] {
  const cables: Cable[] = [];
  for (let line = range.start.line; line <= range.end.line;) {
    const cable = reader.model.cableAt(line);
    if (!cable) break;
    cables.push(cable);
    line = cable.startLine + cable.lineCount;
  }
  return cables;
}

export function codeActions(context: DocumentContext, range: Range, only: string[] | undefined): CodeAction[] {
  const { reader, uri } = context;
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  if (wants(CodeActionKind.QuickFix)) {
    const seenCodes = new Set<string>();
    for (const cable of cablesIn(reader, range)) {
      for (const finding of cableFindings(context, cable)) {
        const diagnostic = findingDiagnostic(reader, cable, finding);
        if (!intersects(diagnostic.range, range)) continue;
        const fixes = fixesFor(context, cable, finding);
        actions.push(...fixes.map((fix) => action(fix, uri, [diagnostic])));
        const code = finding.code;
        if (fixes.some((f) => f.preferred) && !seenCodes.has(code)) {
          seenCodes.add(code);
          const all = preferredFixes(context, code);
          if (all.diagnostics.length > 1)
            actions.push(
              action(
                { title: `Fix all ${code} problems in the file (${all.diagnostics.length})`, edits: all.edits },
                uri,
                all.diagnostics,
              ),
            );
        }
      }
    }
  }
  if (only?.some((o) => FIX_ALL_KIND.startsWith(o) && o.startsWith(CodeActionKind.Source))) {
    const all = preferredFixes(context);
    if (all.edits.length)
      actions.push(
        action({ title: 'Fix all certain cable problems', edits: all.edits }, uri, all.diagnostics, FIX_ALL_KIND),
      );
  }
  return actions;
}
