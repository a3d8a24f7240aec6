// Pathological documents cost what ordinary text of the same size costs, within a generous factor: a pasted 1 MB line,
// 100 000 paragraph markers, 50 000 header lines of one kind, and the other shapes that once made a loop quadratic or a
// pattern backtrack. Parse and features (outline, diagnostics, folding, semantic tokens) are timed separately against an
// ordinary corpus (concatenated fixtures) scaled to the same size, measured in the same process: no absolute budgets.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { before, test } from 'node:test';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { CableReader } from '../../server/src/features/facts';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/outline';
import { semanticTokenData } from '../../server/src/features/semanticTokens';
import { CableModel } from '../../server/src/syntax/model';
import { corpusOfSize } from '../support/corpus';

/**
 * How much slower than ordinary text of the same size a pathological document may be. Superlinear work
 * on 50 000 lines costs hundreds of times more; 50 000 three-line cables legitimately cost about 20x
 * (the per-cable work of the features), and test files run in parallel on two cores.
 */
const FACTOR = 40;
/**
 * The features do a fixed amount of work per cable (facts, rules, symbols), so 50 000 three-line cables cost
 * 40-60x ordinary text per character, measured; superlinear work on 50 000 items would cost thousands of times.
 */
const FEATURES_FACTOR = 100;
/** Below this many milliseconds, timings are noise (timer, a minor GC): a floor for the budget. */
const FLOOR_MS = 60;

const HEADER = ['VZCZCXRO1864', 'RR RUEHDBU', 'DE RUEHDBU #1151/01 2891223', 'ZNY CCCCC ZZH', 'R 161223Z OCT 09', 'FM AMEMBASSY DUSHANBE', 'TO RUEHC/SECSTATE WASHDC 0826'].join('\n');
const CLASSIFICATION = 'C O N F I D E N T I A L SECTION 01 OF 02 DUSHANBE 001151';
const CAPTIONS = [CLASSIFICATION, '', 'SIPDIS', '', 'E.O. 12958: DECL: 10/16/2019', 'TAGS: PREL PGOV', 'SUBJECT: TEST', ''].join('\n');
const repeat = (line: string, times: number) => new Array<string>(times).fill(line).join('\n');
const numbered = (times: number, line: (k: number) => string) => Array.from({ length: times }, (_, k) => line(k)).join('\n');

