// Pathological documents: the shapes that once made a loop quadratic or a pattern backtrack, about 1 MB each. Used by
// test/hardening/linear.test.ts (within a factor of ordinary text) and bench/pathological.bench.ts (before/after).
import { performance } from 'node:perf_hooks';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { CableReader } from '../../server/src/facts/facts';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/outline';
import { semanticTokenData } from '../../server/src/features/semanticTokens';
import { CableModel } from '../../server/src/syntax/model';
import { documentContext } from './context';

export interface Cost {
  parse: number;
  features: number;
}

/** Milliseconds to parse `text`, then to run the features on it (and `hovers` hovers spread over its lines). */
export function parseAndFeaturesCost(text: string, hovers = 0): Cost {
  const start = performance.now();
  const model = CableModel.parse(text);
  const parsed = performance.now();
  const reader = new CableReader(model);
  documentSymbols(documentContext(reader));
  documentDiagnostics(documentContext(reader));
  foldingRanges(documentContext(model));
  semanticTokenData(documentContext(model));
  for (let k = 0; k < hovers; k++)
    hover(documentContext(reader), { line: Math.floor((k * model.lineCount) / hovers), character: k });
  return { parse: parsed - start, features: performance.now() - parsed };
}

/** A well-formed routing header (the seed's), for documents built around it. */
export const HEADER = [
  'VZCZCXRO1864',
  'RR RUEHDBU',
  'DE RUEHDBU #1151/01 2891223',
  'ZNY CCCCC ZZH',
  'R 161223Z OCT 09',
  'FM AMEMBASSY DUSHANBE',
  'TO RUEHC/SECSTATE WASHDC 0826',
].join('\n');
const CLASSIFICATION = 'C O N F I D E N T I A L SECTION 01 OF 02 DUSHANBE 001151';
const CAPTIONS = [
  CLASSIFICATION,
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 10/16/2019',
  'TAGS: PREL PGOV',
  'SUBJECT: TEST',
  '',
].join('\n');
const repeat = (line: string, times: number) => new Array<string>(times).fill(line).join('\n');
const numbered = (times: number, line: (k: number) => string) =>
  Array.from({ length: times }, (_, k) => line(k)).join('\n');

export const PATHOLOGICAL: Array<[string, () => string]> = [
  ['a 1 MB line of words', () => 'word '.repeat(200_000)],
  ['a 1 MB line of capitals after a lettered REF item (¶A.)', () => `¶A. ${'A'.repeat(1_000_000)}`],
  ['a 1 MB line of redactions after a paragraph number', () => `¶1. ${'XXXXXX '.repeat(140_000)}`],
  ['a 1 MB line of (Note: ...) End Note. pairs', () => `¶1. ${'(Note: x) End Note. '.repeat(50_000)}`],
  [
    'a 1 MB line of capitals after a TAGS line',
    () => `${HEADER}\n${CLASSIFICATION}\nTAGS: PREL\n${'A'.repeat(1_000_000)}`,
  ],
  ['a 1 MB line of digits', () => '1'.repeat(1_000_000)],
  ['a 1 MB line of paragraph signs', () => '¶'.repeat(1_000_000)],
  ['100 000 paragraph markers ¶1. (C)', () => `${HEADER}\n${CAPTIONS}\n${repeat('¶1. (C) Text.', 100_000)}`],
  [
    '100 000 numbered paragraphs 1. to 999.',
    () => `${HEADER}\n${CAPTIONS}\n${numbered(100_000, (k) => `${(k % 999) + 1}. Text.`)}`,
  ],
  [
    '100 000 paragraphs in 999 sections',
    () =>
      `${HEADER}\n${CAPTIONS}\n${numbered(100_000, (k) => (k % 100 === 99 ? `DUSHANBE 00001151 ${String(Math.floor(k / 100) + 2).padStart(3, '0')} OF 999` : `¶${k + 1}. (C) Text.`))}`,
  ],
  ['50 000 addressee lines RUEHDBU/AMEMBASSY X 0123', () => `${HEADER}\n${repeat('RUEHDBU/AMEMBASSY X 0123', 50_000)}`],
  ['50 000 DE lines', () => repeat('DE RUEHDBU #1151/01 2891223', 50_000)],
  ['50 000 classification lines', () => repeat(CLASSIFICATION.replace('DUSHANBE 001151', 'X 000001'), 50_000)],
  ['50 000 VZCZC lines', () => repeat('VZCZCXRO1864', 50_000)],
  ['50 000 DTG lines', () => repeat('R 161223Z OCT 09', 50_000)],
  ['50 000 cables of three lines', () => repeat(`R 161223Z OCT 09\n${CLASSIFICATION}\n¶1. Text.`, 50_000)],
  [
    '50 000 TAGS lines with unknown codes',
    () =>
      `${HEADER}\n${CLASSIFICATION}\n${numbered(50_000, (k) => `TAGS: PREL Q${String.fromCharCode(65 + (k % 26), 65 + (Math.floor(k / 26) % 26), 65 + (Math.floor(k / 676) % 26))}`)}`,
  ],
  [
    '50 000 Summary: ... End Summary. pairs',
    () => `${HEADER}\n${CAPTIONS}\n${repeat('¶1. Summary: x\nEnd summary.', 50_000)}`,
  ],
  ['50 000 unclosed Comment: openers', () => `${HEADER}\n${CAPTIONS}\n¶1. (C) Text.\n${repeat('Comment: x', 50_000)}`],
  ['50 000 End Comment. closers', () => `${HEADER}\n${CAPTIONS}\n¶1. (C) Text.\n${repeat('End Comment.', 50_000)}`],
  [
    '50 000 continuation headers',
    () =>
      `${HEADER}\n${CAPTIONS}\n¶1. (C) Text.\n${numbered(50_000, (k) => `DUSHANBE 00001151 ${String((k % 999) + 1).padStart(3, '0')} OF 999`)}`,
  ],
  ['50 000 REF items', () => `${HEADER}\n${CAPTIONS}REF: A. STATE 12345\n${repeat('B. MADRID 707', 50_000)}`],
  ['1 000 000 empty lines', () => '\n'.repeat(1_000_000)],
  ['1 000 000 lone carriage returns', () => '\r'.repeat(1_000_000)],
];
