// security-shape: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('security-shape', {
  severity: 'error',
  description: 'The security line: ZNY or ZNR, five classification letters, ZZH.',
  examples: [{ good: 'ZNY CCCCC ZZH', bad: 'ZNY CCCCC ZZX', flagged: 'ZZX' }],
});
