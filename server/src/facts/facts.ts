// The fields of one cable, read once from its tokens: what the features compare and show.
// Cached per cable object; an edit rebuilds only the touched cables, so the others keep their facts.
import {
  cableIdentity,
  CableIdentity,
  DateFields,
  dateLine,
  FileNameId,
  fileNameId,
  fullYear,
  postOfOriginator,
  withYearOfFileName,
} from '../syntax/identity';
import { closestClassification } from '../syntax/lexer';
import { CableModel } from '../syntax/model';
import { Cable, Paragraph, Span, Token, TokenKind } from '../syntax/types';
import { MONTHS } from '../vocabulary/months';
import { classificationByWord, classificationByZnLetter } from '../vocabulary/classification';
import { isPassingInstruction } from '../vocabulary/captions';
import { precedence as precedenceByCode, precedenceByWord } from '../vocabulary/precedence';
import { tagLookups } from '../vocabulary/tags';
import { lazy } from '../vocabulary/tsv';
import { readReferences } from '../syntax/citations';
import type { CableFactsRecord, CableReferenceFact, ClassifiedByFact, TagFact, AddresseeFact } from '../protocol';

export interface Located<T> {
  value: T;
  span: Span;
}

export interface DateTimeGroup {
  precedence: string[];
  day: number;
  hour: number;
  minute: number;
  /** 0-based month, -1 when the month name is unknown. */
  month: number;
  year: number;
  /** The date as UTC, when the fields make a real date. */
  date?: Date;
}

export interface StationSerial {
  station?: Located<string>;
  serial?: Located<number>;
  section?: Located<number>;
  julianDay?: number;
  hour?: number;
  minute?: number;
  julianSpan?: Span;
}

export interface Classification {
  /** UNCLAS, UNCLASSIFIED, CONFIDENTIAL, SECRET, TOPSECRET, LIMITEDOFFICIALUSE. */
  level: string;
  rank: number;
  span: Span;
  section?: { number: number; total: number; span: Span };
  post?: Located<string>;
  serial?: Located<number>;
}

export interface CableFacts {
  identity: CableIdentity;
  dtg?: Located<DateTimeGroup>;
  relayPrecedence?: Located<string>;
  /** The word on the first TO line (`TO SECSTATE WASHDC IMMEDIATE 7738`): the action precedence. */
  toPrecedence?: Located<string>;
  stationSerial?: StationSerial;
  securityLetter?: Located<string>;
  originator?: Located<string>;
  classification?: Classification;
  captions: string[];
}

/** Reads cable facts; one instance per document model. */
export class CableReader {
  private readonly cache = new WeakMap<Cable, { fileName?: FileNameId; facts: CableFacts }>();
  private readonly records = new WeakMap<CableFacts, CableRecord>();
  private readonly fileName?: FileNameId;

  /** `uri`: the document's, whose file name may give a lone undated cable its year (withYearOfFileName). */
  constructor(
    readonly model: CableModel,
    uri?: string,
  ) {
    this.fileName = uri === undefined ? undefined : fileNameId(uri);
  }

  /** Text of a line relative to the cable. */
  line(cable: Cable, rel: number): string {
    return this.model.lineText(cable.startLine + rel);
  }

  /** The cable's last line with text (relative): the blank lines after it are no part of the cable's range. */
  lastTextLine(cable: Cable): number {
    let last = cable.lineCount - 1;
    while (last > 0 && !this.line(cable, last).trim()) last--;
    return last;
  }

  tokenText(cable: Cable, rel: number, token: Token): string {
    return this.line(cable, rel).slice(token.start, token.end);
  }

  /** First token of a kind on a relative line. */
  find(cable: Cable, rel: number | undefined, kind: TokenKind): Located<string> | undefined {
    if (rel === undefined) return undefined;
    const token = cable.lines[rel]?.tokens.find((t) => t.kind === kind);
    return (
      token && { value: this.tokenText(cable, rel, token), span: { line: rel, start: token.start, end: token.end } }
    );
  }

