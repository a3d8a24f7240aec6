// A guard against catastrophic backtracking, not a benchmark: pathological text in every region of the
// grammar must tokenize in roughly linear time. The bounds are generous (a linear grammar needs well under a
// tenth of them); a rule that backtracks quadratically on a 100 KB line takes minutes. Exponential backtracking
// hides from long lines: Oniguruma gives up a match after ten million retries (about 80 ms), and the editor
// remembers that a rule failed on a line of 1,000 characters or more, so it costs a long line a fixed amount;
// a file of many short lines of the shape shows it instead.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { tokenize } from './tokenize';

const LINE_LENGTH = 100_000;
const FILE_LENGTH = 1_000_000;
const LINE_BOUND_MS = 3_000;
const FILE_BOUND_MS = 30_000;
const SHORT_LINE_LENGTH = 200;
const SHORT_LINES = 100;

/** `unit` repeated to exactly `length` characters. */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Line shapes that stress the rules: near-misses that a backtracking rule would retry from every position. */
const shapes: Record<string, (length: number) => string> = {
  'blanks then a letter': (n) => fill(' ', n - 1) + 'x',
  'redaction run': (n) => fill('X', n),
  'capitalised words': (n) => fill('ABCDEFGH ', n),
  'routing indicators without end': (n) => 'RR' + fill(' RUEHABC', n - 4) + ' x',
  'unclosed portion markings': (n) => fill('(S/REL a b c d ', n),
  'unclosed portion marking with NF groups': (n) => '1. (S' + fill('/A NF NF NF NF', n - 5),
  'unclosed portion line with mixed groups': (n) => '(S' + fill('//REL NF, ORCON NF-NOFORN NF nf/A NF', n - 2),
  'subject with an unclosed portion marking': (n) => 'SUBJECT: (S' + fill('/REL NOFORN NF NF', n - 11),
  'paragraph numbers and marks': (n) => fill('¶1. (C) ', n),
  digits: (n) => fill('1', n),
  'security line with a blank tail': (n) => 'ZNY CCCCC ZZH' + fill(' ', n - 14) + 'x',
  'TAGS codes': (n) => 'TAGS: ' + fill('PREL, ', n - 6),
  'REF letters': (n) => 'REF: ' + fill('A. B. (C) ', n - 5),
  'classification line with a long post': (n) =>
    'C O N F I D E N T I A L SECTION 01 OF 02 ' + fill('AB ', n - 48) + ' 001151',
  'continuation header near-misses': (n) => fill('MADRID MADRID MADRID 0000076 ', n),
  'capitals joined by dots': (n) => fill('A.', n),
  'capitals joined by hyphens and apostrophes': (n) => fill("ABC-DEF-O'B'", n),
  'captions without end': (n) => fill('SIPDIS, SENSITIVE -- ', n - 1) + 'x',
  markers: (n) => fill('End Summary. (Note: ', n),
  'mixed elements': (n) =>
    fill(
      '¶1. (S//NF) SIPDIS XXXXXXXXXXXX R 161223Z OCT 09 TAGS: PREL REF: A. MADRID 00000766 001.2 OF 003 End Note. ',
      n,
    ),
};

/** Lines that put the tokenizer into each region before the long line. */
const regions: Record<string, string> = {
  'first line': '',
  body: 'UNCLAS STATE 000001\n',
  header: 'VZCZCXRO1864\nRR RUEHDBU\n',
  addressees: 'R 161223Z OCT 09\nFM AMEMBASSY MADRID\nTO RUEHC/SECSTATE WASHDC 0826\n',
  'pre-header': 'INFO  LOG-00   EEB-00\n',
  tags: 'TAGS: PREL\n',
  subject: 'SUBJECT: X\n',
  ref: 'REF: A. STATE 1\n',
  'classified-by': 'Classified By: X\n',
};

async function elapsedMs(text: string): Promise<number> {
  const start = performance.now();
  await tokenize(text);
  return performance.now() - start;
}

for (const [name, shape] of Object.entries(shapes)) {
  test(`a 100 KB line of ${name} tokenizes in every region within ${LINE_BOUND_MS} ms`, async () => {
    const line = shape(LINE_LENGTH);
    assert.equal(line.length, LINE_LENGTH);
    for (const [region, before] of Object.entries(regions)) {
      const ms = await elapsedMs(before + line);
      assert.ok(ms < LINE_BOUND_MS, `${region}: ${ms.toFixed(0)} ms`);
    }
  });
}

for (const [name, shape] of Object.entries(shapes)) {
  test(`${SHORT_LINES} lines of ${name} of ${SHORT_LINE_LENGTH} characters tokenize in every region within ${LINE_BOUND_MS} ms`, async () => {
    const line = shape(SHORT_LINE_LENGTH);
    assert.equal(line.length, SHORT_LINE_LENGTH);
    for (const [region, before] of Object.entries(regions)) {
      const ms = await elapsedMs(Array.from({ length: SHORT_LINES }, () => before + line).join('\n'));
      assert.ok(ms < LINE_BOUND_MS, `${region}: ${ms.toFixed(0)} ms`);
    }
  });
}

test(`a 1 MB file of pathological lines tokenizes within ${FILE_BOUND_MS} ms`, async () => {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < FILE_LENGTH; i++) {
    const shapeList = Object.values(shapes);
    const regionList = Object.values(regions);
    const chunk = regionList[i % regionList.length] + shapeList[i % shapeList.length](1_000 + (i % 7) * 1_000);
    lines.push(chunk);
    size += chunk.length + 1;
  }
  const ms = await elapsedMs(lines.join('\n'));
  assert.ok(ms < FILE_BOUND_MS, `${ms.toFixed(0)} ms`);
});
