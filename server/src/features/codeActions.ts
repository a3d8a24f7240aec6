// Quick fixes for diagnostics (preferred where the fix is certain), "fix all of this kind", and the
// source action that applies every certain fix in the file.
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { canonicalClassification } from '../syntax/lexer';
import { Cable } from '../syntax/types';
import { cableDiagnostics } from './diagnostics/diagnostics';
import { CableReader, dayOfYear } from '../facts/facts';
import { DocumentContext } from './context';
import { MONTHS } from '../vocabulary/months';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cable`;

interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

function replace(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText };
}

/** The fixes for one diagnostic of a cable, by its rule code. */
function fixesFor({ reader, tables }: DocumentContext, cable: Cable, diagnostic: Diagnostic): Fix[] {
  const { start, end } = diagnostic.range;
  const line = start.line;
  const text = reader.model.lineText(line).slice(start.character, end.character);
  const facts = reader.facts(cable);
  switch (diagnostic.code) {
    case 'garbled-pilcrow': {
      const paragraph = cable.paragraphs.find((p) => cable.startLine + p.numberSpan.line === line);
      return paragraph
        ? [
            {
              title: `Change "${text}" to "¶${paragraph.number}."`,
              edits: [replace(line, start.character, end.character, `¶${paragraph.number}.`)],
              preferred: true,
            },
          ]
        : [];
    }
    case 'false-paragraph-sign':
      return [
        {
          title: 'Remove the false paragraph sign',
          edits: [replace(line, start.character, start.character + (text.startsWith('Â¶') ? 2 : 1), '')],
          preferred: true,
        },
      ];
    case 'paragraph-numbering': {
      const index = cable.paragraphs.findIndex((p) => cable.startLine + p.numberSpan.line === line);
      if (index < 0) return [];
      const edits: TextEdit[] = [];
      let expected = index === 0 ? 1 : cable.paragraphs[index - 1].number + 1;
      for (const p of cable.paragraphs.slice(index)) {
        const written = reader.line(cable, p.numberSpan.line).slice(p.numberSpan.start, p.numberSpan.end);
        const renumbered = written.replace(/\d+/, String(expected));
        if (renumbered !== written)
          edits.push(replace(cable.startLine + p.numberSpan.line, p.numberSpan.start, p.numberSpan.end, renumbered));
        expected++;
      }
      return edits.length
        ? [{ title: `Renumber paragraphs from ¶${index === 0 ? 1 : cable.paragraphs[index - 1].number + 1}`, edits }]
        : [];
    }
    case 'security-classification-mismatch': {
      const body = facts.classification;
      const letter = facts.securityLetter;
      if (!body || !letter) return [];
      const rank = body.rank;
      const letters = rank >= 4 ? 'TTTTT' : rank === 3 ? 'SSSSS' : rank === 2 ? 'CCCCC' : 'UUUUU';
      const zn = rank >= 2 ? 'ZNY' : 'ZNR';
      const securityLine = cable.startLine + letter.span.line;
      const fixes: Fix[] = [
        {
          title: `Change the security line to ${zn} ${letters} ZZH`,
          edits: [replace(securityLine, 0, letter.span.end, `${zn} ${letters}`)],
        },
      ];
      const level = { U: 'UNCLAS', E: 'UNCLAS', C: 'CONFIDENTIAL', S: 'SECRET', T: 'TOPSECRET' }[letter.value];
      if (level) {
        const spelled = canonicalClassification(level);
        fixes.push({
          title: `Change the classification line to ${spelled}`,
          edits: [replace(cable.startLine + body.span.line, body.span.start, body.span.end, spelled)],
        });
      }
      return fixes;
    }
    case 'classification-form': {
      const body = facts.classification;
      if (!body || cable.startLine + body.span.line !== line) return [];
      return [
        {
          title: `Write the classification as ${canonicalClassification(body.level)}`,
          edits: [replace(line, body.span.start, body.span.end, canonicalClassification(body.level))],
          preferred: true,
        },
      ];
    }
    case 'unknown-tag': {
      const split = tables.splitConcatenatedTags(text);
      if (split)
        return [
          {
            title: `Split into ${split.map((t) => t.code).join(' ')}`,
            edits: [replace(line, start.character, end.character, split.map((t) => t.code).join(' '))],
            preferred: true,
          },
        ];
      const iso = /expected ([A-Z]{2})\.$/.exec(diagnostic.message as string)?.[1];
      const candidates = iso ? [iso] : tables.nearestTagCodes(text, 3).map((t) => t.code);
      return candidates.map((code, k) => ({
        title: `Change to ${code}`,
        edits: [replace(line, start.character, end.character, code)],
        preferred: k === 0 && (iso !== undefined || candidates.length === 1),
      }));
    }
    case 'julian-day-mismatch': {
      const dtg = facts.dtg;
      const de = facts.stationSerial;
      if (!dtg?.value.date || !de?.julianSpan || de.julianDay === undefined) return [];
      const fixes: Fix[] = [
        {
          title: `Change the Julian day to ${String(dayOfYear(dtg.value.date)).padStart(3, '0')} (the DTG's day)`,
          edits: [
            replace(line, start.character, start.character + 3, String(dayOfYear(dtg.value.date)).padStart(3, '0')),
          ],
        },
      ];
      // The reverse: the DTG day and month that the Julian day names, in the DTG's year.
      const fromJulian = new Date(Date.UTC(dtg.value.year, 0, de.julianDay));
      if (fromJulian.getUTCFullYear() === dtg.value.year) {
        const dtgLine = cable.startLine + dtg.span.line;
        const dtgText = reader.model.lineText(dtgLine).slice(dtg.span.start, dtg.span.end);
        const replaced = `${String(fromJulian.getUTCDate()).padStart(2, '0')}${dtgText.slice(2, 7)} ${MONTHS[fromJulian.getUTCMonth()]}${dtgText.slice(dtgText.search(/ \d+\s*$/))}`;
        fixes.push({
          title: `Change the DTG to ${replaced} (the Julian day's date)`,
          edits: [replace(dtgLine, dtg.span.start, dtg.span.end, replaced)],
        });
      }
      return fixes;
    }
    default:
      return [];
  }
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
  const edits: TextEdit[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const cable of context.reader.model.cables) {
    for (const diagnostic of cableDiagnostics(context, cable)) {
      if (code && diagnostic.code !== code) continue;
      const fix = fixesFor(context, cable, diagnostic).find((f) => f.preferred);
      if (!fix || fix.edits.some((e) => edits.some((other) => intersects(e.range, other.range)))) continue;
      edits.push(...fix.edits);
      diagnostics.push(diagnostic);
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
      for (const diagnostic of cableDiagnostics(context, cable)) {
        if (!intersects(diagnostic.range, range)) continue;
        const fixes = fixesFor(context, cable, diagnostic);
        actions.push(...fixes.map((fix) => action(fix, uri, [diagnostic])));
        const code = String(diagnostic.code);
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
