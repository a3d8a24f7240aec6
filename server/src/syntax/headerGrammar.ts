// The routing header read as a grammar: each line has a role by its place and its shape; a line one edit away from a
// header line (a near miss) is read as that line. Pure functions of a line's text; structure.ts assigns the roles.
import { editDistance } from '../vocabulary/tags';
import { isDigit } from '../util/characters';
import { lexLine, PRECEDENCE_LETTERS } from './lexer';
import { LexedLine, LineKind, LineProblem } from './types';

/** The header lines in their canonical order (spec §2, §6 rule 15); address lines share the rank of their list. */
export const HEADER_ORDER: readonly LineKind[] = [
  'transmission',
  'relay',
  'stationSerial',
  'security',
  'dtg',
  'from',
  'to',
  'info',
  'exempt',
];

/** The rank of a header line in the canonical order, -1 for the lines that have none (addresses, BT). */
export function headerRank(kind: LineKind): number {
  return HEADER_ORDER.indexOf(kind === 'relayContinuation' ? 'relay' : kind);
}

/** Each header line's name and form, for the messages that say what was expected. */
export const HEADER_FORMS: Partial<Record<LineKind, string>> = {
  transmission: 'the transmission line: VZCZC<channel><sequence>, e.g. VZCZCXRO1864',
  relay: 'the precedence line: <precedence letter, doubled> <routing indicator>..., e.g. RR RUEHDBU',
  stationSerial: 'the DE line: DE <routing indicator> #<serial>[/<section>] <Julian day><hhmm>',
  security: 'the security line: ZNY <five classification letters> ZZH, e.g. ZNY CCCCC ZZH',
  dtg: 'the DTG line: <precedence> <DDHHMM>Z <MON> <YY>, e.g. R 161223Z OCT 09',
  from: 'the FM line: FM <originator>, e.g. FM AMEMBASSY DUSHANBE',
  to: 'the TO line: TO [<routing indicator>/]<addressee>',
  info: 'the INFO line: INFO [<routing indicator>/]<addressee>',
  exempt: 'the XMT line: XMT <addressee>',
  address: 'an address line: [<routing indicator>/]<addressee>',
};

/** Keywords a damaged keyword may stand for, with the line each opens. */
const KEYWORDS: ReadonlyArray<readonly [string, LineKind]> = [
  ['DE', 'stationSerial'],
  ['ZNY', 'security'],
  ['ZNR', 'security'],
  ['FM', 'from'],
  ['TO', 'to'],
  ['INFO', 'info'],
  ['XMT', 'exempt'],
];

/** A line read as the header line it most likely is, with the keyword it should have had (`keyword` absent: shape only). */
export interface NearMiss {
  line: LexedLine;
  keyword?: string;
  /** What is wrong, when it is not a keyword: the structure's message otherwise. */
  message?: string;
}

/** A date-time group without its precedence: how a DTG line reads once its precedence letter is lost. */
const BARE_DATE = /^ *\d{6}Z [A-Za-z]{3} \d\d *$/;

/** True when a line is a date-time group alone: a pre-header date, or a DTG line that lost its precedence. */
export function isBareDate(text: string): boolean {
  return BARE_DATE.test(text);
}

/** The precedence line's doubled letters: ZZ, YY, OO, PP, RR. */
const DOUBLED_PRECEDENCES = [...PRECEDENCE_LETTERS].map((letter) => letter + letter);
const ROUTING_INDICATORS = /^(?: +R[A-Z]{3,6})+ *$/;
/** A DTG whose precedence, spaces or zone letter were damaged: anchored over the whole line, so prose never matches. */
const DAMAGED_DTG = /^ ?[A-Z]{0,2}(?: [A-Z])? *\d{4,7}[A-Z]?(?: *[A-Z]{3}| [A-Za-z]{2,4}) *\d{1,4} *$/;
const DAMAGED_TRANSMISSION = /^[A-Z]{4,6}[A-Z]{3}\d{1,4} *$/;

/**
 * True when a line the lexer took for prose is a damaged transmission or DTG line (both open a cable). Called on
 * every prose line after a body, on every keystroke: both end in a digit, which rules out most prose before any
 * pattern runs.
 */
export function isDamagedOpener(text: string): boolean {
  let end = text.length - 1;
  while (text.charCodeAt(end) === 32) end--;
  if (!isDigit(text.charCodeAt(end))) return false;
  return readDamagedTransmission(text) !== undefined || DAMAGED_DTG.test(text);
}

