// reference-letters: a REF item labelled twice (`REF: A. A) STATE 3080`).
import { Rule } from '../rule';
import { finding, replace } from './helpers';
import { Span } from '../../../syntax/types';

/** The first label and the spaces after it, which the fix removes. */
type Doubled = { removal: Span };

const rule: Rule<Doubled> = {
  code: 'reference-letters',
  severity: 'information',
  description: 'Each REF item has one letter (A. STATE 3080, not A. A) STATE 3080).',
  check: ({ cable, reader }) => {
    const items = cable.references?.items ?? [];
    const findings = [];
    for (let k = 1; k < items.length; k++) {
      const [first, second] = [items[k - 1], items[k]];
      const text = reader.line(cable, second.line);
      const letter = (span: Span) => /[A-Z]/i.exec(text.slice(span.start, span.end))?.[0].toUpperCase();
      if (
        first.line !== second.line ||
        text.slice(first.end, second.start).trim() !== '' ||
        letter(first) !== letter(second)
      )
        continue;
      findings.push(
        finding(
          second,
          `REF letter ${letter(second)} written twice ("${text.slice(first.start, second.end)}"): expected one label per reference.`,
          { removal: { line: first.line, start: first.start, end: second.start } },
        ),
      );
    }
    return findings;
  },
  fix: ({ data }, { cable }) =>
    data ? [{ title: 'Remove the doubled letter', edits: [replace(cable, data.removal, '')], preferred: true }] : [],
  examples: [
    {
      good: 'SUBJECT: RUSSIAN DEPUTY FOREIGN MINISTER ASKS ABOUT U.S. MILITARY\n',
      bad: 'SUBJECT: RUSSIAN DEPUTY FOREIGN MINISTER ASKS ABOUT U.S. MILITARY\nREF: A. A. STATE 3080\n',
      flagged: 'A.',
    },
  ],
};

export default rule;
