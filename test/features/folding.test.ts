// The folds a user gets. VS Code keeps one fold a line, the first range sent that starts there: the order matters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FoldingRange } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/features/folding';
import { CableModel } from '../../server/src/syntax/model';
import { documentContext } from '../support/context';
import { readFixture } from '../support/fixtures';

/** The fold VS Code shows on each line: the first range that starts there. */
function foldsByLine(ranges: FoldingRange[]): Map<number, FoldingRange> {
  const folds = new Map<number, FoldingRange>();
  for (const range of ranges) if (!folds.has(range.startLine)) folds.set(range.startLine, range);
  return folds;
}

test('a lone cable: the fold on its first line is its routing header, none folds the whole file', () => {
  // 01PRETORIA1173 starts with its DTG line (`O 231553Z FEB 01`): the header is lines 1-4.
  const model = CableModel.parse(readFixture('01PRETORIA1173.cable'));
  const ranges = foldingRanges(documentContext(model));
  assert.deepEqual(foldsByLine(ranges).get(0), { startLine: 0, endLine: 3, kind: 'imports' });
  const lastLine = model.lineCount - 1;
  assert.ok(!ranges.some((r) => r.startLine === 0 && r.endLine >= lastLine - 1), 'a range folds the whole file');
});

test('a file of several cables: each folds as a whole from its first line, its header inside', () => {
  const text = `${readFixture('01PRETORIA1173.cable')}\n${readFixture('09DUSHANBE1151.cable')}`;
  const model = CableModel.parse(text);
  assert.equal(model.cables.length, 2);
  const ranges = foldingRanges(documentContext(model));
  const folds = foldsByLine(ranges);
  for (const cable of model.cables) {
    const fold = folds.get(cable.startLine);
    assert.ok(fold && fold.kind === undefined && fold.endLine > cable.startLine + 20, `cable at ${cable.startLine}`);
    const header = cable.headerRange!;
    assert.ok(
      ranges.some((r) => r.kind === 'imports' && r.startLine === cable.startLine + header.startLine),
      `header of the cable at ${cable.startLine}`,
    );
  }
});

test('of the ranges that start on one line, the outermost comes first: a section over its caption block', () => {
  // 09DUSHANBE1151: SECTION 01 OF 02 starts on the classification line, as its caption block does.
  const model = CableModel.parse(readFixture('09DUSHANBE1151.cable'));
  const classificationLine = model.cables[0].startLine + model.cables[0].classificationLine!;
  const paragraph1 = model.cables[0].startLine + model.cables[0].paragraphs[0].startLine;
  const fold = foldsByLine(foldingRanges(documentContext(model))).get(classificationLine);
  assert.ok(
    fold && fold.kind === 'region' && fold.endLine > paragraph1,
    `the fold on the classification line: ${JSON.stringify(fold)}`,
  );
});

test('a Summary that runs over several paragraphs folds whole from the line of its opener', () => {
  // 05MADRID395: `¶1. (C) Summary.` on line 16, `End Summary.` in ¶2, on line 44.
  const ranges = foldingRanges(documentContext(CableModel.parse(readFixture('05MADRID395.cable'))));
  assert.deepEqual(foldsByLine(ranges).get(15), { startLine: 15, endLine: 43, kind: 'region' });
  assert.ok(
    ranges.some((r) => r.startLine === 15 && r.endLine === 32 && r.kind === undefined),
    'the paragraph',
  );
});

test('of two equal ranges, the one with a kind comes first: a Summary that is its whole paragraph stays a region', () => {
  // 00HARARE6677: `1. (C) Summary: ...` on line 39, `End Summary.` on line 40, where the paragraph ends.
  const ranges = foldingRanges(documentContext(CableModel.parse(readFixture('00HARARE6677.cable'))));
  assert.deepEqual(
    ranges.filter((r) => r.startLine === 38),
    [
      { startLine: 38, endLine: 39, kind: 'region' },
      { startLine: 38, endLine: 39 },
    ],
  );
});
