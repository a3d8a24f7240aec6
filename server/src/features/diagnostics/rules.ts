// Every diagnostic rule, one object each. Shape rules report what the lexer found on a line;
// consistency rules compare fields across the cable (see the catalogue in the format reference, §6).
import { Span } from '../../syntax/types';
import { CodeTables, editDistance, executiveOrder, parsePortionMarking } from '../../vocabulary';
import { comparablePost, dayOfYear, fullYear, Located, samePost } from '../../facts/facts';
import { Finding, Rule, RuleContext, syntaxRule } from './rule';

const finding = (span: Span, message: string): Finding => ({ ...span, message });

const CANONICAL_HEADER_ORDER = [
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

const shapeRules: Rule[] = [
  syntaxRule(
    'transmission-shape',
    'error',
    'The VZCZC transmission line: VZCZC, a three-letter channel and a sequence number, nothing else.',
  ),
  syntaxRule(
    'relay-precedence',
    'error',
    'The precedence line starts with a known precedence, doubled (OO, PP, RR, ZZ).',
  ),
  syntaxRule('routing-indicator-shape', 'error', 'Routing indicators are R followed by 3 to 6 capital letters.'),
  syntaxRule('station-serial-shape', 'error', 'The DE line: DE <station RI> #<4-digit serial>[/<section>] <JJJHHMM>.'),
  syntaxRule('julian-time', 'error', 'The DE line Julian date-time: day of year 001-366, hour 00-23, minute 00-59.'),
  syntaxRule('security-shape', 'error', 'The security line: ZNY or ZNR, five classification letters, ZZH.'),
  syntaxRule('security-letters', 'error', 'Security line letters: UUUUU with ZNR; CCCCC, SSSSS or TTTTT with ZNY.'),
  syntaxRule('dtg-precedence', 'error', 'The DTG line starts with known precedence letters (Z, O, P, R).'),
  syntaxRule(
    'dtg-shape',
    'error',
    'The date-time group: DDHHMMZ MON YY with a day that exists in the month, hour 00-23, minute 00-59.',
  ),
  syntaxRule('address-shape', 'error', 'FM, TO, INFO and XMT lines name an addressee.'),
  syntaxRule('page-banner-in-address', 'warning', 'A page banner fused into the address list (rendering damage).'),
  syntaxRule(
    'classification-form',
    'warning',
    'The classification line uses the canonical form: UNCLAS or spaced capitals (C O N F I D E N T I A L, S E C R E T).',
  ),
  syntaxRule('section-shape', 'error', 'SECTION n OF m in capitals, with 1 <= n <= m.'),
  syntaxRule(
    'executive-order-shape',
    'error',
    'The E.O. line names an order and a declassification: E.O. 12958: DECL: mm/dd/yyyy (or N/A on unclassified cables).',
  ),
  syntaxRule('reason-letter', 'error', 'Classification reasons are letters a to h of section 1.4.'),
  syntaxRule(
    'embedded-header',
    'information',
    'A second transmission header before the body: the text embeds a copy of the cable record.',
  ),
  syntaxRule(
    'false-paragraph-sign',
    'information',
    'A paragraph sign before a wrapped line that began with a number: not a paragraph start.',
  ),
];

/** Header lines that must be present once a header has a DE line. */
const missingHeaderLine: Rule = {
  code: 'missing-header-line',
  severity: 'error',
  description: 'A routing header with a DE line also has its DTG and FM lines.',
  check: ({ cable }) => {
    const de = cable.header.find((h) => h.kind === 'stationSerial');
    if (!de) return [];
    const findings: Finding[] = [];
    for (const [kind, name, example] of [
      ['dtg', 'date-time group line', 'R 161223Z OCT 09'],
      ['from', 'FM line', 'FM AMEMBASSY DUSHANBE'],
    ] as const) {
      if (!cable.header.some((h) => h.kind === kind))
        findings.push({
          line: de.line,
          start: 0,
          end: 2,
          message: `This header has no ${name}: expected a line such as "${example}" after the DE and ZNY lines.`,
        });
    }
    return findings;
  },
};

const headerOrder: Rule = {
  code: 'header-order',
  severity: 'warning',
  description: 'Header lines in canonical order: VZCZC, precedence, DE, ZNY/ZNR, DTG, FM, TO, INFO, XMT.',
  check: ({ cable, reader }) => {
    let highest = -1;
    for (const field of cable.header) {
      const rank = CANONICAL_HEADER_ORDER.indexOf(field.kind);
      if (rank < 0) continue;
      if (rank < highest) {
        const text = reader.line(cable, field.line);
        return [
          {
            line: field.line,
            start: 0,
            end: text.trimEnd().length,
            message: `"${text.trim().split(/\s+/)[0]}" line out of order: expected the order VZCZC, precedence, DE, ZNY/ZNR, DTG, FM, TO, INFO, XMT.`,
          },
        ];
      }
      highest = rank;
    }
    return [];
  },
};

const julianDay: Rule = {
  code: 'julian-day-mismatch',
  severity: 'warning',
  description: 'The DE line Julian day is the day of the year of the DTG date.',
  check: ({ facts }) => {
    const de = facts.stationSerial;
    const date = facts.dtg?.value.date;
    if (!de?.julianSpan || de.julianDay === undefined || !date) return [];
    const expected = dayOfYear(date);
    if (de.julianDay === expected) return [];
    const span = { ...de.julianSpan, end: de.julianSpan.start + 3 };
    return [
      finding(
        span,
        `Julian day ${String(de.julianDay).padStart(3, '0')} does not match the DTG (${date.toISOString().slice(0, 10)} is day ${String(expected).padStart(3, '0')}).`,
      ),
    ];
  },
};

const julianTime: Rule = {
  code: 'julian-time-mismatch',
  severity: 'information',
  description: 'The DE line time is the DTG time or somewhat later (transmission after release).',
  check: ({ facts }) => {
    const de = facts.stationSerial;
    const dtg = facts.dtg?.value;
    if (
      !de?.julianSpan ||
      de.hour === undefined ||
      de.minute === undefined ||
      !dtg?.date ||
      de.julianDay !== dayOfYear(dtg.date)
    )
      return [];
    const difference = de.hour * 60 + de.minute - (dtg.hour * 60 + dtg.minute);
    if (difference >= -1 && difference <= 60) return [];
    const span = { ...de.julianSpan, start: de.julianSpan.start + 3 };
    return [
      finding(
        span,
        `Transmission time ${String(de.hour).padStart(2, '0')}${String(de.minute).padStart(2, '0')} is ${difference > 0 ? `${difference} minutes after` : `${-difference} minutes before`} the DTG time ${String(dtg.hour).padStart(2, '0')}${String(dtg.minute).padStart(2, '0')}Z: expected the same time or up to an hour later.`,
      ),
    ];
  },
};

/** DE serial, classification-line serial and post: the same cable, or a body that belongs to another. */
const serialMismatch: Rule = {
  code: 'serial-mismatch',
  severity: 'warning',
  description: 'The DE serial is the last four digits of the classification-line serial.',
  check: ({ facts }) => {
    const de = facts.stationSerial?.serial;
    const body = facts.classification?.serial;
    if (!de || !body || de.value === body.value % 10000 || isOtherCable(facts)) return [];
    return [
      finding(
        de.span,
        `DE serial #${String(de.value).padStart(4, '0')} does not match the classification-line serial ${body.value}: expected #${String(body.value % 10000).padStart(4, '0')}.`,
      ),
    ];
  },
};

/** The classification line names another post than the FM line, and (when there is a DE line) another serial. */
function isOtherCable(facts: RuleContext['facts']): boolean {
  const de = facts.stationSerial?.serial;
  const body = facts.classification;
  if (!body?.serial || !body.post || !facts.originator) return false;
  return (!de || de.value !== body.serial.value % 10000) && !samePost(facts.originator.value, body.post.value);
}

const otherCable: Rule = {
  code: 'body-of-another-cable',
  severity: 'warning',
  description:
    'The body (classification line post and serial) belongs to the cable of the header (FM post, DE serial).',
  check: ({ facts }) => {
    if (!isOtherCable(facts)) return [];
    const body = facts.classification!;
    const de = facts.stationSerial?.serial;
    const serial = de ? ` with serial #${String(de.value).padStart(4, '0')}` : '';
    return [
      finding(
        body.post!.span,
        `This body belongs to another cable: its classification line says ${body.post!.value} ${body.serial!.value}, but the header is from ${facts.originator!.value}${serial}.`,
      ),
    ];
  },
};

const sectionMismatch: Rule = {
  code: 'section-mismatch',
  severity: 'warning',
  description: 'The DE /section equals SECTION n of the classification line; /02 and higher need a SECTION.',
  check: ({ facts }) => {
    const section = facts.stationSerial?.section;
    if (!section) return [];
    const body = facts.classification?.section;
    if (body && body.number !== section.value)
      return [
        finding(
          section.span,
          `DE section /${String(section.value).padStart(2, '0')} does not match SECTION ${body.number} OF ${body.total} on the classification line.`,
        ),
      ];
    if (!body && section.value > 1 && facts.classification)
      return [
        finding(
          section.span,
          `DE section /${String(section.value).padStart(2, '0')} on a cable whose classification line has no SECTION: expected /01 or a SECTION ${section.value} OF n.`,
        ),
      ];
    return [];
  },
};

const continuationHeaders: Rule = {
  code: 'continuation-header-mismatch',
  severity: 'warning',
  description:
    'Continuation headers name the post and serial of the classification line, count pages up one by one, and agree with its SECTION total.',
  check: ({ cable, facts }) => {
    const findings: Finding[] = [];
    const body = facts.classification;
    let previous = body?.section?.number ?? 1;
    for (const header of cable.continuationHeaders) {
      if (body?.serial && header.serial !== body.serial.value) {
        findings.push(
          finding(
            header.span,
            `Continuation header serial ${header.serial} differs from the classification-line serial ${body.serial.value}.`,
          ),
        );
      } else if (
        body?.post &&
        !comparablePost(body.post.value).startsWith(comparablePost(header.post)) &&
        !samePost(header.post, body.post.value)
      ) {
        // Page headers cut long posts to ten characters: BUENOS AIR for BUENOS AIRES.
        findings.push(
          finding(
            header.span,
            `Continuation header post ${header.post} differs from the classification-line post ${body.post.value}.`,
          ),
        );
      }
      // In the `001.2 OF 004` layout the total counts pages, not sections.
      if (body?.section && !header.suffixed && header.total !== body.section.total) {
        findings.push(
          finding(
            header.span,
            `Continuation header total ${header.total} disagrees with SECTION ${body.section.number} OF ${body.section.total} on the classification line: expected OF ${String(body.section.total).padStart(3, '0')}.`,
          ),
        );
      }
      if (header.page > previous + 1) {
        const missing =
          header.page - previous - 1 === 1
            ? `section ${previous + 1} is missing`
            : `sections ${previous + 1} to ${header.page - 1} are missing`;
        findings.push(finding(header.span, `Page ${header.page} follows page ${previous}: ${missing} from this text.`));
      } else if (header.page < previous && !(header.suffixed && header.page === previous)) {
        findings.push(
          finding(header.span, `Page ${header.page} after page ${previous}: continuation pages count up one by one.`),
        );
      }
      previous = Math.max(previous, header.page);
    }
    return findings;
  },
};

const SECURITY_LEVEL: Record<string, string> = {
  U: 'UNCLAS',
  E: 'UNCLAS',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  T: 'TOPSECRET',
};
const LEVEL_NAME: Record<string, string> = {
  UNCLAS: 'UNCLASSIFIED',
  UNCLASSIFIED: 'UNCLASSIFIED',
  CONFIDENTIAL: 'CONFIDENTIAL',
  SECRET: 'SECRET',
  TOPSECRET: 'TOP SECRET',
  LIMITEDOFFICIALUSE: 'LIMITED OFFICIAL USE',
};

const securityClassification: Rule = {
  code: 'security-classification-mismatch',
  severity: 'warning',
  description: 'The ZNY/ZNR letters agree with the classification line (U: UNCLAS, C: CONFIDENTIAL, S: SECRET).',
  check: ({ facts }) => {
    const letter = facts.securityLetter;
    const body = facts.classification;
    if (!letter || !body || !SECURITY_LEVEL[letter.value]) return [];
    const expected = SECURITY_LEVEL[letter.value];
    const actual = body.level === 'UNCLASSIFIED' || body.level === 'LIMITEDOFFICIALUSE' ? 'UNCLAS' : body.level;
    if (expected === actual) return [];
    const want = actual === 'UNCLAS' ? 'UUUUU' : actual[0].repeat(5);
    return [
      finding(
        letter.span,
        `Security letters ${letter.value.repeat(5)} (${LEVEL_NAME[expected]}) disagree with the classification line (${LEVEL_NAME[body.level]}): expected ${want}.`,
      ),
    ];
  },
};

const precedenceMismatch: Rule = {
  code: 'precedence-mismatch',
  severity: 'warning',
  description: 'The doubled precedence of the precedence line is the first precedence letter of the DTG line.',
  check: ({ facts }) => {
    const relay = facts.relayPrecedence;
    const dtg = facts.dtg?.value.precedence[0];
    if (!relay || !dtg || relay.value[0] === dtg) return [];
    return [
      finding(relay.span, `Precedence ${relay.value} does not match the DTG precedence ${dtg}: expected ${dtg}${dtg}.`),
    ];
  },
};

/** Portion markings of the paragraphs and the subject, parsed. */
function portionMarkings({ cable, reader }: RuleContext): Array<Located<ReturnType<typeof parsePortionMarking>>> {
  const spans: Span[] = cable.paragraphs.flatMap((p) => (p.portionMarking ? [p.portionMarking] : []));
  if (cable.subject) {
    const token = cable.lines[cable.subject.startLine].tokens.find((t) => t.kind === 'portionMarking');
    if (token) spans.push({ line: cable.subject.startLine, start: token.start, end: token.end });
  }
  return spans.map((span) => ({
    value: parsePortionMarking(reader.line(cable, span.line).slice(span.start + 1, span.end - 1)),
    span,
  }));
}

const portionAbove: Rule = {
  code: 'portion-above-classification',
  severity: 'warning',
  description: 'No portion marking is above the overall classification of the cable.',
  check: (context) => {
    const body = context.facts.classification;
    if (!body) return [];
    return portionMarkings(context).flatMap(({ value, span }) =>
      value && value.rank > body.rank
        ? [
            finding(
              span,
              `Portion marked ${value.level} in a cable classified ${LEVEL_NAME[body.level]}: a portion cannot be above the overall classification.`,
            ),
          ]
        : [],
    );
  },
};

const noforn: Rule = {
  code: 'noforn-without-caption',
  severity: 'warning',
  description: 'A NOFORN (NF) portion marking requires the NOFORN caption.',
  check: (context) => {
    if (context.facts.captions.includes('NOFORN') || !context.facts.classification) return [];
    const first = portionMarkings(context).find(({ value }) => value?.noforn);
    return first
      ? [
          finding(
            first.span,
            'NOFORN portion in a cable without the NOFORN caption: expected NOFORN among the captions after the classification line.',
          ),
        ]
      : [];
  },
};

/** mm/dd/yyyy, m/d/yy, yyyy/mm/dd, yyyy-mm-dd: the DECL date, if the text is one. */
function parseDeclDate(text: string): { date?: Date; shaped: boolean } {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  let year: number, month: number, day: number;
  if (m) [month, day, year] = [Number(m[1]), Number(m[2]), m[3].length === 2 ? fullYear(Number(m[3])) : Number(m[3])];
  else if ((m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text)))
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return { shaped: false };
  const date = new Date(Date.UTC(year, month - 1, day));
  return { shaped: true, date: date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined };
}

