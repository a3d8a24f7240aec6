// Small made-up cables for the navigation tests: a routing header, a classification line that gives the reference
// ID, a subject, REF items and a paragraph. Real cables (test/fixtures) are the cited ones where possible.

export interface SyntheticCable {
  /** Two-digit year of the DTG. */
  year: string;
  /** As on the classification line: `STATE`, `LA PAZ`. */
  post: string;
  serial: number;
  subject: string;
  /** REF items as written after their letter: `09 STATE 15113`, `DOHA 152 (08)`. */
  refs?: string[];
  /** Paragraph text (reference IDs in running text go here). */
  body?: string;
  /** DTG month; JAN by default. */
  month?: string;
}

export function syntheticCable(cable: SyntheticCable): string {
  const serial6 = String(cable.serial).padStart(6, '0');
  const serial4 = serial6.slice(-4);
  const month = cable.month ?? 'JAN';
  const refs = cable.refs ?? [];
  const from = cable.post === 'STATE' ? 'SECSTATE WASHDC' : `AMEMBASSY ${cable.post}`;
  return [
    'VZCZCXYZ0001',
    'RR RUEHC',
    `DE RUEHXX #${serial4} 0151200`,
    'ZNR UUUUU ZZH',
    `R 151200Z ${month} ${cable.year}`,
    `FM ${from}`,
    'TO RUEHC/SECSTATE WASHDC 0001',
    'BT',
    `UNCLAS ${cable.post} ${serial6}`,
    '',
    'E.O. 12958: N/A',
    'TAGS: PREL',
    `SUBJECT: ${cable.subject}`,
    '',
    ...refs.map((ref, k) => `${k === 0 ? 'REF: ' : '     '}${String.fromCharCode(65 + k)}. ${ref}`),
    ...(refs.length ? [''] : []),
    `1. (U) ${cable.body ?? 'Nothing to report.'}`,
    'BT',
    `#${serial4}`,
    'NNNN',
    '',
  ].join('\n');
}
