// Paragraph markers the lexer does not read on its own, because alone on a line they are not certain: a paragraph run
// into the line before it (`... in return. 2. (C) We should`), and malformed markers (`7, (U)`, `10  (C)`, `15.UK`,
// `(C) 1. The`). The structure accepts one only where the numbering expects that number next.
import { isDigit } from '../util/characters';
import { LooseMarker } from './types';

/** Whether a paragraph sign starts at `at`, as the renderings have it: ¶, a bad decode (U+FFFD), or a double decode (Â¶). */
export function startsWithPilcrow(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 0xb6 /* ¶ */ || c === 0xfffd || (c === 0xc2 /* Â */ && text.charCodeAt(at + 1) === 0xb6);
}

/**
 * Parenthesised text that is a portion marking: a level, optionally caveats (`S//NF`, `C/REL NATO`).
 * The pattern backtracks exponentially in the number of space-separated words when it fails: its callers pass at most
 * 22 characters (the patterns that find the parentheses), where the worst case costs microseconds.
 */
export function isPortionMarking(parenthesised: string): boolean {
  return (
    /^\(\s*(?:U|SBU|C|S|TS|LOU)(?:\s*(?:\/\/?|-|\s)\s*[A-Za-z][A-Za-z ]*?)*\s*\)$/i.test(parenthesised) &&
    !/^\((?:US|UK|IS|CS|SU)\)$/i.test(parenthesised)
  );
}

const SIGN = '(?:¶|\\uFFFD|Â¶)';
const MARKING = '\\( ?[A-Za-z][A-Za-z/ -]{0,18}\\)';

/** Forms at the start of a line; each pattern's groups: sign + number + punctuation, the number, the marking. */
const AT_START: ReadonlyArray<{ pattern: RegExp; problem: string }> = [
  // `7, (U)`, `10  (C)`, `15 (SBU)`, `3.. (C)`
  { pattern: new RegExp(`^(${SIGN}?(\\d{1,2})(?:,|\\.\\.|(?= )))\\s*(${MARKING})`), problem: 'punctuation' },
  // `3.. The`: a doubled period without a marking
  { pattern: new RegExp(`^(${SIGN}?(\\d{1,2})\\.\\.)(?= [A-Z])()`), problem: 'punctuation' },
  // `(11. (C)`, `(13) (C)`
  { pattern: new RegExp(`^(\\((\\d{1,2})[.)])\\s*(${MARKING})`), problem: 'punctuation' },
  // `(11. The`
  { pattern: new RegExp(`^(\\((\\d{1,2})\\.)(?= [A-Z])()`), problem: 'punctuation' },
  // `15.UK`: the number glued to the next word
  { pattern: new RegExp(`^(${SIGN}?(\\d{1,2})\\.)(?=[A-Z][A-Za-z])()`), problem: 'space' },
];
/** `(C) 1. The Embassy`: the marking before the number. */
const MARKING_FIRST = new RegExp(`^(${MARKING})\\s*(${SIGN}?(\\d{1,2})\\.)(?= )`);
/** `¶1. C) Summary`: a marking that lost its opening parenthesis, right after a paragraph number. */
const HALF_MARKING = /^\s*((?:U|SBU|C|S|TS|LOU)(?:\/[A-Z]{1,5})*\))(?= )/;

/**
 * A malformed marker at the start of a line the lexer did not read as a paragraph, and the run-in markers after it.
 * Those are found here rather than by the lexer: its code for them, first run by a rare line, had no type feedback
 * when it was compiled into the lexer's loop, and discarded that compiled code.
 */
