// Quick fixes for diagnostics, each from the diagnostic's rule (preferred where the fix is certain), "fix all of this
// kind", and the source action that applies every certain fix in the file.
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { Cable } from '../syntax/types';
import { CableReader } from '../facts/facts';
import { DocumentContext } from './context';
import { cableFindings, CheckedFinding, findingDiagnostic } from './diagnostics/diagnostics';
import { Fix } from './diagnostics/rule';
import { ruleFor } from './diagnostics/rules';
import { firstIndexWhere } from '../util/search';

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

type Position = Range['start'];
const before = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character <= y.character);

function intersects(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * The edits taken so far, apart and in document order: whether a range touches one of them is a binary search, so
 * that "Fix all" over 100 000 findings is one pass, not every edit compared with every other.
 */
class DisjointEdits {
  readonly edits: TextEdit[] = [];

  /** Where `range` would go: the first edit that does not end before it starts. */
  private indexOf(range: Range): number {
    return firstIndexWhere(this.edits, (edit) => before(range.start, edit.range.end));
  }

  fits(range: Range): boolean {
    const next = this.edits[this.indexOf(range)];
    return !next || !intersects(next.range, range);
  }

  add(edit: TextEdit): void {
    const last = this.edits[this.edits.length - 1];
    // Fixes come in document order, so this is nearly always an append.
    if (!last || !before(edit.range.start, last.range.end)) this.edits.push(edit);
    else this.edits.splice(this.indexOf(edit.range), 0, edit);
  }
}

type FixAll = { edits: TextEdit[]; diagnostics: Diagnostic[] };

/**
 * "Fix all" per state of a document (its cable list, replaced by every edit), settings, tables and rule code: VS Code
 * asks for code actions on every cursor move, and a file of 100 000 findings is then fixed once per edit, not per move.
 */
const fixAllCache = new WeakMap<readonly Cable[], { context: DocumentContext; byCode: Map<string, FixAll> }>();

function preferredFixes(context: DocumentContext, code = ''): FixAll {
  const cables = context.reader.model.cables;
  let cached = fixAllCache.get(cables);
  if (!cached || cached.context.settings !== context.settings || cached.context.tables !== context.tables)
    fixAllCache.set(cables, (cached = { context, byCode: new Map() }));
  let all = cached.byCode.get(code);
  if (!all) cached.byCode.set(code, (all = collectPreferredFixes(context, code)));
  return all;
}

/** Every certain (preferred) fix of the document, of one rule code or ('') of all, edits kept apart. */
function collectPreferredFixes(context: DocumentContext, code: string): FixAll {
  const { reader } = context;
  const taken = new DisjointEdits();
  const diagnostics: Diagnostic[] = [];
  for (const cable of reader.model.cables) {
    for (const finding of cableFindings(context, cable)) {
      if (code && finding.code !== code) continue;
      const fix = fixesFor(context, cable, finding).find((f) => f.preferred);
      // A fix's own edits are apart (a rule never overlaps itself); each must stay clear of the fixes taken.
      if (!fix || !fix.edits.every((edit) => taken.fits(edit.range))) continue;
      for (const edit of fix.edits) taken.add(edit);
      diagnostics.push(findingDiagnostic(reader, cable, finding));
    }
  }
  return { edits: taken.edits, diagnostics };
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

/** What a "Fix all of a code" action sent without its edit carries, for codeAction/resolve. */
interface FixAllData {
  fixAll: string;
  uri: string;
}

/**
 * The code actions at `range`. With `resolvable` (the client resolves edits), a "Fix all of a code" action is sent
 * without its edits, which resolveCodeAction adds when the user picks it: VS Code asks on every cursor move, and the
 * edits of 100 000 findings in every answer are megabytes.
 */
export function codeActions(
  context: DocumentContext,
  range: Range,
  only: string[] | undefined,
  resolvable = false,
): CodeAction[] {
  const { reader, uri } = context;
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  if (wants(CodeActionKind.QuickFix)) {
    const seenCodes = new Set<string>();
    for (const cable of cablesIn(reader, range)) {
      const findings = cableFindings(context, cable);
      // Findings are in line order: only those on the lines of the range are looked at.
      const first = firstIndexWhere(findings, (f) => cable.startLine + f.line >= range.start.line);
      for (let k = first; k < findings.length && cable.startLine + findings[k].line <= range.end.line; k++) {
        const finding = findings[k];
        const diagnostic = findingDiagnostic(reader, cable, finding);
        if (!intersects(diagnostic.range, range)) continue;
        const fixes = fixesFor(context, cable, finding);
        actions.push(...fixes.map((fix) => action(fix, uri, [diagnostic])));
        const code = finding.code;
        if (fixes.some((f) => f.preferred) && !seenCodes.has(code)) {
          seenCodes.add(code);
          const all = preferredFixes(context, code);
          const title = `Fix all ${code} problems in the file (${all.diagnostics.length})`;
          if (all.diagnostics.length > 1)
            actions.push(
              resolvable
                ? {
                    title,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    data: { fixAll: code, uri } satisfies FixAllData,
                  }
                : action({ title, edits: all.edits }, uri, all.diagnostics),
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

/** A code action sent without its edit (codeActions with `resolvable`), with its edit; others as they are. */
export function resolveCodeAction(context: DocumentContext, codeAction: CodeAction): CodeAction {
  const code = (codeAction.data as FixAllData | undefined)?.fixAll;
  if (typeof code !== 'string') return codeAction;
  return { ...codeAction, edit: { changes: { [context.uri]: preferredFixes(context, code).edits } } };
}
