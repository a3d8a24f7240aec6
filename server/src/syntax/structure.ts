// Structure: lexed lines -> cables -> header, caption block, sections, paragraphs, blocks.
// Cables are independent: each is built from its own lines only, so an edit rebuilds one cable.
import {
  closestClassification,
  codeAt,
  lexLine,
  PARTIAL_EXTRACT_NOTICE,
  lexReferenceItem,
  lexReferenceWithoutColon,
  lexTagCodes,
  UNDERLINE_LINE,
  withoutRenderingBackslash,
  MAX_HEADER_LINE,
} from './lexer';
import { isDigit } from '../util/characters';
import { clip } from '../util/text';
import {
  HEADER_FORMS,
  HEADER_ORDER,
  headerRank,
  isBareDate,
  isDamagedOpener,
  NearMiss,
  nearMisses,
} from './headerGrammar';
import {
  Block,
  BlockKind,
  Cable,
  ContinuationHeader,
  LexedLine,
  LineProblem,
  LineKind,
  Paragraph,
  LooseMarker,
  Section,
  Span,
  Token,
  TokenKind,
} from './types';
import { firstIndexWhere } from '../util/search';
import { isCaptionBlockLine } from '../vocabulary/captions';
import { halfMarkingAfter, halfMarkingProblem, startsWithPilcrow } from './paragraphMarkers';

const HEADER_KINDS = new Set<LineKind>([
  'transmission',
  'relay',
  'relayContinuation',
  'stationSerial',
  'security',
  'dtg',
  'from',
  'to',
  'info',
  'exempt',
  'address',
  'break',
]);

/**
 * Finds where cables start, one line at a time. A transmission line, a DTG line (also one damaged or without its
 * precedence) or a partial-extract notice opens a new cable once the current one has a body (a classification line after its header,
 * or a paragraph); before that they belong to the current cable (an embedded copy of its header).
 */
export class CableBoundaries {
  private hasHeader = false;
  private hasBody = false;

  /** Feeds the next line; true when it opens a new cable. */
  opens(line: LexedLine, text: string): boolean {
    const kind = line.kind;
    if (kind === 'blank') return false;
    // Most lines are prose: a boundary only when a body came before, and the line is a damaged transmission or DTG.
    if (kind === 'text' && !(this.hasBody && isDamagedOpener(text))) return false;
    const opens =
      this.hasBody &&
      (kind === 'transmission' ||
        kind === 'dtg' ||
        kind === 'text' ||
        (kind === 'preHeader' && (text.startsWith(PARTIAL_EXTRACT_NOTICE) || isBareDate(text))));
    if (opens) this.hasHeader = this.hasBody = false;
    if (HEADER_KINDS.has(kind)) this.hasHeader = true;
    else if ((kind === 'classification' && this.hasHeader) || kind === 'paragraph') this.hasBody = true;
    return opens;
  }
}

/** True when the line ends a sentence (so that a following number can start a paragraph). */
function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  return trimmed.length === 0 || SENTENCE_ENDS.includes(trimmed[trimmed.length - 1]);
}

const SENTENCE_ENDS = `.:;!?)"']»”-`;

/**
 * A line of bare TAGS codes that continues a TAGS line: `/^\s*(?:\[?[A-Z]{2,8}\]?(?:\(#\))?[ ,]*)+$/`, read without
 * that pattern's exponential backtracking on a long run of capitals. A run of two or more capitals always splits into
 * codes of two to eight letters; `[` may open a code, `]` and `(#)` close it, spaces and commas separate codes.
 */
export function isTagsContinuation(text: string): boolean {
  // As long as any header line the lexer reads: a pasted run of 160 000 capitals is text, not 20 000 codes.
  if (text.length > MAX_HEADER_LINE) return false;
  let i = /^\s*/.exec(text)![0].length;
  if (i === text.length) return false;
  while (i < text.length) {
    if (codeAt(text, i) === 91 /* [ */) i++;
    const run = i;
    for (let c = codeAt(text, i); c >= 65 && c <= 90; c = codeAt(text, ++i));
    if (i - run < 2) return false;
    if (codeAt(text, i) === 93 /* ] */) i++;
    if (text.startsWith('(#)', i)) i += 3;
    for (let c = codeAt(text, i); c === 32 || c === 44; c = codeAt(text, ++i));
  }
  return true;
}

/** A paragraph number; `number` and `marker` are set when it is accepted as a paragraph start. */
interface Candidate {
  line: number;
  written: number;
  pilcrow: boolean;
  numberToken: Token;
  marking: Token | undefined;
  number: number;
  marker: Paragraph['marker'];
  /** Read by paragraphMarkers (run in, or malformed): a paragraph only where the numbering expects its number. */
  loose: LooseMarker | undefined;
  /** What is wrong with the marker, for a malformed one the lexer read (`¶1. C) Summary`). */
  malformed: string | undefined;
}

export function buildCable(
  lexed: readonly LexedLine[],
  texts: readonly string[],
  startLine: number,
  endLine: number,
): Cable {
  const lines = lexed.slice(startLine, endLine);
  // Each line's text made once (the cables.csv backslash removed): the stages below read every line several times.
  const own = ownTexts(texts, startLine, endLine);
  const text = (rel: number) => own[rel];
  const cable: Cable = {
    startLine,
    lineCount: endLine - startLine,
    header: [],
    captions: [],
    tagsLines: [],
    classifiedByLines: [],
    sections: [],
    paragraphs: [],
    headings: [],
    listItems: [],
    blocks: [],
    continuationHeaders: [],
    lines,
    problems: [],
  };
  // Each part in a function of its own: small functions are compiled sooner and recompiled at less cost.
  const headerEnd = buildHeader(cable, lines, text);
  const classificationLine = findClassificationLine(cable, lines, text, headerEnd);
  let bodyStart = headerEnd;
  if (classificationLine >= 0) {
    cable.classificationLine = classificationLine;
    bodyStart = classificationLine;
  }
  const captionEnd = buildCaptionBlock(cable, lines, text, bodyStart);
  if (classificationLine >= 0)
    cable.captionBlock = { startLine: classificationLine, endLine: Math.max(captionEnd, classificationLine) };
  const textStart = Math.max(bodyStart, captionEnd + 1);
  const textEnd = findTextEnd(cable, lines, text, textStart);
  const firstSection = firstSectionNumber(cable, lines, text);
  const titles = findHeadings(cable, lines, text, textStart, textEnd);
  buildParagraphs(cable, lines, text, textStart, textEnd, firstSection > 1, titles);
  buildSections(cable, lines, text, bodyStart, lines.length, firstSection);
  buildBlocks(cable, lines, text);
  return compact(cable);
}

/** The texts of lines [start, end), the cables.csv backslash removed (a loop of its own, see indexOfKind). */
function ownTexts(texts: readonly string[], start: number, end: number): string[] {
  const own = texts.slice(start, end);
  for (let k = 0; k < own.length; k++) own[k] = withoutRenderingBackslash(own[k]);
  return own;
}

/**
 * Routing header: from the first header line to the last, blank lines and distribution blocks allowed inside. A
 * classification line before it belongs to a wrapper (mail export) and is passed over. Returns the line after it (0
 * without one).
 */
