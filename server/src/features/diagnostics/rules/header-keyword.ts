// header-keyword: a header line one edit away from its keyword or shape (DF, FN, T0, INF0, VZCZXRO1864, ZMY, QX),
// read as that line by the structure (headerGrammar.ts); the fix restores the keyword when the reading is certain.
import { Rule } from '../rule';
import { replace, syntaxRule } from './helpers';

export default syntaxRule('header-keyword', {
  severity: 'error',
  description:
    'A header line with a damaged keyword or precedence (DF for DE, T0 for TO, VZCZX...): read as that line.',
  fix: (found, { cable }) => {
    const replacement = (found.data as { replacement?: string } | undefined)?.replacement;
    return replacement
      ? [{ title: `Restore the keyword ${replacement}`, edits: [replace(cable, found, replacement)], preferred: true }]
      : [];
  },
  examples: [
    { good: 'DE RUEHDBU #1151/01', bad: 'DF RUEHDBU #1151/01', flagged: 'DF' },
    { good: 'FM AMEMBASSY', bad: 'FN AMEMBASSY', flagged: 'FN' },
    { good: 'TO RUEHC', bad: 'T0 RUEHC', flagged: 'T0' },
    { good: 'INFO RUEHBUL', bad: 'INF0 RUEHBUL', flagged: 'INF0' },
    { good: 'VZCZCXRO1864', bad: 'VZCZXRO1864', flagged: 'VZCZ' },
    { good: 'ZNY CCCCC', bad: 'ZMY CCCCC', flagged: 'ZMY' },
    { good: 'RR RUEHDBU', bad: 'QX RUEHDBU', flagged: 'QX' },
  ],
}) satisfies Rule;