  facts(cable: Cable): CableFacts {
    // The file name speaks for the document's only cable: a second cable typed into the file ends that.
    const fileName = this.model.cables.length === 1 ? this.fileName : undefined;
    let cached = this.cache.get(cable);
    if (!cached || cached.fileName !== fileName) {
      cached = { fileName, facts: this.read(cable, fileName) };
      this.cache.set(cable, cached);
    }
    return cached.facts;
  }

  /** The cable's facts as data (see CableRecord); cached with the other facts. */
  record(cable: Cable): CableRecord {
    const facts = this.facts(cable);
    let record = this.records.get(facts);
    if (!record) {
      record = this.readRecord(cable, facts);
      this.records.set(facts, record);
    }
    return record;
  }

  private readRecord(cable: Cable, facts: CableFacts): CableRecord {
    const absent: CableRecord['absent'] = {};
    const orNull = <T>(field: keyof CableRecord, value: T | undefined, reason: string): T | null => {
      if (value === undefined || value === null || value === '') {
        absent[field] = reason;
        return null;
      }
      return value;
    };
    const line = facts.dtg ? undefined : dateLine(cable, (absolute) => this.model.lineText(absolute));
    const date = facts.dtg?.value.date ?? (line && utcDate(line));
    const originPost = facts.originator
      ? comparablePost(facts.originator.value)
      : facts.classification?.post && comparablePost(facts.classification.post.value);
    // Without a classification line, the ZNY line's letters say the level (CCCCC: CONFIDENTIAL); so they do when the
    // classification line is another post's: a cable's body sent on under this header, whose level is the header's.
    const forwarded =
      facts.originator &&
      facts.classification?.post &&
      !samePost(facts.originator.value, facts.classification.post.value);
    const level =
      facts.classification && !(forwarded && facts.securityLetter)
        ? classificationByWord(facts.classification.level)
        : facts.securityLetter && classificationByZnLetter(facts.securityLetter.value);
    const eoLine = cable.executiveOrderLine;
    const record: CableRecord = {
      referenceId: facts.identity.referenceId,
      dateTime: orNull(
        'dateTime',
        date && isoDateTime(date),
        facts.dtg ? 'the DTG is no real date' : 'no DTG line and no date line',
      ),
      origin: orNull('origin', originPost, 'no FM line and no post on the classification line'),
      from: orNull('from', facts.originator?.value.replace(/\s+/g, ' '), 'no FM line'),
      precedence: orNull('precedence', precedenceOf(facts)?.word, 'no precedence on the DTG, precedence or TO line'),
      classification: orNull('classification', level?.level, 'no classification line and no ZNY letters'),
      captions: [...new Set(cable.captions.map((c) => this.line(cable, c.line).slice(c.start, c.end).toUpperCase()))],
      tags: tagFacts(
        cable.tagsLines.flatMap((rel) =>
          cable.lines[rel].tokens.filter((t) => t.kind === 'tag').map((t) => this.tokenText(cable, rel, t)),
        ),
      ),
      subject: orNull('subject', cable.subject?.text.replace(/\s+/g, ' ').trim(), 'no SUBJECT line'),
      references: this.readReferenceFacts(cable, facts.identity),
      ...this.readAddressees(cable),
      signers: this.readSigners(cable),
      summary: orNull('summary', this.readSummary(cable), 'no Summary block'),
      classifiedBy: orNull('classifiedBy', this.readClassifiedByFact(cable), 'no Classified By line'),
      executiveOrder: orNull('executiveOrder', this.find(cable, eoLine, 'executiveOrderNumber')?.value, 'no E.O. line'),
      declassify: orNull(
        'declassify',
        this.find(cable, eoLine, 'declassification')?.value.trim(),
        'no DECL on an E.O. line',
      ),
      // As sent (`SECTION 01 OF 05` on the classification line), though the text runs them together; else as read.
      sections: facts.classification?.section?.total ?? cable.sections.length,
      paragraphs: cable.paragraphs.length,
      absent,
    };
    if (!record.tags.length) absent.tags = 'no TAGS line';
    if (!record.references.length)
      absent.references = cable.references ? 'no citation read on the REF lines' : 'no REF line';
    if (!record.to.length) absent.to = 'no TO line';
    if (!record.signers.length) absent.signers = 'no signature line';
    return record;
  }

