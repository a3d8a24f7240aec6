// Property-based fuzzing (fast-check): random text, and fixtures mutated the way pastes and typos mutate them, never make
// the parser, an incremental edit or a feature throw, and everything the features return lies inside the document.
//   CABLE_FUZZ_RUNS=5000 npm test   runs more cases per property (default 150); CABLE_FUZZ_SEED=n replays a seed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { documentDiagnostics, RuleSettings } from '../../server/src/features/diagnostics/diagnostics';
import { CableReader } from '../../server/src/facts/facts';
import { codeActions } from '../../server/src/features/codeActions';
import { completions } from '../../server/src/features/completion';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/outline';
import { semanticTokenData } from '../../server/src/features/semanticTokens';
import { CableModel, TextChange } from '../../server/src/syntax/model';
import { CableDocument } from '../../server/src/service/documents';
import { fixtureNames, readFixture } from '../support/fixtures';
import { applyToText } from '../support/textEdits';
import {
  assertAllRangesInside,
  assertDiagnosticsInside,
  assertFoldingInside,
  assertHoverInside,
  assertSemanticTokensInside,
  assertSymbolsInside,
  Lines,
} from '../support/inside';
import { documentContext } from '../support/context';

const RUNS = Number(process.env.CABLE_FUZZ_RUNS ?? 150);
const SEED = process.env.CABLE_FUZZ_SEED === undefined ? 42 : Number(process.env.CABLE_FUZZ_SEED);
const options = { numRuns: RUNS, seed: SEED, includeErrorInReport: true };

const fixtures = fixtureNames().map(readFixture);
const fixtureLines = fixtures.flatMap((text) => text.split(/\r\n|\r|\n/));

/** Lines that steer the lexer and the structure: header lines, caption-block lines, paragraph signs, page headers. */
const STEERING_LINES = [
  'VZCZCXRO1864',
  'RR RUEHDBU',
  'DE RUEHDBU #1151/01 2891223',
  'ZNY CCCCC ZZH',
  'R 161223Z OCT 09',
  'FM AMEMBASSY DUSHANBE',
  'TO RUEHC/SECSTATE WASHDC 0826',
  'INFO RUCNCIS/CIS COLLECTIVE',
  'RUEHDBU/AMEMBASSY X 0123',
  'XMT AMCONSUL JERUSALEM',
  'BT',
  'NNNN',
  'C O N F I D E N T I A L SECTION 01 OF 02 X 000001',
  'UNCLAS SECTION 02 OF 02 STATE 012345',
  'SIPDIS',
  'NOFORN',
  'E.O. 12958: DECL: 10/16/2019',
  'TAGS: PREL PGOV KDEM',
  'PREL PHUM',
  'SUBJECT: (C) A SUBJECT',
  'REF: A. STATE 12345',
  'B. MADRID 707',
  'Classified By: Ambassador X, Reasons 1.4 (b) and (d)',
  'REASON: 1.4 (B), (D)',
  '¶1. (C) Summary: text.',
  '¶2. (S//NF) Text.',
  '15. (C) Text',
  'Â¶3. (U) Text',
  '\uFFFD4. Text',
  'End Summary.',
  '(Note: x)',
  'End Note.',
  'Comment: text',
  'End Comment.',
  'DUSHANBE 00001151 002 OF 002',
  'This record is a partial extract of the original cable.',
  'PAGE 02 STATE 015113 182333Z',
  '<<123>>',
  'ACTION AF-00',
  'GROSS',
  'XXXXXXXXXXXX',
  '¶',
  '¶A. STATE 1',
  '',
];

const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
/** Any UTF-16 code unit, lone surrogates included: what a binary file decoded as text holds. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const noise = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '¶',
      'Â',
      '\uFFFD',
      '(',
      ')',
      '/',
      ' ',
      '\t',
      '.',
      ':',
      'X',
      'x',
      '1',
      'A',
      'E',
      'O',
      'F',
      '\r',
      '\n',
    ),
    maxLength: 60,
  }),
);

type Mutation = (lines: string[]) => void;
const at = (lines: string[], fraction: number) => Math.min(lines.length, Math.floor(fraction * (lines.length + 1)));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...STEERING_LINES)).map(
    ([f, line]): Mutation =>
      (lines) =>
        void lines.splice(at(lines, f), 0, line),
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(fixtureLines.length - 1)).map(
    ([f, k]): Mutation =>
      (lines) =>
        void lines.splice(at(lines, f), 0, fixtureLines[k]),
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(20)).map(
    ([f, n]): Mutation =>
      (lines) =>
        void lines.splice(at(lines, f), n),
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(30)).map(([f, n]): Mutation => (lines) => {
    const k = at(lines, f);
    lines.splice(k, 0, ...lines.slice(k, k + n)); // duplicate a run of lines
  }),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), noise)
    .map(([f, g, bytes]): Mutation => (lines) => {
      const k = Math.min(at(lines, f), lines.length - 1);
      const line = lines[k] ?? '';
      const column = Math.floor(g * (line.length + 1));
      lines[k] = line.slice(0, column) + bytes + line.slice(column);
    }),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom<(s: string) => string>(
        (s) => s.toUpperCase(),
        (s) => s.toLowerCase(),
        (s) => s.trim(),
        (s) => `  ${s}`,
        (s) => s.replace(/ /g, ''),
      ),
    )
    .map(([f, change]): Mutation => (lines) => {
      const k = Math.min(at(lines, f), lines.length - 1);
      if (k >= 0) lines[k] = change(lines[k]);
    }),
);

/** A fixture, or a few joined as in a corpus dump, mutated, with one kind of line end. */
const mutatedCable = fc
  .tuple(
    fc.array(fc.nat(fixtures.length - 1), { minLength: 1, maxLength: 3 }),
    fc.array(mutation, { maxLength: 12 }),
    eol,
  )
  .map(([picks, mutations, end]) => {
    const lines = picks
      .map((k) => fixtures[k])
      .join('\n')
      .split(/\r\n|\r|\n/);
    for (const m of mutations) m(lines);
    return lines.join(end);
  });

