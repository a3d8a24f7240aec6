// julian-time: checked by the lexer (syntax/lexer.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('julian-time', {
  severity: 'error',
  description: 'The DE line Julian date-time: day of year 001-366, hour 00-23, minute 00-59.',
  examples: [{ good: '2891223', bad: '3991223', flagged: '399' }],
});