  private readReferenceFacts(cable: Cable, { year: citingYear, referenceId: ownId }: CableIdentity): ReferenceFact[] {
    // The REF block's lines, after the subject lines: a re-flowed caption block has `SUBJECT: ... REF: ...` on one line.
    const rels = subjectAndRefLines(cable);
    const found: ReferenceFact[] = [];
    for (const rel of rels) {
      const text = this.line(cable, rel);
      const keywords = cable.lines[rel].tokens.filter((t) => t.kind === 'keyword');
      const ref = keywords.find((t) => /^REF/i.test(text.slice(t.start, t.end)));
      const stop = keywords.find((t) => isClassifiedBy(text.slice(t.start, t.end)));
      if ((rel === cable.references?.startLine || cable.lines[rel].kind === 'subject') && !ref) continue;
      for (const item of readReferences(text, ref?.end ?? 0, stop?.start ?? text.length)) {
        const span = { line: rel, start: item.start, end: item.end };
        const written = text.slice(item.start, item.end);
        if (item.nonCable) found.push({ kind: item.nonCable, written, where: span });
        else if (item.cable) {
          const year = item.cable.year ?? citingYear;
          if (year === undefined) continue;
          const referenceId = `${year}${item.cable.post}${item.cable.serial}`;
          // A cable does not cite itself: its own ID there is a page header run into the line.
          if (referenceId === ownId) continue;
          found.push({ kind: 'cable', referenceId, yearWritten: item.cable.year !== undefined, written, where: span });
        }
      }
    }
    return found;
  }

  /** TO and INFO addressees: each address line belongs to the TO, INFO or XMT line above it (XMT lines are none). */
  private readAddressees(cable: Cable): { to: AddresseeFact[]; info: AddresseeFact[] } {
    const lists = { to: [] as AddresseeFact[], info: [] as AddresseeFact[] };
    let list: AddresseeFact[] | undefined;
    for (const field of cable.header) {
      if (field.kind === 'to' || field.kind === 'info' || field.kind === 'exempt')
        list = field.kind === 'exempt' ? undefined : lists[field.kind];
      else if (field.kind !== 'address') list = undefined;
      const address = list && this.find(cable, field.line, 'address');
      if (!list || !address) continue;
      const indicator = this.find(cable, field.line, 'routingIndicator');
      list.push({ routingIndicator: indicator?.value ?? null, name: address.value.replace(/\s+/g, ' ') });
    }
    return lists;
  }

  /** The signer, on a line of its own or run into the last line of text. */
  private readSigners(cable: Cable): string[] {
    const signer = cable.signer;
    return signer ? [this.line(cable, signer.line).slice(signer.start, signer.end)] : [];
  }

  /**
   * The Summary: the text of the first Summary block that holds any, between its opener and its closer. A heading
   * (`SUMMARY` / `-------`, no text of its own) heads the paragraph after it (09ROME649); an `End Summary.` that closes
   * no opener ends the text the first paragraph begins (`¶1. (C) UK Ambassador ... End summary`, 07BAGHDAD3895).
   */
  private readSummary(cable: Cable): string | undefined {
    const blocks = cable.blocks.filter((b) => b.kind === 'summary');
    for (const block of blocks) {
      const end = block.closer ?? { line: block.endLine, start: this.line(cable, block.endLine).length };
      const summary = this.summaryText(cable, { line: block.opener.line, start: block.opener.end }, end);
      if (summary) return summary;
    }
    const heading = blocks.find((b) => !b.closer && !this.line(cable, b.opener.line).slice(b.opener.end).trim());
    const headed = heading && cable.paragraphs.find((p) => p.startLine > heading.opener.line);
    if (headed && headed.startLine - heading.opener.line <= SUMMARY_HEADING_GAP)
      return withoutSummaryLead(this.summaryText(cable, paragraphBody(headed), this.paragraphEnd(cable, headed)));
    const first = cable.paragraphs[0];
    const closer = !blocks.length && first && this.unpairedSummaryCloser(cable, first.startLine);
    return closer ? withoutSummaryLead(this.summaryText(cable, paragraphBody(first), closer)) : undefined;
  }

