// missing-header-line: header lines that must be present once a header has a DE line.
import { Finding, Rule } from '../rule';

const rule: Rule = {
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
  examples: [{ good: 'FM AMEMBASSY DUSHANBE\n', bad: '', flagged: 'DE' }],
};

export default rule;
