// page-banner-in-address: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('page-banner-in-address', {
  severity: 'warning',
  description: 'A page banner fused into the address list (rendering damage).',
  examples: [
    {
      good: 'TO RUEHC/SECSTATE WASHDC 0826',
      bad: 'TO PAGE 02        STATE   015113  182333Z',
      flagged: 'PAGE 02        STATE   015113  182333Z',
    },
  ],
});
