// The cable syntax model: plain data, no LSP. Columns are UTF-16 code units, like LSP positions.

/** What a line is, judged from its own text (the lexer) or from its place in a cable (the structure). */
export type LineKind =
  | 'blank'
  | 'transmission' // VZCZCXRO1864
  | 'relay' // RR RUEHDBU ...
  | 'relayContinuation' // RUEHROV RUEHSR ... (only routing indicators)
  | 'stationSerial' // DE RUEHDBU #1151/01 2891223
  | 'security' // ZNY CCCCC ZZH
  | 'dtg' // R 161223Z OCT 09
  | 'from' // FM AMEMBASSY DUSHANBE
  | 'to' // TO RUEHC/SECSTATE WASHDC 0826
  | 'info' // INFO RUCNCIS/CIS COLLECTIVE
  | 'exempt' // XMT AMCONSUL JERUSALEM
  | 'address' // RUEHBUL/AMEMBASSY KABUL 0273 (continuation of TO/INFO/XMT)
  | 'break' // BT
  | 'endOfMessage' // NNNN
  | 'classification' // C O N F I D E N T I A L SECTION 01 OF 02 DUSHANBE 001151
  | 'caption' // SIPDIS
  | 'executiveOrder' // E.O. 12958: DECL: 10/16/2019
  | 'tags' // TAGS: PREL PHUM
  | 'subject' // SUBJECT: ...
  | 'reference' // REF: A. STATE 12345
  | 'letteredItem' // B. MADRID 707 (a REF item in a REF block)
  | 'classifiedBy' // Classified By: ...
  | 'reason' // REASON: 1.4 (b), (d)
  | 'paragraph' // ¶1. (C) ...
  | 'continuationHeader' // DUSHANBE 00001151 002 OF 002
  | 'preHeader' // partial-extract notice, distribution block, page banner, metadata record ...
  | 'signature' // GROSS
  | 'text';

/** The kinds of token the lexer finds; semantic tokens and hovers are views of these. */
export type TokenKind =
  | 'prosign' // VZCZC DE ZNY ZNR ZZH FM TO INFO XMT BT NNNN
  | 'channel' // XRO1864 after VZCZC
  | 'precedence' // RR, R, PRIORITY, IMMEDIATE
  | 'routingIndicator'
  | 'stationSerial' // #1151
  | 'sectionNumber' // /01 on the DE line
  | 'julianTime' // 2891223
  | 'securityLetters' // CCCCC
  | 'operatorTail' // (CCY AD6CB6C9 ...) after ZZH
  | 'dateTimeGroup' // 161223Z OCT 09
  | 'address' // AMEMBASSY KABUL
  | 'addressSerial' // 0273
  | 'classification' // C O N F I D E N T I A L, UNCLAS
  | 'section' // SECTION 01 OF 02
  | 'post' // DUSHANBE (classification line, continuation header)
  | 'serial' // 001151
  | 'caption' // SIPDIS, NOFORN ...
  | 'keyword' // E.O., DECL, TAGS, SUBJECT, REF, Classified By, REASON
  | 'executiveOrderNumber' // 12958
  | 'declassification' // 10/16/2019, N/A, OADR ...
  | 'tag' // PREL
  | 'subjectText'
  | 'itemLabel' // A. in a REF block
  | 'citation' // STATE 12345, 09 STATE 12345
  | 'reasonLetter' // b, d
  | 'paragraphNumber' // ¶1.
  | 'heading' // The Secret History of the Chechen War (a title over an underline, or //TITLE//)
  | 'portionMarking' // (C), (S//NF)
  | 'blockStart' // Summary:, Comment:, (Note:
  | 'blockEnd' // End Summary.
  | 'continuationHeader' // DUSHANBE 00001151 002 OF 002
  | 'redaction' // XXXXXXXXXXXX
  | 'signature'
  | 'preHeader';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

/**
 * The codes of the problems that the lexer and the structure find: each names the diagnostic rule that reports it
 * (features/diagnostics/rules/<code>.ts, which the registry requires for every code).
 */
export type ProblemCode =
  | 'transmission-shape'
  | 'relay-precedence'
  | 'routing-indicator-shape'
  | 'station-serial-shape'
  | 'julian-time'
  | 'security-shape'
  | 'security-letters'
  | 'dtg-precedence'
  | 'dtg-shape'
  | 'address-shape'
  | 'page-banner-in-address'
  | 'classification-form'
  | 'section-shape'
  | 'executive-order-shape'
  | 'reason-letter'
  | 'embedded-header'
  | 'unrecognised-header-line'
  | 'header-keyword'
  | 'duplicate-header-line'
  | 'false-paragraph-sign'
  | 'paragraph-marker';

