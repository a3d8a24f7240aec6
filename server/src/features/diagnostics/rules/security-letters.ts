// security-letters: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('security-letters', {
  severity: 'error',
  description: 'Security line letters: UUUUU with ZNR; CCCCC, SSSSS or TTTTT with ZNY.',
  examples: [{ good: 'ZNY CCCCC ZZH', bad: 'ZNY CCXCC ZZH', flagged: 'CCXCC' }],
});
