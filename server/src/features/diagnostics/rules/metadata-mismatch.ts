// metadata-mismatch (off by default): the publisher's metadata of a cable read from an archive (a row of cables.csv, a
// page of the site) against its text. Measured on the 652 cables with a DTG and the site's metadata (the fixtures and
// the audit corpus): the creation time is the DTG's, in UTC, to the hour (all but one); its minutes are not (the site
// writes the hour again on the 12-hour clock: 18:06 for 181835Z), so the date and the hour are compared. The
// classification is compared by level (SECRET//NOFORN is SECRET; UNCLASSIFIED also stands for LIMITED OFFICIAL USE),
// against the header's ZNY letters when the body is another cable's. Cited IDs (cables.csv only): a REF citation the
// publisher does not list (when it lists any), and a listed ID whose serial the text never writes.
import type { CableMetadata } from '../../../archive/archive';
import { Cable } from '../../../syntax/types';
import {
  ClassificationLevel,
  classificationByWord,
  classificationByZnLetter,
  classificationLevels,
} from '../../../vocabulary';
import { Finding, Rule, RuleContext } from '../rule';
import { finding, isOtherCable } from './helpers';

type WithMetadata = RuleContext & { metadata: CableMetadata };

/** The publisher's creation date and hour as a UTC time: `2/25/1972 9:30` (cables.csv) or `1972-02-25 09:30` (pages). */
function createdHour(created: string): number | undefined {
  const csv = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):\d\d$/.exec(created.trim());
  const page = /^(\d{4})-(\d\d)-(\d\d) (\d\d):\d\d$/.exec(created.trim());
  const [year, month, day, hour] = csv ? [csv[3], csv[1], csv[2], csv[4]] : page ? page.slice(1) : [];
  return year === undefined ? undefined : Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour));
}

function dateTime({ facts, reader, cable, metadata }: WithMetadata): Finding[] {
  const dtg = facts.dtg;
  const published = createdHour(metadata.created);
  const date = dtg?.value.date;
  if (!dtg || !date || published === undefined) return [];
  if (published === Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours()))
    return [];
  const written = reader.line(cable, dtg.span.line).slice(dtg.span.start, dtg.span.end);
  const utc = date.toISOString().slice(0, 16).replace('T', ' ');
  return [
    finding(
      dtg.span,
      `The DTG ${written} (${utc} UTC) disagrees with the publisher's metadata: created ${metadata.created} (the date and the hour are compared).`,
    ),
  ];
}

/** SECRET//NOFORN -> SECRET; UNCLASSIFIED//FOR OFFICIAL USE ONLY -> UNCLASSIFIED. */
function publishedLevel(value: string): ClassificationLevel | undefined {
  const upper = value.trim().toUpperCase();
  return (
    classificationLevels().find((l) => l.metadataValues.includes(upper)) ?? classificationByWord(upper.split('//')[0])
  );
}

/** LIMITED OFFICIAL USE is no classification: the publisher's UNCLASSIFIED covers it. */
const comparableRank = (level: ClassificationLevel) => (level.rank <= 1 ? 0 : level.rank);

function classification({ facts, metadata }: WithMetadata): Finding[] {
  const published = publishedLevel(metadata.classification);
  const line = isOtherCable(facts) ? undefined : facts.classification;
  const letter = facts.securityLetter;
  const level = line ? classificationByWord(line.level) : letter && classificationByZnLetter(letter.value);
  if (!published || !level || comparableRank(published) === comparableRank(level)) return [];
  const text = line
    ? `The classification line's ${level.level} disagrees`
    : `The ZNY letters ${letter!.value.repeat(5)} (${level.level}) disagree`;
  return [
    finding(line ? line.span : letter!.span, `${text} with the publisher's metadata: ${metadata.classification}.`),
  ];
}

/** `09STATE12345` -> year and serial (the posts are spelled too many ways to compare). */
function yearAndSerial(id: string): { year: string; serial: number } | undefined {
  const m = /^(\d\d)[A-Z]+?(\d+)$/.exec(id.toUpperCase());
  return m ? { year: m[1], serial: Number(m[2]) } : undefined;
}

/** Whether the cable writes the number anywhere (`12345`, `012345`), in a REF line or in running text. */
function writesSerial(reader: RuleContext['reader'], cable: Cable, serial: number): boolean {
  const pattern = new RegExp(`(?<!\\d)0*${serial}(?!\\d)`);
  for (let rel = 0; rel < cable.lineCount; rel++) if (pattern.test(reader.line(cable, rel))) return true;
  return false;
}

function references({ facts, reader, cable, metadata }: WithMetadata): Finding[] {
  const listed = (metadata.references ?? []).flatMap((id) => {
    const parsed = yearAndSerial(id);
    return parsed ? [{ id, ...parsed }] : [];
  });
  if (!listed.length || !cable.references || isOtherCable(facts)) return [];
  const cited = reader.record(cable).references.flatMap((r) => (r.kind === 'cable' ? [r] : []));
  const same = (c: (typeof cited)[number], l: (typeof listed)[number]) => {
    const parsed = yearAndSerial(c.referenceId);
    // A citation without its year was given the citing cable's; it may be of the year before.
    const years = c.yearWritten ? [parsed?.year] : [parsed?.year, String(Number(parsed?.year) + 99).slice(-2)];
    return parsed?.serial === l.serial && years.includes(l.year);
  };
  const names = listed.map((l) => l.id).join(', ');
  const findings = cited
    .filter((c) => !listed.some((l) => same(c, l)))
    .map((c) =>
      finding(
        c.where,
        `The REF line cites ${c.referenceId}, which the publisher's metadata does not list: it lists ${names}.`,
      ),
    );
  const refKeyword = cable.lines[cable.references.startLine].tokens.find((t) => t.kind === 'keyword');
  for (const l of listed) {
    if (!refKeyword || cited.some((c) => same(c, l)) || writesSerial(reader, cable, l.serial)) continue;
    findings.push(
      finding(
        { line: cable.references.startLine, start: refKeyword.start, end: refKeyword.end },
        `The publisher's metadata lists ${l.id} as cited: the REF lines do not cite it, nor does the text write its serial ${l.serial}.`,
      ),
    );
  }
  return findings;
}

const rule: Rule = {
  code: 'metadata-mismatch',
  severity: 'information',
  offByDefault: true,
  description:
    "The publisher's metadata of a cable from an archive (cables.csv, the site's pages) agrees with its text: the creation date and hour with the DTG, the classification with the classification line, the cited IDs with the REF lines.",
  check: (context) => {
    const { metadata } = context;
    if (!metadata) return [];
    const checked = { ...context, metadata };
    return [...dateTime(checked), ...classification(checked), ...references(checked)];
  },
  examples: [
    { good: 'R 161223Z OCT 09', bad: 'R 161323Z OCT 09', flagged: '161323Z OCT 09' },
    { good: 'C O N F I D E N T I A L SECTION', bad: 'S E C R E T SECTION', flagged: 'S E C R E T' },
    {
      good: 'MILITARY\n',
      bad: 'MILITARY\n\nREF: A. STATE 12345 B. MOSCOW 678\n',
      flagged: 'MOSCOW 678',
    },
  ],
};

export default rule;