const executiveOrderRule: Rule = {
  code: 'executive-order',
  severity: 'error',
  description: 'The E.O. line names a known order (12958, 13526, 12356, 12065, 11652) and a real DECL date.',
  check: ({ cable, reader }) => {
    const rel = cable.executiveOrderLine;
    if (rel === undefined) return [];
    const findings: Finding[] = [];
    const number = reader.find(cable, rel, 'executiveOrderNumber');
    if (number && !executiveOrder(number.value)) {
      const near = ['12958', '13526', '12356'].find((n) => editDistance(n, number.value) <= 2);
      findings.push(
        finding(
          number.span,
          `Unknown executive order ${number.value}: expected 12958 (1995-2009), 13526 (2010 on) or an older order${near ? `; did you mean ${near}?` : '.'}`,
        ),
      );
    }
    const decl = reader.find(cable, rel, 'declassification');
    const value = decl?.value.trim().split(/\s+/)[0] ?? '';
    if (decl && /^\d/.test(value)) {
      const parsed = parseDeclDate(value);
      if (parsed.shaped && !parsed.date)
        findings.push(
          finding(
            { ...decl.span, end: decl.span.start + value.length },
            `DECL date ${value} is not a real date: expected mm/dd/yyyy.`,
          ),
        );
    }
    return findings;
  },
};

