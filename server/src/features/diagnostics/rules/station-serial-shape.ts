// station-serial-shape: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('station-serial-shape', {
  severity: 'error',
  description: 'The DE line: DE <station RI> #<4-digit serial>[/<section>] <JJJHHMM>.',
  examples: [{ good: '#1151/01', bad: '1151/01', flagged: '1' }],
});
