// header-keyword: a header line one edit away from its keyword or shape (DF, FN, T0, INF0, VZCZXRO1864, ZMY, QX),
// read as that line by the structure (headerGrammar.ts), and a misspelt TAGS label (TAS:, TGS:, TAGES:) read as TAGS by
// the lexer; the fix restores the keyword when the reading is certain: a damaged precedence from the DTG line's.
import { CableFacts } from '../../../facts/facts';
import { Cable } from '../../../syntax/types';
import { Rule } from '../rule';
import { replace, syntaxRule } from './helpers';

export default syntaxRule('header-keyword', {
  severity: 'error',
  description:
    'A header line with a damaged keyword or precedence (DF for DE, T0 for TO, VZCZX...): read as that line.',
  fix: (found, { cable, facts }) => {
    const replacement =
      (found.data as { replacement?: string } | undefined)?.replacement ??
      relayPrecedenceFromDtg(found.line, cable, facts);
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
    { good: 'RR RUEHDBU', bad: 'RRR RUEHDBU', flagged: 'RRR' },
    { good: 'TAGS: PREL', bad: 'TAS: PREL', flagged: 'TAS' },
  ],
}) satisfies Rule;

/**
 * The precedence line's letters restored from the DTG line's precedence: the two agree on all 598 cables of the corpora
 * that have both lines (the precedence line doubles the DTG's first letter, also for a dual precedence `O R`).
 */
function relayPrecedenceFromDtg(line: number, cable: Cable, facts: CableFacts): string | undefined {
  const letter = facts.dtg?.value.precedence[0]?.[0];
  const isRelayLine = cable.header.some((h) => h.kind === 'relay' && h.line === line);
  return isRelayLine && letter ? letter + letter : undefined;
}