const declassification: Rule = {
  code: 'declassification',
  severity: 'warning',
  description: 'The DECL date is not before the DTG; N/A only on unclassified cables.',
  check: ({ cable, facts, reader }) => {
    const decl = reader.find(cable, cable.executiveOrderLine, 'declassification');
    if (!decl) return [];
    const value = decl.value.trim();
    if (/^N\/?A\b/i.test(value)) {
      return facts.classification && facts.classification.rank >= 2
        ? [
            finding(
              decl.span,
              `N/A on a ${LEVEL_NAME[facts.classification.level]} cable: a classified cable needs a declassification date (DECL: mm/dd/yyyy).`,
            ),
          ]
        : [];
    }
    const date = parseDeclDate(value.split(/\s+/)[0]).date;
    const dtg = facts.dtg?.value.date;
    if (!date || !dtg || date.getTime() >= Date.UTC(dtg.getUTCFullYear(), dtg.getUTCMonth(), dtg.getUTCDate()))
      return [];
    return [
      finding(
        decl.span,
        `DECL date ${value} is before the cable's date ${dtg.toISOString().slice(0, 10)}: a cable cannot be declassified before it was written.`,
      ),
    ];
  },
};

const paragraphNumbering: Rule = {
  code: 'paragraph-numbering',
  severity: 'warning',
  description: 'Paragraphs are numbered 1, 2, 3 ... without gaps or repeats.',
  check: ({ cable }) => {
    const findings: Finding[] = [];
    // Older traffic sent each section of a long telegram as a message with its own header: a cable that opens with
    // SECTION 02 OF 03 continues the numbering of the section before (¶10 may come first). The structure numbered its
    // paragraphs from there too (its first section is the classification line's).
    const continues = cable.sections[0].number > 1;
    let previous = 0;
    cable.paragraphs.forEach((p, index) => {
      const first = index === 0;
      if (first && continues) {
        previous = p.number;
        return;
      }
      if (p.number > previous + 1) {
        const missing =
          p.number - previous - 1 === 1
            ? `paragraph ${previous + 1} is`
            : `paragraphs ${previous + 1} to ${p.number - 1} are`;
        findings.push(
          finding(
            p.numberSpan,
            `${first ? `The first paragraph is numbered ${p.number}` : `Paragraph ${p.number} follows paragraph ${previous}`}: ${missing} missing (removed or redacted?).`,
          ),
        );
      } else if (first && p.number !== 1) {
        findings.push(finding(p.numberSpan, `The first paragraph is numbered ${p.number}: expected 1.`));
      } else if (p.number === previous) {
        findings.push(
          finding(
            p.numberSpan,
            `Paragraph ${p.number} repeats the number of the previous paragraph: expected ${previous + 1}.`,
          ),
        );
      } else if (p.number < previous) {
        findings.push(
          finding(p.numberSpan, `Paragraph ${p.number} after paragraph ${previous}: expected ${previous + 1}.`),
        );
      }
      previous = p.number;
    });
    return findings;
  },
};