  /** Where a paragraph's text ends: before a heading under it (`THANKS FOR SUPPORT WITH HARD LANDING`, 09BAMAKO776). */
  private paragraphEnd(cable: Cable, paragraph: Paragraph): { line: number; start: number } {
    const heading = cable.headings.find((h) => h.span.line > paragraph.startLine && h.span.line <= paragraph.endLine);
    if (heading) return { line: heading.span.line, start: 0 };
    return { line: paragraph.endLine, start: paragraph.endColumn ?? this.line(cable, paragraph.endLine).length };
  }

  /** The first `End Summary` from a line on (none is paired: the cable has no Summary block). */
  private unpairedSummaryCloser(cable: Cable, from: number): Span | undefined {
    for (let rel = from; rel < cable.lineCount; rel++)
      for (const t of cable.lines[rel].tokens)
        if (t.kind === 'blockEnd' && /summary/i.test(this.tokenText(cable, rel, t)))
          return { line: rel, start: t.start, end: t.end };
    return undefined;
  }

  /**
   * The text from one place to another, page headers and rules (`-------` under a SUMMARY heading) left out, and the
   * `End` of a closer split over two lines (`... election. End` / `Summary.`).
   */
  private summaryText(cable: Cable, from: { line: number; start: number }, to: { line: number; start: number }) {
    const parts: string[] = [];
    for (let rel = from.line; rel <= to.line; rel++) {
      const kind = cable.lines[rel].kind;
      if (kind === 'continuationHeader' || kind === 'classification' || kind === 'preHeader') continue;
      const text = this.line(cable, rel);
      const start = rel === from.line ? from.start : 0;
      const end = rel === to.line ? to.start : text.length;
      const part = text.slice(start, Math.max(start, end));
      if (!/^[\s=_-]+$/.test(part)) parts.push(part);
    }
    const summary = parts.join(' ').replace(/\s+/g, ' ').trim();
    const split = to.line > from.line && !this.line(cable, to.line).slice(0, to.start).trim();
    return (split ? summary.replace(/(?:^| )End$/i, '') : summary) || undefined;
  }

  /**
   * The Classified By entry over its lines (and a reason list wrapped onto the text lines after them), else the one
   * that ends a REF line (`REF: ASUNCION 396 Classified By: AMBASSADOR CRAIG KELLY; Reasons 1.4(b), (d)`), else the
   * 1990s form, paragraph 1 (`1. (U) CLASSIFIED BY ROBERT P. FINN, DEPUTY CHIEF OF MISSION. REASON: 1.5 (D).`).
   */
  private readClassifiedByFact(cable: Cable): ClassifiedByFact | undefined {
    const rels = cable.classifiedByLines.length ? [...cable.classifiedByLines] : this.classifiedByOnRefLine(cable);
    if (!rels.length) rels.push(...this.classifiedByAsParagraph(cable));
    if (!rels.length) return undefined;
    const next = () => rels[rels.length - 1] + 1;
    while (next() < cable.lineCount && cable.lines[next()].kind === 'text' && rels.length < 4) rels.push(next());
    const texts = rels.map((rel) => this.line(cable, rel));
    const at = /classified\s+by\s*:?/i.exec(texts[0]);
    texts[0] = at ? texts[0].slice(at.index + at[0].length) : texts[0];
    return readClassifiedBy(texts.join(' ').replace(/\s+/g, ' ').trim());
  }

  /** The SUBJECT or REF line that holds a Classified By keyword, as a list of none or one line. */
  private classifiedByOnRefLine(cable: Cable): number[] {
    for (const rel of subjectAndRefLines(cable))
      if (cable.lines[rel].tokens.some((t) => t.kind === 'keyword' && isClassifiedBy(this.tokenText(cable, rel, t))))
        return [rel];
    return [];
  }

