// classification-form: checked by the lexer (syntax/lexer.ts).
import { classificationByWord } from '../../../vocabulary';
import { replace, syntaxRule } from './helpers';

export default syntaxRule('classification-form', {
  severity: 'warning',
  description:
    'The classification line uses the canonical form: UNCLAS or spaced capitals (C O N F I D E N T I A L, S E C R E T).',
  fix: (finding, { cable, facts }) => {
    const body = facts.classification;
    if (!body || body.span.line !== finding.line) return [];
    const canonical = classificationByWord(body.level)?.classificationWord;
    if (!canonical) return [];
    return [
      {
        title: `Write the classification as ${canonical}`,
        edits: [replace(cable, body.span, canonical)],
        preferred: true,
      },
    ];
  },
  examples: [
    {
      good: 'C O N F I D E N T I A L SECTION',
      bad: 'CC O N F I D E N T I A L SECTION',
      flagged: 'CC O N F I D E N T I A L',
    },
  ],
});
