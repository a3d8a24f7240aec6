// reason-letter: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('reason-letter', {
  severity: 'error',
  description: 'Classification reasons are letters a to h of section 1.4.',
  examples: [{ good: '1.4 (b), (d)', bad: '1.4 (b), (k)', flagged: 'k' }],
});
