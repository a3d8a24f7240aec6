// unrecognised-header-line: a line inside the routing header that fits no role there (structure.ts, headerGrammar.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('unrecognised-header-line', {
  severity: 'error',
  description: 'A line inside the routing header that is no header line: the message names the line expected there.',
  examples: [{ good: 'ZNY CCCCC ZZH', bad: 'ZNY CCCCC ZZH\nTRANSMITTED IN HASTE', flagged: 'TRANSMITTED IN HASTE' }],
});
