// Semantic tokens (full, range and delta) from the lexer's tokens, with standard token types so that
// every theme colours them, and cable-specific modifiers. The manifest's semanticTokenScopes maps
// them to the TextMate scopes of syntaxes/cable.tmLanguage.json (a test keeps the three in step).
import { SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver-types';
import { Cable, TokenKind } from '../syntax/types';
import { DocumentContext } from './context';

const TYPES = [
  'keyword',
  'string',
  'enumMember',
  'type',
  'number',
  'variable',
  'macro',
  'enum',
  'property',
  'decorator',
  'comment',
  'regexp',
  'class',
  'namespace',
] as const;

type TokenType = (typeof TYPES)[number];

/**
 * Each token kind: its standard type (what every theme colours) and the TextMate scope of the same
 * element in syntaxes/cable.tmLanguage.json. Kinds that share a type carry their kind as a modifier,
 * so that the manifest's semanticTokenScopes can give each its grammar scope.
 */
export const SEMANTIC_TOKENS: Record<TokenKind, { type: TokenType; scope: string }> = {
  prosign: { type: 'keyword', scope: 'keyword.control.prosign.cable' },
  keyword: { type: 'keyword', scope: 'keyword.other.cable' },
  blockStart: { type: 'keyword', scope: 'keyword.control.marker.cable' },
  blockEnd: { type: 'keyword', scope: 'keyword.control.marker.end.cable' },
  channel: { type: 'string', scope: 'constant.language.channel.cable' },
  address: { type: 'string', scope: 'string.unquoted.address.cable' },
  subjectText: { type: 'string', scope: 'meta.subject.cable' },
  precedence: { type: 'enumMember', scope: 'storage.modifier.precedence.cable' },
  securityLetters: { type: 'enumMember', scope: 'constant.language.classification-letters.cable' },
  classification: { type: 'enumMember', scope: 'keyword.other.classification.cable' },
  reasonLetter: { type: 'enumMember', scope: 'constant.character.reason-letter.cable' },
  routingIndicator: { type: 'type', scope: 'entity.name.type.routing-indicator.cable' },
  stationSerial: { type: 'number', scope: 'constant.numeric.station-serial.cable' },
  sectionNumber: { type: 'number', scope: 'constant.numeric.section.cable' },
  julianTime: { type: 'number', scope: 'constant.numeric.julian-date.cable' },
  dateTimeGroup: { type: 'number', scope: 'constant.numeric.date-time-group.cable' },
  addressSerial: { type: 'number', scope: 'constant.numeric.address-serial.cable' },
  section: { type: 'number', scope: 'keyword.other.section.cable' },
  serial: { type: 'number', scope: 'constant.numeric.serial.cable' },
  executiveOrderNumber: { type: 'number', scope: 'constant.numeric.executive-order.cable' },
  declassification: { type: 'number', scope: 'constant.numeric.date.decl.cable' },
  paragraphNumber: { type: 'number', scope: 'markup.heading.paragraph-number.cable' },
  heading: { type: 'namespace', scope: 'markup.heading.title.cable' },
  post: { type: 'variable', scope: 'string.unquoted.post.cable' },
  citation: { type: 'variable', scope: 'meta.ref.cable' },
  caption: { type: 'macro', scope: 'support.type.caption.cable' },
  tag: { type: 'enum', scope: 'entity.name.tag.cable' },
  itemLabel: { type: 'property', scope: 'constant.character.ref-item.cable' },
  portionMarking: { type: 'decorator', scope: 'storage.type.portion-marking.cable' },
  continuationHeader: { type: 'comment', scope: 'comment.line.continuation-header.cable' },
  preHeader: { type: 'comment', scope: 'comment.block.pre-header.cable' },
  operatorTail: { type: 'comment', scope: 'comment.line.service.cable' },
  redaction: { type: 'regexp', scope: 'markup.deleted.redaction.cable' },
  signature: { type: 'class', scope: 'entity.name.function.signature.cable' },
};

const KINDS = Object.keys(SEMANTIC_TOKENS) as TokenKind[];
/** Kinds whose type is shared with another kind: they need their kind as a modifier. */
const SHARED = KINDS.filter((kind) =>
  KINDS.some((other) => other !== kind && SEMANTIC_TOKENS[other].type === SEMANTIC_TOKENS[kind].type),
);
const MODIFIERS = ['garbled', ...SHARED];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: MODIFIERS };

