// duplicate-header-line: a second DE, ZNY, DTG, FM, TO or precedence line in one routing header (structure.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('duplicate-header-line', {
  severity: 'warning',
  description: 'A header line that a routing header has once (precedence, DE, ZNY/ZNR, DTG, FM, TO), written twice.',
  examples: [
    {
      good: 'FM AMEMBASSY DUSHANBE\n',
      bad: 'FM AMEMBASSY DUSHANBE\nFM AMEMBASSY DUSHANBE\n',
      flagged: 'FM AMEMBASSY DUSHANBE',
    },
  ],
});
