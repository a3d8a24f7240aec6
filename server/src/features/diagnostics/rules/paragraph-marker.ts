// paragraph-marker: checked by the structure (syntax/structure.ts, with syntax/paragraphMarkers.ts).
import { syntaxRule } from './helpers';

export default syntaxRule('paragraph-marker', {
  severity: 'information',
  description:
    'A paragraph number written out of shape (7, (U) or 10 (C) or 15.UK or (C) 1.): read as the paragraph the numbering expects.',
  examples: [
    { good: '¶2. (C) Karasin said more.', bad: '¶2, (C) Karasin said more.', flagged: '¶2,' },
    { good: '¶2. (C) Karasin said more.', bad: '2 (C) Karasin said more.', flagged: '2' },
  ],
});
