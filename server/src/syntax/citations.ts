// What a citation names: `09 STATE 12345` -> 09STATE12345, `DOHA 152 (08)` -> 08DOHA152, `MADRID 3929` in a
// 2006 cable -> 06MADRID3929 or else 05MADRID3929 (a REF to last December's cable), `SECSTATE 15113` -> STATE.
// Also reference IDs written out in running text (`09STATE122115`), and what a REF line cites (`readReferences`).
// Pure text, no model; posts as reference IDs write them come from the posts table (server/data/posts.tsv).
import { knownPost } from '../vocabulary/posts';

/** The parts of a cited cable; `year` is two digits when the citation gives one. */
export interface CitedCable {
  year?: string;
  post: string;
  serial: number;
}

/** `CAPE TOWN` -> CAPETOWN, `SECSTATE` -> STATE, `BA` -> BUENOSAIRES: a post as reference IDs write it. */
function normalizePost(post: string): string {
  return knownPost(post) ?? post.replace(/\s+/g, '').toUpperCase();
}

/** `09`, `2009` -> `09`; anything else (three digits, `3400`) is not a year. */
function twoDigitYear(year: string | undefined): string | undefined {
  if (year === undefined) return undefined;
  if (/^\d\d$/.test(year)) return year;
  return /^(?:19|20)\d\d$/.test(year) ? year.slice(2) : undefined;
}

const CITATION = /^(?:(\d{2,4}) )?([A-Z]{2,}(?: [A-Z]{2,}){0,2}) (\d{1,6})(?: \((\d\d)\))?$/;

/** `09 STATE 012345`, `2007 VLADIVOSTOK 095`, `DOHA 152 (08)`, `CAPE TOWN 179` -> year, post, serial. */
export function parseCitation(text: string): CitedCable | undefined {
  const m = CITATION.exec(text.trim());
  if (!m) return undefined;
  const year = m[4] ?? twoDigitYear(m[1]);
  if (m[1] !== undefined && year === undefined) return undefined;
  return { ...(year !== undefined ? { year } : {}), post: normalizePost(m[2]), serial: Number(m[3]) };
}

function referenceId(year: string, post: string, serial: number): string {
  return `${year}${post}${serial}`;
}

/** The year before a two-digit year: 09 -> 08, 00 -> 99. */
export function previousYear(year: string): string {
  return String((Number(year) + 99) % 100).padStart(2, '0');
}

/**
 * The reference IDs a citation may name, in the order to try them: the one its year gives; without a year, the
 * citing cable's year, then the year before. None when the text is no citation or no year is known.
 */
export function citationCandidates(text: string, citingYear: string | undefined): string[] {
  const cited = parseCitation(text);
  if (!cited) return [];
  if (cited.year !== undefined) return [referenceId(cited.year, cited.post, cited.serial)];
  if (citingYear === undefined || !/^\d\d$/.test(citingYear)) return [];
  return [
    referenceId(citingYear, cited.post, cited.serial),
    referenceId(previousYear(citingYear), cited.post, cited.serial),
  ];
}

/** A reference ID as written in running text, at its columns in the line. */
export interface WrittenReferenceId {
  start: number;
  end: number;
  /** The ID with leading zeros of the serial removed: `09STATE012345` -> 09STATE12345. */
  id: string;
}

const WRITTEN_ID = /(?<![A-Za-z0-9])(\d\d)([A-Z]{2,})(\d{1,6})(?![A-Za-z0-9])/g;

/** Reference IDs in a line of text (`09STATE122115`, `09NAIROBI2487|09STATE122115`). */
export function findReferenceIds(line: string): WrittenReferenceId[] {
  const found: WrittenReferenceId[] = [];
  WRITTEN_ID.lastIndex = 0;
  for (let m = WRITTEN_ID.exec(line); m; m = WRITTEN_ID.exec(line)) {
    found.push({ start: m.index, end: m.index + m[0].length, id: referenceId(m[1], m[2], Number(m[3])) });
  }
  return found;
}

/** What a REF line cites that is not a cable, by the word that says so. */
export type NonCableKind =
  'email' | 'telcon' | 'memcon' | 'fam' | 'iir' | 'osc' | 'message' | 'letter' | 'note' | 'report';

/** The words that make a REF item a non-cable reference; the item is then never read as cables. */
const NON_CABLE: ReadonlyArray<[NonCableKind, RegExp]> = [
  ['email', /\bE-?MAILS?\b/i],
  ['telcon', /\bTELCONS?\b/i],
  ['memcon', /\bMEMCONS?\b/i],
  ['fam', /\b\d+\s+FAM\b|\bFAM\s+\d/],
  ['iir', /\bIIR\b/],
  ['osc', /\bOSC\b/],
  ['message', /\bDTG\b|\bMSG\b/i],
  ['letter', /\bLETTERS?\b/i],
  ['note', /\bDIP(?:LOMATIC)?\s*NOTES?\b/i],
  // A post's daily report (`EMBASSY LONDON DAILY REPORT 9/16/2009`, `LONDON DAILY - 30 APRIL 2009`, 09LONDON2222).
  ['report', /\b(?:DAILY|REPORT)\b/i],
];

/** One thing a REF line cites, at its columns: a cable (`cable`) or a typed non-cable reference (`nonCable`). */
export interface WrittenReference {
  start: number;
  end: number;
  cable?: CitedCable;
  nonCable?: NonCableKind;
}

/** Item labels that split a REF line into items: `A.`, `(B)`, `C)`, `¶D.`, `a.`; and `;` between citations. */
const ITEM_BREAK = /(?:^|(?<=[\s,;:]))¶?(?:\([A-Za-z]\)|[A-Za-z]\)|[A-Za-z]\.(?=\s))|;/g;

