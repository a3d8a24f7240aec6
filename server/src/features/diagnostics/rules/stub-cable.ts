// stub-cable: a released record that stops after its caption block, without a body.
import { Rule } from '../rule';
import { finding, stubEnd, trimmedLine } from './helpers';

const rule: Rule = {
  code: 'stub-cable',
  severity: 'information',
  description: 'The record stops after its caption block (often at "..."): the released text has no body.',
  check: ({ cable, reader }) => {
    const end = stubEnd(cable, reader);
    if (end === undefined) return [];
    const text = reader.line(cable, end);
    const cut = /\.\.\.\s*$/.test(text) || /^\s*\.\.\.\s*$/.test(reader.line(cable, cable.lineCount - 1));
    return [
      finding(
        trimmedLine(cable, reader, end),
        `The text stops here${cut ? ', cut off at "..."' : ''}: this record has no body (no paragraph after the caption block).`,
      ),
    ];
  },
  examples: [
    {
      good: '\n¶1. (C) Summary: Karasin asked. End Summary.\n\n¶2. (C) Karasin said more.\n\nDUSHANBE 00001151 002 OF 002\n\n¶3. (C) Comment: There are signs. End Comment.\n\nGROSS\n',
      bad: '\n',
      flagged: 'REASON: 1.4 (b), (d)',
    },
  ],
};

export default rule;
