// dtg-shape: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('dtg-shape', {
  severity: 'error',
  description: 'The date-time group: DDHHMMZ MON YY with a day that exists in the month, hour 00-23, minute 00-59.',
  examples: [{ good: '161223Z OCT 09', bad: '311223Z SEP 09', flagged: '31' }],
});