const TYPE_INDEX = new Map<string, number>(TYPES.map((t, i) => [t, i]));
const KIND_MODIFIER = new Map<TokenKind, number>(SHARED.map((kind) => [kind, 1 << MODIFIERS.indexOf(kind)]));
const GARBLED = 1 << MODIFIERS.indexOf('garbled');

/** The manifest's semanticTokenScopes: `type.kind` (or the type alone) -> the grammar scope. */
export function semanticTokenScopes(): Record<string, string[]> {
  return Object.fromEntries(
    KINDS.map((kind) => [
      SHARED.includes(kind) ? `${SEMANTIC_TOKENS[kind].type}.${kind}` : SEMANTIC_TOKENS[kind].type,
      [SEMANTIC_TOKENS[kind].scope],
    ]),
  );
}

/** A cable's tokens encoded as if the document began at the cable's first line, and the line of its last token. */
interface EncodedTokens {
  data: number[];
  lastLine: number;
}

/**
 * Each cable's encoded tokens, kept per cable object: an edit rebuilds the cables it touches, the others only move, and
 * their encoding (relative to the cable's first line) stays valid. A full request then joins the cables' arrays.
 */
const cache = new WeakMap<Cable, EncodedTokens>();

/**
 * A document's encoded tokens as its cables' encodings, in order: the LSP data is their concatenation, each cable's
 * first number (its line delta) counted from the last token of the cable before. An answer kept this way is compared
 * with the next cable by cable (semanticTokensDelta), and after a keystroke only the edited cable is read again.
 */
export interface TokenSegments {
  /** The cables' encodings (those without tokens left out); `first` replaces the first number of `data`. */
  segments: Array<{ data: readonly number[]; first: number }>;
  length: number;
}

/** Encoded tokens of lines [fromLine, toLine] (absolute, inclusive), cable by cable. */
export function semanticTokenSegments(
  { reader: { model } }: DocumentContext,
  fromLine = 0,
  toLine = model.lineCount - 1,
): TokenSegments {
  const segments: TokenSegments['segments'] = [];
  let length = 0;
  let previousLine = 0;
  for (const cable of model.cables) {
    const first = Math.max(fromLine - cable.startLine, 0);
    const last = Math.min(toLine - cable.startLine, cable.lineCount - 1);
    if (first > last) continue;
    const whole = first === 0 && last === cable.lineCount - 1;
    let encoded = whole ? cache.get(cable) : undefined;
    if (!encoded) {
      encoded = encodeCable(cable, first, last);
      if (whole) cache.set(cable, encoded);
    }
    if (encoded.data.length === 0) continue;
    // Cables hold whole lines: the first token of a cable is on a later line than the last of the one before, so only
    // its line delta changes (its start is absolute either way).
    segments.push({ data: encoded.data, first: cable.startLine + encoded.data[0] - previousLine });
    length += encoded.data.length;
    previousLine = cable.startLine + encoded.lastLine;
  }
  return { segments, length };
}

/** Encoded tokens of lines [fromLine, toLine] (absolute, inclusive), in the LSP relative format. */
export function semanticTokenData(context: DocumentContext, fromLine?: number, toLine?: number): number[] {
  return joined(semanticTokenSegments(context, fromLine, toLine));
}

/** The LSP data of an answer kept as segments. */
export function joined(tokens: TokenSegments): number[] {
  // One array of the final size: pushing hundreds of thousands of numbers one by one cost more than all the rest.
  const data = new Array<number>(tokens.length);
  let at = 0;
  for (const { data: segment, first } of tokens.segments) {
    if (segment.length === 0) continue;
    data[at] = first;
    for (let i = 1; i < segment.length; i++) data[at + i] = segment[i];
    at += segment.length;
  }
  return data;
}

/** The tokens of a cable's relative lines [first, last], encoded from its line 0. */
function encodeCable(cable: Cable, first: number, last: number): EncodedTokens {
  const data: number[] = [];
  let previousLine = 0;
  let previousStart = 0;
  const garbledLines = new Set(
    cable.paragraphs.filter((p) => p.marker === 'garbledPilcrow').map((p) => p.numberSpan.line),
  );
  for (let line = first; line <= last; line++) {
    let end = 0;
    for (const token of cable.lines[line].tokens) {
      if (token.start < end || token.end <= token.start) continue; // tokens never overlap in the protocol
      end = token.end;
      const modifiers =
        (KIND_MODIFIER.get(token.kind) ?? 0) |
        (token.kind === 'paragraphNumber' && garbledLines.has(line) ? GARBLED : 0);
      data.push(
        line - previousLine,
        line === previousLine ? token.start - previousStart : token.start,
        token.end - token.start,
        TYPE_INDEX.get(SEMANTIC_TOKENS[token.kind].type)!,
        modifiers,
      );
      previousLine = line;
      previousStart = token.start;
    }
  }
  return { data, lastLine: previousLine };
}