function buildHeader(cable: Cable, lines: LexedLine[], text: (rel: number) => string): number {
  const count = lines.length;
  let i = 0;
  while (i < count && !HEADER_KINDS.has(lines[i].kind) && lines[i].kind !== 'paragraph') i++;
  if (i === count || lines[i].kind === 'paragraph') i = 0;
  if (i < count && HEADER_KINDS.has(lines[i].kind)) {
    i = damagedFirstLine(lines, text, i);
    const headerStart = i;
    let last = i;
    let inAddresses = false;
    let previous: LineKind = 'blank';
    let highest = -1;
    for (; i < count; i++) {
      let line = lines[i];
      if (line.kind === 'blank' || (line.kind === 'preHeader' && !isBareDate(text(i)))) continue;
      if (line.kind === 'relayContinuation' && previous !== 'relay' && previous !== 'relayContinuation') {
        if (!inAddresses) break;
        line = lines[i] = relex(text(i), 'address');
      } else if (!HEADER_KINDS.has(line.kind)) {
        if (line.kind !== 'text' && line.kind !== 'preHeader') break;
        const reading = readNearMiss(text(i), highest, previous);
        if (reading) line = lines[i] = reading;
        // Addressees without routing indicators (older traffic) continue a TO/INFO/XMT list.
        else if (inAddresses && i === last + 1) line = lines[i] = relex(text(i), 'address');
        else if (continuesHeader(lines, text, i + 1, highest)) {
          const expected = expectedAfter(previous);
          lines[i] = withProblem(line, {
            code: 'unrecognised-header-line',
            start: 0,
            end: text(i).trimEnd().length,
            message: `Unrecognised header line: expected ${HEADER_FORMS[expected]}.`,
          });
          cable.header.push({ kind: 'text', line: i, expected });
          last = i;
          continue;
        } else break;
      }
      if (line.kind === 'transmission' && cable.header.some((h) => h.kind === 'transmission')) break;
      if (SINGLE_LINES.has(line.kind) && cable.header.some((h) => h.kind === line.kind))
        line = lines[i] = withProblem(line, {
          code: 'duplicate-header-line',
          start: 0,
          end: text(i).trimEnd().length,
          message: `A second ${HEADER_FORMS[line.kind]!.split(':')[0].slice(4)}: a header has one.`,
        });
      if (line.kind === 'to' || line.kind === 'info' || line.kind === 'exempt') inAddresses = true;
      cable.header.push({ kind: line.kind, line: i });
      highest = Math.max(highest, headerRank(line.kind));
      previous = line.kind;
      last = i;
    }
    cable.headerRange = { startLine: headerStart, endLine: last };
    i = last + 1;
  }
  // Header-shaped lines elsewhere are quotations (an embedded record, a pre-header wrapper): highlighted,
  // but their shape is not the cable's to check.
  const own = new Set(cable.header.map((h) => h.line));
  for (let k = 0; k < count; k++) {
    const line = lines[k];
    if (line.problems.length && HEADER_KINDS.has(line.kind) && !own.has(k)) lines[k] = { ...line, problems: [] };
  }
  return i;
}

/** The header lines a header has once: a second one is a duplicate (a second VZCZC opens an embedded record). */
const SINGLE_LINES = new Set<LineKind>(['relay', 'stationSerial', 'security', 'dtg', 'from', 'to']);

/** The header's first line, or the line right above it when that is a damaged header line of an earlier rank. */
function damagedFirstLine(lines: LexedLine[], text: (rel: number) => string, first: number): number {
  let above = first - 1;
  while (above >= 0 && lines[above].kind === 'blank') above--;
  if (above < 0) return first;
  // A bare date right above the FM line is its DTG line without the precedence (a pre-header date has lines between).
  const bareDate = lines[above].kind === 'preHeader' && lines[first].kind === 'from' && isBareDate(text(above));
  if (lines[above].kind !== 'text' && !bareDate) return first;
  const reading = readNearMiss(text(above), -1, 'blank');
  if (!reading || headerRank(reading.kind) >= headerRank(lines[first].kind)) return first;
  lines[above] = reading;
  return above;
}

/**
 * A line the lexer did not recognise, read as the header line it is one edit away from: of several, the first that
 * fits after the header's highest line so far. Its keyword is restored by a fix only when the reading is certain.
 */
function readNearMiss(text: string, highest: number, previous: LineKind): LexedLine | undefined {
  const misses = nearMisses(text);
  // Only a line that fits after the header so far: an earlier one would start a copy (an embedded record).
  const fitting = misses.filter((m) => headerRank(m.line.kind) > highest);
  if (fitting.length === 0) return undefined;
  const chosen: NearMiss = fitting[0];
  const certain = fitting.length === 1;
  const [keywordProblem, ...rest] = chosen.line.problems;
  const written = text.slice(keywordProblem.start, keywordProblem.end);
  const form = HEADER_FORMS[chosen.line.kind]!;
  const problem: LineProblem = {
    ...keywordProblem,
    message:
      chosen.message ??
      (chosen.keyword
        ? `"${written}" is most likely the keyword ${chosen.keyword}: read as ${form}.`
        : `"${written}" does not fit ${form}; read as that line from its place after ${HEADER_FORMS[previous]?.split(':')[0] ?? 'the start'}.`),
  };
  if (chosen.keyword && certain) problem.replacement = chosen.keyword;
  return { kind: chosen.line.kind, tokens: chosen.line.tokens, problems: [problem, ...rest] };
}

/** The line expected after a header line (an address, INFO or XMT within an address list). */
function expectedAfter(previous: LineKind): LineKind {
  const rank = headerRank(previous);
  if (previous === 'address' || rank >= headerRank('to')) return 'address';
  return HEADER_ORDER[rank + 1];
}

/**
 * Whether the next line that is not blank continues the header in order: a line of a later rank, or an address or a
 * relay continuation where its list is. A header line of an earlier rank starts a copy (an embedded record).
 */
function continuesHeader(lines: LexedLine[], text: (rel: number) => string, from: number, highest: number): boolean {
  let k = from;
  while (k < lines.length && lines[k].kind === 'blank') k++;
  if (k === lines.length) return false;
  const kind = lines[k].kind;
  if (kind === 'text') return nearMisses(text(k)).some((m) => headerRank(m.line.kind) > highest);
  if (kind === 'address') return highest >= headerRank('to');
  if (kind === 'relayContinuation') return highest === headerRank('relay') || highest >= headerRank('to');
  return HEADER_KINDS.has(kind) && headerRank(kind) > highest;
}

function withProblem(line: LexedLine, problem: LineProblem): LexedLine {
  return { kind: line.kind, tokens: line.tokens, problems: [problem, ...line.problems] };
}

/**
 * The classification line after the header, or -1 (none before the first paragraph with a paragraph sign). A second
 * header before the body is an embedded copy of the cable's own record (cables.csv style).
 */
