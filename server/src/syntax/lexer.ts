// Line lexer: one line of text -> its kind, typed tokens with exact columns, and shape problems.
// A pure function of the line's text, so an edit only re-lexes the lines it touched. Never throws;
// every regular expression is anchored or bounded so that it runs in linear time.
import { editDistance } from '../vocabulary/tags';
import { LexedLine, LineKind, LineProblem, ProblemCode, Token, TokenKind } from './types';
import { MONTHS } from '../vocabulary/months';
import { isDigit } from '../util/characters';
import { isPortionMarking, markersFromStart, runInMarkers, startsWithPilcrow } from './paragraphMarkers';
import { CAPTION_LINE_FORMS } from '../vocabulary/captionLines';
import { classificationByWord, classificationLevels, classificationWords } from '../vocabulary/classification';

const NO_TOKENS = Object.freeze([]) as unknown as Token[];
const NO_PROBLEMS = Object.freeze([]) as unknown as LineProblem[];
// Every lexed line has the same fields in the same order (markers too, undefined on most): one shape for the loops
// that read every line of a cable.
const BLANK: LexedLine = Object.freeze({
  kind: 'blank',
  tokens: NO_TOKENS,
  problems: NO_PROBLEMS,
  markers: undefined,
}) as LexedLine;

/** Longest line the lexer classifies in detail; beyond it a line is plain text (a 1 MB line stays cheap). */
export const MAX_HEADER_LINE = 2_000;

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * `text.charCodeAt(at)`, NaN outside the text as there. A charCodeAt that once reads past either end of a string is
 * no longer inlined by V8, for good (about twice the cost of every later read at that place): the lexer reads one
 * or two characters past the end of short lines all the time, so every read goes through this test.
 */
export function codeAt(text: string, at: number): number {
  return at >= 0 && at < text.length ? text.charCodeAt(at) : NaN;
}

/** Splits on spaces and tabs, keeping columns. */
function words(text: string, from = 0, to = text.length): Word[] {
  const result: Word[] = [];
  let i = from;
  while (i < to) {
    while (i < to && (codeAt(text, i) === 32 || codeAt(text, i) === 9)) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && codeAt(text, i) !== 32 && codeAt(text, i) !== 9) i++;
    result.push({ text: text.slice(start, i), start, end: i });
  }
  return result;
}

/** Adds the tokens and problems of a line lexed from a later column of the same text. */
function mergeInto(line: LineBuilder, other: LexedLine | undefined): void {
  if (!other) return;
  line.tokens.push(...other.tokens);
  line.problems.push(...other.problems);
}

class LineBuilder {
  readonly tokens: Token[] = [];
  readonly problems: LineProblem[] = [];
  token(kind: TokenKind, start: number, end: number): this {
    if (end > start) this.tokens.push({ kind, start, end });
    return this;
  }
  word(kind: TokenKind, word: Word): this {
    return this.token(kind, word.start, word.end);
  }
  problem(code: ProblemCode, start: number, end: number, message: string, replacement?: string): this {
    const problem: LineProblem = { code, start, end: Math.max(end, start + 1), message };
    if (replacement !== undefined) problem.replacement = replacement;
    this.problems.push(problem);
    return this;
  }
  build(kind: LineKind): LexedLine {
    // Tokens mostly come in order; a stable sort of sorted tokens changes nothing, so it runs only when needed.
    if (!isSorted(this.tokens)) this.tokens.sort((a, b) => a.start - b.start);
    // Exact-size arrays for the model's lifetime (an array grown by push keeps room for 17 elements: about 150 bytes
    // a line), and one shared empty array for the lines without problems. Built lines are never changed.
    return {
      kind,
      tokens: this.tokens.length ? this.tokens.slice() : NO_TOKENS,
      problems: this.problems.length ? this.problems.slice() : NO_PROBLEMS,
      markers: undefined,
    };
  }
}

function isSorted(tokens: readonly Token[]): boolean {
  for (let i = 1; i < tokens.length; i++) if (tokens[i - 1].start > tokens[i].start) return false;
  return true;
}

const ROUTING_INDICATOR = /^R[A-Z]{3,6}$/;
export const PRECEDENCE_LETTERS = 'ZYOPR';
/** How the notice of a partial extract (a cable known from its distribution copy) begins. */
export const PARTIAL_EXTRACT_NOTICE = 'This record is a partial extract';
const PRECEDENCE_WORDS = /^(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE|NIACT)$/;

export function lexLine(text: string): LexedLine {
  return lex(text, ALL_INLINE);
}

/**
 * The lines of a whole text, lexed: the same as lexLine on each of them. `lines` are the text's lines in order, split at
 * its line ends (\r\n, \n, \r). The few lines where lexInline may find a token, and which of its searches may find
 * one, are found in one pass of indexOf over the text (see inlineTriggers) rather than by searches on every line.
 */
export function lexLines(text: string, lines: readonly string[]): LexedLine[] {
  const triggers = inlineTriggers(text);
  let next = 0;
  let start = 0;
  return lines.map((line) => {
    const end = start + line.length;
    while (triggers[next] < start * 32) next++;
    let inline = 0;
    for (; triggers[next] < end * 32; next++) inline |= triggers[next] % 32;
    const lexed = lex(line, inline);
    // startsWith rather than two character tests: the one after the \r, first read when the first CRLF line comes,
    // discarded the compiled code then, and the last line's end is read past the text.
    start = end + (text.startsWith('\r\n', end) ? 2 : 1);
    return lexed;
  });
}

/** The cables.csv rendering ends every line with a backslash (its escaped newline): the line is what comes before. */
export function withoutRenderingBackslash(text: string): string {
  return codeAt(text, text.length - 1) === 92 /* \\ */ ? text.slice(0, -1).trimEnd() : text;
}

/** `inline`: the groups of lexInline's searches that may find a token in the line (bits of InlineSearch). */
function lex(text: string, inline: number): LexedLine {
  text = withoutRenderingBackslash(text);
  let first = 0;
  while (first < text.length && (codeAt(text, first) === 32 || codeAt(text, first) === 9)) first++;
  if (first === text.length) return BLANK;
  const c = codeAt(text, first);
  // Header lines start at column 0 in every rendering; testing the first letter keeps prose cheap. A longer line than
  // MAX_HEADER_LINE is prose (lexBodyLine): its own call of lexProse, made first on a rare long line, discarded the
  // compiled code.
  if (first === 0 && c >= 65 && c <= 90 && text.length <= MAX_HEADER_LINE) {
    const header = lexHeaderLine(text);
    if (header) return header;
  }
  return withMarkers(text, lexBodyLine(text, first, inline));
}

/**
 * The line with the paragraph markers that only the numbering can confirm, when it has any (paragraphMarkers.ts), and
 * an underline (`-----`) as the shared UNDERLINE_LINE: found here, once per line, so that an edit reads them again on
 * the lines it touched only.
 */
function withMarkers(text: string, line: LexedLine): LexedLine {
  const kind = line.kind;
  if (kind === 'paragraph') {
    const marking = line.tokens[1]?.kind === 'portionMarking' ? line.tokens[1] : line.tokens[0];
    const markers = runInMarkers(text, marking.end);
    return markers.length ? { ...line, markers } : line;
  }
  if (line === PLAIN_TEXT && isUnderline(text)) return UNDERLINE_LINE;
  if (kind !== 'text' && kind !== 'letteredItem' && kind !== 'classifiedBy' && kind !== 'preHeader') return line;
  const markers = (kind === 'classifiedBy' ? undefined : markersFromStart(text)) ?? runInMarkers(text, 0);
  return markers.length ? { ...line, markers } : line;
}

/** A line of `-`, `=` or `_` (three or more, maybe spaced), as headings are underlined. */
function isUnderline(text: string): boolean {
  let first = 0;
  while (first < text.length && text.charCodeAt(first) === 32) first++;
  const c = text.charCodeAt(first);
  return (c === 45 /* - */ || c === 61 /* = */ || c === 95) /* _ */ && UNDERLINE.test(text);
}

const UNDERLINE = /^\s*[-=_]{3}[-=_ ]*$/;

