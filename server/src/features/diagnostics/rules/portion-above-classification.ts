// portion-above-classification: portion markings against the overall classification.
import { Rule } from '../rule';
import { finding, portionMarkings } from './helpers';
import { classificationByWord } from '../../../vocabulary';

const rule: Rule = {
  code: 'portion-above-classification',
  severity: 'warning',
  description: 'No portion marking is above the overall classification of the cable.',
  check: (context) => {
    const body = context.facts.classification;
    if (!body) return [];
    return portionMarkings(context).flatMap(({ value, span }) =>
      value && value.rank > body.rank
        ? [
            finding(
              span,
              `Portion marked ${value.level} in a cable classified ${classificationByWord(body.level)?.level}: a portion cannot be above the overall classification.`,
            ),
          ]
        : [],
    );
  },
  examples: [{ good: '¶2. (C)', bad: '¶2. (S)', flagged: '(S)' }],
};

export default rule;