  /** Paragraph 1 when it is the statement (with its REASON line), else no line. */
  private classifiedByAsParagraph(cable: Cable): number[] {
    const first = cable.paragraphs[0];
    if (!first || first.number !== 1) return [];
    const after = (first.portionMarking ?? first.numberSpan).end;
    if (!/^\s*classified\s+by\b/i.test(this.line(cable, first.startLine).slice(after))) return [];
    const reason = first.startLine + 1;
    return reason <= first.endLine && cable.lines[reason].kind === 'reason'
      ? [first.startLine, reason]
      : [first.startLine];
  }

  private headerLine(cable: Cable, kind: string): number | undefined {
    return cable.header.find((h) => h.kind === kind)?.line;
  }

  private read(cable: Cable, fileName: FileNameId | undefined): CableFacts {
    const facts: CableFacts = {
      identity: withYearOfFileName(
        cableIdentity(cable, (line) => this.model.lineText(line)),
        fileName,
      ),
      // Handling captions: the passing instructions of the caption block say who else gets the cable.
      captions: cable.captions
        .map((c) => this.line(cable, c.line).slice(c.start, c.end).toUpperCase())
        .filter((caption) => !isPassingInstruction(caption)),
    };
    const dtgLine = this.headerLine(cable, 'dtg');
    const dtg = this.find(cable, dtgLine, 'dateTimeGroup');
    if (dtg && dtgLine !== undefined) {
      const precedence = cable.lines[dtgLine].tokens
        .filter((t) => t.kind === 'precedence')
        .map((t) => this.tokenText(cable, dtgLine, t));
      facts.dtg = { value: { ...parseDateTimeGroup(dtg.value), precedence }, span: dtg.span };
    }
    const relay = this.find(cable, this.headerLine(cable, 'relay'), 'precedence');
    if (relay) facts.relayPrecedence = relay;
    const toPrecedence = this.find(cable, this.headerLine(cable, 'to'), 'precedence');
    if (toPrecedence) facts.toPrecedence = toPrecedence;
    const deLine = this.headerLine(cable, 'stationSerial');
    if (deLine !== undefined) {
      const de: StationSerial = {};
      de.station = this.find(cable, deLine, 'routingIndicator');
      const serial = this.find(cable, deLine, 'stationSerial');
      if (serial && /\d/.test(serial.value))
        de.serial = { value: Number(serial.value.replace(/\D/g, '')), span: serial.span };
      const section = this.find(cable, deLine, 'sectionNumber');
      if (section && /\d/.test(section.value))
        de.section = { value: Number(section.value.replace(/\D/g, '')), span: section.span };
      const julian = this.find(cable, deLine, 'julianTime');
      const parts = julian && /^(\d{3})(\d{2})(\d{2})$/.exec(julian.value);
      if (julian && parts) {
        [de.julianDay, de.hour, de.minute] = parts.slice(1).map(Number);
        de.julianSpan = julian.span;
      }
      facts.stationSerial = de;
    }
    const security = this.find(cable, this.headerLine(cable, 'security'), 'securityLetters');
    if (security) facts.securityLetter = { value: security.value[0], span: security.span };
    const originator = this.find(cable, this.headerLine(cable, 'from'), 'address');
    if (originator) facts.originator = originator;
    facts.classification = this.readClassification(cable);
    return facts;
  }

  private readClassification(cable: Cable): Classification | undefined {
    const rel = cable.classificationLine;
    const word = this.find(cable, rel, 'classification');
    if (rel === undefined || !word) return undefined;
    const level = closestClassification(word.value.replace(/\s+/g, '').toUpperCase()) ?? 'UNCLAS';
    const classification: Classification = { level, rank: classificationByWord(level)?.rank ?? 0, span: word.span };
    const section = this.find(cable, rel, 'section');
    const numbers = section && /(\d+)\D+(\d+)/.exec(section.value);
    if (section && numbers)
      classification.section = { number: Number(numbers[1]), total: Number(numbers[2]), span: section.span };
    const post = this.find(cable, rel, 'post');
    if (post) classification.post = { value: post.value.toUpperCase(), span: post.span };
    const serial = this.find(cable, rel, 'serial');
    if (serial) classification.serial = { value: Number(serial.value), span: serial.span };
    return classification;
  }
}

