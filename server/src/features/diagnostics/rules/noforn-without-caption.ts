// noforn-without-caption: a NOFORN portion needs the NOFORN caption.
import { Rule } from '../rule';
import { finding, portionMarkings } from './helpers';

const rule: Rule = {
  code: 'noforn-without-caption',
  severity: 'warning',
  description: 'A NOFORN (NF) portion marking requires the NOFORN caption.',
  check: (context) => {
    if (context.facts.captions.includes('NOFORN') || !context.facts.classification) return [];
    const first = portionMarkings(context).find(({ value }) => value?.noforn);
    return first
      ? [
          finding(
            first.span,
            'NOFORN portion in a cable without the NOFORN caption: expected NOFORN among the captions after the classification line.',
          ),
        ]
      : [];
  },
  examples: [{ good: '¶2. (C)', bad: '¶2. (C//NF)', flagged: '(C//NF)' }],
};

export default rule;