const garbledPilcrow: Rule = {
  code: 'garbled-pilcrow',
  severity: 'information',
  description: 'A paragraph sign turned into the digit 1 (15. where ¶5. belongs).',
  check: ({ cable }) =>
    cable.paragraphs
      .filter((p) => p.marker === 'garbledPilcrow')
      .map((p) =>
        finding(
          p.numberSpan,
          `"${p.writtenNumber}." is paragraph ${p.number} with its paragraph sign garbled into a 1: expected ¶${p.number}.`,
        ),
      ),
};

/**
 * The message for an unknown TAGS code. Messages are kept by code, per value of the tables. The nearest codes are
 * offered for the first SUGGESTED_CODES distinct such codes of a cable only: a search takes about a millisecond, and
 * garbage pasted after a TAGS line can make thousands of codes; the others are reported without suggestions.
 */
const unknownTagMessages = new WeakMap<CodeTables, Map<string, string>>();
const SUGGESTED_CODES = 200;
/** Longer codes are neither split nor searched (five codes run together are 20 to 40 letters). */
const LONGEST_SEARCHED_CODE = 40;

function unknownTagMessage(tables: CodeTables, code: string, suggested: Set<string>): string {
  // Splits and searches cost time in the length of the code: a 1 MB run of capitals after a TAGS line is a "code".
  if (code.length > LONGEST_SEARCHED_CODE)
    return `Unknown TAGS code "${code.slice(0, LONGEST_SEARCHED_CODE)}...": expected a subject (PREL), program (KDEM), FIPS country (TI) or organization (NATO) code.`;
  const split = code.length > 4 ? tables.splitConcatenatedTags(code) : undefined;
  if (split) return `"${code}" runs several TAGS codes together: split into ${split.map((t) => t.code).join(' ')}.`;
  const iso = tables.isoLookalike(code);
  if (iso)
    return `"${code}" is the ISO code of ${iso.isoName}; TAGS use FIPS 10-4 country codes: expected ${iso.fipsCodeOfIsoCountry}.`;
  const withoutSuggestion = `Unknown TAGS code "${code}": expected a subject (PREL), program (KDEM), FIPS country (TI) or organization (NATO) code.`;
  if (!suggested.has(code)) {
    if (suggested.size >= SUGGESTED_CODES) return withoutSuggestion;
    suggested.add(code);
  }
  let messages = unknownTagMessages.get(tables);
  if (!messages) unknownTagMessages.set(tables, (messages = new Map()));
  let message = messages.get(code);
  if (message === undefined) {
    const near = tables.nearestTagCodes(code, 3).map((t) => t.code);
    message = near.length ? `Unknown TAGS code "${code}": nearest known codes ${near.join(', ')}.` : withoutSuggestion;
    if (messages.size >= 20_000) messages.clear();
    messages.set(code, message);
  }
  return message;
}