/** Data as segments: an array (the data as the client holds it) is one. */
function asSegments(tokens: readonly number[] | TokenSegments): TokenSegments {
  if (!Array.isArray(tokens)) return tokens as TokenSegments;
  return { segments: tokens.length ? [{ data: tokens, first: tokens[0] }] : [], length: tokens.length };
}

/**
 * Reads an answer's numbers in order (or in reverse), a segment at a time where two answers share it: the cables an
 * edit did not touch keep their encoding, so comparing two answers costs the edited cables, not the document.
 */
class TokenCursor {
  private segment: number;
  private offset = 0;
  constructor(
    private readonly tokens: TokenSegments,
    private readonly step: 1 | -1,
  ) {
    this.segment = step === 1 ? -1 : tokens.segments.length;
    this.skipSegment();
  }
  /** The number under the cursor. */
  value(): number {
    const { data, first } = this.tokens.segments[this.segment];
    return this.offset === 0 ? first : data[this.offset];
  }
  /** The whole segment ahead when the cursor is at its edge, else undefined. */
  wholeSegment(): { data: readonly number[]; first: number } | undefined {
    const current = this.tokens.segments[this.segment];
    const atEdge = this.step === 1 ? this.offset === 0 : this.offset === current.data.length - 1;
    return atEdge ? current : undefined;
  }
  /** To the edge of the next segment that has numbers. */
  skipSegment(): void {
    const segments = this.tokens.segments;
    do this.segment += this.step;
    while (segments[this.segment]?.data.length === 0);
    const current = segments[this.segment];
    this.offset = this.step === 1 || !current ? 0 : current.data.length - 1;
  }
  next(): void {
    this.offset += this.step;
    const length = this.tokens.segments[this.segment].data.length;
    if (this.offset < 0 || this.offset >= length) this.skipSegment();
  }
}

/** How many numbers two answers share from their start (step 1) or their end (step -1), up to `limit`. */
function common(a: TokenSegments, b: TokenSegments, step: 1 | -1, limit: number): number {
  const ra = new TokenCursor(a, step);
  const rb = new TokenCursor(b, step);
  let count = 0;
  while (count < limit) {
    const sa = ra.wholeSegment();
    const sb = rb.wholeSegment();
    if (sa && sb && sa.data === sb.data && sa.first === sb.first && count + sa.data.length <= limit) {
      count += sa.data.length;
      ra.skipSegment();
      rb.skipSegment();
      continue;
    }
    if (ra.value() !== rb.value()) break;
    count++;
    ra.next();
    rb.next();
  }
  return count;
}

/** Numbers [from, to) of an answer's data. */
function slice(tokens: TokenSegments, from: number, to: number): number[] {
  const data: number[] = [];
  let at = 0;
  for (const { data: segment, first } of tokens.segments) {
    if (at >= to) break;
    for (let i = Math.max(from - at, 0); i < Math.min(to - at, segment.length); i++)
      data.push(i === 0 ? first : segment[i]);
    at += segment.length;
  }
  return data;
}

/** One edit replacing what differs between the previous and the current data (common prefix and suffix kept). */
export function semanticTokensDelta(
  previousTokens: readonly number[] | TokenSegments,
  currentTokens: readonly number[] | TokenSegments,
  resultId: string,
): SemanticTokensDelta {
  const previous = asSegments(previousTokens);
  const current = asSegments(currentTokens);
  const shorter = Math.min(previous.length, current.length);
  const prefix = common(previous, current, 1, shorter);
  const suffix = common(previous, current, -1, shorter - prefix);
  if (prefix === previous.length && prefix === current.length) return { resultId, edits: [] };
  return {
    resultId,
    edits: [
      {
        start: prefix,
        deleteCount: previous.length - prefix - suffix,
        data: slice(current, prefix, current.length - suffix),
      },
    ],
  };
}