const randomText = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 400 }),
  fc
    .array(fc.oneof(fc.constantFrom(...STEERING_LINES), noise), { maxLength: 60 })
    .chain((lines) => eol.map((end) => lines.join(end))),
);

const SETTINGS: RuleSettings = {};

/** Runs every feature on the model and checks that all it returns lies inside the document. */
function assertFeaturesInside(
  model: CableModel,
  reader: CableReader,
  positions: Array<{ line: number; character: number }>,
): void {
  const lines: Lines = model;
  assertSymbolsInside(lines, documentSymbols(documentContext(reader)));
  assertDiagnosticsInside(lines, documentDiagnostics(documentContext(reader, { rules: SETTINGS })));
  assertFoldingInside(lines, foldingRanges(documentContext(model)));
  assertSemanticTokensInside(lines, semanticTokenData(documentContext(model)));
  assertSemanticTokensInside(
    lines,
    semanticTokenData(documentContext(model), Math.floor(model.lineCount / 3), Math.floor(model.lineCount / 2)),
  );
  for (const position of positions) assertHoverInside(lines, hover(documentContext(reader), position), position);
  for (const position of positions)
    assertAllRangesInside(
      lines,
      completions(documentContext(reader), position, new Date(Date.UTC(2009, 9, 16))),
      `completion at ${position.line}:${position.character}`,
    );
  const last = model.lineCount - 1;
  assertAllRangesInside(
    lines,
    codeActions(
      documentContext(reader, { uri: 'file:///x.cable', rules: SETTINGS }),
      { start: { line: 0, character: 0 }, end: { line: last, character: model.lineText(last).length } },
      undefined,
    ),
    'code actions',
  );
  // Every token's hover, as an editor asks when the pointer moves along a line.
  for (const cable of model.cables) {
    cable.lines.forEach((line, rel) => {
      for (const token of line.tokens) {
        const position = { line: cable.startLine + rel, character: token.start };
        assertHoverInside(lines, hover(documentContext(reader), position), position);
      }
    });
  }
}

/** Positions anywhere, the document's own and past its end. */
const positions = fc.array(
  fc.record({
    line: fc.oneof(fc.nat(200), fc.integer({ min: -5, max: 2 ** 31 })),
    character: fc.oneof(fc.nat(120), fc.integer({ min: -5, max: 2 ** 31 })),
  }),
  { maxLength: 12 },
);

/** Parses `text` (the model keeps it exactly) and checks every feature on it. */
function parseAndCheck(text: string, at: Array<{ line: number; character: number }>): void {
  const model = CableModel.parse(text);
  assert.equal(model.getText(), text);
  assertFeaturesInside(model, new CableReader(model), at);
}

test('mutated fixtures: parse and every feature never throw, and return only ranges inside the document', () => {
  fc.assert(fc.property(mutatedCable, positions, parseAndCheck), options);
});

test('random text (any code units, lone surrogates, steering lines): parse and every feature never throw, ranges inside', () => {
  fc.assert(fc.property(randomText, positions, parseAndCheck), options);
});

/** An edit as a client might send it: anywhere, past the end, end before start, a big paste, garbage text. */
const change = fc.record({
  start: fc.record({ line: fc.integer({ min: -2, max: 400 }), character: fc.integer({ min: -2, max: 200 }) }),
  end: fc.record({ line: fc.integer({ min: -2, max: 400 }), character: fc.integer({ min: -2, max: 200 }) }),
  text: fc.oneof(
    noise,
    fc.constantFrom(...STEERING_LINES.map((line) => `${line}\n`)),
    fc.constantFrom('\n', '\r\n', '\r', ''),
    mutatedCable,
  ),
});

test('edits anywhere (past the end, reversed, pasted cables, garbage) never throw; the model follows the text and stays inside it', () => {
  fc.assert(
    fc.property(
      mutatedCable,
      fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
      (text, batches) => {
        let expected = text;
        const document = new CableDocument('file:///x.cable', 1, text);
        batches.forEach((batch, version) => {
          const changes: TextChange[] = batch.map(({ start, end, text: inserted }) => ({
            range: { start, end },
            text: inserted,
          }));
          for (const c of changes) expected = applyToText(expected, c);
          document.update(changes, version + 2);
          assert.equal(document.model.getText(), expected);
        });
        assertFeaturesInside(document.model, document.reader, [{ line: 0, character: 0 }]);
        // And the incremental model is the model of its text.
        assert.deepEqual(
          documentSymbols(documentContext(document.reader)),
          documentSymbols(documentContext(new CableReader(CableModel.parse(expected)))),
        );
      },
    ),
    options,
  );
});