/** A problem found in the shape of one line. `code` names the rule that reports it. */
export interface LineProblem {
  code: ProblemCode;
  start: number;
  end: number;
  message: string;
  /** The text that certainly replaces the span (a damaged keyword's): the rule's quick fix. */
  replacement?: string;
}

export interface LexedLine {
  kind: LineKind;
  tokens: Token[];
  problems: LineProblem[];
  /**
   * Paragraph markers on the line that only the numbering can confirm (syntax/paragraphMarkers.ts): run into the line,
   * or malformed at its start. Absent on most lines.
   */
  markers?: readonly LooseMarker[];
}

/** A paragraph marker that the line alone does not make certain; columns on its line. */
export interface LooseMarker {
  /** The number as written. */
  written: number;
  pilcrow: boolean;
  /** Columns of the number with its sign and punctuation. */
  start: number;
  end: number;
  marking?: { start: number; end: number };
  /** Inside a line, after the end of a sentence, a redaction or a page banner. */
  runIn: boolean;
  /** What is wrong with a malformed marker and how it should be written; absent when it is well formed. */
  problem?: string;
}

/** A line position and a column span, `line` relative to the start of the cable that holds it. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export type BlockKind = 'summary' | 'comment' | 'note' | 'text' | 'talkingPoints';

export interface Block {
  kind: BlockKind;
  /** The opener (`Summary:`) and the closer (`End Summary.`), when present. */
  opener: Span;
  closer?: Span;
  /** Last line of the block (relative): the closer's line, or the end of its paragraph when unclosed. */
  endLine: number;
}

export interface Paragraph {
  /** The number as written (15 for the garbled `15.`). */
  writtenNumber: number;
  /** The number this paragraph has in sequence: 5 for a garbled `15.` after ¶4. */
  number: number;
  /** How the number was written: with a paragraph sign, bare, or a `¶` garbled into a leading `1`. */
  marker: 'pilcrow' | 'bare' | 'garbledPilcrow';
  numberSpan: Span;
  portionMarking?: Span;
  /** First line and last line (inclusive, relative) of the paragraph's text. */
  startLine: number;
  endLine: number;
  /** Where the paragraph ends on its last line when the next one runs into that line (`... in return. 2. (C)`). */
  endColumn?: number;
}

/** A title inside the text: its first line's span, and its last line (a title framed by rules may wrap). */
export interface Heading {
  span: Span;
  endLine: number;
}

export interface Section {
  /** 1-based number: from SECTION n OF m and the continuation headers, else counted. */
  number: number;
  startLine: number;
  endLine: number;
  /** The continuation header that opens it (absent for the first section). */
  header?: Span;
}

export interface HeaderField {
  kind: LineKind;
  line: number;
  /** A line that fits no role there: the role expected at its place (its kind is 'text'). */
  expected?: LineKind;
}

export interface ContinuationHeader {
  span: Span;
  post: string;
  serial: number;
  page: number;
  total: number;
  /** `001.2 OF 003` style (page number with a suffix). */
  suffixed: boolean;
}

/** One cable in a file. Every `line` inside is relative to `startLine`. */
export interface Cable {
  startLine: number;
  lineCount: number;
  /** Header lines in order (transmission, relay, DE, ZN, DTG, FM, TO, INFO, XMT, addresses...). */
  header: HeaderField[];
  /** First and last relative line of the routing header, when there is one. */
  headerRange?: { startLine: number; endLine: number };
  classificationLine?: number;
  captionBlock?: { startLine: number; endLine: number };
  captions: Span[];
  executiveOrderLine?: number;
  tagsLines: number[];
  subject?: { startLine: number; endLine: number; text: string };
  references?: { startLine: number; endLine: number; items: Span[] };
  classifiedByLines: number[];
  sections: Section[];
  paragraphs: Paragraph[];
  /** Headings inside the text, between paragraphs. */
  headings: Heading[];
  /** The numbers of list items inside paragraphs (a list numbered from 1, a quoted text's own numbering). */
  listItems: Span[];
  blocks: Block[];
  continuationHeaders: ContinuationHeader[];
  /** The signature's line of its own, if it has one (its token is the signer). */
  signatureLine?: number;
  /** The signer's name: on the signature line, or run into the last line of text (`... effects beyond. BURNS`). */
  signer?: Span;
  /** Lines whose kind in this cable differs from the lexer's (context decides: addresses, signature...). */
  lines: LexedLine[];
  /** Problems that span the cable's structure (lines relative). */
  problems: Array<LineProblem & { line: number }>;
}