function lexHeaderLine(text: string): LexedLine | undefined {
  // Each pattern is tried only when the first characters allow it (the same patterns, in the same order):
  // a capitalised line of prose then costs a few comparisons instead of ten regular expressions.
  const c = codeAt(text, 0);
  const c1 = codeAt(text, 1);
  const c2 = codeAt(text, 2);
  if (c === 86 /* V */ && text.startsWith('VZCZC')) return lexTransmission(text);
  // `DE KLERK'S PROPOSALS` is prose: a DE line names a routing indicator or a #serial.
  if (c === 68 /* D */ && c1 === 69 /* E */ && c2 === 32 && /^DE +(?:R[A-Z0-9]{2,8}\b|\S+ +#)/.test(text))
    return lexStationSerial(text);
  if (c === 90 /* Z */ && c1 === 78 /* N */ && /^ZN[A-Z] /.test(text)) return lexSecurity(text);
  if (
    c1 === 32 &&
    /^[A-Z](?: [A-Z])? +\d{5,6}Z? +[A-Za-z]{3} +\d{2,4}(?: +(?:Z[A-Z]{2}[A-Z0-9]*\b|\().*)? *$/.test(text)
  )
    return lexDtg(text);
  if (c1 === c && c2 === 32 && /^([A-Z])\1 +R[A-Z]/.test(text)) return lexRelay(text, 'relay');
  if (c === 82 /* R */ && /^R[A-Z]{3,6}(?: +R[A-Z]{3,6})* *$/.test(text)) return lexRelay(text, 'relayContinuation');
  // FM, TO, INFO, XMT: the first two letters first (prose starts with T and I often).
  const keyword =
    (c === 70 /* F */ && c1 === 77) ||
    (c === 84 /* T */ && c1 === 79) ||
    (c === 73 /* I */ && c1 === 78) ||
    (c === 88 /* X */ && c1 === 77)
      ? /^(FM|TO|INFO|XMT\/?)(?: +|$)/.exec(text)
      : null;
  if (keyword && !isDistributionLine(text)) return lexAddressLine(text, keyword[1].length, addressKind(keyword[1]));
  if (c === 82 /* R */ && /^(?:RU|RH|RA|RB|RC|RE|RF|RG|RK|RL|RQ|RS|RT)[A-Z]{1,5}\//.test(text))
    return lexAddressLine(text, 0, 'address');
  if (c === 66 /* B */ && /^BT *$/.test(text)) return new LineBuilder().token('prosign', 0, 2).build('break');
  // `Nnnn` in a cable written in lower case (08STATE15220).
  if (c === 78 /* N */ && /^N(?:NNN|nnn) *$/.test(text))
    return new LineBuilder().token('prosign', 0, 4).build('endOfMessage');
  return undefined;
}

function addressKind(keyword: string): LineKind {
  return keyword === 'FM' ? 'from' : keyword === 'TO' ? 'to' : keyword === 'INFO' ? 'info' : 'exempt';
}

function lexTransmission(text: string): LexedLine {
  const line = new LineBuilder().token('prosign', 0, 5);
  const rest = words(text, 5);
  if (rest.length === 0)
    return line
      .problem(
        'transmission-shape',
        0,
        5,
        'Transmission line has no channel: expected VZCZC, three letters and a sequence number, e.g. VZCZCXRO1864.',
      )
      .build('transmission');
  const id = rest[0];
  if (id.start !== 5)
    line.problem(
      'transmission-shape',
      5,
      id.start,
      'Unexpected space after VZCZC: expected the channel and sequence right after it, e.g. VZCZCXRO1864.',
    );
  line.word('channel', id);
  if (!/^[A-Z]{3}\d{1,4}$/.test(id.text)) {
    line.problem(
      'transmission-shape',
      id.start,
      id.end,
      `Malformed channel and sequence "${id.text}": expected three capital letters and up to four digits, e.g. XRO1864.`,
    );
  }
  if (rest.length > 1) {
    line.problem(
      'transmission-shape',
      rest[1].start,
      rest[rest.length - 1].end,
      'Unexpected text after the transmission identifier: the VZCZC line holds nothing else.',
    );
  }
  return line.build('transmission');
}

function lexRelay(text: string, kind: 'relay' | 'relayContinuation'): LexedLine {
  const line = new LineBuilder();
  const all = words(text);
  let indicators = all;
  if (kind === 'relay') {
    const precedence = all[0];
    line.word('precedence', precedence);
    if (!PRECEDENCE_LETTERS.includes(precedence.text[0])) {
      line.problem(
        'relay-precedence',
        precedence.start,
        precedence.end,
        `Unknown precedence "${precedence.text}": expected ZZ, OO, PP or RR (the DTG precedence letter, doubled).`,
      );
    }
    indicators = all.slice(1);
  }
  for (const word of indicators) {
    line.word('routingIndicator', word);
    if (!ROUTING_INDICATOR.test(word.text)) {
      line.problem(
        'routing-indicator-shape',
        word.start,
        word.end,
        `Malformed routing indicator "${word.text}": expected R followed by 3 to 6 capital letters, e.g. RUEHDBU.`,
      );
    }
  }
  return line.build(kind);
}

function lexStationSerial(text: string): LexedLine {
  const line = new LineBuilder().token('prosign', 0, 2);
  const [station, serial, time, ...extra] = words(text, 2);
  const expected = 'expected DE <station RI> #<serial>[/<section>] <JJJHHMM>, e.g. DE RUEHDBU #1151/01 2891223.';
  if (!station)
    return line.problem('station-serial-shape', 0, 2, `DE line has no station: ${expected}`).build('stationSerial');
  line.word('routingIndicator', station);
  if (!ROUTING_INDICATOR.test(station.text)) {
    line.problem(
      'routing-indicator-shape',
      station.start,
      station.end,
      `Malformed station routing indicator "${station.text}": expected R followed by 3 to 6 capital letters.`,
    );
  }
  if (!serial)
    return line
      .problem('station-serial-shape', station.end, station.end + 1, `DE line ends after the station: ${expected}`)
      .build('stationSerial');
  const serialMatch = /^(#?)(\d*)(?:\/(\d*))?$/.exec(serial.text);
  if (!serialMatch) {
    line
      .word('stationSerial', serial)
      .problem(
        'station-serial-shape',
        serial.start,
        serial.end,
        `Malformed station serial "${serial.text}": ${expected}`,
      );
  } else {
    const [, hash, digits, section] = serialMatch;
    const sectionStart = serial.start + hash.length + digits.length;
    line.token('stationSerial', serial.start, sectionStart);
    if (!hash)
      line.problem(
        'station-serial-shape',
        serial.start,
        serial.start + 1,
        'Station serial without "#": expected #<four digits>, e.g. #1151.',
      );
    if (digits.length !== 4) {
      line.problem(
        'station-serial-shape',
        serial.start,
        sectionStart,
        `Station serial "${digits}" has ${digits.length} digits: expected four (the telegram serial modulo 10000, zero-padded).`,
      );
    }
    if (section !== undefined) {
      line.token('sectionNumber', sectionStart, serial.end);
      if (!/^\d{2,3}$/.test(section))
        line.problem(
          'station-serial-shape',
          sectionStart,
          serial.end,
          `Malformed section "/${section}": expected a slash and two digits, e.g. /01.`,
        );
    }
  }
  if (!time)
    return line
      .problem('station-serial-shape', serial.end, serial.end + 1, `DE line has no Julian date-time: ${expected}`)
      .build('stationSerial');
  line.word('julianTime', time);
  const julian = /^(\d{3})(\d{2})(\d{2})$/.exec(time.text);
  if (!julian) {
    line.problem(
      'julian-time',
      time.start,
      time.end,
      `Malformed Julian date-time "${time.text}": expected seven digits, day of year (001-366) then HHMM.`,
    );
  } else {
    const [day, hour, minute] = julian.slice(1).map(Number);
    if (day < 1 || day > 366)
      line.problem(
        'julian-time',
        time.start,
        time.start + 3,
        `Julian day ${julian[1]} is out of range: expected 001 to 366.`,
      );
    if (hour > 23)
      line.problem(
        'julian-time',
        time.start + 3,
        time.start + 5,
        `Hour ${julian[2]} is out of range: expected 00 to 23.`,
      );
    if (minute > 59)
      line.problem('julian-time', time.start + 5, time.end, `Minute ${julian[3]} is out of range: expected 00 to 59.`);
  }
  if (extra.length)
    line.problem(
      'station-serial-shape',
      extra[0].start,
      extra[extra.length - 1].end,
      `Unexpected text after the Julian date-time: ${expected}`,
    );
  return line.build('stationSerial');
}

function lexSecurity(text: string): LexedLine {
  const line = new LineBuilder();
  const [zn, letters, zzh, ...tail] = words(text);
  line.word('prosign', zn);
  if (zn.text !== 'ZNY' && zn.text !== 'ZNR')
    line.problem(
      'security-shape',
      zn.start,
      zn.end,
      `Unknown security prosign "${zn.text}": expected ZNY (classified) or ZNR (unclassified).`,
    );
  if (!letters)
    return line
      .problem(
        'security-shape',
        zn.end,
        zn.end + 1,
        'Security line has no classification letters: expected e.g. ZNY CCCCC ZZH.',
      )
      .build('security');
  line.word('securityLetters', letters);
  if (!/^([UCSTE])\1{4}$/.test(letters.text)) {
    line.problem(
      'security-letters',
      letters.start,
      letters.end,
      `Unknown classification letters "${letters.text}": expected five of one letter, UUUUU, CCCCC, SSSSS, TTTTT or EEEEE.`,
    );
  } else if ((zn.text === 'ZNR') !== (letters.text[0] === 'U' || letters.text[0] === 'E')) {
    line.problem(
      'security-letters',
      zn.start,
      letters.end,
      `"${zn.text} ${letters.text}" mixes prosign and letters: ZNR goes with UUUUU, ZNY with CCCCC, SSSSS or TTTTT.`,
    );
  }
  if (!zzh)
    return line
      .problem(
        'security-shape',
        letters.end,
        letters.end + 1,
        'Security line does not end with ZZH: expected e.g. ZNY CCCCC ZZH.',
      )
      .build('security');
  if (zzh.text === 'ZZH') line.word('prosign', zzh);
  else if (zzh.text.startsWith('ZZH(')) {
    // `ZZH(CCY AD6CB6C9 WSC6493 634)`: the operator tail written without its space.
    line.token('prosign', zzh.start, zzh.start + 3);
    tail.unshift({ text: zzh.text.slice(3), start: zzh.start + 3, end: zzh.end });
  } else
    line.problem(
      'security-shape',
      zzh.start,
      zzh.end,
      `Expected ZZH after the classification letters, found "${zzh.text}".`,
    );
  // Corrected or serviced retransmissions carry operator material after ZZH; tolerate it.
  if (tail.length) line.token('operatorTail', tail[0].start, tail[tail.length - 1].end);
  return line.build('security');
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lexDtg(text: string): LexedLine {
  const line = new LineBuilder();
  const parts = words(text);
  let index = 0;
  for (; index < 2 && parts[index].text.length === 1; index++) {
    const p = parts[index];
    line.word('precedence', p);
    if (!PRECEDENCE_LETTERS.includes(p.text))
      line.problem(
        'dtg-precedence',
        p.start,
        p.end,
        `Unknown precedence "${p.text}": expected Z (flash), O (immediate), P (priority) or R (routine).`,
      );
  }
  const [time, month, year, ...tail] = parts.slice(index);
  line.token('dateTimeGroup', time.start, year.end);
  // Operator signs after a serviced retransmission (ZDK, ZDK MANY SVCS, ZFF3, (CCY ADC1AECC MSI3311-632)).
  if (tail.length) line.token('operatorTail', tail[0].start, tail[tail.length - 1].end);
  const dayTime = /^(\d\d)(\d\d)(\d\d)(Z?)$/.exec(time.text);
  if (!dayTime) {
    line.problem(
      'dtg-shape',
      time.start,
      time.end,
      `Malformed date-time "${time.text}": expected DDHHMMZ, e.g. 161223Z.`,
    );
  } else {
    const [day, hour, minute] = dayTime.slice(1, 4).map(Number);
    const monthIndex = MONTHS.indexOf(month.text);
    if (hour > 23)
      line.problem(
        'dtg-shape',
        time.start + 2,
        time.start + 4,
        `Hour ${dayTime[2]} is out of range: expected 00 to 23.`,
      );
    if (minute > 59)
      line.problem(
        'dtg-shape',
        time.start + 4,
        time.start + 6,
        `Minute ${dayTime[3]} is out of range: expected 00 to 59.`,
      );
    if (!dayTime[4])
      line.problem(
        'dtg-shape',
        time.start,
        time.end,
        `Date-time "${time.text}" lacks the zone letter: expected Z (UTC), e.g. ${time.text}Z.`,
      );
    const yearNumber = Number(year.text);
    const fullYear = year.text.length === 2 ? (yearNumber >= 50 ? 1900 : 2000) + yearNumber : yearNumber;
    const leap = fullYear % 4 === 0 && (fullYear % 100 !== 0 || fullYear % 400 === 0);
    const maxDay = monthIndex === 1 && !leap ? 28 : (DAYS_IN_MONTH[monthIndex] ?? 31);
    if (day < 1 || day > maxDay) {
      line.problem(
        'dtg-shape',
        time.start,
        time.start + 2,
        `Day ${dayTime[1]} does not exist in ${monthIndex >= 0 ? MONTHS[monthIndex] : 'that month'}${monthIndex === 1 ? ` ${fullYear}` : ''}: expected 01 to ${String(maxDay).padStart(2, '0')}.`,
      );
    }
  }
  if (!MONTHS.includes(month.text)) {
    const upper = month.text.toUpperCase();
    line.problem(
      'dtg-shape',
      month.start,
      month.end,
      MONTHS.includes(upper)
        ? `Month "${month.text}" must be in capitals: expected ${upper}.`
        : `Unknown month "${month.text}": expected JAN to DEC.`,
    );
  }
  if (year.text.length !== 2)
    line.problem(
      'dtg-shape',
      year.start,
      year.end,
      `Year "${year.text}" has ${year.text.length} digits: expected two, e.g. 09.`,
    );
  return line.build('dtg');
}

/** `[RI/]PLAIN LANGUAGE ADDRESS [precedence word] [serial]` after an optional FM/TO/INFO/XMT keyword. */
function lexAddressLine(text: string, keywordLength: number, kind: LineKind): LexedLine {
  const line = new LineBuilder();
  if (keywordLength) line.token('prosign', 0, keywordLength);
  lexAddress(text, keywordLength, line, kind === 'from');
  return line.build(kind);
}

function lexAddress(text: string, from: number, line: LineBuilder, originator: boolean): void {
  const parts = words(text, from);
  if (parts.length === 0) {
    line.problem(
      'address-shape',
      0,
      Math.max(from, 1),
      originator
        ? 'FM line has no originator: expected e.g. FM AMEMBASSY DUSHANBE.'
        : 'Address line has no addressee: expected e.g. RUEHC/SECSTATE WASHDC 0826.',
    );
    return;
  }
  // A page banner fused into the address list (TO PAGE 02 STATE 015113 182333Z) is rendering damage.
  if (parts[0].text === 'PAGE' && parts.length > 1 && /^\d\d$/.test(parts[1].text)) {
    line.token('preHeader', parts[0].start, parts[parts.length - 1].end);
    line.problem(
      'page-banner-in-address',
      parts[0].start,
      parts[parts.length - 1].end,
      'A page banner is fused into the address list (rendering damage): expected an addressee here.',
    );
    return;
  }
  let start = parts[0].start;
  const slash = /^(R[A-Z0-9]{2,8})\//.exec(parts[0].text);
  if (slash) {
    line.token('routingIndicator', start, start + slash[1].length);
    if (!ROUTING_INDICATOR.test(slash[1]))
      line.problem(
        'routing-indicator-shape',
        start,
        start + slash[1].length,
        `Malformed routing indicator "${slash[1]}": expected R followed by 3 to 6 capital letters.`,
      );
    start += slash[1].length + 1;
  }
  // After the addressee: precedence words, then a serial (not on the FM line). Tokens are added in column order.
  let end = parts.length;
  const serial =
    !originator && end > 1 && /^\d{3,5}(?:-\d{3,5})?$/.test(parts[end - 1].text) ? parts[--end] : undefined;
  const precedenceEnd = end;
  if (!originator) while (end > 1 && PRECEDENCE_WORDS.test(parts[end - 1].text)) end--;
  if (end > 0 && parts[end - 1].end > start) line.token('address', start, parts[end - 1].end);
  for (let k = end; k < precedenceEnd; k++) line.word('precedence', parts[k]);
  if (serial) line.word('addressSerial', serial);
}

/** `INFO  LOG-00   NP-00 ...`, `ACTION AF-00`: the Washington distribution block, not addressees. */
function isDistributionLine(text: string): boolean {
  return /^(?:ACTION|ORIGIN|INFO) +[A-Z0-9]+-\d\d(?: |$)/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Body lines

/** The class words the classification line may hold, spaces removed (UNCLAS, TOPSECRET, UNCLASEFTO ...). */
const CLASSIFICATION_WORDS = classificationWords();

/** The classified levels (sent under ZNY), by name and as the classification line writes them: SECRET, S E C R E T. */
const CLASSIFIED_LEVEL_WORDS = classificationLevels()
  .filter((level) => level.znLine.startsWith('ZNY'))
  .flatMap((level) => [level.level, level.classificationWord]);

function lexBodyLine(text: string, first: number, inline: number): LexedLine {
  if (text.length <= MAX_HEADER_LINE) {
    const special = lexCaptionBlockLine(text, first);
    if (special) return special;
  }
  return lexProse(text, first, inline);
}

/**
 * Caption-block and other special lines. Each check is gated by the first character and the length
 * of the line, so that prose (most of a file) costs a few comparisons.
 */
function lexCaptionBlockLine(text: string, first: number): LexedLine | undefined {
  // One call of lexClassifiedBy and of preHeader for all the lines that lead to them: a call made first by a rare line
  // (`(U) CLASSIFIED BY`, a bare date) had no type feedback, and reaching it discarded the compiled code.
  const special = captionBlockLine(text, first);
  if (special === 'classifiedBy') return lexClassifiedBy(text, first);
  if (special === 'preHeader') return preHeader(text, first);
  return special;
}

/** The line lexed, or which of the two lexers above lexes it. */
function captionBlockLine(text: string, first: number): LexedLine | 'classifiedBy' | 'preHeader' | undefined {
  const c = codeAt(text, first);
  const letter = c | 32; // lower case of an ASCII letter
  const isLetter = letter >= 97 && letter <= 122;
  const length = text.length - first;
  if (!isLetter) {
    if (c >= 48 && c <= 57)
      return length < 40 && /^\d{6}Z [A-Za-z]{3} \d\d *$/.test(text.slice(first)) ? 'preHeader' : undefined;
    if (c === 40 /* ( */ && /^\(U\)\s*CLASSIFIED\s+BY\b/i.test(text.slice(first, first + 24))) return 'classifiedBy';
    if ((c === 60 /* < */ || c === 45) /* - */ && isPreHeaderLine(text, first)) return 'preHeader';
    return undefined;
  }
  // The keyword lines are told by their first two letters (E.O, TAgs, SUbject, REf/REason, CLassified); only they
  // look at the first 24 characters, so prose skips the slice.
  const c1 = codeAt(text, first + 1);
  const second = c1 | 32;
  const keyword =
    (c === 69 /* E */ && (c1 === 46 || c1 === 32 || c1 === 79)) ||
    (letter === 116 && (second === 97 || second === 103)) ||
    (letter === 115 && second === 117) ||
    (letter === 114 && second === 101) ||
    (letter === 99 && second === 108);
  const head = keyword ? text.slice(first, first + 24) : '';
  if (keyword) {
    // `E.o. 12958: decl:` as a cable written in lower case has it.
    if (letter === 101 /* e */ && /^E(?:\.? ?O|\.o)\.?(?: |:|\d)/.test(head)) return lexExecutiveOrder(text, first);
    if (letter === 116 /* t */ && tagsKeyword(head)) return lexTags(text, first);
    if (letter === 115 /* s */ && /^SUBJ(?:ECT)?\s*:/i.test(head)) return lexSubject(text, first);
    if (letter === 114 /* r */) {
      // `REF A: STATE 120288` (10STATE9124): the first item's letter before the colon.
      if (REF_KEYWORD.test(head)) return lexReference(text, first);
      if (/^REASONS?\s*:?\s*1[./]\d/i.test(head)) return lexReason(text, first);
    }
    if (letter === 99 /* c */ && /^CLASSIFIED\s+BY\b/i.test(head)) return 'classifiedBy';
  }
  if (length <= 120 && mayStartCaptionLine(text, first)) {
    const caption = lexCaptionLine(text, first);
    if (caption) return caption;
  }
  if (c > 90) return undefined; // the rest start with a capital
  if (length <= 80 && endsWithPageOfTotal(text)) {
    const header = CONTINUATION_HEADER.exec(text.slice(first));
    if (header)
      return new LineBuilder().token('continuationHeader', first, first + header[1].length).build('continuationHeader');
  }
  if (length <= 600 && mayStartClassification(text, first)) {
    const classification = lexClassification(text, first);
    if (classification) return classification;
  }
  // Passing instructions and the E.O. line run together: `DEPT FOR NEA/MAG AND DRL E.O. 12958: ...`.
  const inlineOrder = length <= 300 && text.includes('E.O. ') ? / E\.O\. \d{5}:/.exec(text.slice(first)) : null;
  if (inlineOrder) return lexExecutiveOrder(text, first + inlineOrder.index + 1);
  if (isPreHeaderLine(text, first)) return 'preHeader';
  return undefined;
}

/**
 * A continuation header: post (cut to ten characters, sometimes in mixed case), serial, page and total, with one or
 * two spaces before the page, `OF` or `of`, and a rendering's trailing backslash (`NEW DELHI 00005135  002 OF 008`).
 */
const CONTINUATION_HEADER = /^([A-Z][A-Za-z .'-]*? \d{8} {1,2}\d{3}(?:\.\d)? (?:OF|of) \d{3})(?: *\\)? *$/;

/** Necessary for a continuation header line: it ends with ` OF ` (or ` of `) and three digits, then spaces. */
function endsWithPageOfTotal(text: string): boolean {
  let end = text.length;
  while (end > 0 && (codeAt(text, end - 1) === 32 || codeAt(text, end - 1) === 92) /* \\ */) end--;
  return (
    isDigit(codeAt(text, end - 1)) &&
    isDigit(codeAt(text, end - 2)) &&
    isDigit(codeAt(text, end - 3)) &&
    (text.startsWith(' OF ', end - 7) || text.startsWith(' of ', end - 7))
  );
}

/**
 * Necessary for lexClassification: a first word of 1 to 12 ASCII letters and a space (`/^[A-Za-z]{1,12} /`) that can
 * begin its class words: a word of five letters or more (a classification, maybe damaged), TOP, one or two letters
 * (`C ONFIDENTIAL`, `S E C R E T`), or three letters and a one-letter word (`SS E C R E T`). A first word of three
 * or four letters, as in most capitalised prose, is none of these.
 */
function mayStartClassification(text: string, first: number): boolean {
  let i = first;
  while (i - first <= 12 && isAsciiLetter(codeAt(text, i))) i++;
  const length = i - first;
  if (length === 0 || length > 12 || codeAt(text, i) !== 32) return false;
  if (length === 4) return false;
  if (length !== 3) return true;
  const lower = (at: number) => codeAt(text, at) | 32; // the word is ASCII letters
  if (lower(first) === 116 && lower(first + 1) === 111 && lower(first + 2) === 112) return true; // TOP
  // The words are read from the first 300 characters: a letter there is a word of one letter when the window ends after it.
  while (codeAt(text, i) === 32 || codeAt(text, i) === 9) i++;
  const after = codeAt(text, i + 1);
  return isAsciiLetter(codeAt(text, i)) && (after === 32 || after === 9 || i + 1 >= Math.min(text.length, first + 300));
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The first four characters, in lower case, of every word that a CAPTION_LINE can start with. */
const CAPTION_LINE_STARTS = new Set(
  [...CLASSIFIED_LEVEL_WORDS, ...CAPTION_LINE_FORMS].map((start) =>
    prefixKey(start.charCodeAt(0), start.charCodeAt(1), start.charCodeAt(2), start.charCodeAt(3)),
  ),
);

/**
 * Four character codes as one small integer, ASCII letters in lower case (other characters may collide, and a missing
 * one reads as a space: a key only filters).
 */
function prefixKey(a: number, b: number, c: number, d: number): number {
  return (((a | 32) & 127) << 21) | (((b | 32) & 127) << 14) | (((c | 32) & 127) << 7) | ((d | 32) & 127);
}

/** Necessary for CAPTION_LINE (case-insensitive): the line starts with the first four characters of a caption. */
function mayStartCaptionLine(text: string, first: number): boolean {
  return CAPTION_LINE_STARTS.has(
    prefixKey(codeAt(text, first), codeAt(text, first + 1), codeAt(text, first + 2), codeAt(text, first + 3)),
  );
}

function preHeader(text: string, first: number): LexedLine {
  return new LineBuilder().token('preHeader', first, text.trimEnd().length).build('preHeader');
}

/**
 * Known captions (captions.tsv); a line made only of them, maybe after the level (`SECRET//NOFORN`, `SECRET/NOFORN`,
 * `SECRET NOFORN`), is a caption line.
 */
const CAPTION_LINE = new RegExp(
  `^(?:(?:${CLASSIFIED_LEVEL_WORDS.join('|')})(?: *\\/\\/? *| +))?(?:(?:${CAPTION_LINE_FORMS.join('|')})[ .,;:-]*)+$`,
  'i',
);
const CAPTION_WORDS = new RegExp(CAPTION_LINE_FORMS.join('|'), 'gi');

function lexCaptionLine(text: string, first: number): LexedLine | undefined {
  const body = text.slice(first).trimEnd();
  if (body.length > 120 || !CAPTION_LINE.test(body)) return undefined;
  const line = new LineBuilder();
  CAPTION_WORDS.lastIndex = 0;
  for (let m = CAPTION_WORDS.exec(body); m; m = CAPTION_WORDS.exec(body))
    line.token('caption', first + m.index, first + m.index + m[0].length);
  return line.build('caption');
}

function isPreHeaderLine(text: string, first: number): boolean {
  // Each pattern is tried only when the line starts as it must (most lines that start with T or P are prose): `This`,
  // `PAGE`, `<<`, or a dash in the window (`AF-00`, `ACTION AF-00`, `-----`) after a capital, digit or dash.
  const c = codeAt(text, first);
  if (c === 84 /* T */) return text.startsWith(PARTIAL_EXTRACT_NOTICE, first) || hasDashedPreHeader(text, first);
  if (c === 80 /* P */ && /^PAGE \d\d /.test(text.slice(first, first + 8))) return true;
  if (c === 60 /* < */) return /^<<\d+>> *$/.test(text.slice(first, first + 120));
  return hasDashedPreHeader(text, first);
}

/**
 * The pre-header lines with a dash: the distribution block (`ACTION AF-00`, `AF-00 NP-00`) and the `-----` banner,
 * each pattern tried on the first 120 characters after the start it needs (prose has dashes too).
 */
function hasDashedPreHeader(text: string, first: number): boolean {
  const c = codeAt(text, first);
  if (c === 45 /* - */) return /^-{5,}[A-Z0-9]* +\d{6}Z \/\d+ *$/.test(text.slice(first, first + 120));
  if (
    (c === 65 /* A */ || c === 79 /* O */ || c === 73) /* I */ &&
    /^(?:ACTION|ORIGIN|INFO) +[A-Z0-9]+-\d\d(?: |$)/.test(text.slice(first, first + 120))
  )
    return true;
  return (
    startsWithDashedCode(text, first) &&
    /^(?:[A-Z0-9]+-\d\d +)+(?:\/\d{3}[A-Z])? *$/.test(text.slice(first, first + 120) + ' ')
  );
}

/** `/^[A-Z0-9]+-\d\d/` at `first`: a distribution code such as AF-00. */
function startsWithDashedCode(text: string, first: number): boolean {
  let i = first;
  for (let c = codeAt(text, i); (c >= 65 && c <= 90) || isDigit(c); c = codeAt(text, ++i));
  return i > first && codeAt(text, i) === 45 && isDigit(codeAt(text, i + 1)) && isDigit(codeAt(text, i + 2));
}

/**
 * `<CLASS> [SECTION nn OF mm] <POST> <serial> [captions]`, including the malformed renderings of the
 * classification (`SS E C R E T`, `C ONFIDENTIAL`, `S e c r e t`). The class is read from the leading
 * short words, compared with the known classifications allowing one or two damaged letters.
 */
function lexClassification(text: string, first: number): LexedLine | undefined {
  // The serial (three to eight digits) is necessary: most lines have no three digits in a row and stop here.
  if (!hasThreeDigits(text, first, Math.min(text.length, first + 300))) return undefined;
  const parts = words(text, first, Math.min(text.length, first + 300));
  let serialIndex = -1;
  for (let i = 1; i < Math.min(parts.length, 32); i++) {
    if (/^\d{3,8}$/.test(parts[i].text)) {
      serialIndex = i;
      break;
    }
  }
  if (serialIndex < 1) return undefined;
  // Class words: a known word, or a run of one-letter words (the first may be a damaged two or three letters).
  let classEnd = 0;
  let letters = '';
  const upper = (w: Word) => w.text.toUpperCase();
  if (/^(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|UUNCLAS)$/.test(upper(parts[0]))) {
    letters = upper(parts[0]);
    classEnd = 1;
  } else if (upper(parts[0]) === 'TOP' && upper(parts[1]) === 'SECRET') {
    letters = 'TOPSECRET';
    classEnd = 2;
  } else if (upper(parts[0]) === 'LIMITED' && upper(parts[1]) === 'OFFICIAL' && upper(parts[2]) === 'USE') {
    letters = 'LIMITEDOFFICIALUSE';
    classEnd = 3;
  } else {
    while (
      classEnd < serialIndex &&
      /^[A-Za-z]{1,3}$/.test(parts[classEnd].text) &&
      (classEnd === 0 || parts[classEnd].text.length === 1)
    ) {
      letters += upper(parts[classEnd]);
      classEnd++;
    }
    // `C ONFIDENTIAL`: a last word that completes the class.
    if (classEnd < serialIndex && letters.length <= 2 && closestClassification(letters + upper(parts[classEnd]))) {
      letters += upper(parts[classEnd]);
      classEnd++;
    }
    if (letters.length < 5) return undefined;
  }
  const level = closestClassification(letters);
  if (!level || classEnd >= serialIndex) return undefined;
  const line = new LineBuilder();
  line.token('classification', parts[0].start, parts[classEnd - 1].end);
  const spaced =
    classEnd > 1 &&
    letters !== 'TOPSECRET' &&
    letters !== 'LIMITEDOFFICIALUSE' &&
    parts.slice(0, classEnd).every((w) => w.text.length === 1);
  // Spaced capitals, or the words written whole as older and re-keyed texts have them (`CONFIDENTIAL`, `SECRET`).
  const canonical =
    level === letters &&
    (spaced ? letters !== 'UNCLAS' : classEnd === 1 || letters === 'TOPSECRET' || letters === 'LIMITEDOFFICIALUSE') &&
    parts.slice(0, classEnd).every((w) => w.text === w.text.toUpperCase());
  if (!canonical) {
    line.problem(
      'classification-form',
      parts[0].start,
      parts[classEnd - 1].end,
      `Classification "${text.slice(parts[0].start, parts[classEnd - 1].end)}" is not in canonical form: expected ${canonicalClassification(level)}.`,
    );
  }
  let postStart = classEnd;
  if (upper(parts[classEnd]) === 'SECTION') {
    const [, n, of, m] = parts.slice(classEnd, classEnd + 4);
    if (n && of && m && /^\d{1,3}$/.test(n.text) && /^OF$/i.test(of.text) && /^\d{1,3}$/.test(m.text)) {
      line.token('section', parts[classEnd].start, m.end);
      if ((parts[classEnd].text !== 'SECTION' || of.text !== 'OF') && canonical)
        line.problem(
          'classification-form',
          parts[classEnd].start,
          m.end,
          `"${text.slice(parts[classEnd].start, m.end)}" should be in capitals: expected SECTION ${n.text} OF ${m.text}.`,
          `SECTION ${n.text} OF ${m.text}`,
        );
      const [section, total] = [Number(n.text), Number(m.text)];
      if (section < 1 || section > total)
        line.problem(
          'section-shape',
          n.start,
          m.end,
          `SECTION ${n.text} OF ${m.text} is impossible: expected 1 <= section <= total.`,
        );
      postStart = classEnd + 4;
    } else {
      line.problem(
        'section-shape',
        parts[classEnd].start,
        parts[classEnd].end,
        'Malformed SECTION: expected SECTION nn OF mm, e.g. SECTION 01 OF 02.',
      );
      postStart = classEnd + 1;
    }
  }
  if (postStart >= serialIndex || serialIndex - postStart > 4) return undefined;
  for (let i = postStart; i < serialIndex; i++) if (!/^[A-Za-z][A-Za-z.'-]*$/.test(parts[i].text)) return undefined;
  line.token('post', parts[postStart].start, parts[serialIndex - 1].end);
  line.word('serial', parts[serialIndex]);
  // Re-flowed renderings put captions (or the whole caption block) on the same line.
  const rest = parts[serialIndex].end;
  CAPTION_WORDS.lastIndex = 0;
  const tail = text.slice(rest, rest + 500);
  for (let m = CAPTION_WORDS.exec(tail); m; m = CAPTION_WORDS.exec(tail))
    line.token('caption', rest + m.index, rest + m.index + m[0].length);
  const order = /\bE\.O\. \d{5}/.exec(tail);
  if (order) mergeInto(line, lexExecutiveOrder(text, rest + order.index));
  return line.build('classification');
}

/** Three digits in a row in [from, to): found by a pattern, which skips through text without digits. */
function hasThreeDigits(text: string, from: number, to: number): boolean {
  THREE_DIGITS.lastIndex = from;
  return THREE_DIGITS.test(text) && THREE_DIGITS.lastIndex <= to;
}

const THREE_DIGITS = /\d\d\d/g;

/** The classification a damaged class word stands for, if it is within the allowed distance. */
export function closestClassification(letters: string): string | undefined {
  if (letters.length < 5) return undefined;
  // Seven edit distances a call, for the same few spellings over and over (a corpus has one per cable): kept by letters.
  const known = closestClassifications.get(letters);
  if (known !== undefined) return known || undefined;
  const closest = closestClassificationOf(letters);
  if (closestClassifications.size >= 10_000) closestClassifications.clear();
  closestClassifications.set(letters, closest ?? '');
  return closest;
}

/** Letters -> the classification they stand for, '' for none. */
const closestClassifications = new Map<string, string>();

function closestClassificationOf(letters: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const word of CLASSIFICATION_WORDS) {
    const distance = Math.abs(letters.length - word.length) > 3 ? 4 : editDistance(letters, word);
    if (distance < bestDistance) [best, bestDistance] = [word, distance];
  }
  if (best === 'UNCLASEFTO') best = 'UNCLAS';
  return bestDistance <= (letters.length >= 9 ? 2 : 1) ? best : undefined;
}

/** The canonical form of a classification (UNCLAS, TOPSECRET ...): 'UNCLAS', 'C O N F I D E N T I A L'. */
function canonicalClassification(level: string): string {
  return classificationByWord(level)?.classificationWord ?? 'UNCLAS';
}

function lexExecutiveOrder(text: string, first: number): LexedLine {
  const line = new LineBuilder();
  const head = /^(E(?:\.? ?O|\.o)\.?)\s*(\d+)?\s*:?\s*/.exec(text.slice(first))!;
  line.token('keyword', first, first + head[1].length);
  let at = first + head[0].length;
  if (head[2])
    line.token(
      'executiveOrderNumber',
      first + head[0].indexOf(head[2]),
      first + head[0].indexOf(head[2]) + head[2].length,
    );
  else
    line.problem(
      'executive-order-shape',
      first,
      first + head[1].length,
      'E.O. line without an order number: expected e.g. E.O. 12958: DECL: 10/16/2019.',
    );
  const rest = text.slice(at);
  const decl = /^(DECL[A-Za-z]*|DNG|GDS|XGDS|RDS|ADS)\s*:?\s*/i.exec(rest);
  if (decl) {
    line.token('keyword', at, at + decl[1].length);
    at += decl[0].length;
  }
  // The date or code runs to the end, or to TAGS/SUBJECT when newlines were lost.
  const tagsAt = text.slice(at).search(/\bTAGS?\b/);
  const end = tagsAt >= 0 ? at + tagsAt : text.length;
  const value = text.slice(at, end).trimEnd();
  if (value) line.token('declassification', at, at + value.length);
  else if (!decl)
    line.problem(
      'executive-order-shape',
      at - 1,
      at,
      'E.O. line without a declassification: expected DECL: mm/dd/yyyy, or N/A on unclassified cables.',
    );
  if (tagsAt >= 0) mergeInto(line, lexTags(text, end));
  return line.build('executiveOrder');
}

/** The TAGS keyword, or one of its misspellings seen in real cables, in capitals with a colon (group 1). */
const tagsKeyword = (text: string): RegExpExecArray | null =>
  /^TAGS?\b:?/i.exec(text) ?? /^(TAS|TGS|TAGES):/.exec(text);

function lexTags(text: string, first: number): LexedLine {
  const line = new LineBuilder();
  const keyword = tagsKeyword(text.slice(first))!;
  line.token('keyword', first, first + keyword[0].length);
  const misspelt = keyword[1];
  if (misspelt)
    line.problem(
      'header-keyword',
      first,
      first + misspelt.length,
      `${misspelt}: read as the TAGS line's keyword: expected TAGS:`,
      'TAGS',
    );
  lexTagCodes(text, first + keyword[0].length, line);
  return line.build('tags');
}

const PAGE_BANNER = /\s(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+)?PAGE \d\d\b/;

/** TAGS codes: plain (`PREL PGOV`), comma-separated, or Cablegate links (`[PREL](#)`). */
export function lexTagCodes(text: string, from: number, line: LineBuilder = new LineBuilder()): LineBuilder {
  const code = /\[([^\]\s]{1,40})\]\(#\)|[^\s,;[\]]+/g;
  code.lastIndex = from;
  // A page banner run into the line (`IT   SECRET   PAGE 02 ROME 03067 211833Z`) ends the codes.
  const banner = text.slice(from, from + MAX_HEADER_LINE).search(PAGE_BANNER);
  const limit = banner >= 0 ? from + banner : Math.min(text.length, from + MAX_HEADER_LINE);
  for (let m = code.exec(text); m && m.index < limit; m = code.exec(text)) {
    if (/^(?:SUBJECT|SUBJ):?$/i.test(m[0])) break;
    const start = m[1] ? m.index + 1 : m.index;
    line.token('tag', start, start + (m[1] ?? m[0]).length);
  }
  return line;
}

function lexSubject(text: string, first: number): LexedLine {
  const keyword = /^SUBJ(?:ECT)?\s*:/i.exec(text.slice(first))!;
  const line = new LineBuilder().token('keyword', first, first + keyword[0].length);
  const at = first + keyword[0].length;
  const portion = /^\s*(\([A-Za-z/ -]{1,20}\))/.exec(text.slice(at, at + 24));
  let textStart = at;
  if (portion && isPortionMarking(portion[1])) {
    const start = at + portion[0].length - portion[1].length;
    line.token('portionMarking', start, start + portion[1].length);
    textStart = start + portion[1].length;
  }
  // Re-flowed caption blocks continue with REF and Classified By on the same line.
  const next = /\s(?:REF(?:TEL)?\s*:|Classified By\s*:|CLASSIFIED BY\s*:)/.exec(
    text.slice(textStart, textStart + MAX_HEADER_LINE),
  );
  const textEnd = next ? textStart + next.index : text.length;
  const trimmed = text.slice(textStart, textEnd).trim();
  if (trimmed) {
    const start = text.indexOf(trimmed, textStart);
    line.token('subjectText', start, start + trimmed.length);
  }
  if (next) mergeInto(line, lexCaptionBlockLine(text, textEnd + 1));
  return line.build('subject');
}

const REF_KEYWORD = /^REF(?:S|TEL|TELS|\(S\)|ERENCES?| [A-Z])?\s*:/i;

/**
 * A REF line without its colon (`REF B SECSTATE 76108`, 09ABUDHABI754), in capitals. Only its place, next to the
 * caption block, tells it from prose that starts with the word: the structure asks.
 */
export function lexReferenceWithoutColon(text: string): LexedLine | undefined {
  // In capitals, as caption blocks are written: prose that starts with the word is in mixed case.
  if (/[a-z]/.test(text)) return undefined;
  const first = text.length - text.trimStart().length;
  const keyword = /^REF(?:S|TELS?)?(?: [A-Z](?= ))?(?= +\S)/.exec(text.slice(first, first + 16));
  return keyword ? lexReference(text, first, keyword[0]) : undefined;
}

function lexReference(text: string, first: number, keyword = REF_KEYWORD.exec(text.slice(first))![0]): LexedLine {
  const line = new LineBuilder().token('keyword', first, first + keyword.length);
  const classifiedBy = /\s(?:Classified By|CLASSIFIED BY)\s*:/.exec(text.slice(first, first + MAX_HEADER_LINE));
  lexCitations(text.slice(0, classifiedBy ? first + classifiedBy.index : text.length), first + keyword.length, line);
  if (classifiedBy) mergeInto(line, lexClassifiedBy(text, first + classifiedBy.index + 1));
  return line.build('reference');
}

/**
 * Item labels (`A.`, `(B)`, `C)`) and cable citations (`09 STATE 12345`, `MADRID 3929`) in REF text, from `from`
 * (which never follows a capital: it follows `REF:` or an item label).
 * A citation that starts with letters starts a run of capitals, `(?<![A-Z])`: a match inside a run would have matched
 * one letter earlier, so the results are the same, and a long run of capitals is tried once instead of once per letter
 * (quadratic: a 32 KB line took 2.6 s).
 */
function lexCitations(text: string, from: number, line: LineBuilder): void {
  const item =
    /(?:^|[\s,;])(¶?\(?[A-Z]\)|¶?[A-Z]\.)(?=\s)|((?:\d{2,4} |(?<![A-Z]))(?:[A-Z]{2,}(?: [A-Z]{2,}){0,2}) \d{1,6}(?: \(\d\d\))?)(?=$|[\s,;.)])/g;
  item.lastIndex = from;
  const limit = Math.min(text.length, from + MAX_HEADER_LINE);
  for (let m = item.exec(text); m && m.index < limit; m = item.exec(text)) {
    if (m[1]) {
      const start = m.index + m[0].length - m[1].length;
      line.token('itemLabel', start, start + m[1].length);
    } else {
      line.token('citation', m.index, m.index + m[0].length);
    }
  }
}

/**
 * A line inside a REF block as the structure sees it: lexed as usual, plus the item labels and citations that the
 * lexer does not look for on its own in running text (`     B. STATE 12345` without a paragraph sign).
 */
export function lexReferenceItem(text: string, lexed: LexedLine = lexLine(text)): LexedLine {
  if (lexed.tokens.some((t) => t.kind === 'citation'))
    return lexed.kind === 'letteredItem'
      ? lexed
      : { kind: 'letteredItem', tokens: lexed.tokens, problems: lexed.problems, markers: undefined };
  const found = new LineBuilder();
  lexCitations(text, 0, found);
  const added = found.tokens.filter((t) => !lexed.tokens.some((o) => o.start < t.end && t.start < o.end));
  const tokens = added.length ? [...lexed.tokens, ...added].sort((a, b) => a.start - b.start) : lexed.tokens;
  return { kind: 'letteredItem', tokens, problems: lexed.problems, markers: undefined };
}

function lexReason(text: string, first: number): LexedLine {
  const keyword = /^REASONS?\s*:?/i.exec(text.slice(first))!;
  const line = new LineBuilder().token('keyword', first, first + keyword[0].length);
  lexReasonLetters(text, first + keyword[0].length, line);
  return line.build('reason');
}

function lexClassifiedBy(text: string, first: number): LexedLine {
  const keyword = /^(?:\(U\)\s*)?CLASSIFIED\s+BY\s*:?/i.exec(text.slice(first))!;
  const line = new LineBuilder().token('keyword', first, first + keyword[0].length);
  const reason = /\bREASONS?\b/i.exec(text.slice(first, first + MAX_HEADER_LINE));
  if (reason) {
    line.token('keyword', first + reason.index, first + reason.index + reason[0].length);
    lexReasonLetters(text, first + reason.index + reason[0].length, line);
  }
  return line.build('classifiedBy');
}

/** `1.4 (b), (d)`, `1.4(b,d)`, `1.5 (B) and (D)`: the letters of the classification reason. */
function lexReasonLetters(text: string, from: number, line: LineBuilder): void {
  const section = /\s*(1[./][45])\s*/y;
  section.lastIndex = from;
  const match = section.exec(text);
  if (!match) return;
  let at = from + match[0].length;
  // Spaces, separators, spaces: `\s*(?:,|and|&|AND|\(|\))*\s*` split a run of spaces between its two \s* in every way
  // before failing (quadratic in the run); spaces after separators only when there are separators is the same set of
  // strings, tried in the same order of end positions, so the same matches.
  const letter = /\s*(?:(?:,|and|&|AND|\(|\))+\s*)?\(?([A-Za-z])\)?(?=[\s,.;)(]|and|$)/y;
  for (;;) {
    letter.lastIndex = at;
    const m = letter.exec(text);
    if (!m || at > from + 80) break;
    const start = m.index + m[0].lastIndexOf(m[1]);
    line.token('reasonLetter', start, start + 1);
    if (!/[a-hA-H]/.test(m[1]))
      line.problem(
        'reason-letter',
        start,
        start + 1,
        `Classification reason "(${m[1]})" does not exist: expected letters a to h of section 1.4.`,
      );
    at = m.index + m[0].length;
  }
}

const PARAGRAPH_START = /^(¶|\uFFFD|Â¶)?\s?(\d{1,3})\s?\.(?=\s|\(|$)/;
const PORTION_MARKING = /^\s*(\([A-Za-z][A-Za-z/ -]{0,18}\))/;

/** A line of plain running text: shared, since lexed lines are never mutated. */
const PLAIN_TEXT: LexedLine = Object.freeze({
  kind: 'text',
  tokens: Object.freeze([]) as unknown as Token[],
  problems: Object.freeze([]) as unknown as LineProblem[],
  markers: undefined,
}) as LexedLine;

/** An underline (`-----`): plain text, told apart by identity; the line above it is a heading. */
export const UNDERLINE_LINE: LexedLine = Object.freeze({
  kind: 'text',
  tokens: Object.freeze([]) as unknown as Token[],
  problems: Object.freeze([]) as unknown as LineProblem[],
  markers: undefined,
}) as LexedLine;

function lexProse(text: string, first: number, inline: number): LexedLine {
  // Most lines are running text without a token: for them nothing is allocated (PLAIN_TEXT is shared), and each
  // pattern below runs only when the characters it starts with are there.
  let line: LineBuilder | undefined;
  let kind: LineKind = 'text';
  const c = codeAt(text, first);
  // A paragraph number starts with a digit, a paragraph sign (¶, U+FFFD, Â¶) or a space character.
  const paragraph =
    c <= 32 || (c >= 48 && c <= 57) || c >= 128 ? PARAGRAPH_START.exec(text.slice(first, first + 12)) : null;
  let bodyStart = first;
  if (paragraph) {
    kind = 'paragraph';
    bodyStart = first + paragraph[0].length;
  } else if (startsWithPilcrow(text, first)) {
    // ¶B. in a REF block (the site put ¶ before line-initial letters) or a lone sign.
    const lettered = /^(?:¶|\uFFFD|Â¶)\(?([A-Z])[.)]/.exec(text.slice(first, first + 5));
    if (lettered) {
      line = new LineBuilder();
      line.token('itemLabel', first, first + lettered[0].length);
      lexCitations(text, first + lettered[0].length, line);
      return line.build('letteredItem');
    }
  } else {
    const c1 = codeAt(text, first + 1);
    // The label's end (the match's length) is computed on every line, not read from the match: each operation first
    // made by a lettered item (rarer) had no type feedback when lexProse was compiled, and discarded its code.
    const labelEnd = first + (c === 40 /* ( */ ? 3 : 2);
    if (
      (c === 40 || (c >= 65 && c <= 90 && (c1 === 46 || c1 === 41))) &&
      /^\(?[A-Z][.)](?=\s)/.test(text.slice(first, first + 4))
    ) {
      kind = 'letteredItem';
      bodyStart = labelEnd;
    }
  }
  // One construction for the paragraph number and the item label, for the same reason.
  if (kind !== 'text')
    line = new LineBuilder().token(kind === 'paragraph' ? 'paragraphNumber' : 'itemLabel', first, bodyStart);
  if (paragraph) {
    const marking = PORTION_MARKING.exec(text.slice(bodyStart, bodyStart + 24));
    if (marking && isPortionMarking(marking[1])) {
      const start = bodyStart + marking[0].length - marking[1].length;
      line!.token('portionMarking', start, start + marking[1].length);
      bodyStart = start + marking[1].length;
    }
  }
  const opener = mayOpenBlock(text, bodyStart)
    ? /^\s*(?:[-=]{3,}\s*)?(\(?)((?:(?:Introduction|Background) and )?(?:Summary and (?:Comment|Action Request)|Summary\/Comment|Summary|Comment|Note|BEGIN TEXT|BEGIN TALKING POINTS))\b\s*[:.-]?/i.exec(
        text.slice(bodyStart, bodyStart + 60),
      )
    : null;
  if (
    opener &&
    (opener[0].trimEnd().endsWith(':') ||
      opener[0].trimEnd().endsWith('.') ||
      opener[0].trimEnd().endsWith('-') ||
      opener[2].toUpperCase() === opener[2] ||
      // Alone on its line, or underlined on it (`Summary =======`).
      /^\s*(?:={3,}\s*)?$/.test(text.slice(bodyStart + opener[0].length)))
  ) {
    const start = bodyStart + opener[0].indexOf(opener[2]);
    (line ??= new LineBuilder()).token('blockStart', start, bodyStart + opener[0].trimEnd().length);
  }
  if (inline) line = lexInline(text, bodyStart, line, inline);
  return kind === 'text' && (!line || line.tokens.length === 0) ? PLAIN_TEXT : line!.build(kind);
}

/**
 * Whether the block opener pattern can match at `from`: after spaces and an optional `(`, the first two letters of
 * In(troduction), Ba(ckground), Su(mmary), Co(mment), No(te) or Be(gin), in any case.
 */
function mayOpenBlock(text: string, from: number): boolean {
  // No character past the end is compared: its NaN would discard the compiled code, made for character codes, once in
  // every run (see codeAt). Past the end the answers are those of NaN: no space, no rule, no letter.
  const end = text.length;
  let i = from;
  while (i < from + 40 && i < end && (codeAt(text, i) === 32 || codeAt(text, i) === 9)) i++;
  // A rule before the word (`------- SUMMARY -------`).
  if (i < end && (codeAt(text, i) === 45 || codeAt(text, i) === 61)) {
    const rule = codeAt(text, i);
    const start = i;
    while (i < end && codeAt(text, i) === rule) i++;
    if (i - start < 3) return false;
    while (i < end && codeAt(text, i) === 32) i++;
  }
  if (i >= end) return i >= from + 40;
  const d = codeAt(text, i);
  // Other space characters (\s) and a window of spaces only: left to the pattern.
  if (d < 32 || d >= 128 || i >= from + 40) return true;
  if (d === 40 /* ( */) i++;
  return i + 1 < end && OPENER_STARTS.has(((codeAt(text, i) | 32) << 8) | (codeAt(text, i + 1) | 32));
}

/** The first two letters (lower case) of the words a block opener starts with, as two bytes. */
const OPENER_STARTS = new Set(
  ['in', 'ba', 'su', 'co', 'no', 'be'].map((start) => (start.charCodeAt(0) << 8) | start.charCodeAt(1)),
);

/**
 * Tokens anywhere in running text: redactions, captions (SIPDIS leaks into sentences), `End ...`
 * markers, `(Note:` openers, and page headers glued into re-flowed paragraphs. Each is found by
 * indexOf on a fixed string first, so that prose without them is scanned at memchr speed.
 * A found token is kept unless it overlaps a token already on the line. Returns the line, created when
 * a token is found.
 */
function lexInline(
  text: string,
  from: number,
  line: LineBuilder | undefined,
  searches: number,
): LineBuilder | undefined {
  if (searches === ALL_INLINE) {
    INLINE_CANDIDATE.lastIndex = from;
    if (!INLINE_CANDIDATE.test(text)) return line;
  }
  let found: Token[] | undefined;
  const add = (kind: TokenKind, start: number, end: number) => (found ??= []).push({ kind, start, end });
  if (searches & InlineSearch.redaction)
    for (const run of ['XXXXXX', 'xxxxxx']) {
      for (let at = text.indexOf(run, from); at >= 0; at = text.indexOf(run, at)) {
        let end = at + run.length;
        while (codeAt(text, end) === run.charCodeAt(0)) end++;
        add('redaction', at, end);
        at = end;
      }
    }
  if (searches & InlineSearch.caption)
    for (const caption of ['SIPDIS', 'NOFORN']) {
      for (let at = text.indexOf(caption, from); at >= 0; at = text.indexOf(caption, at + 1)) {
        if (!isWordChar(codeAt(text, at - 1)) && !isWordChar(codeAt(text, at + 6))) add('caption', at, at + 6);
      }
    }
  if (searches & InlineSearch.blockEnd)
    for (const nd of ['nd ', 'ND ']) {
      for (let at = text.indexOf(nd, from + 1); at >= 0; at = text.indexOf(nd, at + 1)) {
        const next = codeAt(text, at + 3) | 32; // s(ummary), c(omment), n(ote), t(ext, alking points), or a space
        if (
          (next !== 115 && next !== 99 && next !== 110 && next !== 116 && next !== 32) ||
          (codeAt(text, at - 1) | 32) !== 101 ||
          isWordChar(codeAt(text, at - 2))
        )
          continue;
        BLOCK_END.lastIndex = at + 3;
        const m = BLOCK_END.exec(text);
        if (m) add('blockEnd', at - 1, at + 3 + m[0].length);
      }
    }
  if (searches & InlineSearch.noteOpener)
    for (let at = text.indexOf('(', from); at >= 0; at = text.indexOf('(', at + 1)) {
      const next = codeAt(text, at + 1) | 32;
      if (next !== 110 && next !== 99) continue;
      NOTE_OPENER.lastIndex = at + 1;
      const m = NOTE_OPENER.exec(text);
      if (m) add('blockStart', at + 1, at + 1 + m[0].length);
    }
  if (searches & InlineSearch.pageHeader)
    for (let at = text.indexOf(' OF ', from); at >= 0; at = text.indexOf(' OF ', at + 1)) {
      // The pattern ends with three digits at the end of the window: test that first.
      const last = codeAt(text, Math.min(at + 7, text.length) - 1);
      if (last < 48 || last > 57) continue;
      const m = GLUED_PAGE_HEADER.exec(text.slice(Math.max(from, at - 40), at + 7));
      if (m) add('continuationHeader', at + 7 - m[0].length, at + 7);
    }
  if (!found) return line;
  line ??= new LineBuilder();
  if (found.length <= 16) {
    for (const token of found) {
      if (!line.tokens.some((t) => t.start < token.end && token.start < t.end))
        line.token(token.kind, token.start, token.end);
    }
    return line;
  }
  // Many tokens (a long pasted line): the same overlap test against a map of the columns already covered, so that
  // the cost stays linear in the length of the line.
  let size = text.length;
  for (const t of line.tokens) size = Math.max(size, t.end);
  for (const t of found) size = Math.max(size, t.end);
  const covered = new Uint8Array(size + 1);
  const cover = (start: number, end: number) => covered.fill(1, start, end);
  for (const t of line.tokens) cover(t.start, t.end);
  for (const token of found) {
    if (covered.subarray(token.start, token.end).includes(1)) continue;
    line.token(token.kind, token.start, token.end);
    cover(token.start, token.end);
  }
  return line;
}

/**
 * Necessary for every search in lexInline (six X or x, SIPDIS, NOFORN, e + nd / ND + space, `(n` / `(c`, a digit
 * before and after ` OF `): one pass of a regular expression, so that a line with none of them is done at once.
 */
const INLINE_CANDIDATE = /XXXXXX|xxxxxx|SIPDIS|NOFORN|[eE](?:nd|ND) |\([nNcC]|\d OF \d/g;

/** The groups of searches of lexInline, as bits: a line is searched only for the groups whose triggers it holds. */
const InlineSearch = { redaction: 1, caption: 2, blockEnd: 4, noteOpener: 8, pageHeader: 16 } as const;
const ALL_INLINE =
  InlineSearch.redaction |
  InlineSearch.caption |
  InlineSearch.blockEnd |
  InlineSearch.noteOpener |
  InlineSearch.pageHeader;

/**
 * Necessary for each group of searches of lexInline to find a token (its triggers): six X or x; SIPDIS, NOFORN (one
 * pattern for these four: their six letters come from small sets, which the regular expression engine skips
 * through); then strings with a test of the characters around them: [eE]nd or [eE]ND and a space, `(No` `(NO` `(Co`
 * `(CO`, ` OF ` between digits, each searched for with indexOf, which runs at memchr speed when the string starts with
 * a rare character ('d ' is the exception, and the rarest start of 'end ').
 */
const SIX_LETTER_TRIGGERS = /XXXXXX|xxxxxx|SIPDIS|NOFORN/g;
/**
 * The inline triggers of a text, each as its position times 32 plus its group (a bit of InlineSearch), in order;
 * then (length + 1) times 32, which no line reaches.
 */
function inlineTriggers(text: string): Float64Array {
  const found: number[] = [];
  SIX_LETTER_TRIGGERS.lastIndex = 0;
  while (SIX_LETTER_TRIGGERS.test(text)) {
    const position = SIX_LETTER_TRIGGERS.lastIndex - 6;
    found.push(
      position * 32 + ((codeAt(text, position) | 32) === 120 /* x */ ? InlineSearch.redaction : InlineSearch.caption),
    );
  }
  // A function for each string: a loop over a table of them called one closure, then another, at one place, and the
  // code compiled for the loop (for the first closure) was discarded at the second.
  findLowerCaseEnds(text, found);
  findUpperCaseEnds(text, found);
  findNoteOpeners(text, found);
  findPageHeaders(text, found);
  found.push((text.length + 1) * 32);
  return Float64Array.from(found).sort();
}

function findLowerCaseEnds(text: string, found: number[]): void {
  for (let at = text.indexOf('d '); at >= 0; at = text.indexOf('d ', at + 1))
    if (codeAt(text, at - 1) === 110 /* n */ && (codeAt(text, at - 2) | 32) === 101 /* e */)
      found.push(at * 32 + InlineSearch.blockEnd);
}

function findUpperCaseEnds(text: string, found: number[]): void {
  for (let at = text.indexOf('ND '); at >= 0; at = text.indexOf('ND ', at + 1))
    if ((codeAt(text, at - 1) | 32) === 101 /* e */) found.push(at * 32 + InlineSearch.blockEnd);
}

function findNoteOpeners(text: string, found: number[]): void {
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1))
    if (
      (codeAt(text, at + 1) === 78 /* N */ || codeAt(text, at + 1) === 67) /* C */ &&
      (codeAt(text, at + 2) | 32) === 111 /* o */
    )
      found.push(at * 32 + InlineSearch.noteOpener);
}

function findPageHeaders(text: string, found: number[]): void {
  for (let at = text.indexOf('OF '); at >= 0; at = text.indexOf('OF ', at + 1))
    if (codeAt(text, at - 1) === 32 && isDigit(codeAt(text, at - 2)) && isDigit(codeAt(text, at + 3)))
      found.push(at * 32 + InlineSearch.pageHeader);
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
}

const BLOCK_END = / *(?:summary(?: and comment)?|comment|note|text|talking points)\b\.?/iy;
const NOTE_OPENER = /(?:Note|NOTE|Comment|COMMENT):/y;
// The post is cut to ten characters and may hold spaces (`RIO DE JAN`).
const GLUED_PAGE_HEADER = /\b[A-Z](?:[A-Z.'-]| (?=[A-Z])){1,9} \d{8} {1,2}\d{3}(?:\.\d)? OF \d{3}$/;
