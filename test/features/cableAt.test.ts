// cable/cableAt, the status bar's summary of the cable under the cursor: classification, captions, precedence, and the
// classification line to reveal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cableAt } from '../../server/src/features/cableAt';
import { CableReader } from '../../server/src/facts/facts';
import { CableModel } from '../../server/src/syntax/model';
import { readFixture } from '../support/fixtures';
import { documentContext } from '../support/context';

function readerOf(text: string): CableReader {
  return new CableReader(CableModel.parse(text));
}

test('the seed: CONFIDENTIAL, SIPDIS, ROUTINE, classification line 16, from any line of the cable', () => {
  const reader = readerOf(readFixture('09DUSHANBE1151.cable'));
  const expected = {
    referenceId: '09DUSHANBE1151',
    classification: { level: 'CONFIDENTIAL', rank: 2, written: 'C O N F I D E N T I A L' },
    classificationRange: { start: { line: 16, character: 0 }, end: { line: 16, character: 56 } },
    captions: ['SIPDIS'],
    precedence: { code: 'R', word: 'ROUTINE' },
  };
  assert.deepEqual(cableAt(documentContext(reader), { line: 4, character: 5 }), expected);
  assert.deepEqual(cableAt(documentContext(reader), { line: 0, character: 0 }), expected);
  assert.deepEqual(cableAt(documentContext(reader), { line: reader.model.lineCount - 1, character: 0 }), expected);
  assert.equal(reader.model.lineText(16).slice(0, 23), 'C O N F I D E N T I A L');
});

test('levels by rank, captions once each, dual precedence, the precedence line when the DTG has none', () => {
  const summary = (name: string) => {
    const result = cableAt(documentContext(readerOf(readFixture(name))), { line: 0, character: 0 });
    return [
      result?.classification?.level,
      result?.classification?.rank,
      result?.captions.join(' '),
      result?.precedence?.word,
    ];
  };
  assert.deepEqual(summary('09NAIROBI2497.cable'), ['SECRET', 3, 'NOFORN SIPDIS', 'IMMEDIATE/ROUTINE']);
  assert.deepEqual(summary('07PARIS1791.cable'), [
    'UNCLASSIFIED',
    0,
    'SIPDIS SENSITIVE BUT UNCLASSIFIED HANDLE ACCORDINGLY',
    'IMMEDIATE',
  ]);
  assert.deepEqual(summary('06ANKARA4688.cable'), ['CONFIDENTIAL', 2, 'SIPDIS NOFORN', 'PRIORITY']);
  const relayOnly = readFixture('09DUSHANBE1151.cable').replace('R 161223Z OCT 09', '161223Z OCT 09');
  assert.deepEqual(cableAt(documentContext(readerOf(relayOnly)), { line: 4, character: 0 })?.precedence, {
    code: 'R',
    word: 'ROUTINE',
  });
});

test('a cable without a classification line, a partial extract without a header, an empty document', () => {
  const noClassification = cableAt(documentContext(readerOf(readFixture('07BERN881.cable'))), {
    line: 0,
    character: 0,
  });
  assert.equal(noClassification?.classification, null);
  assert.equal(noClassification?.classificationRange, null);
  assert.equal(noClassification?.precedence?.word, 'IMMEDIATE');
  const extract = cableAt(documentContext(readerOf(readFixture('04RANGOON88.cable'))), { line: 0, character: 0 });
  assert.deepEqual([extract?.classification?.level, extract?.precedence], ['SECRET', null]);
  assert.equal(cableAt(documentContext(readerOf('')), { line: 0, character: 0 }), null);
  assert.equal(
    cableAt(documentContext(readerOf('Notes for the meeting.\nNothing else.\n')), { line: 1, character: 0 }),
    null,
  );
  assert.equal(
    cableAt(documentContext(readerOf(readFixture('09DUSHANBE1151.cable'))), { line: 100_000, character: 0 }),
    null,
  );
});

test('each cable of a corpus file answers for its own lines', () => {
  const text = readFixture('09DUSHANBE1151.cable') + '\n' + readFixture('09NAIROBI2497.cable');
  const reader = readerOf(text);
  assert.equal(reader.model.cables.length, 2);
  const [first, second] = reader.model.cables;
  assert.equal(
    cableAt(documentContext(reader), { line: first.startLine + 5, character: 0 })?.referenceId,
    '09DUSHANBE1151',
  );
  const nairobi = cableAt(documentContext(reader), { line: second.startLine + 5, character: 0 });
  assert.equal(nairobi?.referenceId, '09NAIROBI2497');
  assert.ok(nairobi!.classificationRange!.start.line > second.startLine);
  assert.match(reader.model.lineText(nairobi!.classificationRange!.start.line), /^S e c r e t/);
});