function findClassificationLine(cable: Cable, lines: LexedLine[], text: (rel: number) => string, from: number): number {
  for (let j = from; j < lines.length; j++) {
    const kind = lines[j].kind;
    if (kind === 'transmission') {
      cable.problems.push({
        code: 'embedded-header',
        start: 0,
        end: text(j).length,
        message:
          "A second transmission header before the body: the text embeds a copy of the cable record; the first header is the cable's own.",
        line: j,
      });
    }
    if (kind === 'classification') return j;
    if (kind === 'paragraph' && lines[j].tokens[0]?.start === 0 && startsWithPilcrow(text(j), 0)) break;
  }
  return -1;
}

/**
 * Caption block: captions, E.O., TAGS, SUBJECT, REF, Classified By, from the body start (the classification line, when
 * there is one) up to the first paragraph. Returns its last line (the classification line or -1 when it has none).
 */
function buildCaptionBlock(cable: Cable, lines: LexedLine[], text: (rel: number) => string, bodyStart: number): number {
  const count = lines.length;
  const classificationLine = cable.classificationLine ?? -1;
  let captionEnd = classificationLine;
  for (let j = bodyStart; j < count; j++) {
    if (lines[j].kind === 'paragraph') break;
    // A REF line without its colon is one only next to the caption block.
    if (lines[j].kind === 'text' && captionEnd >= 0 && j - captionEnd <= 3)
      lines[j] = lexReferenceWithoutColon(text(j)) ?? lines[j];
    const line = lines[j];
    // Captions stand on lines of their own, or follow the classification line's serial when re-flowed.
    if (line.tokens.length)
      for (const t of line.tokens)
        if (t.kind === 'caption' && (line.kind === 'caption' || j === classificationLine))
          cable.captions.push({ line: j, start: t.start, end: t.end });
    if (line.kind === 'caption') {
      captionEnd = j;
    } else if (
      line.kind === 'executiveOrder' ||
      (j === classificationLine && line.tokens.some((t) => t.kind === 'executiveOrderNumber'))
    ) {
      cable.executiveOrderLine ??= j;
      if (line.tokens.some((t) => t.kind === 'tag')) cable.tagsLines.push(j);
      captionEnd = j;
    } else if (line.kind === 'tags') {
      cable.tagsLines.push(j);
      captionEnd = j;
      // TAGS may wrap onto a line of bare codes.
      while (j + 1 < count && lines[j + 1].kind === 'text' && isTagsContinuation(text(j + 1))) {
        j++;
        lines[j] = { kind: 'tags', tokens: lexTagCodes(text(j), 0).tokens, problems: [], markers: undefined };
        cable.tagsLines.push(j);
        captionEnd = j;
      }
    } else if (line.kind === 'subject') {
      const start = j;
      const subjectText = line.tokens.find((t) => t.kind === 'subjectText');
      const parts = [subjectText ? text(j).slice(subjectText.start, subjectText.end) : ''];
      // `SUBJECT:` alone, then a blank line: the subject is on the lines after it.
      if (!subjectText && j + 2 < count && lines[j + 1].kind === 'blank') j++;
      // A page banner's classification word (` CONFIDENTIAL`, then `PAGE 02 ...`) ends it (00HARARE6677).
      while (
        j + 1 < count &&
        lines[j + 1].kind === 'text' &&
        !lines[j + 1].tokens.length &&
        !closestClassification(bannerLetters(text(j + 1))) &&
        !lexReferenceWithoutColon(text(j + 1))
      ) {
        j++;
        lines[j] = {
          kind: 'subject',
          tokens: [{ kind: 'subjectText', start: firstNonSpace(text(j)), end: text(j).trimEnd().length }],
          problems: [],
          markers: undefined,
        };
        parts.push(text(j).trim());
      }
      cable.subject ??= { startLine: start, endLine: j, text: parts.join(' ').replace(/\s+/g, ' ').trim() };
      captionEnd = j;
    } else if (line.kind === 'reference') {
      const start = j;
      const items: Span[] = line.tokens
        .filter((t) => t.kind === 'itemLabel')
        .map((t) => ({ line: j, start: t.start, end: t.end }));
      // Items and wrapped items; a line that opens with a portion marking is the body, without a paragraph number.
      while (
        j + 1 < count &&
        (lines[j + 1].kind === 'letteredItem' ||
          (lines[j + 1].kind === 'text' && !isContinuationHeader(lines[j + 1]) && !MARKED_START.test(text(j + 1))))
      ) {
        j++;
        lines[j] = lexReferenceItem(text(j), lines[j]);
        for (const t of lines[j].tokens)
          if (t.kind === 'itemLabel') items.push({ line: j, start: t.start, end: t.end });
      }
      cable.references ??= { startLine: start, endLine: j, items };
      captionEnd = j;
    } else if (line.kind === 'classifiedBy' || line.kind === 'reason') {
      cable.classifiedByLines.push(j);
      captionEnd = j;
    } else if (line.kind === 'text' && !cable.subject && isCaptionBlockLine(text(j))) {
      // STATE FOR SA/FO, TREASURY FOR OASIA/..., RELEASABLE TO PAKISTAN: part of the caption block.
      const span = { line: j, start: firstNonSpace(text(j)), end: text(j).trimEnd().length };
      lines[j] = {
        kind: 'caption',
        tokens: [{ kind: 'caption', start: span.start, end: span.end }],
        problems: [],
        markers: undefined,
      };
      cable.captions.push(span);
      captionEnd = j;
    } else if (line.kind === 'letteredItem' && cable.references && cable.references.endLine >= j - 2) {
      // ¶B. items after a blank line still belong to the REF block.
      lines[j] = lexReferenceItem(text(j), line);
      for (const t of lines[j].tokens)
        if (t.kind === 'itemLabel') cable.references.items.push({ line: j, start: t.start, end: t.end });
      cable.references.endLine = j;
      captionEnd = j;
    }
  }
  return captionEnd;
}

/** The last line of the text before the signature, which it marks, and the end of message (NNNN). */
function findTextEnd(cable: Cable, lines: LexedLine[], text: (rel: number) => string, textStart: number): number {
  const count = lines.length;
  const endOfMessage = indexOfKind(lines, 'endOfMessage', textStart);
  let textEnd = endOfMessage >= 0 ? endOfMessage - 1 : count - 1;
  // A closing classification banner after the signer (`LAINGEN` / `CONFIDENTIAL`, 79TEHRAN8980) is no text either,
  // nor the archive's declassification stamp (`HELMS` / `Declassified/Released US Department of State EO` / `Systematic
  // Review 05 JUL 2006`, 75TEHRAN2069), nor the dots the site left after some signers (`BEYRLE` / `..`, 09MOSCOW1562),
  // nor the post's pointer to its classified website, its address wrapped or not (`JEFFREY` / `"Visit Ankara's
  // Classified Web Site at http://www.intelink.s` / `gov.gov/wiki/Portal:Turkey"`, 09ANKARA1472), nor the signer's name
  // echoed in lower case (`Huntsman` / `huntsman`, 09BEIJING2964).
  const isWebsitePointer = (k: number) => lines[k].kind === 'text' && WEBSITE_POINTER.test(text(k).slice(0, 80));
  const isNoText = (k: number): boolean => {
    if (lines[k].kind === 'blank' || isContinuationHeader(lines[k])) return true;
    if (lines[k].kind !== 'text') return false;
    const line = text(k);
    return (
      isClosingBanner(line) ||
      DECLASSIFICATION_STAMP.test(line) ||
      /^\s*\.{1,3}\s*$/.test(line) ||
      isWebsitePointer(k) ||
      (k > textStart && isLowerCaseEcho(line, text(k - 1))) ||
      (k > textStart && isWebsitePointer(k - 1) && /^\s*\S*\/\S*\s*$/.test(line))
    );
  };
  while (textEnd >= textStart && isNoText(textEnd)) textEnd--;
  const signer = textEnd > textStart ? signatureOnItsLine(text(textEnd), lines[textEnd]) : undefined;
  if (signer) {
    cable.signatureLine = textEnd;
    cable.signer = { line: textEnd, start: signer.start, end: signer.end };
    lines[textEnd] = {
      kind: 'signature',
      // An END marker before the signer (`END TALKING POINTS. RICE`) keeps its token.
      tokens: [
        ...lines[textEnd].tokens.filter((t) => t.end <= signer.start),
        { kind: 'signature', start: signer.start, end: signer.end },
      ],
      problems: [],
      markers: undefined,
    };
    textEnd--;
  } else if (textEnd > textStart) {
    cable.signer = runInSignature(text, textEnd);
  }
  return textEnd;
}

