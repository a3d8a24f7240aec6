// Semantic tokens (full, range and delta) from the lexer's tokens, with standard token types so that
// every theme colours them, and cable-specific modifiers. The manifest's semanticTokenScopes maps
// them to the TextMate scopes of syntaxes/cable.tmLanguage.json.
import { SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver-types';
import { CableModel } from '../syntax/model';
import { TokenKind } from '../syntax/types';

const TYPES = ['keyword', 'string', 'enumMember', 'type', 'number', 'variable', 'macro', 'enum', 'property', 'decorator', 'comment', 'regexp', 'class'] as const;
const MODIFIERS = ['header', 'captionBlock', 'garbled'] as const;

type TokenType = (typeof TYPES)[number];

export const SEMANTIC_TOKEN_TYPE: Record<TokenKind, TokenType> = {
  prosign: 'keyword',
  keyword: 'keyword',
  blockStart: 'keyword',
  blockEnd: 'keyword',
  channel: 'string',
  address: 'string',
  subjectText: 'string',
  precedence: 'enumMember',
  securityLetters: 'enumMember',
  classification: 'enumMember',
  reasonLetter: 'enumMember',
  routingIndicator: 'type',
  stationSerial: 'number',
  sectionNumber: 'number',
  julianTime: 'number',
  dateTimeGroup: 'number',
  addressSerial: 'number',
  section: 'number',
  serial: 'number',
  executiveOrderNumber: 'number',
  declassification: 'number',
  paragraphNumber: 'number',
  post: 'variable',
  citation: 'variable',
  caption: 'macro',
  tag: 'enum',
  itemLabel: 'property',
  portionMarking: 'decorator',
  continuationHeader: 'comment',
  preHeader: 'comment',
  operatorTail: 'comment',
  redaction: 'regexp',
  signature: 'class',
};

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE_INDEX = new Map<string, number>(TYPES.map((t, i) => [t, i]));
const HEADER = 1 << MODIFIERS.indexOf('header');
const CAPTION_BLOCK = 1 << MODIFIERS.indexOf('captionBlock');
const GARBLED = 1 << MODIFIERS.indexOf('garbled');

/** Encoded tokens of lines [fromLine, toLine] (absolute, inclusive), in the LSP relative format. */
export function semanticTokenData(model: CableModel, fromLine = 0, toLine = model.lineCount - 1): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousStart = 0;
  for (const cable of model.cables) {
    const first = Math.max(fromLine - cable.startLine, 0);
    const last = Math.min(toLine - cable.startLine, cable.lineCount - 1);
    const garbledLines = new Set(cable.paragraphs.filter((p) => p.marker === 'garbledPilcrow').map((p) => p.numberSpan.line));
    for (let rel = first; rel <= last; rel++) {
      const line = cable.startLine + rel;
      let modifiers = 0;
      if (cable.headerRange && rel >= cable.headerRange.startLine && rel <= cable.headerRange.endLine) modifiers |= HEADER;
      if (cable.captionBlock && rel >= cable.captionBlock.startLine && rel <= cable.captionBlock.endLine) modifiers |= CAPTION_BLOCK;
      let end = 0;
      for (const token of cable.lines[rel].tokens) {
        if (token.start < end || token.end <= token.start) continue; // tokens never overlap in the protocol
        end = token.end;
        const tokenModifiers = modifiers | (token.kind === 'paragraphNumber' && garbledLines.has(rel) ? GARBLED : 0);
        data.push(line - previousLine, line === previousLine ? token.start - previousStart : token.start, token.end - token.start, TYPE_INDEX.get(SEMANTIC_TOKEN_TYPE[token.kind])!, tokenModifiers);
        previousLine = line;
        previousStart = token.start;
      }
    }
  }
  return data;
}

export function semanticTokens(model: CableModel, resultId?: string): SemanticTokens {
  return { ...(resultId ? { resultId } : {}), data: semanticTokenData(model) };
}

/** One edit replacing what differs between the previous and the current data (common prefix and suffix kept). */
export function semanticTokensDelta(previous: readonly number[], current: number[], resultId: string): SemanticTokensDelta {
  let prefix = 0;
  const shorter = Math.min(previous.length, current.length);
  while (prefix < shorter && previous[prefix] === current[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && previous[previous.length - 1 - suffix] === current[current.length - 1 - suffix]) suffix++;
  if (prefix === previous.length && prefix === current.length) return { resultId, edits: [] };
  return { resultId, edits: [{ start: prefix, deleteCount: previous.length - prefix - suffix, data: current.slice(prefix, current.length - suffix) }] };
}
