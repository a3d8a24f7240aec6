// Message precedence: the letter on the precedence and DTG lines (O = IMMEDIATE) and the word on address lines.
// Data: server/data/precedence.tsv.
import precedenceTsv from '../../data/precedence.tsv';
import { lazy, parseTsv, splitList } from './tsv';

export interface Precedence {
  /** Z, Y, O, P, R; or a dual precedence 'O R' (action addressees first, info addressees second). */
  code: string;
  /** The word on address lines (IMMEDIATE); undefined when there is none (Y, dual). */
  word?: string;
  meaning: string;
  /** How it appears on the precedence line ('OO') and the DTG line ('O ddhhmmZ MON yy'). */
  precedenceLine: string;
  dtgLine: string;
  note?: string;
}

const COLUMNS = ['code', 'word_in_address_lines', 'meaning', 'precedence_line_form', 'dtg_line_form', 'note'] as const;

const precedences = lazy(() =>
  parseTsv(precedenceTsv, COLUMNS).flatMap((row) =>
    splitList(row.code, ' / ').map((code): Precedence => {
      // 'ROUTINE (normally omitted)' -> ROUTINE; '(none seen)' and 'per addressee' are no words.
      const word = row.word_in_address_lines.replace(/\s*\(.*\)\s*/, '').trim();
      return {
        code,
        word: /^[A-Z][A-Z ]*$/.test(word) ? word : undefined,
        meaning: row.meaning,
        precedenceLine: row.precedence_line_form,
        dtgLine: row.dtg_line_form,
        note: row.note || undefined,
      };
    }),
  ),
);

/** Precedence by letter (Z, Y, O, P, R) or dual code ('O R'); undefined if unknown. */
export function precedence(code: string): Precedence | undefined {
  const key = code.trim().toUpperCase().replace(/\s+/g, ' ');
  return precedences().find((p) => p.code === key);
}

/**
 * Precedence by address-line word: FLASH, IMMEDIATE, PRIORITY, ROUTINE, and NIACT IMMEDIATE (an IMMEDIATE that is to be
 * acted on at once, day or night: 'night action, wake the addressee' in the table's note); undefined if unknown.
 */
export function precedenceByWord(word: string): Precedence | undefined {
  const key = word.trim().toUpperCase().replace(/\s+/g, ' ');
  const niact = /^NIACT (.+)$/.exec(key);
  if (niact) {
    const base = precedenceByWord(niact[1]);
    return (
      base && {
        ...base,
        word: key,
        meaning: `${base.meaning}; NIACT = night action: to be acted on at once, waking the addressee if necessary`,
      }
    );
  }
  return precedences().find((p) => p.word === key);
}