/**
 * The first line of a kind from `from` on, or -1. A scan of every line in a function of its own: the optimizing
 * compiler, which a loop over every line calls in, then compiles this loop only, not the whole stage around it.
 */
function indexOfKind(lines: readonly LexedLine[], kind: LineKind, from: number): number {
  for (let k = from; k < lines.length; k++) if (lines[k].kind === kind) return k;
  return -1;
}

const WEBSITE_POINTER = /^\s*["“]?(?:Please )?visit [^:]{0,40}classified web ?site/i;

const DECLASSIFICATION_STAMP =
  /^\s*(?:Declassified\/Released US Department of State EO|Systematic Review \d{1,2} [A-Z]{3} \d{4})\s*$/;

/** A line's letters as a banner is read: no spaces, in capitals, without the cables.csv backslash. */
const bannerLetters = (line: string): string =>
  line
    .replace(/\\\s*$/, '')
    .replace(/\s+/g, '')
    .toUpperCase();

/** A closing classification banner (`CONFIDENTIAL`, `LIMITED OFFICIAL USE`) or an end-of-message mark: no signer. */
function isClosingBanner(line: string): boolean {
  const letters = bannerLetters(line);
  return closestClassification(letters) !== undefined || /^(?:NNNN|UNCLASSIFIED|LIMITEDOFFICIALUSE)$/.test(letters);
}

/** A surname: in capitals (`BURNS`), or capitalised (`Beyrle`, `McMullen`, `LeBaron`). */
const SURNAME = String.raw`[A-Z][A-Z'-]{2,}|(?:Mc|Mac|Le|De|Di|Du|La|O')?[A-Z][a-z]+`;

/**
 * A surname run into the last line of text, after a sentence of mixed-case text (`... effects beyond. BURNS`,
 * 06MOSCOW5645; `... as warranted. McMullen`) or an END marker (`END COMMENT. SOBEL`); in capitals throughout, only
 * after a typist's two spaces (`MINIMIZE CONSIDERED.  EAGLETON`), since a single word after a sentence in capitals
 * may be any word.
 */
function runInSignature(text: (rel: number) => string, rel: number): Span | undefined {
  // The end of the line is enough to find a run-in signer, and keeps a 100k-character line cheap.
  const line = text(rel);
  const end = line.slice(-120);
  const signer = (RUN_IN_SIGNATURE.exec(end) ??
    RUN_IN_SIGNATURE_IN_CAPITALS.exec(end) ??
    (/[a-z]/.test(end) ? RUN_IN_SIGNATURE_AFTER_ACRONYM.exec(end) : null) ??
    RUN_IN_SIGNATURE_AFTER_STARS.exec(end))?.[1];
  if (!signer || NOT_A_SIGNER.test(signer) || closestClassification(signer)) return undefined;
  const start = line.lastIndexOf(signer);
  return { line: rel, start, end: start + signer.length };
}

/** An END marker (`END COMMENT.`, `End Text.`, `END TALKING POINTS`) or `MINIMIZE CONSIDERED`, before a signer. */
const BEFORE_SIGNER = String.raw`\b(?:END|End)(?: [A-Za-z]+){1,2}[.)]?|\bMINIMIZE CONSIDERED\.?`;
const SIGNER_LEAD = new RegExp(String.raw`^(?:${BEFORE_SIGNER}) +`);
const RUN_IN_SIGNATURE = new RegExp(String.raw`(?:[a-z0-9)][.!?]["”’)]?|${BEFORE_SIGNER}) +(${SURNAME})\s*$`);
const RUN_IN_SIGNATURE_IN_CAPITALS = /[A-Z][.!?]["”’)]? {2,}([A-Z][A-Z'-]{2,})\s*$/;
/**
 * After an acronym's period in mixed-case text (`... by the GOU. CHRITTON`, `... with the U.S. PATTERSON`), a word of
 * five capitals or more: a shorter one is as likely a word or another acronym (`... in both FATA and NWFP. VIA`).
 */
const RUN_IN_SIGNATURE_AFTER_ACRONYM = /[A-Z]\.["”’)]? +([A-Z][A-Z'-]{4,})\s*$/;
/** After the row of stars that frames a post's website pointer (`... ******** CUNNINGHAM`, 09TELAVIV1324). */
const RUN_IN_SIGNATURE_AFTER_STARS = /\*\*\* +([A-Z][A-Z'-]{2,})\s*$/;
const NOT_A_SIGNER = /^(?:END|ENDS|NNNN|SIPDIS|NOFORN|COMMENT|NOTE|SUMMARY|TEXT|REGARDS|THANKS)\b/i;

/**
 * The cable with exact-size arrays: an array grown by push keeps room for at least 17 elements (about 150 bytes),
 * ten of them a cable, for as long as the document is open.
 */
function compact(cable: Cable): Cable {
  cable.header = cable.header.slice();
  cable.captions = cable.captions.slice();
  cable.tagsLines = cable.tagsLines.slice();
  cable.classifiedByLines = cable.classifiedByLines.slice();
  cable.sections = cable.sections.slice();
  cable.paragraphs = cable.paragraphs.slice();
  cable.listItems = cable.listItems.slice();
  cable.headings = cable.headings.slice();
  cable.blocks = cable.blocks.slice();
  cable.continuationHeaders = cable.continuationHeaders.slice();
  cable.problems = cable.problems.slice();
  if (cable.references) cable.references.items = cable.references.items.slice();
  return cable;
}

function firstNonSpace(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : 0;
}

function isContinuationHeader(line: LexedLine): boolean {
  return line.kind === 'continuationHeader';
}

/**
 * A surname in lower case alone on the last line, as the site left some (`tuttle`, 07LONDON3175; `misenheimer`,
 * 08KUWAIT128): prose ends in a period, not in a bare word.
 */
const LOWER_CASE_SIGNER = /^[a-z][a-z'-]{2,}$/;

function isLowerCaseEcho(line: string, lineBefore: string): boolean {
  const name = line.trim();
  return LOWER_CASE_SIGNER.test(name) && lineBefore.trim().toLowerCase() === name;
}

/**
 * A closing surname on a short line of its own: one to three capitalised words (`LeBaron`, `McMullen` too) or one in
 * lower case, after an END marker (`End Text. AGUIRRE`) and before the ` .` or backslash the site's rendering left
 * (`MURRAY .`, `TEFFT \`).
 */
function signatureOnItsLine(text: string, line: LexedLine): { start: number; end: number } | undefined {
  if (line.kind !== 'text' && line.kind !== 'relayContinuation') return undefined;
  const first = firstNonSpace(text);
  const start = first + (SIGNER_LEAD.exec(text.slice(first))?.[0].length ?? 0);
  const rest = text.slice(start).trimEnd();
  const name = (rest.endsWith('\\') ? rest.slice(0, -1) : rest.endsWith(' .') ? rest.slice(0, -2) : rest).trimEnd();
  return name.length <= 40 &&
    ((/^[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z.'-]*){0,2}$/.test(name) &&
      /[A-Z]{2}|^(?:Mc|Mac|Le|De|Di|Du|La|O')?[A-Z][a-z]+$/.test(name)) ||
      LOWER_CASE_SIGNER.test(name)) &&
    !NOT_A_SIGNER.test(name)
    ? { start, end: start + name.length }
    : undefined;
}

/** Re-reads a line in the kind its place in the cable gives it: an addressee (REF items: lexReferenceItem). */
function relex(text: string, kind: 'address'): LexedLine {
  const lexed = lexLine(`TO ${text.trimStart()}`);
  const shift = firstNonSpace(text) - 3;
  return {
    kind,
    // Objects written out rather than spread: spread copies here were slow to make and to read.
    tokens: lexed.tokens
      .filter((t) => t.kind !== 'prosign')
      .map((t) => ({ kind: t.kind, start: t.start + shift, end: t.end + shift })),
    problems: lexed.problems.map((p) => ({
      code: p.code,
      start: p.start + shift,
      end: p.end + shift,
      message: p.message,
    })),
  };
}

/**
 * `continues`: the cable opens with SECTION 02 or later (older traffic sent each section of a long telegram with its
 * own header), so its numbering goes on from the section before: its first paragraph starts the sequence.
 */
function buildParagraphs(
  cable: Cable,
  lines: LexedLine[],
  text: (rel: number) => string,
  from: number,
  to: number,
  continues: boolean,
  titles: readonly number[],
): void {
  const candidates = withoutContentsLists(cable, lines, text, findCandidates(cable, lines, text, from, to));
  let pilcrowCount = 0;
  for (const c of candidates) if (c.pilcrow && !c.loose) pilcrowCount++;
  const usesPilcrow = pilcrowCount >= 2 || (pilcrowCount === 1 && candidates.length === 1);
  const opening = candidates[0];
  let expected =
    continues && opening && (opening.pilcrow || !isWrapped(lines, text, opening.line)) ? opening.written : 1;
  const accepted: Candidate[] = [];
  let marked = 0;
  // The number the next item of a list inside a paragraph would have (0: no list open).
  let listNext = 0;
  // The next candidate with a paragraph sign after each candidate, found once from the end (not once per candidate).
  const nextPilcrows: Array<Candidate | undefined> = new Array(candidates.length);
  for (let k = candidates.length - 1, next: Candidate | undefined; k >= 0; k--) {
    nextPilcrows[k] = next;
    if (candidates[k].pilcrow && !candidates[k].loose) next = candidates[k];
  }
  for (let index = 0; index < candidates.length; index++) {
    const c = candidates[index];
    if (c.loose) {
      // With a portion marking, a number or two may be missing before it (`XXXXXXXXXXXX10. (C)` after ¶8).
      const fits = c.marking
        ? c.written >= expected && c.written <= expected + 2
        : c.written === expected && (c.loose.runIn || !isWrapped(lines, text, c.line));
      if (fits) {
        acceptLoose(cable, lines, c, c.loose);
        accepted.push(c);
        if (c.marking) marked++;
        expected = c.number + 1;
        listNext = 0;
      } else if (!c.loose.runIn && c.written === listNext) {
        // The next item of an open list, written out of shape (`15.UK` among ¶14. and ¶16.).
        cable.listItems.push({ line: c.line, start: c.numberToken.start, end: c.numberToken.end });
        listNext++;
      }
      continue;
    }
    // The next item of an open list is one, even after an item without a full stop (`¶2. Abolish special pensions`).
    const listItem = listNext > 0 && c.written === listNext && c.written !== expected;
    const wrapped = !listItem && isWrapped(lines, text, c.line);
    const nextPilcrow = nextPilcrows[index];
    let marker: Paragraph['marker'] | undefined;
    let number = c.written;
    if (c.written === expected && !(wrapped && !c.pilcrow && usesPilcrow)) {
      marker = c.pilcrow ? 'pilcrow' : 'bare';
    } else if (
      !c.pilcrow &&
      c.written === 10 + expected &&
      expected < 10 &&
      !wrapped &&
      (!nextPilcrow || nextPilcrow.written > expected)
    ) {
      // The seed's `15. (C)` after ¶4: the paragraph sign became the digit 1.
      marker = 'garbledPilcrow';
      number = expected;
    } else if (
      c.pilcrow &&
      !wrapped &&
      (c.written >= expected - 1 || c.written !== 1) &&
      (listNext === 0 || c.written !== listNext)
    ) {
      marker = 'pilcrow'; // a gap, a repeat or a step back: kept, and reported by the numbering rule; 1 starts a list
    } else if (!c.pilcrow && !usesPilcrow && !wrapped && c.written > expected && c.written <= expected + 5) {
      marker = 'bare';
    }
    // A list reaching the paragraph number, unmarked where the paragraphs are marked: its next item.
    const listGoesOn = marker !== undefined && c.written === listNext && !c.marking && marked * 2 > accepted.length;
    if (
      listGoesOn ||
      !marker ||
      (marker === 'bare' && usesPilcrow && nextPilcrow && nextPilcrow.written <= c.written)
    ) {
      demote(cable, lines, text, c, wrapped && !listGoesOn, expected);
      if (!wrapped || listGoesOn) listNext = c.written + 1;
      continue;
    }
    c.number = number;
    c.marker = marker;
    if (c.malformed) markerProblem(cable, c.line, c.marking!, c.malformed);
    accepted.push(c);
    if (c.marking) marked++;
    expected = number + 1;
    listNext = 0;
  }
  let title = 0;
  for (let index = 0; index < accepted.length; index++) {
    const c = accepted[index];
    const next = accepted[index + 1];
    // A paragraph run into the line of the one before ends that one at its number.
    let nextRunsIn = next !== undefined && next.loose?.runIn === true;
    let endLine = next ? (nextRunsIn ? next.line : next.line - 1) : to;
    // A heading between two paragraphs ends the first: folding it keeps the heading in view.
    while (title < titles.length && titles[title] <= c.line) title++;
    if (title < titles.length && titles[title] <= endLine) {
      endLine = titles[title] - 1;
      nextRunsIn = false;
    }
    if (!nextRunsIn)
      while (
        endLine > c.line &&
        (lines[endLine].kind === 'blank' ||
          isContinuationHeader(lines[endLine]) ||
          RULE_OR_REDACTION.test(text(endLine).trim()))
      )
        endLine--;
    cable.paragraphs.push({
      writtenNumber: c.written,
      number: c.number,
      marker: c.marker,
      numberSpan: { line: c.line, start: c.numberToken.start, end: c.numberToken.end },
      portionMarking: c.marking && { line: c.line, start: c.marking.start, end: c.marking.end },
      startLine: c.line,
      endLine,
      // One object shape for every paragraph: undefined unless the next one runs in.
      endColumn: nextRunsIn ? next.numberToken.start : undefined,
    });
  }
}

/**
 * The paragraph numbers of lines [from, to]: the lexer's paragraph lines, and the markers it does not read alone
 * (malformed at a line's start, or run into a line), in text order. The Classified By lines are searched too: the
 * first paragraph is often run into the end of the statement.
 */
function findCandidates(
  cable: Cable,
  lines: LexedLine[],
  text: (rel: number) => string,
  from: number,
  to: number,
): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (line: number, marker: LooseMarker) =>
    candidates.push({
      line,
      written: marker.written,
      pilcrow: marker.pilcrow,
      numberToken: { kind: 'paragraphNumber', start: marker.start, end: marker.end },
      marking: marker.marking && { kind: 'portionMarking', ...marker.marking },
      number: marker.written,
      marker: 'bare',
      loose: marker,
      malformed: undefined,
    });
  const searchFrom = Math.min(from, ...cable.classifiedByLines.filter((k) => k < from));
  for (let k = nextNumberedLine(lines, searchFrom, to); k <= to; k = nextNumberedLine(lines, k + 1, to)) {
    const line = lines[k];
    if (line.kind === 'paragraph') {
      const numberToken = line.tokens[0];
      const written = firstNumber(text(k), numberToken.start, numberToken.end);
      if (written < 0) continue;
      let marking = line.tokens.find((t) => t.kind === 'portionMarking');
      const half = marking ? undefined : halfMarkingAfter(text(k), numberToken.end);
      if (half) marking = { kind: 'portionMarking', ...half };
      // All fields written out, in one shape: objects made by spreads or given fields later were slow to read.
      candidates.push({
        line: k,
        written,
        pilcrow: startsWithPilcrow(text(k), numberToken.start),
        numberToken,
        marking,
        number: written,
        marker: 'bare',
        loose: undefined,
        malformed: half && halfMarkingProblem(text(k).slice(half.start, half.end)),
      });
    }
    // The lexer's markers: run into the line, or malformed at its start (in the body only).
    if (line.markers) for (const marker of line.markers) if (marker.runIn || k >= from) add(k, marker);
  }
  return candidates;
}

/** The first line in [from, to] that is a paragraph or has loose markers, or `to + 1` (see indexOfKind). */
function nextNumberedLine(lines: LexedLine[], from: number, to: number): number {
  for (let k = from; k <= to; k++) if (lines[k].kind === 'paragraph' || lines[k].markers) return k;
  return to + 1;
}

/**
 * Headings inside the text: a short line over an underline (`-----`, `=====`), or a title between double slashes
 * (`//MENDING FENCES WITH USG//`). Each gets a heading token, but a title that opens a Summary or Comment block, which
 * is that block's name. Returns the lines of all these titles: each ends the paragraph before it.
 */
function findHeadings(
  cable: Cable,
  lines: LexedLine[],
  text: (rel: number) => string,
  from: number,
  to: number,
): number[] {
  const titles: number[] = [];
  const isTitleLine = (k: number) => {
    const title = text(k).trim();
    // `(U) Russian presentation ...`: a portion-marked title reads as a lettered item.
    const kind = lines[k].kind;
    return (
      (kind === 'text' || kind === 'letteredItem') &&
      title.length >= 3 &&
      title.length <= 80 &&
      !RULE_OR_REDACTION.test(title)
    );
  };
  for (let k = nextTitleCandidate(lines, text, from, to); k <= to; k = nextTitleCandidate(lines, text, k + 1, to)) {
    if (!isTitleLine(k)) continue;
    // A title framed by rules may wrap over up to three lines.
    let first = k;
    while (first - 1 >= from && k - first < 2 && isTitleLine(first - 1)) first--;
    if (first < k && !(first - 1 >= from && lines[first - 1] === UNDERLINE_LINE)) first = k;
    titles.push(first);
    if (lines[first].tokens.some((t) => t.kind === 'blockStart')) continue;
    for (let j = first; j <= k; j++) {
      const start = firstNonSpace(text(j));
      const token = { kind: 'heading' as const, start, end: start + text(j).trim().length };
      lines[j] = { ...lines[j], tokens: [...lines[j].tokens, token].sort((a, b) => a.start - b.start) };
    }
    const start = firstNonSpace(text(first));
    cable.headings.push({ span: { line: first, start, end: start + text(first).trim().length }, endLine: k });
  }
  return titles;
}

/**
 * The first line in [from, to] over an underline or between double slashes, or `to + 1`: the scan of every line in a
 * function of its own (see indexOfKind).
 */
function nextTitleCandidate(lines: LexedLine[], text: (rel: number) => string, from: number, to: number): number {
  for (let k = from; k <= to; k++) {
    // Cheap tests first: an underline starts with - = or _ , a slashed title with //.
    const underlined = k + 1 <= to && lines[k + 1] === UNDERLINE_LINE;
    if (underlined || (startsWithSlashes(text(k)) && SLASHED_TITLE.test(text(k).trim()))) return k;
  }
  return to + 1;
}

function startsWithSlashes(text: string): boolean {
  let first = 0;
  while (first < text.length && text.charCodeAt(first) === 32) first++;
  // codeAt: blank lines are read past their end (see codeAt).
  return codeAt(text, first) === 47 && codeAt(text, first + 1) === 47;
}

const SLASHED_TITLE = /^\/\/[^/].*\/\/$/;

/**
 * The candidates without those of a contents list: three or more numbered titles on consecutive short lines, whose
 * numbers the text then uses again for its paragraphs (`¶1. Lead Stories Summary` ... `¶5. Healthcare Reform`, then
 * `¶1. Lead Stories Summary` and its text). Their numbers become list items.
 */
function withoutContentsLists(
  cable: Cable,
  lines: LexedLine[],
  text: (rel: number) => string,
  candidates: Candidate[],
): Candidate[] {
  const kept: Candidate[] = [];
  for (let k = 0; k < candidates.length;) {
    let end = k + 1;
    while (
      end < candidates.length &&
      !candidates[end].loose &&
      candidates[end].line === candidates[end - 1].line + 1 &&
      candidates[end].written === candidates[end - 1].written + 1
    )
      end++;
    const titles = candidates.slice(k, end);
    const next = candidates[end];
    if (
      titles.length >= 3 &&
      next !== undefined &&
      next.written <= titles[0].written &&
      titles.every((c) => !c.loose && text(c.line).trim().length <= 80 && !endsSentence(text(c.line)))
    ) {
      for (const c of titles) demote(cable, lines, text, c, false, c.written);
    } else kept.push(...titles);
    k = end;
  }
  return kept;
}

/** A loose marker accepted: its line gets the paragraph's tokens (and becomes a paragraph line when it starts it). */
function acceptLoose(cable: Cable, lines: LexedLine[], c: Candidate, loose: LooseMarker): void {
  const added = c.marking ? [c.numberToken, c.marking] : [c.numberToken];
  const line = lines[c.line];
  const start = c.numberToken.start;
  // A token that runs on into the paragraph (a page banner's) ends where the paragraph starts.
  const kept = line.tokens
    .map((t) => (t.start < start && t.end > start ? { ...t, end: start } : t))
    .filter((t) => !added.some((a) => a.start < t.end && t.start < a.end));
  const tokens = [...kept, ...added];
  lines[c.line] = {
    ...line,
    kind: loose.runIn ? line.kind : 'paragraph',
    tokens: tokens.sort((a, b) => a.start - b.start),
  };
  if (loose.problem) markerProblem(cable, c.line, c.numberToken, loose.problem);
}

function markerProblem(cable: Cable, line: number, at: Token, message: string): void {
  cable.problems.push({ line, code: 'paragraph-marker', start: at.start, end: at.end, message });
}

/**
 * A number the numbering does not take as a paragraph: a list item when it starts its line after a finished sentence
 * (a list inside a paragraph, a quoted text numbered on its own), else the continuation of a wrapped line, whose
 * paragraph sign (when it has one) the rendering added.
 */
function demote(
  cable: Cable,
  lines: LexedLine[],
  text: (rel: number) => string,
  c: Candidate,
  wrapped: boolean,
  expected: number,
): void {
  lines[c.line] = {
    ...lines[c.line],
    kind: 'text',
    tokens: lines[c.line].tokens.filter((t) => t.kind !== 'paragraphNumber' && t.kind !== 'portionMarking'),
  };
  if (!wrapped) {
    cable.listItems.push({ line: c.line, start: c.numberToken.start, end: c.numberToken.end });
  } else if (c.pilcrow) {
    cable.problems.push({
      line: c.line,
      code: 'false-paragraph-sign',
      start: c.numberToken.start,
      end: c.numberToken.end,
      message: `Probable false paragraph sign: "${text(c.line).slice(c.numberToken.start, c.numberToken.end).trim()}" continues the wrapped line above (paragraph ${expected} expected next); the rendering put ¶ before a line that began with a number.`,
    });
  }
}

/** The first number written in [start, end) of a text (a paragraph number token), or -1 if it has no digit. */
function firstNumber(text: string, start: number, end: number): number {
  let k = start;
  while (k < end && !isDigit(codeAt(text, k))) k++;
  if (k === end) return -1;
  let value = 0;
  for (; k < end && isDigit(codeAt(text, k)); k++) value = value * 10 + codeAt(text, k) - 48;
  return value;
}

/**
 * Whether a line continues the line right above it (no sentence ended there, and that line is no heading, rule,
 * redaction or page header): a number at its start is no paragraph.
 */
function isWrapped(lines: LexedLine[], text: (rel: number) => string, line: number): boolean {
  const previousLine = previousNonBlank(lines, text, line);
  if (previousLine === undefined) return false;
  const previous = text(previousLine);
  // A cross-reference cut before its number continues even across a blank line (`posed in paragraph` / `¶3.`).
  if (CROSS_REFERENCE_END.test(previous.slice(-16))) return true;
  return (
    previousLine === line - 1 &&
    // Renderings that wrap lines wrap them at about 70 characters; a longer line holds a whole paragraph, cut short.
    previous.length <= WRAPPED_WIDTH &&
    !endsSentence(previous) &&
    !isHeadingOrRule(lines, text, previousLine)
  );
}

const WRAPPED_WIDTH = 100;
const CROSS_REFERENCE_END = /(?:^|\W)(?:para(?:graph)?s?|paras?\.|reftel|section|sections|item|items)\s*$/i;

/**
 * A line that stands apart from the text: a rule (`=====`), a redaction, a page header, or a heading: a short line
 * starting with a capital that follows a blank line, a rule or a finished sentence, and is no paragraph itself.
 */
function isHeadingOrRule(lines: LexedLine[], text: (rel: number) => string, line: number): boolean {
  const kind = lines[line].kind;
  if (kind === 'continuationHeader') return true;
  const trimmed = text(line).trim();
  if (RULE_OR_REDACTION.test(trimmed)) return true;
  if (kind === 'paragraph' || trimmed.length > 60 || !HEADING_START.test(trimmed) || trimmed.endsWith(','))
    return false;
  const before = previousNonBlank(lines, text, line);
  return (
    before === undefined ||
    before < line - 1 ||
    endsSentence(text(before)) ||
    RULE_OR_REDACTION.test(text(before).trim())
  );
}

const MARKED_START = /^\s*\((?:U|SBU|C|S|TS|LOU)(?:\/\/?[A-Z]{1,8})*\) +[A-Z]/;
const RULE_OR_REDACTION = /^(?:[-=_*~ ]{3,}|X{4,}(?:\s+X{4,})*)$/;
const HEADING_START = /^[A-Z"'/(]/;

function previousNonBlank(lines: LexedLine[], text: (rel: number) => string, line: number): number | undefined {
  for (let k = line - 1; k >= 0; k--) if (lines[k].kind !== 'blank' && NOT_SPACE.test(text(k))) return k;
  return undefined;
}

const NOT_SPACE = /\S/;

/**
 * The first words of a paragraph, after its number and marking, for its outline entry: from the text of its first line
 * (made when asked, not kept in the model: a string a paragraph was 7% of the model's memory).
 */
export function paragraphLead(firstLine: string, paragraph: Paragraph): string {
  return leadWords(firstLine, (paragraph.portionMarking ?? paragraph.numberSpan).end);
}

function leadWords(text: string, from: number): string {
  return clip(text.slice(from, from + 200), 60);
}

/** The section the cable opens with: n of the classification line's SECTION n OF m, else 1. */
function firstSectionNumber(cable: Cable, lines: LexedLine[], text: (rel: number) => string): number {
  if (cable.classificationLine === undefined) return 1;
  const sectionToken = lines[cable.classificationLine].tokens.find((t) => t.kind === 'section');
  const numbers =
    sectionToken && /(\d+)\D+(\d+)/.exec(text(cable.classificationLine).slice(sectionToken.start, sectionToken.end));
  return numbers ? Number(numbers[1]) || 1 : 1;
}

function buildSections(
  cable: Cable,
  lines: LexedLine[],
  text: (rel: number) => string,
  bodyStart: number,
  count: number,
  first: number,
): void {
  const sections: Section[] = [{ number: first, startLine: bodyStart, endLine: count - 1 }];
  const next = (from: number) => nextLineWithToken(lines, 'continuationHeader', from);
  for (let k = next(bodyStart); k < count; k = next(k + 1)) {
    const tokens = lines[k].tokens;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (token.kind !== 'continuationHeader') continue;
      const header = parseContinuationHeader(text(k).slice(token.start, token.end));
      if (!header) continue;
      const span = { line: k, start: token.start, end: token.end };
      cable.continuationHeaders.push({
        span,
        post: header.post,
        serial: header.serial,
        page: header.page,
        total: header.total,
        suffixed: header.suffixed,
      });
      const current = sections[sections.length - 1];
      if (header.page > current.number) {
        current.endLine = k - 1;
        sections.push({ number: header.page, startLine: k, endLine: count - 1, header: span });
      }
    }
  }
  cable.sections = sections;
}

/** The first line from `from` on with a token of a kind, or the number of lines (see indexOfKind). */
function nextLineWithToken(lines: readonly LexedLine[], kind: TokenKind, from: number): number {
  for (let k = from; k < lines.length; k++) {
    const tokens = lines[k].tokens;
    for (let t = 0; t < tokens.length; t++) if (tokens[t].kind === kind) return k;
  }
  return lines.length;
}

export function parseContinuationHeader(text: string): Omit<ContinuationHeader, 'span'> | undefined {
  const m = /^(.*?) (\d{8}) {1,2}(\d{3})(\.\d)? (?:OF|of) (\d{3})$/.exec(text.trim());
  if (!m) return undefined;
  return {
    post: m[1].trim(),
    serial: Number(m[2]),
    page: Number(m[3]),
    total: Number(m[5]),
    suffixed: m[4] !== undefined,
  };
}

const BLOCK_KINDS: Array<[RegExp, BlockKind]> = [
  [/^summary/i, 'summary'],
  [/^comment/i, 'comment'],
  [/^note/i, 'note'],
  [/^begin text/i, 'text'],
  [/^begin talking points/i, 'talkingPoints'],
];

function blockKind(marker: string): BlockKind | undefined {
  const words = marker.replace(/^\(|^end\s+|^(?:introduction|background) and /i, '');
  return BLOCK_KINDS.find(([pattern]) => pattern.test(words))?.[1];
}

/**
 * A closer split over two lines (`... End` / `Summary.`): the word on the second line becomes the closer, when the line
 * above ends with `End` and nothing on the line closes a block already.
 */
function splitCloser(lines: LexedLine[], text: (rel: number) => string, k: number): void {
  if (k === 0) return;
  // Cheap tests first: the line starts with S, C or N and the line above ends with d.
  const line = text(k);
  let first = 0;
  while (first < line.length && (line.charCodeAt(first) === 32 || line.charCodeAt(first) === 9)) first++;
  // codeAt: blank lines are read past their end (see codeAt).
  const c = codeAt(line, first) | 32;
  if (c !== 115 /* s */ && c !== 99 /* c */ && c !== 110 /* n */) return;
  const above = text(k - 1).trimEnd();
  if ((codeAt(above, above.length - 1) | 32) !== 100 /* d */) return;
  splitCloserAfterD(lines, text, k, above);
}

/**
 * The rest of splitCloser, in a function of its own that the compiler leaves out of nextBlockLine: a split closer is
 * rare, and the first one, reaching code compiled without type feedback for it, discarded nextBlockLine's code.
 */
function splitCloserAfterD(lines: LexedLine[], text: (rel: number) => string, k: number, above: string): void {
  if (lines[k].tokens.some((t) => t.kind === 'blockEnd') || !SPLIT_END.test(above.slice(-4))) return;
  const m = SPLIT_CLOSER.exec(text(k));
  if (!m) return;
  const start = m[0].length - m[1].length;
  const token = { kind: 'blockEnd' as const, start, end: m[0].length };
  // The lexer read `Summary.` at the start of a line as an opener: here it closes.
  const lexed = lines[k];
  const others = lexed.tokens.filter((t) => t.end <= token.start || t.start >= token.end);
  const tokens = [...others, token].sort((a, b) => a.start - b.start);
  // Written out, the lexer's shape of a line (a copy by spread had a shape of its own, which nextBlockLine's compiled
  // code had not seen: it was discarded); `satisfies` makes a field added to LexedLine an error here, not a loss.
  lines[k] = {
    kind: lexed.kind,
    tokens,
    problems: lexed.problems,
    markers: lexed.markers,
  } satisfies Record<keyof LexedLine, unknown>;
}

const SPLIT_END = /(?:^|\W)End$/i;
const SPLIT_CLOSER = /^\s*((?:Summary|Comment|Note)\b\.?)/i;

/** Pairs Summary/Comment/Note/Text openers with the next `End ...` of the same kind. */
function buildBlocks(cable: Cable, lines: LexedLine[], text: (rel: number) => string): void {
  // Open blocks by kind: a closer takes the latest open block of its kind.
  const open = new Map<BlockKind, Block[]>();
  const closeAt = (block: Block, line: number) => {
    block.endLine = line;
    cable.blocks.push(block);
  };
  for (let k = nextBlockLine(lines, text, 0); k < lines.length; k = nextBlockLine(lines, text, k + 1)) {
    const tokens = lines[k].tokens;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (token.kind !== 'blockStart' && token.kind !== 'blockEnd') continue;
      const span: Span = { line: k, start: token.start, end: token.end };
      const markerText = text(k).slice(token.start, token.end);
      const kind = blockKind(markerText);
      if (!kind) continue;
      if (token.kind === 'blockStart') {
        let blocks = open.get(kind);
        if (!blocks) open.set(kind, (blocks = []));
        blocks.push({ kind, opener: span, endLine: k });
      } else {
        const block = open.get(kind === 'summary' && /comment/i.test(markerText) ? 'summary' : kind)?.pop();
        if (block) {
          block.closer = span;
          closeAt(block, k);
        }
      }
    }
  }
  // An unclosed block ends with its paragraph.
  for (const blocks of open.values()) {
    for (const block of blocks) {
      const paragraph = paragraphAt(cable.paragraphs, block.opener.line);
      closeAt(block, paragraph ? paragraph.endLine : block.opener.line);
    }
  }
  // Blocks never share an opener: the order is that of the openers, whatever the order they were closed in.
  cable.blocks.sort((a, b) => a.opener.line - b.opener.line || a.opener.start - b.opener.start);
}

/**
 * The first line from `from` on with a block opener or closer, or the number of lines; each line's closer split over
 * two lines is read on the way (splitCloser). The scan of every line in a function of its own (see indexOfKind).
 */
function nextBlockLine(lines: LexedLine[], text: (rel: number) => string, from: number): number {
  for (let k = from; k < lines.length; k++) {
    splitCloser(lines, text, k);
    const tokens = lines[k].tokens;
    for (let t = 0; t < tokens.length; t++)
      if (tokens[t].kind === 'blockStart' || tokens[t].kind === 'blockEnd') return k;
  }
  return lines.length;
}

/** The paragraph holding a relative line (paragraphs are in order and do not overlap): binary search. */
function paragraphAt(paragraphs: readonly Paragraph[], line: number): Paragraph | undefined {
  const paragraph = paragraphs[firstIndexWhere(paragraphs, (p) => p.endLine >= line)];
  return paragraph && paragraph.startLine <= line ? paragraph : undefined;
}
