// A readable dump of the model, one line per element: the golden files of the syntax tests.
// Lines are shown 1-based, as editors number them; columns 0-based.
import { cableIdentity } from './identity';
import { paragraphLead } from './structure';
import { CableModel } from './model';
import { Span } from './types';

export function dumpModel(model: CableModel): string {
  const out: string[] = [];
  const text = (line: number) => model.lineText(line);
  for (const cable of model.cables) {
    const at = (rel: number) => cable.startLine + rel + 1;
    const span = (s: Span) =>
      `${at(s.line)}:${s.start}-${s.end} ${JSON.stringify(text(cable.startLine + s.line).slice(s.start, s.end))}`;
    out.push(`cable ${cableIdentity(cable, text).referenceId} lines ${at(0)}-${at(cable.lineCount - 1)}`);
    if (cable.headerRange)
      out.push(
        `  header lines ${at(cable.headerRange.startLine)}-${at(cable.headerRange.endLine)}: ${cable.header.map((h) => h.kind).join(' ')}`,
      );
    if (cable.captionBlock)
      out.push(`  caption block lines ${at(cable.captionBlock.startLine)}-${at(cable.captionBlock.endLine)}`);
    if (cable.subject)
      out.push(`  subject lines ${at(cable.subject.startLine)}-${at(cable.subject.endLine)}: ${cable.subject.text}`);
    if (cable.references)
      out.push(
        `  references lines ${at(cable.references.startLine)}-${at(cable.references.endLine)}: items ${cable.references.items.map(span).join(', ') || '-'}`,
      );
    for (const section of cable.sections) {
      out.push(
        `  section ${section.number} lines ${at(section.startLine)}-${at(section.endLine)}${section.header ? ` opened by ${span(section.header)}` : ''}`,
      );
    }
    for (const p of cable.paragraphs) {
      const marking = p.portionMarking
        ? ` ${text(cable.startLine + p.portionMarking.line).slice(p.portionMarking.start, p.portionMarking.end)}`
        : '';
      out.push(
        `  paragraph ${p.number} (${p.marker}, written ${p.writtenNumber})${marking} lines ${at(p.startLine)}-${at(p.endLine)}${p.endColumn === undefined ? '' : `:${p.endColumn}`}: ${paragraphLead(text(cable.startLine + p.startLine), p)}`,
      );
    }
    for (const item of cable.listItems) out.push(`  list item ${span(item)}`);
    for (const b of cable.blocks)
      out.push(
        `  block ${b.kind} ${span(b.opener)} to ${b.closer ? span(b.closer) : `unclosed, ends line ${at(b.endLine)}`}`,
      );
    for (const h of cable.continuationHeaders)
      out.push(`  continuation header ${span(h.span)} page ${h.page} of ${h.total}`);
    if (cable.signatureLine !== undefined) out.push(`  signature line ${at(cable.signatureLine)}`);
    else if (cable.signer) out.push(`  signature run into ${span(cable.signer)}`);
    cable.lines.forEach((line, rel) => {
      if (line.kind === 'blank' || (line.kind === 'text' && line.tokens.length === 0)) return;
      const tokens = line.tokens.map(
        (t) => `${t.kind} ${t.start}-${t.end} ${JSON.stringify(text(cable.startLine + rel).slice(t.start, t.end))}`,
      );
      out.push(`  line ${at(rel)} ${line.kind}${tokens.length ? `: ${tokens.join(' | ')}` : ''}`);
      for (const p of line.problems) out.push(`    problem ${p.code} ${p.start}-${p.end}: ${p.message}`);
    });
    for (const p of cable.problems) out.push(`  problem ${p.code} ${at(p.line)}:${p.start}-${p.end}: ${p.message}`);
  }
  return out.join('\n') + '\n';
}
