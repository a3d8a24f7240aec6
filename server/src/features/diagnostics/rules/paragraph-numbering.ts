// paragraph-numbering: paragraphs numbered 1, 2, 3 ...; the fix renumbers from the first wrong one.
import { TextEdit } from 'vscode-languageserver-types';
import { CableReader } from '../../../facts/facts';
import { Cable } from '../../../syntax/types';
import { Finding, Rule } from '../rule';
import { finding, replace } from './helpers';

/** The index of the misnumbered paragraph in `cable.paragraphs`. */
type Misnumbered = { index: number };

const rule: Rule<Misnumbered> = {
  code: 'paragraph-numbering',
  severity: 'warning',
  description: 'Paragraphs are numbered 1, 2, 3 ... without gaps or repeats.',
  check: ({ cable, reader }) => {
    const findings: Array<Finding<Misnumbered>> = [];
    // Older traffic sent each section of a long telegram as a message with its own header: a cable that opens with
    // SECTION 02 OF 03 continues the numbering of the section before (¶10 may come first). The structure numbered its
    // paragraphs from there too (its first section is the classification line's).
    const continues = cable.sections[0].number > 1;
    let previous = 0;
    cable.paragraphs.forEach((p, index) => {
      const first = index === 0;
      if (first && continues) {
        previous = p.number;
        return;
      }
      const report = (message: string) => findings.push(finding(p.numberSpan, message, { index }));
      // `(SBU) This is the second in a series...` before ¶2: the first paragraph is there, without its number.
      if (first && p.number === 2 && startsUnnumbered(cable, reader, p.startLine)) {
        previous = p.number;
        return;
      }
      if (p.number > previous + 1) {
        const missing =
          p.number - previous - 1 === 1
            ? `paragraph ${previous + 1} is`
            : `paragraphs ${previous + 1} to ${p.number - 1} are`;
        report(
          `${first ? `The first paragraph is numbered ${p.number}` : `Paragraph ${p.number} follows paragraph ${previous}`}: ${missing} missing (removed or redacted?).`,
        );
      } else if (first && p.number !== 1) {
        report(`The first paragraph is numbered ${p.number}: expected 1.`);
      } else if (p.number === previous) {
        report(`Paragraph ${p.number} repeats the number of the previous paragraph: expected ${previous + 1}.`);
      } else if (p.number < previous) {
        report(`Paragraph ${p.number} after paragraph ${previous}: expected ${previous + 1}.`);
      }
      previous = p.number;
    });
    return findings;
  },
  fix: ({ data }, { cable, reader }) => {
    if (!data) return [];
    const from = data.index === 0 ? 1 : cable.paragraphs[data.index - 1].number + 1;
    const edits: TextEdit[] = [];
    let expected = from;
    for (const p of cable.paragraphs.slice(data.index)) {
      const written = reader.line(cable, p.numberSpan.line).slice(p.numberSpan.start, p.numberSpan.end);
      const renumbered = written.replace(/\d+/, String(expected));
      if (renumbered !== written) edits.push(replace(cable, p.numberSpan, renumbered));
      expected++;
    }
    return edits.length ? [{ title: `Renumber paragraphs from ¶${from}`, edits }] : [];
  },
  examples: [{ good: '¶3.', bad: '¶4.', flagged: '¶4.' }],
};

/** Whether a line before `end` in the body starts with a portion marking: a first paragraph written without number. */
function startsUnnumbered(cable: Cable, reader: CableReader, end: number): boolean {
  const from = cable.captionBlock ? cable.captionBlock.endLine + 1 : 0;
  for (let line = from; line < end; line++) if (UNNUMBERED_START.test(reader.line(cable, line))) return true;
  return false;
}

const UNNUMBERED_START = /^\s*\((?:U|SBU|C|S|TS|LOU)(?:\/\/?[A-Z]{1,8})*\) +[A-Z]/;

export default rule;
