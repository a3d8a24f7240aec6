// The fields of one cable, read once from its tokens: what the features compare and show.
// Cached per cable object; an edit rebuilds only the touched cables, so the others keep their facts.
import { cableIdentity, CableIdentity, postOfOriginator } from '../syntax/identity';
import { closestClassification } from '../syntax/lexer';
import { CableModel } from '../syntax/model';
import { Cable, Span, Token, TokenKind } from '../syntax/types';
import { MONTHS } from '../vocabulary/months';
import { classificationByWord } from '../vocabulary/classification';
import { isPassingInstruction } from '../vocabulary/captions';

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
  stationSerial?: StationSerial;
  securityLetter?: Located<string>;
  originator?: Located<string>;
  classification?: Classification;
  captions: string[];
}

export function fullYear(twoDigits: number): number {
  return twoDigits >= 50 ? 1900 + twoDigits : 2000 + twoDigits;
}

/** Reads cable facts; one instance per document model. */
export class CableReader {
  private readonly cache = new WeakMap<Cable, CableFacts>();

  constructor(readonly model: CableModel) {}

  /** Text of a line relative to the cable. */
  line(cable: Cable, rel: number): string {
    return this.model.lineText(cable.startLine + rel);
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
    let facts = this.cache.get(cable);
    if (!facts) {
      facts = this.read(cable);
      this.cache.set(cable, facts);
    }
    return facts;
  }

  private headerLine(cable: Cable, kind: string): number | undefined {
    return cable.header.find((h) => h.kind === kind)?.line;
  }

  private read(cable: Cable): CableFacts {
    const facts: CableFacts = {
      identity: cableIdentity(cable, (line) => this.model.lineText(line)),
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
  const date = new Date(Date.UTC(year, month, day, hour, minute));
  const real = month >= 0 && hour < 24 && minute < 60 && date.getUTCDate() === day && date.getUTCMonth() === month;
  return { day, hour, minute, month, year, date: real ? date : undefined };
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
