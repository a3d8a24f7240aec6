// duplicate-tag: a TAGS code written twice.
import { Rule } from '../rule';
import { finding, replace } from './helpers';
import { Span } from '../../../syntax/types';

/** Where the repeated code and the separator before it are, for the fix. */
type Repeat = { removal: Span };

const rule: Rule<Repeat> = {
  code: 'duplicate-tag',
  severity: 'information',
  description: 'Each TAGS code is written once.',
  check: ({ cable, reader }) => {
    const seen = new Set<string>();
    const findings = [];
    for (const line of cable.tagsLines) {
      const text = reader.line(cable, line);
      for (const token of cable.lines[line].tokens) {
        if (token.kind !== 'tag') continue;
        const code = text.slice(token.start, token.end).toUpperCase();
        if (!seen.has(code)) {
          seen.add(code);
          continue;
        }
        let from = token.start;
        while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === ',')) from--;
        findings.push(
          finding(
            { line, start: token.start, end: token.end },
            `TAGS code ${code} is repeated: expected each code once.`,
            { removal: { line, start: from, end: token.end } },
          ),
        );
      }
    }
    return findings;
  },
  fix: ({ data }, { cable, reader }) =>
    data
      ? [
          {
            title: `Remove the repeated ${reader
              .line(cable, data.removal.line)
              .slice(data.removal.start, data.removal.end)
              .replace(/^[ ,]+/, '')}`,
            edits: [replace(cable, data.removal, '')],
            preferred: true,
          },
        ]
      : [],
  examples: [{ good: 'TAGS: PREL PHUM PGOV TI', bad: 'TAGS: PREL PHUM PGOV TI PREL', flagged: 'PREL' }],
};

export default rule;
