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
