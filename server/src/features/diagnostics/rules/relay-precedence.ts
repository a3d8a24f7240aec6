// relay-precedence: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('relay-precedence', {
  severity: 'error',
  description: 'The precedence line starts with a known precedence, doubled (OO, PP, RR, ZZ).',
  examples: [{ good: 'RR RUEHDBU', bad: 'QQ RUEHDBU', flagged: 'QQ' }],
});
