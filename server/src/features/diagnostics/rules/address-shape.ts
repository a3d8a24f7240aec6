// address-shape: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('address-shape', {
  severity: 'error',
  description: 'FM, TO, INFO and XMT lines name an addressee.',
  examples: [{ good: 'FM AMEMBASSY DUSHANBE', bad: 'FM', flagged: 'FM' }],
});
