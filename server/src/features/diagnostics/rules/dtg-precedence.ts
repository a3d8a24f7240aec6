// dtg-precedence: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('dtg-precedence', {
  severity: 'error',
  description: 'The DTG line starts with known precedence letters (Z, O, P, R).',
  examples: [{ good: 'R 161223Z OCT 09', bad: 'Q 161223Z OCT 09', flagged: 'Q' }],
});