/** `161223Z OCT 09` -> its fields and, when they make a real date, the UTC date. */
export function parseDateTimeGroup(text: string): Omit<DateTimeGroup, 'precedence'> {
  const m = /^(\d\d)(\d\d)(\d\d)Z?\s+([A-Za-z]{3})\s+(\d{2,4})/.exec(text.trim());
  if (!m) return { day: 0, hour: 0, minute: 0, month: -1, year: 0 };
  const [day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const month = MONTHS.indexOf(m[4].toUpperCase());
  const year = m[5].length === 2 ? fullYear(Number(m[5])) : Number(m[5]);
  const fields = { day, hour, minute, month, year };
  return { ...fields, date: utcDate(fields) };
}

/** The UTC date of the fields, when they make a real date. */
function utcDate({ day, hour, minute, month, year }: DateFields): Date | undefined {
  const date = new Date(Date.UTC(year, month, day, hour, minute));
  const real = month >= 0 && hour < 24 && minute < 60 && date.getUTCDate() === day && date.getUTCMonth() === month;
  return real ? date : undefined;
}

/** Day of the year, 1-based, of a UTC date. */
export function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** A post written the way the reference ID writes it: `PORT AU PRINCE` -> PORTAUPRINCE. */
export function comparablePost(post: string): string {
  return postOfOriginator(post.toUpperCase()).replace(/[^A-Z]/g, '');
}

/** Whether two spellings name one post: `USINT HAVANA` and `HAVANA`, `AMEMBASSY LA PAZ` and `LA PAZ`. */
export function samePost(a: string, b: string): boolean {
  const [x, y] = [comparablePost(a), comparablePost(b)];
  return x === y || x.endsWith(y) || y.endsWith(x);
}

/** A cable's facts as data, its places as spans of the cable's lines (the wire shape is in protocol.ts). */
export type CableRecord = CableFactsRecord<Span>;
export type ReferenceFact = CableReferenceFact<Span>;

/**
 * `IMMEDIATE/ROUTINE` from the precedence letters of the DTG line, else the doubled letter of the precedence line, else
 * the word of the first TO line.
 */
export function precedenceOf(facts: CableFacts): { code: string; word: string } | undefined {
  const toWord = facts.toPrecedence && precedenceByWord(facts.toPrecedence.value);
  if (!facts.dtg?.value.precedence.length && !facts.relayPrecedence && toWord?.word)
    return { code: toWord.code, word: toWord.word };
  const letters = facts.dtg?.value.precedence.length
    ? facts.dtg.value.precedence.map((p) => p.toUpperCase())
    : facts.relayPrecedence && /^([A-Z])\1?$/i.test(facts.relayPrecedence.value)
      ? [facts.relayPrecedence.value[0].toUpperCase()]
      : [];
  const words = letters.map((letter) => precedenceByCode(letter)?.word);
  if (letters.length === 0 || words.some((word) => !word)) return undefined;
  return { code: letters.join(' '), word: words.join('/') };
}

/** `2009-10-16T12:23Z`. */
function isoDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}

const BUILT_IN_TAGS = lazy(() => tagLookups(new Map()));

/** The kind of a TAGS code: by the built-in tables, else by its shape (two letters: a country; K...: a program). */
function tagKind(code: string): TagFact['kind'] {
  const family = BUILT_IN_TAGS().tagCode(code)?.family;
  if (family && family !== 'user') return family;
  if (/^[A-Z]{2}$/.test(code)) return 'geographic';
  if (/^K[A-Z]{3}$/.test(code)) return 'program';
  return 'unknown';
}