/**
 * The header lines a line that the lexer did not recognise may be, most likely first, each read as that line (so its
 * routing indicators, serial and date still count). Empty when it is one edit away from none.
 */
export function nearMisses(text: string): NearMiss[] {
  const transmission = readDamagedTransmission(text);
  if (transmission) return [transmission];
  if (BARE_DATE.test(text)) return [readBareDate(text)];
  // Its fields cannot be told apart: the line keeps its role, the date is not read.
  if (DAMAGED_DTG.test(text))
    return [{ line: marked({ kind: 'dtg', tokens: [], problems: [], markers: undefined }, 0, text.trimEnd().length) }];
  const space = text.indexOf(' ');
  const word = space < 0 ? text : text.slice(0, space);
  if (!word || word.length > 5) return [];
  const rest = space < 0 ? '' : text.slice(space);
  // A precedence that is not a doubled letter, before routing indicators: the precedence line; its keyword is
  // restored when one edit makes it a doubled precedence, and only one does (XOO, O).
  if (word.length <= 3 && !DOUBLED_PRECEDENCES.includes(word) && ROUTING_INDICATORS.test(rest)) {
    const doubled = DOUBLED_PRECEDENCES.filter((p) => editDistance(word, p) === 1);
    if (doubled.length === 1)
      return [{ line: shifted(lexLine(doubled[0] + rest), word.length - 2, word.length), keyword: doubled[0] }];
    if (word.length === 2) return [{ line: marked(lexLine(`RR${rest}`), 0, 2) }];
  }
  const found: NearMiss[] = [];
  for (const [keyword, kind] of KEYWORDS) {
    if (editDistance(word, keyword) !== 1) continue;
    const lexed = lexLine(keyword + rest);
    if (lexed.kind === kind) found.push({ line: shifted(lexed, word.length - keyword.length, word.length), keyword });
  }
  // ZMY CCCCC ZZH: the letters decide between ZNY and ZNR.
  if (found.length === 2 && found[0].line.kind === 'security') return [found[/ U{5}/.test(rest) ? 1 : 0]];
  return found;
}

/** A bare date read as the DTG line it was, its date still read; the problem stands on the date. */
function readBareDate(text: string): NearMiss {
  const indent = text.length - text.trimStart().length;
  // Lexed with a precedence put in front, which is then dropped again: the reading does not invent one.
  const lexed = lexLine(`R ${text.slice(indent)}`);
  const shift = indent - 2;
  const problem: LineProblem = { code: 'header-keyword', start: indent, end: indent + 7, message: '' };
  return {
    line: {
      kind: 'dtg',
      tokens: lexed.tokens
        .filter((t) => t.start > 0)
        .map((t) => ({ ...t, start: t.start + shift, end: t.end + shift })),
      problems: [problem],
    },
    message: `The DTG line has no precedence: expected ${HEADER_FORMS.dtg}.`,
  };
}

function readDamagedTransmission(text: string): NearMiss | undefined {
  if (!DAMAGED_TRANSMISSION.test(text)) return undefined;
  for (let k = 4; k <= 6; k++) {
    const channel = text.slice(k).trimEnd();
    if (editDistance(text.slice(0, k), 'VZCZC') === 1 && /^[A-Z]{3}\d{1,4}$/.test(channel))
      return { line: shifted(lexLine(`VZCZC${channel}`), k - 5, k), keyword: 'VZCZC' };
  }
  return undefined;
}

/** A line lexed with the keyword put right, moved back to the columns of the text as written. */
function shifted(lexed: LexedLine, shift: number, keywordEnd: number): LexedLine {
  const move = (start: number) => (start === 0 ? 0 : start + shift);
  return marked(
    {
      kind: lexed.kind,
      tokens: lexed.tokens.map((t) => ({
        kind: t.kind,
        start: move(t.start),
        end: t.start === 0 ? keywordEnd : t.end + shift,
      })),
      problems: lexed.problems.map((p) => ({ ...p, start: move(p.start), end: p.end + shift })),
    },
    0,
    keywordEnd,
  );
}

/** Marks the damaged keyword: the structure writes the message, which depends on the line's place. */
function marked(line: LexedLine, start: number, end: number): LexedLine {
  const problem: LineProblem = { code: 'header-keyword', start, end, message: '' };
  return { kind: line.kind, tokens: line.tokens, problems: [problem, ...line.problems] };
}
