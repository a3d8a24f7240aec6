// garbled-pilcrow: a paragraph sign garbled into the digit 1 (the structure recognizes them while numbering).
import { Rule } from '../rule';
import { finding, replace } from './helpers';

/** The paragraph's number in sequence. */
type Garbled = { number: number };

const rule: Rule<Garbled> = {
  code: 'garbled-pilcrow',
  severity: 'information',
  description: 'A paragraph sign turned into the digit 1 (15. where ¶5. belongs).',
  check: ({ cable }) =>
    cable.paragraphs
      .filter((p) => p.marker === 'garbledPilcrow')
      .map((p) =>
        finding(
          p.numberSpan,
          `"${p.writtenNumber}." is paragraph ${p.number} with its paragraph sign garbled into a 1: expected ¶${p.number}.`,
          { number: p.number },
        ),
      ),
  fix: (found, { cable, reader }) =>
    found.data
      ? [
          {
            title: `Change "${reader.line(cable, found.line).slice(found.start, found.end)}" to "¶${found.data.number}."`,
            edits: [replace(cable, found, `¶${found.data.number}.`)],
            preferred: true,
          },
        ]
      : [],
  examples: [{ good: '¶3. (C)', bad: '13. (C)', flagged: '13.' }],
};

export default rule;