const CASES: Array<[string, () => string]> = [
  ['a 1 MB line of words', () => 'word '.repeat(200_000)],
  ['a 1 MB line of capitals after a lettered REF item (¶A.)', () => `¶A. ${'A'.repeat(1_000_000)}`],
  ['a 1 MB line of redactions after a paragraph number', () => `¶1. ${'XXXXXX '.repeat(140_000)}`],
  ['a 1 MB line of (Note: ...) End Note. pairs', () => `¶1. ${'(Note: x) End Note. '.repeat(50_000)}`],
  ['a 1 MB line of capitals after a TAGS line', () => `${HEADER}\n${CLASSIFICATION}\nTAGS: PREL\n${'A'.repeat(1_000_000)}`],
  ['a 1 MB line of digits', () => '1'.repeat(1_000_000)],
  ['a 1 MB line of paragraph signs', () => '¶'.repeat(1_000_000)],
  ['100 000 paragraph markers ¶1. (C)', () => `${HEADER}\n${CAPTIONS}\n${repeat('¶1. (C) Text.', 100_000)}`],
  ['100 000 numbered paragraphs 1. to 999.', () => `${HEADER}\n${CAPTIONS}\n${numbered(100_000, (k) => `${(k % 999) + 1}. Text.`)}`],
  ['100 000 paragraphs in 999 sections', () => `${HEADER}\n${CAPTIONS}\n${numbered(100_000, (k) => (k % 100 === 99 ? `DUSHANBE 00001151 ${String(Math.floor(k / 100) + 2).padStart(3, '0')} OF 999` : `¶${k + 1}. (C) Text.`))}`],
  ['50 000 addressee lines RUEHDBU/AMEMBASSY X 0123', () => `${HEADER}\n${repeat('RUEHDBU/AMEMBASSY X 0123', 50_000)}`],
  ['50 000 DE lines', () => repeat('DE RUEHDBU #1151/01 2891223', 50_000)],
  ['50 000 classification lines', () => repeat(CLASSIFICATION.replace('DUSHANBE 001151', 'X 000001'), 50_000)],
  ['50 000 VZCZC lines', () => repeat('VZCZCXRO1864', 50_000)],
  ['50 000 DTG lines', () => repeat('R 161223Z OCT 09', 50_000)],
  ['50 000 cables of three lines', () => repeat(`R 161223Z OCT 09\n${CLASSIFICATION}\n¶1. Text.`, 50_000)],
  ['50 000 TAGS lines with unknown codes', () => `${HEADER}\n${CLASSIFICATION}\n${numbered(50_000, (k) => `TAGS: PREL Q${String.fromCharCode(65 + (k % 26), 65 + (Math.floor(k / 26) % 26), 65 + (Math.floor(k / 676) % 26))}`)}`],
  ['50 000 Summary: ... End Summary. pairs', () => `${HEADER}\n${CAPTIONS}\n${repeat('¶1. Summary: x\nEnd summary.', 50_000)}`],
  ['50 000 unclosed Comment: openers', () => `${HEADER}\n${CAPTIONS}\n¶1. (C) Text.\n${repeat('Comment: x', 50_000)}`],
  ['50 000 End Comment. closers', () => `${HEADER}\n${CAPTIONS}\n¶1. (C) Text.\n${repeat('End Comment.', 50_000)}`],
  ['50 000 continuation headers', () => `${HEADER}\n${CAPTIONS}\n¶1. (C) Text.\n${numbered(50_000, (k) => `DUSHANBE 00001151 ${String((k % 999) + 1).padStart(3, '0')} OF 999`)}`],
  ['50 000 REF items', () => `${HEADER}\n${CAPTIONS}REF: A. STATE 12345\n${repeat('B. MADRID 707', 50_000)}`],
  ['1 000 000 empty lines', () => '\n'.repeat(1_000_000)],
  ['1 000 000 lone carriage returns', () => '\r'.repeat(1_000_000)],
];

interface Cost {
  parse: number;
  features: number;
}

function cost(text: string): Cost {
  const start = performance.now();
  const model = CableModel.parse(text);
  const parsed = performance.now();
  const reader = new CableReader(model);
  documentSymbols(reader);
  documentDiagnostics(model, {}, reader);
  foldingRanges(model);
  semanticTokenData(model);
  for (let k = 0; k < 50; k++) hover(reader, { line: Math.floor((k * model.lineCount) / 50), character: k });
  return { parse: parsed - start, features: performance.now() - parsed };
}

function cheapest(text: string, runs: number): Cost {
  const costs = Array.from({ length: runs }, () => cost(text));
  return { parse: Math.min(...costs.map((c) => c.parse)), features: Math.min(...costs.map((c) => c.features)) };
}

/** Milliseconds per character of an ordinary corpus: parse, and features. */
let ordinary: Cost;

before(() => {
  const text = corpusOfSize(1);
  cost(text); // warm up the code paths
  const c = cheapest(text, 3);
  ordinary = { parse: c.parse / text.length, features: c.features / text.length };
});

for (const [name, make] of CASES) {
  test(`${name}: parse within ${FACTOR}x and features within ${FEATURES_FACTOR}x of ordinary text of the same size`, () => {
    const text = make();
    let c = cost(text);
    const budget = { parse: Math.max(FLOOR_MS, FACTOR * ordinary.parse * text.length), features: Math.max(FLOOR_MS, FEATURES_FACTOR * ordinary.features * text.length) };
    // One retry: a noisy neighbour can stall any single run.
    if (c.parse > budget.parse || c.features > budget.features) c = cheapest(text, 2);
    const report = `${(text.length / 1e6).toFixed(2)} MB: parse ${c.parse.toFixed(0)} ms (budget ${budget.parse.toFixed(0)}), features ${c.features.toFixed(0)} ms (budget ${budget.features.toFixed(0)})`;
    assert.ok(c.parse <= budget.parse, `parse too slow: ${report}`);
    assert.ok(c.features <= budget.features, `features too slow: ${report}`);
  });
}
