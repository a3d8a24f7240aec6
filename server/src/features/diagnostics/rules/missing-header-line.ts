// missing-header-line: the lines a routing header must have, given the lines it has, reported where they belong.
import { HEADER_FORMS, headerRank } from '../../../syntax/headerGrammar';
import { LineKind } from '../../../syntax/types';
import { Finding, Rule } from '../rule';
import { isPartialExtract } from './helpers';

/**
 * A line that, when present, calls for others. Real headers come in two shapes (corpus and audit corpus, 700 cables):
 * the full ACP-127 header (VZCZC, precedence, DE, ZNY, DTG, FM, TO) and the short one (DTG, FM, TO); a FM line
 * without a DTG is only seen in a partial extract, whose notice carries the date.
 */
const REQUIRED: ReadonlyArray<readonly [LineKind, readonly LineKind[]]> = [
  ['transmission', ['relay', 'stationSerial']],
  ['relay', ['transmission', 'stationSerial']],
  ['stationSerial', ['transmission', 'relay', 'security', 'dtg', 'from']],
  ['security', ['stationSerial']],
  ['dtg', ['from']],
  ['from', ['to']],
  ['to', ['from']],
];

const rule: Rule = {
  code: 'missing-header-line',
  severity: 'error',
  description:
    'A routing header has the lines its other lines call for: VZCZC, precedence and DE lines together; DE its ZNY, DTG and FM lines; FM a DTG (but in a partial extract) and a TO line.',
  check: ({ cable, reader }) => {
    const has = (kind: LineKind) => cable.header.some((h) => h.kind === kind || h.expected === kind);
    const missing = new Set<LineKind>();
    for (const [present, required] of REQUIRED)
      if (has(present)) for (const kind of required) if (!has(kind)) missing.add(kind);
    if (has('from') && !has('dtg') && !isPartialExtract(cable, reader)) missing.add('dtg');
    const findings: Finding[] = [];
    for (const kind of missing) {
      // Where it belongs: on the line after the header's last line of an earlier rank, else after the header.
      const rank = headerRank(kind);
      let earlier = -1;
      cable.header.forEach((h, k) => {
        if (headerRank(h.kind) >= 0 && headerRank(h.kind) < rank) earlier = k;
      });
      const after = earlier === cable.header.length - 1;
      const at = cable.header[after ? earlier : earlier + 1];
      findings.push({
        line: at.line,
        start: 0,
        end: Math.max(1, reader.line(cable, at.line).trimEnd().length),
        message: `This header has no ${HEADER_FORMS[kind]!.split(':')[0].slice(4)}: expected ${HEADER_FORMS[kind]}, ${after ? 'after' : 'before'} this line.`,
      });
    }
    return findings;
  },
  examples: [
    { good: 'FM AMEMBASSY DUSHANBE\n', bad: '', flagged: 'TO RUEHC/SECSTATE WASHDC 0826' },
    { good: 'VZCZCXRO1864\nRR', bad: 'RR', flagged: 'RR RUEHDBU' },
  ],
};

export default rule;