/** Words (one-word IDs such as `05RIO123` and `06PORT-OF-SPAIN123` among them), numbers, `(99)`, `AND`, `,`. */
const PIECE =
  /(\d\d)([A-Za-z][A-Za-z-]*[A-Za-z])(\d{1,6})(?![A-Za-z0-9])|\((\d\d)\)|(\d{1,6})(?:\/(\d\d))?(?![A-Za-z0-9])|([A-Za-z][A-Za-z-]*)|(,|&)/g;

interface Piece {
  start: number;
  end: number;
  word?: string;
  number?: string;
  /** `00789/08`: the year after the slash. */
  slashYear?: string;
  /** `(99)`. */
  parenYear?: string;
  /** A one-word reference ID. */
  id?: CitedCable;
  joiner?: boolean;
}

function pieces(text: string, from: number, to: number): Piece[] {
  const found: Piece[] = [];
  PIECE.lastIndex = from;
  for (let m = PIECE.exec(text); m && m.index < to; m = PIECE.exec(text)) {
    const piece: Piece = { start: m.index, end: m.index + m[0].length };
    if (m[1] !== undefined) {
      const post = knownPost(m[2]);
      if (post) piece.id = { year: m[1], post, serial: Number(m[3]) };
      else piece.word = m[0];
    } else if (m[4] !== undefined) piece.parenYear = m[4];
    else if (m[5] !== undefined) {
      piece.number = m[5];
      if (m[6] !== undefined) piece.slashYear = m[6];
    } else if (m[7] !== undefined) {
      if (/^AND$/i.test(m[7])) piece.joiner = true;
      else piece.word = m[7];
    } else piece.joiner = true;
    found.push(piece);
  }
  return found;
}

/** The longest run of up to four words from `at` that names a known post, and its length. */
function postAt(list: readonly Piece[], at: number): { post: string; length: number } | undefined {
  for (let length = Math.min(4, list.length - at); length >= 1; length--) {
    const words = list.slice(at, at + length);
    if (words.some((p) => p.word === undefined)) continue;
    const post = knownPost(words.map((p) => p.word).join(' '));
    if (post) return { post, length };
  }
  return undefined;
}

/** The cables one REF item cites: `[YEAR] POST SERIAL[/YY] [(YY)] [AND|, SERIAL]...`, `(99) ROME 2196`, `05RIO123`. */
function cablesOf(text: string, from: number, to: number): WrittenReference[] {
  const list = pieces(text, from, to);
  const found: WrittenReference[] = [];
  let used = -1; // the last piece read as part of a citation: a serial is never the next one's year
  for (let k = 0; k < list.length; k++) {
    if (list[k].id) {
      found.push({ start: list[k].start, end: list[k].end, cable: list[k].id });
      continue;
    }
    const named = list[k].word !== undefined ? postAt(list, k) : undefined;
    const serial = named && list[k + named.length];
    if (!named || !serial?.number) continue;
    const before = k - 1 > used ? list[k - 1] : undefined;
    const yearBefore =
      before?.parenYear ??
      (before?.number !== undefined && !before.slashYear ? twoDigitYear(before.number) : undefined);
    let next = k + named.length + 1;
    const yearAfter = serial.slashYear ?? list[next]?.parenYear;
    if (list[next]?.parenYear !== undefined) next++;
    const year = yearAfter ?? yearBefore;
    const start = yearBefore !== undefined && yearAfter === undefined ? before!.start : list[k].start;
    const cite = (serialText: string): CitedCable => ({
      ...(year !== undefined ? { year } : {}),
      post: named.post,
      serial: Number(serialText),
    });
    found.push({ start, end: list[next - 1].end, cable: cite(serial.number) });
    // `STATE 41252 AND 44603`, `MADRID 5426, 5425`: more serials of the same post and year; a number that a post
    // follows is the year of the next citation.
    while (list[next]?.joiner && list[next + 1]?.number !== undefined && !list[next + 1].slashYear) {
      if (list[next + 2]?.word !== undefined && postAt(list, next + 2)) break;
      found.push({ start: list[next + 1].start, end: list[next + 1].end, cable: cite(list[next + 1].number!) });
      next += 2;
    }
    k = used = next - 1;
  }
  return found;
}

/**
 * What a REF line cites from column `from` to `to`: per item (split at item labels and `;`), the cables it names
 * (posts from the posts table only: `01 OF 02` or `AND 44603` name none), or, when a word says the item is no cable
 * (an e-mail, a telcon, a FAM section, `SECDEF MSG DTG 301601Z SEP 08`), one non-cable reference over the item.
 */
export function readReferences(text: string, from = 0, to = text.length): WrittenReference[] {
  const bounds = [from];
  ITEM_BREAK.lastIndex = from;
  for (let m = ITEM_BREAK.exec(text); m && m.index < to; m = ITEM_BREAK.exec(text)) {
    bounds.push(m.index, m.index + m[0].length);
  }
  bounds.push(to);
  const found: WrittenReference[] = [];
  for (let k = 0; k < bounds.length; k += 2) {
    const [start, end] = [bounds[k], bounds[k + 1]];
    const item = text.slice(start, end);
    const nonCable = NON_CABLE.find(([, pattern]) => pattern.test(item));
    if (nonCable) {
      const trimmedStart = start + (item.length - item.trimStart().length);
      found.push({ start: trimmedStart, end: start + item.trimEnd().length, nonCable: nonCable[0] });
    } else found.push(...cablesOf(text, start, end));
  }
  return found;
}
