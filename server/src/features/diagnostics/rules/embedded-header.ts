// embedded-header: checked by the structure (syntax/structure.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('embedded-header', {
  severity: 'information',
  description: 'A second transmission header before the body: the text embeds a copy of the cable record.',
  examples: [
    {
      good: 'INFO RUEHBUL/AMEMBASSY KABUL 0273\n',
      bad: 'INFO RUEHBUL/AMEMBASSY KABUL 0273\n\n<<218634>>\nVZCZCXRO1864\n',
      flagged: 'VZCZCXRO1864',
    },
  ],
});
