// executive-order-shape: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('executive-order-shape', {
  severity: 'error',
  description:
    'The E.O. line names an order and a declassification: E.O. 12958: DECL: mm/dd/yyyy (or N/A on unclassified cables).',
  examples: [{ good: 'E.O. 12958: DECL', bad: 'E.O.: DECL', flagged: 'E.O.' }],
});
