// routing-indicator-shape: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('routing-indicator-shape', {
  severity: 'error',
  description: 'Routing indicators are R followed by 3 to 6 capital letters.',
  examples: [{ good: 'RR RUEHDBU', bad: 'RR RUEHDBU9', flagged: 'RUEHDBU9' }],
});
