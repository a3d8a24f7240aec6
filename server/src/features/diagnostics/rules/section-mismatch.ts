// section-mismatch: the DE line's /section against SECTION n OF m of the classification line.
import { Rule } from '../rule';
import { finding } from './helpers';

const rule: Rule = {
  code: 'section-mismatch',
  severity: 'warning',
  description: 'The DE /section equals SECTION n of the classification line; /02 and higher need a SECTION.',
  check: ({ facts }) => {
    const section = facts.stationSerial?.section;
    if (!section) return [];
    const body = facts.classification?.section;
    if (body && body.number !== section.value)
      return [
        finding(
          section.span,
          `DE section /${String(section.value).padStart(2, '0')} does not match SECTION ${body.number} OF ${body.total} on the classification line.`,
        ),
      ];
    if (!body && section.value > 1 && facts.classification)
      return [
        finding(
          section.span,
          `DE section /${String(section.value).padStart(2, '0')} on a cable whose classification line has no SECTION: expected /01 or a SECTION ${section.value} OF n.`,
        ),
      ];
    return [];
  },
  examples: [{ good: '#1151/01', bad: '#1151/02', flagged: '/02' }],
};

export default rule;
