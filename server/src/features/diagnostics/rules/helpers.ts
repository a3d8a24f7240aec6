// What several rules share: the problems the syntax layer found, edits, portion markings,
// DECL dates, and whether the body belongs to another cable.
import { TextEdit } from 'vscode-languageserver-types';
import { Cable, ProblemCode, Span } from '../../../syntax/types';
import { parsePortionMarking } from '../../../vocabulary';
import { CableReader, Located, samePost } from '../../../facts/facts';
import { fullYear } from '../../../syntax/identity';
import { PARTIAL_EXTRACT_NOTICE } from '../../../syntax/lexer';
import { Finding, Rule, RuleContext } from '../rule';

export const finding = <Data>(span: Span, message: string, data?: Data): Finding<Data> =>
  data === undefined ? { ...span, message } : { ...span, message, data };

/** An edit replacing a span of the cable (lines relative to it) with `newText`. */
export function replace(cable: Cable, span: Span, newText: string): TextEdit {
  const line = cable.startLine + span.line;
  return { range: { start: { line, character: span.start }, end: { line, character: span.end } }, newText };
}

/** A rule reporting what the lexer or the structure found (their problems carry the rule's code). */
export function syntaxRule<Code extends ProblemCode>(
  code: Code,
  rule: Omit<Rule, 'code' | 'check'>,
): Rule & { code: Code } {
  return { code, ...rule, check: ({ cable }) => problemsByCode(cable).get(code) ?? [] };
}

/**
 * The problems of a cable by code, in line order then the structure's: one pass over the lines for all the syntax
 * rules (a rule each pass was 17 passes over a cable of a million lines). Findings are fresh arrays per cable object.
 */
const problemsCache = new WeakMap<Cable, Map<ProblemCode, Finding[]>>();

function problemsByCode(cable: Cable): Map<ProblemCode, Finding[]> {
  let byCode = problemsCache.get(cable);
  if (byCode) return byCode;
  byCode = new Map();
  const add = (code: ProblemCode, finding: Finding) => {
    const list = byCode!.get(code);
    if (list) list.push(finding);
    else byCode!.set(code, [finding]);
  };
  const lines = cable.lines;
  for (let rel = 0; rel < lines.length; rel++) {
    for (const p of lines[rel].problems)
      add(p.code, {
        line: rel,
        start: p.start,
        end: p.end,
        message: p.message,
        ...(p.replacement === undefined ? {} : { data: { replacement: p.replacement } }),
      });
  }
  for (const p of cable.problems) add(p.code, p);
  problemsCache.set(cable, byCode);
  return byCode;
}

type ParsedMarking = Located<ReturnType<typeof parsePortionMarking>>;
/** Each cable's portion markings, parsed once for the rules that read them. */
const portionMarkingsCache = new WeakMap<Cable, readonly ParsedMarking[]>();

/** Portion markings of the paragraphs and the subject, parsed. */
export function portionMarkings({ cable, reader }: RuleContext): readonly ParsedMarking[] {
  let parsed = portionMarkingsCache.get(cable);
  if (parsed) return parsed;
  const spans: Span[] = cable.paragraphs.flatMap((p) => (p.portionMarking ? [p.portionMarking] : []));
  if (cable.subject) {
    const token = cable.lines[cable.subject.startLine].tokens.find((t) => t.kind === 'portionMarking');
    if (token) spans.push({ line: cable.subject.startLine, start: token.start, end: token.end });
  }
  parsed = spans.map((span) => ({
    value: parsePortionMarking(reader.line(cable, span.line).slice(span.start + 1, span.end - 1)),
    span,
  }));
  portionMarkingsCache.set(cable, parsed);
  return parsed;
}

/** mm/dd/yyyy, m/d/yy, yyyy/mm/dd, yyyy-mm-dd: the DECL date, if the text is one. */
export function parseDeclDate(text: string): { date?: Date; shaped: boolean } {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  let year: number, month: number, day: number;
  if (m) [month, day, year] = [Number(m[1]), Number(m[2]), m[3].length === 2 ? fullYear(Number(m[3])) : Number(m[3])];
  else if ((m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text)))
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return { shaped: false };
  const date = new Date(Date.UTC(year, month - 1, day));
  return { shaped: true, date: date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined };
}

/** The classification line names another post than the FM line, and (when there is a DE line) another serial. */
export function isOtherCable(facts: RuleContext['facts']): boolean {
  const de = facts.stationSerial?.serial;
  const body = facts.classification;
  if (!body?.serial || !body.post || !facts.originator) return false;
  return (!de || de.value !== body.serial.value % 10000) && !samePost(facts.originator.value, body.post.value);
}

/**
 * How far the DE line's transmission time may follow the DTG, in minutes (spec §6 rule 1: the same minute or up to an
 * hour later; one minute earlier occurs).
 */
const TRANSMISSION_DELAY = { min: -1, max: 60 } as const;

/**
 * Minutes from the DTG to the DE line's Julian day and time, the Julian day read in the DTG's year or the next or the
 * previous one (a cable released on 31 December is sent on day 001), whichever is nearest. Undefined without both.
 */
export function transmissionDelay(facts: RuleContext['facts']): number | undefined {
  const de = facts.stationSerial;
  const dtg = facts.dtg?.value;
  if (de?.julianDay === undefined || de.hour === undefined || de.minute === undefined || !dtg?.date) return undefined;
  const released = Date.UTC(dtg.year, dtg.month, dtg.day, dtg.hour, dtg.minute);
  let nearest: number | undefined;
  for (const year of [dtg.year, dtg.year + 1, dtg.year - 1]) {
    const minutes = (Date.UTC(year, 0, de.julianDay, de.hour, de.minute) - released) / 60_000;
    if (nearest === undefined || Math.abs(minutes) < Math.abs(nearest)) nearest = minutes;
  }
  return nearest;
}

export const withinTransmissionDelay = (minutes: number) =>
  minutes >= TRANSMISSION_DELAY.min && minutes <= TRANSMISSION_DELAY.max;

/** True when the cable is a partial extract: its notice stands before the header (or the classification line). */
export function isPartialExtract(cable: Cable, reader: CableReader): boolean {
  const headerStart = cable.header[0]?.line ?? cable.classificationLine ?? 0;
  for (let rel = 0; rel < headerStart; rel++)
    if (cable.lines[rel].kind === 'preHeader' && reader.line(cable, rel).startsWith(PARTIAL_EXTRACT_NOTICE))
      return true;
  return false;
}

/**
 * The last line of the caption block (classification line, captions, E.O., TAGS, SUBJECT, REF, Classified By) when
 * nothing but blank lines follows it: the released record stops there, without a body. Undefined otherwise.
 */
export function stubEnd(cable: Cable, reader: CableReader): number | undefined {
  if (cable.classificationLine === undefined || cable.paragraphs.length) return undefined;
  const end = Math.max(
    cable.captionBlock?.endLine ?? -1,
    cable.subject?.endLine ?? -1,
    cable.references?.endLine ?? -1,
    ...cable.classifiedByLines,
  );
  if (end < 0) return undefined;
  for (let rel = end + 1; rel < cable.lineCount; rel++) {
    const text = reader.line(cable, rel).trim();
    if (text && text !== '...') return undefined;
  }
  return end;
}

/** A whole line of the cable without its leading and trailing spaces, as a span. */
export function trimmedLine(cable: Cable, reader: CableReader, line: number): Span {
  const text = reader.line(cable, line);
  return { line, start: text.length - text.trimStart().length, end: text.trimEnd().length };
}