export function markersFromStart(text: string): readonly LooseMarker[] | undefined {
  let first = 0;
  while (first < text.length && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
  const c = text.charCodeAt(first);
  // Every form starts with a digit, a sign or a parenthesis: most lines are passed over on their first character.
  if (!(c === 40 || (c >= 48 && c <= 57) || c >= 128)) return undefined;
  const head = text.slice(first, first + 40);
  for (const { pattern, problem } of AT_START) {
    const m = pattern.exec(head);
    if (!m || (m[3] && !isPortionMarking(m[3]))) continue;
    const written = Number(m[2]);
    const start = first;
    const end = first + m[1].length;
    const markingStart = first + m[0].length - m[3].length;
    return withRunIns(text, {
      written,
      pilcrow: startsWithPilcrow(text, first),
      start,
      end,
      marking: m[3] ? { start: markingStart, end: markingStart + m[3].length } : undefined,
      runIn: false,
      problem:
        problem === 'space'
          ? `No space after the paragraph number "${m[1]}": expected "${m[1]} " before the text.`
          : `Malformed paragraph number "${m[1]}": expected "${written}.".`,
    });
  }
  const m = MARKING_FIRST.exec(head);
  if (m && isPortionMarking(m[1])) {
    const numberStart = first + m[0].length - m[2].length;
    return withRunIns(text, {
      written: Number(m[3]),
      pilcrow: startsWithPilcrow(text, numberStart),
      start: numberStart,
      end: first + m[0].length,
      marking: { start: first, end: first + m[1].length },
      runIn: false,
      problem: `The portion marking ${m[1]} comes before the paragraph number: expected "${m[2]} ${m[1]}".`,
    });
  }
  return undefined;
}

function withRunIns(text: string, atStart: LooseMarker): readonly LooseMarker[] {
  return [atStart, ...runInMarkers(text, atStart.end)];
}

/** A portion marking missing its opening parenthesis right after a paragraph number (`¶1. C) Summary`). */
export function halfMarkingAfter(text: string, numberEnd: number): { start: number; end: number } | undefined {
  const m = HALF_MARKING.exec(text.slice(numberEnd, numberEnd + 16));
  if (!m) return undefined;
  const start = numberEnd + m[0].length - m[1].length;
  return { start, end: start + m[1].length };
}

export function halfMarkingProblem(marking: string): string {
  return `Portion marking "${marking}" lacks its opening parenthesis: expected "(${marking}".`;
}

const NOT_SPACE = /\S/;
const RUN_IN_MARKING = new RegExp(MARKING, 'y');
const SENTENCE_END = `.!?:;"'”)]`;

/**
 * Paragraph markers run into a line from column `from` on: `N. (C)` after the end of a sentence, a redaction
 * (`XXXXXXXXXXXX10. (C)`) or a page banner's time (`211833Z 11. (C)`), and `¶N.` anywhere. In column order.
 */
export function runInMarkers(text: string, from: number): readonly LooseMarker[] {
  // Most lines have none: nothing is allocated for them.
  let found: LooseMarker[] | undefined;
  for (let at = text.indexOf('(', from + 2); at >= 0; at = text.indexOf('(', at + 1)) {
    // The number before the parenthesis first: a few character tests pass over most parentheses of prose.
    const marker = numberBefore(text, at, from);
    if (!marker) continue;
    RUN_IN_MARKING.lastIndex = at;
    const marking = RUN_IN_MARKING.exec(text);
    // In capitals: a lower-case `(c)` inside a line is a reason or a list label.
    if (!marking || !isUpper(text.charCodeAt(marking[0][1] === ' ' ? at + 2 : at + 1)) || !isPortionMarking(marking[0]))
      continue;
    // A paragraph starts there only if text follows (`... 1.4(D) 1. (C)` at the end of a line repeats the next line).
    if (NOT_SPACE.test(text.slice(at + marking[0].length, at + marking[0].length + 8)))
      (found ??= []).push({ ...marker, marking: { start: at, end: at + marking[0].length }, runIn: true });
  }
  for (let at = text.indexOf('¶', from + 1); at >= 0; at = text.indexOf('¶', at + 1)) {
    const m = /^¶(\d{1,2})\.(?= )/.exec(text.slice(at, at + 5));
    if (!m || found?.some((f) => f.start === at)) continue;
    (found ??= []).push({ written: Number(m[1]), pilcrow: true, start: at, end: at + m[0].length, runIn: true });
  }
  if (!found) return NONE;
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
}

const NONE: readonly LooseMarker[] = Object.freeze([]);

/** `N.` (or `¶N.`) and at most three spaces before column `at`, itself after a sentence end, redaction or banner. */
function numberBefore(text: string, at: number, from: number): Omit<LooseMarker, 'marking' | 'runIn'> | undefined {
  let k = at;
  while (k > from && at - k < 3 && text.charCodeAt(k - 1) === 32) k--;
  if (text.charCodeAt(k - 1) !== 46 /* . */) return undefined;
  const end = k;
  k--;
  const digitsEnd = k;
  while (k > from && digitsEnd - k < 3 && isDigit(text.charCodeAt(k - 1))) k--;
  if (k === digitsEnd || digitsEnd - k > 2) return undefined;
  const written = Number(text.slice(k, digitsEnd));
  let start = k;
  const pilcrow = k > from && text.charCodeAt(k - 1) === 0xb6;
  if (pilcrow) start--;
  if (start <= from) return undefined;
  return pilcrow || endsRunIn(text, start) ? { written, pilcrow, start, end } : undefined;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** What may come right before a run-in paragraph's number at `start`. */
function endsRunIn(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) === 88 /* X */) return /X{3}$/.test(text.slice(start - 3, start));
  if (text.charCodeAt(start - 1) !== 32) return false;
  const before = text.slice(Math.max(0, start - 12), start).trimEnd();
  return SENTENCE_END.includes(before[before.length - 1] ?? '') || /(?:\d{6}Z|X{3}| OF \d{3})$/.test(before);
}