/** TAGS codes with their kinds; the words after OVIP that are no codes are one person (`OVIP (STEINBERG, JAMES B.)`). */
function tagFacts(codes: readonly string[]): TagFact[] {
  const facts: TagFact[] = [];
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k].toUpperCase();
    facts.push({ code, kind: tagKind(code) });
    if (code !== 'OVIP') continue;
    const name: string[] = [];
    const bracketed = codes[k + 1]?.startsWith('(');
    while (k + 1 < codes.length) {
      const word = codes[k + 1];
      if (
        bracketed ? name.length > 0 && name[name.length - 1].endsWith(')') : tagKind(word.toUpperCase()) !== 'unknown'
      )
        break;
      name.push(word);
      k++;
    }
    if (name.length) facts.push({ code: name.join(' ').replace(/^\(|\)$/g, ''), kind: 'person' });
  }
  return facts;
}

/** The lines of the SUBJECT, then of the REF block. */
function subjectAndRefLines(cable: Cable): number[] {
  const rels: number[] = [];
  for (const block of [cable.subject, cable.references])
    for (let rel = block?.startLine ?? 0; block && rel <= block.endLine; rel++) rels.push(rel);
  return rels;
}

/** A Classified By keyword (`CLASSIFIED BY`, `(U) Classified By:`). */
function isClassifiedBy(keyword: string): boolean {
  return /^(?:\(U\)\s*)?CLASSIFIED/i.test(keyword);
}

/** Words of titles and offices in a Classified By entry: what is not a name. Lower case. */
const TITLE_WORDS = new Set(
  (
    'a.i. acting affairs ambassador assistant attache attaché ca cda cg charge chargé chief commercial consul ' +
    "consular coordinator counselor counsellor d'affaires daffaires dcm defense deputy director econ econcouns " +
    'econoff economic ecopol embassy general head interim management minister minister-counselor mission of officer ' +
    'pol pol-mil polcouns polecon political polmil poloff principal public rso secretary section senior the for ' +
    "and regional affairs us u.s. a/dcm pao ds amb amb. com das cda charg unit global adviser advisor d'affairs " +
    'polmincouns minster dir dir. by'
  ).split(' '),
);

/** Particles inside names (`Carol van Voorst`) and suffixes after them (`CLARK T. RANDT, JR`). */
const NAME_PARTICLE = /^(?:van|von|de|del|della|da|di|du|la|le|al|bin|el)$/;
const NAME_SUFFIX = /^(?:JR|Jr|SR|Sr|II|III|IV)\.?$/;

