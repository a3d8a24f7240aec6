// classification-form: checked by the lexer (syntax/lexer.ts).
import { classificationByWord } from '../../../vocabulary';
import { replace, syntaxRule } from './helpers';

export default syntaxRule('classification-form', {
  severity: 'warning',
  description:
    'The classification line uses a standard form: UNCLAS, spaced capitals (C O N F I D E N T I A L), or the word in capitals (SECRET); SECTION nn OF mm in capitals.',
  fix: (finding, { cable, facts }) => {
    // SECTION nn of mm: the lexer gives the words in capitals.
    const section = (finding.data as { replacement?: string } | undefined)?.replacement;
    if (section) return [{ title: `Write ${section}`, edits: [replace(cable, finding, section)], preferred: true }];
    const body = facts.classification;
    if (!body || body.span.line !== finding.line || body.span.start !== finding.start) return [];
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
    { good: 'SECTION 01 OF 02', bad: 'SECTION 01 of 02', flagged: 'SECTION 01 of 02' },
  ],
});
