// missing-header-line: the lines a routing header must have, given the lines it has, reported where they belong.
import { HEADER_FORMS, headerRank } from '../../../syntax/headerGrammar';
import { LineKind } from '../../../syntax/types';
import { Finding, Rule } from '../rule';

/** A line that, when present, calls for others: VZCZC for the precedence and DE lines, DE for ZNY, DTG and FM... */
const REQUIRED: ReadonlyArray<readonly [LineKind, readonly LineKind[]]> = [
  ['transmission', ['relay', 'stationSerial']],
  ['stationSerial', ['security', 'dtg', 'from']],
  ['dtg', ['from']],
  ['from', ['to']],
];

const rule: Rule = {
  code: 'missing-header-line',
  severity: 'error',
  description:
    'A routing header has the lines its other lines call for: VZCZC a precedence and a DE line; DE its ZNY, DTG and FM lines; FM a TO line.',
  check: ({ cable, reader }) => {
    const has = (kind: LineKind) => cable.header.some((h) => h.kind === kind || h.expected === kind);
    const missing = new Set<LineKind>();
    for (const [present, required] of REQUIRED)
      if (has(present)) for (const kind of required) if (!has(kind)) missing.add(kind);
    const findings: Finding[] = [];
    for (const kind of missing) {
      // On the line that stands where it belongs: the first of a later rank, else the header's last line.
      const at =
        cable.header.find((h) => headerRank(h.kind) > headerRank(kind)) ?? cable.header[cable.header.length - 1];
      findings.push({
        line: at.line,
        start: 0,
        end: Math.max(1, reader.line(cable, at.line).trimEnd().length),
        message: `This header has no ${HEADER_FORMS[kind]!.split(':')[0].slice(4)}: expected ${HEADER_FORMS[kind]}, ${at === cable.header[cable.header.length - 1] && headerRank(at.kind) < headerRank(kind) ? 'after' : 'before'} this line.`,
      });
    }
    return findings;
  },
  examples: [{ good: 'FM AMEMBASSY DUSHANBE\n', bad: '', flagged: 'TO RUEHC/SECSTATE WASHDC 0826' }],
};

export default rule;
