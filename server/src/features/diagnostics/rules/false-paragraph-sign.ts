// false-paragraph-sign: checked by the structure (syntax/structure.ts).
import { replace, syntaxRule } from './helpers';

export default syntaxRule('false-paragraph-sign', {
  severity: 'information',
  description: 'A paragraph sign before a wrapped line that began with a number: not a paragraph start.',
  fix: (finding, { cable, reader }) => {
    // The sign read as Latin-1 (Â¶) is two characters.
    const sign = reader.line(cable, finding.line).startsWith('Â¶', finding.start) ? 2 : 1;
    return [
      {
        title: 'Remove the false paragraph sign',
        edits: [replace(cable, { ...finding, end: finding.start + sign }, '')],
        preferred: true,
      },
    ];
  },
  examples: [
    {
      good: '¶2. (C) Karasin said more.',
      bad: '¶2. (C) Karasin met Aznar on October\n¶16. President Aznar said more.',
      flagged: '¶16.',
    },
  ],
});
