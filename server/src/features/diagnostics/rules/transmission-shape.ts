// transmission-shape: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('transmission-shape', {
  severity: 'error',
  description: 'The VZCZC transmission line: VZCZC, a three-letter channel and a sequence number, nothing else.',
  examples: [{ good: 'VZCZCXRO1864', bad: 'VZCZCXRO1864 EXTRA', flagged: 'EXTRA' }],
});