const tags: Rule = {
  code: 'unknown-tag',
  severity: 'warning',
  description: 'TAGS codes are known subject, program, FIPS country or organization codes.',
  check: ({ cable, reader, tables }) => {
    const findings: Finding[] = [];
    const suggested = new Set<string>();
    for (const rel of cable.tagsLines) {
      const tokens = cable.lines[rel].tokens.filter((t) => t.kind === 'tag');
      for (let k = 0; k < tokens.length; k++) {
        const code = reader.tokenText(cable, rel, tokens[k]);
        // After OVIP come the names of visiting persons, free text.
        if (k > 0 && /^OVIP$/i.test(reader.tokenText(cable, rel, tokens[k - 1]))) break;
        if (!/^[A-Z]{2,}$/.test(code) || tables.tagCode(code)) continue;
        findings.push(
          finding(
            { line: rel, start: tokens[k].start, end: tokens[k].end },
            unknownTagMessage(tables, code, suggested),
          ),
        );
      }
    }
    return findings;
  },
};

export const RULES: readonly Rule[] = [
  ...shapeRules,
  missingHeaderLine,
  headerOrder,
  julianDay,
  julianTime,
  serialMismatch,
  otherCable,
  sectionMismatch,
  continuationHeaders,
  securityClassification,
  precedenceMismatch,
  portionAbove,
  noforn,
  executiveOrderRule,
  declassification,
  paragraphNumbering,
  garbledPilcrow,
  tags,
];
