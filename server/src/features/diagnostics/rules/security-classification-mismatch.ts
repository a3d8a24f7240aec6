// security-classification-mismatch: the ZNY/ZNR letters against the classification line; fixes either side.
import {
  ClassificationLevel,
  classificationByWord,
  classificationByZnLetter,
  classificationLevel,
} from '../../../vocabulary';
import { Rule, RuleContext } from '../rule';
import { finding, replace } from './helpers';

/** Security letters stand for UNCLAS (U, E) or a classified level: LIMITED OFFICIAL USE travels as UNCLAS. */
const securityRank = (level: ClassificationLevel): number => (level.rank <= 1 ? 0 : level.rank);

/** The level the body's classification line names, and the one its security letters should name. */
function levels(facts: RuleContext['facts']) {
  const byLetter = facts.securityLetter && classificationByZnLetter(facts.securityLetter.value);
  const body = facts.classification && classificationByWord(facts.classification.level);
  const wanted = body && classificationLevel(securityRank(body));
  return byLetter && body && wanted ? { byLetter, body, wanted } : undefined;
}

const rule: Rule = {
  code: 'security-classification-mismatch',
  severity: 'warning',
  description: 'The ZNY/ZNR letters agree with the classification line (U: UNCLAS, C: CONFIDENTIAL, S: SECRET).',
  check: ({ facts }) => {
    const found = levels(facts);
    if (!found || securityRank(found.byLetter) === found.wanted.rank) return [];
    const letter = facts.securityLetter!;
    return [
      finding(
        letter.span,
        `Security letters ${letter.value.repeat(5)} (${classificationLevel(securityRank(found.byLetter))!.level}) disagree with the classification line (${found.body.level}): expected ${found.wanted.znLetter!.repeat(5)}.`,
      ),
    ];
  },
  fix: (_, { cable, facts }) => {
    const found = levels(facts);
    if (!found) return [];
    // The security line as the table writes it for the body's level: 'ZNY CCCCC'.
    const securityLine = found.wanted.znLine.slice(0, 9);
    const spelled = classificationLevel(securityRank(found.byLetter))!.classificationWord;
    return [
      {
        title: `Change the security line to ${securityLine} ZZH`,
        edits: [replace(cable, { ...facts.securityLetter!.span, start: 0 }, securityLine)],
      },
      {
        title: `Change the classification line to ${spelled}`,
        edits: [replace(cable, facts.classification!.span, spelled)],
      },
    ];
  },
  examples: [{ good: 'ZNY CCCCC ZZH', bad: 'ZNY SSSSS ZZH', flagged: 'SSSSS' }],
};

export default rule;