/** `Deputy Chief of Mission Philip Chicola, reasons 1.4 (b & d)` -> name, title, office and reasons. */
function readClassifiedBy(text: string): ClassifiedByFact {
  const fact: ClassifiedByFact = { text, name: null, title: null, office: null, reasons: [] };
  // `reasons` wrapped inside the word as the site's lines split it (`for Reaso ns 1.4`, 06PARIS7579).
  const reasonAt = text.search(
    /\b(?:for\s+)?r\s?e\s?a\s?s\s?o\s?n\s?s?\b|\bE\.?\s?O\.?\s?1\d{4}|\b1\s*[.,]\s*[456]\b/i,
  );
  let authority = text.slice(0, reasonAt < 0 ? text.length : reasonAt).replace(/^(?:\s*classified\s+by\s*:?)+\s*/i, '');
  // Punctuation after the authority, dropped by a loop (a `[...]+$` pattern backtracks on long runs), and the word
  // that leads to the reasons (`Ambassador Margaret Scobey per 1.4`, `Godec for E.O. 12958 reasons`, `fo Reasons`).
  let end = authority.length;
  for (;;) {
    while (end > 0 && /[\s,.;:-]/.test(authority[end - 1])) end--;
    const lead = /\s(?:for|per|fo)$/i.exec(authority.slice(Math.max(0, end - 4), end));
    if (!lead) break;
    end -= lead[0].length;
  }
  authority = authority.slice(0, end);
  // `Derived from Multiple Sources` names no one.
  const parts = /^derived\s+from\b/i.test(authority)
    ? []
    : authority
        // `Charge d'Affaires, a.i. Lisa Kubiske`: the comma before a.i. is inside the title.
        .replace(/,\s*(?=a\.i\.)/gi, ' ')
        .split(/[,;]/)
        .map((part) => part.trim())
        .filter(Boolean);
  const mixedCase = /[a-z]/.test(authority);
  // `Minister-Councelor`: a hyphenated word with a title word in it is a title word.
  const isTitleWord = (word: string) =>
    word.split('-').some((part) => TITLE_WORDS.has(part.toLowerCase())) ||
    word.includes('/') ||
    (mixedCase && /^[A-Z]{2,}$/.test(word));
  // An initial run into the surname is one word: `DOUGLAS C.GREENE`.
  const isNameWord = (word: string) =>
    (/^(?:[A-Z][A-Za-z'’-]*\.?|(?:[A-Z]\.)+(?:[A-Z][A-Za-z'’-]+)?)$/.test(word) || NAME_PARTICLE.test(word)) &&
    !isTitleWord(word);
  for (let p = 0; p < parts.length && fact.name === null; p++) {
    const words = parts[p].split(/\s+/);
    let first = words.length;
    while (first > 0 && isNameWord(words[first - 1])) first--;
    while (first < words.length && NAME_PARTICLE.test(words[first])) first++;
    const rest = parts.filter((_, q) => q !== p);
    const titleAfter = rest.length > 0 && rest[0].split(/\s+/).every(isTitleWord);
    // A surname alone is a name after a title (`Ambassador Cellucci`, `DCM Quanrud`) or before one
    // (`DUDDY, AMBASSADOR`).
    const titled = first > 0 ? isTitleWord(words[first - 1]) : titleAfter;
    if (words.length - first < (titled ? 1 : 2) || words.length - first > 5) continue;
    fact.name = words.slice(first).join(' ');
    if (rest.length && NAME_SUFFIX.test(rest[0])) fact.name += `, ${rest.shift()}`;
    if (first > 0) fact.title = words.slice(0, first).join(' ');
    else if (titleAfter) fact.title = rest.shift()!;
    if (rest.length) fact.office = rest.join(', ');
  }
  if (reasonAt >= 0) {
    // The reasons after the order's number: the E of `E.O. 12958` is no reason.
    const reasons = text.slice(reasonAt).replace(/^(?:for\s+)?E\.?\s?O\.?\s?1\d{4}/i, '');
    const section = /\b1\s*[.,]\s*([456])/.exec(reasons)?.[1];
    const letters = [...reasons.matchAll(/(?<![A-Za-z])([a-hA-H])(?![A-Za-z])/g)].map((m) => m[1].toLowerCase());
    fact.reasons = [...new Set(letters)].map((letter) => `${section ? `1.${section}` : ''}(${letter})`);
  }
  return fact;
}

/**
 * A Summary opener the lexer does not take for one, at the start of the text read as the Summary: `Summary and
 * introduction:` (07ISLAMABAD256), `Begin Summary.` after a portion marking (10KABUL693), `C) Summary:` (09ABIDJAN406).
 */
function withoutSummaryLead(summary: string | undefined): string | undefined {
  const lead = SUMMARY_LEAD.exec(summary?.slice(0, 100) ?? '');
  return lead ? summary!.slice(lead[0].length) || undefined : summary;
}

const SUMMARY_LEAD =
  /^(?:\(?[A-Z][^()]{0,40}\)\s*)?(?:\d{1,2}\.\s*)?(?:Begin\s+)?Summary(?:\s+and\s+[A-Za-z]+(?:\s+[A-Za-z]+)?)?\s*[:.-]\s*/i;

/** Lines between a Summary heading and the paragraph it heads: the rule under it, blank lines. */
const SUMMARY_HEADING_GAP = 4;

/** Where a paragraph's text begins: after its number and portion marking. */
function paragraphBody(paragraph: Paragraph): { line: number; start: number } {
  return { line: paragraph.startLine, start: (paragraph.portionMarking ?? paragraph.numberSpan).end };
}
