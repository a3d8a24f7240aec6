// section-shape: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('section-shape', {
  severity: 'error',
  description: 'SECTION n OF m in capitals, with 1 <= n <= m.',
  examples: [{ good: 'SECTION 01 OF 02', bad: 'SECTION 03 OF 02', flagged: '03 OF 02' }],
});
