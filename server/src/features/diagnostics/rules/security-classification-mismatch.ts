// security-classification-mismatch: the ZNY/ZNR letters against the classification line; fixes either side.
import { canonicalClassification } from '../../../syntax/model';
import { Fix, Rule } from '../rule';
import { finding, LEVEL_NAME, replace } from './helpers';

/** The classification-line level that a security letter stands for. */
const SECURITY_LEVEL: Record<string, string> = {
  U: 'UNCLAS',
  E: 'UNCLAS',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  T: 'TOPSECRET',
};

const rule: Rule = {
  code: 'security-classification-mismatch',
  severity: 'warning',
  description: 'The ZNY/ZNR letters agree with the classification line (U: UNCLAS, C: CONFIDENTIAL, S: SECRET).',
  check: ({ facts }) => {
    const letter = facts.securityLetter;
    const body = facts.classification;
    if (!letter || !body || !SECURITY_LEVEL[letter.value]) return [];
    const expected = SECURITY_LEVEL[letter.value];
    const actual = body.level === 'UNCLASSIFIED' || body.level === 'LIMITEDOFFICIALUSE' ? 'UNCLAS' : body.level;
    if (expected === actual) return [];
    const want = actual === 'UNCLAS' ? 'UUUUU' : actual[0].repeat(5);
    return [
      finding(
        letter.span,
        `Security letters ${letter.value.repeat(5)} (${LEVEL_NAME[expected]}) disagree with the classification line (${LEVEL_NAME[body.level]}): expected ${want}.`,
      ),
    ];
  },
  fix: (_, { cable, facts }) => {
    const body = facts.classification;
    const letter = facts.securityLetter;
    if (!body || !letter) return [];
    const rank = body.rank;
    const letters = rank >= 4 ? 'TTTTT' : rank === 3 ? 'SSSSS' : rank === 2 ? 'CCCCC' : 'UUUUU';
    const zn = rank >= 2 ? 'ZNY' : 'ZNR';
    const fixes: Fix[] = [
      {
        title: `Change the security line to ${zn} ${letters} ZZH`,
        edits: [replace(cable, { ...letter.span, start: 0 }, `${zn} ${letters}`)],
      },
    ];
    const level = SECURITY_LEVEL[letter.value];
    if (level) {
      const spelled = canonicalClassification(level);
      fixes.push({
        title: `Change the classification line to ${spelled}`,
        edits: [replace(cable, body.span, spelled)],
      });
    }
    return fixes;
  },
  examples: [{ good: 'ZNY CCCCC ZZH', bad: 'ZNY SSSSS ZZH', flagged: 'SSSSS' }],
};

export default rule;
