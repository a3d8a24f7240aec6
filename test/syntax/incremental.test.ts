// Incremental updates must give the same model as a fresh parse, after any sequence of edits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dumpModel } from '../../server/src/syntax/dump';
import { CableModel } from '../../server/src/syntax/model';
import { fixtureNames, readFixture } from '../support/fixtures';
import { randomEdit, seededRandom } from '../support/random';

const EDITS_PER_FIXTURE = Number(process.env.CABLE_RANDOM_EDITS ?? 40);
const BATCH = 5;

const names = fixtureNames();
names.forEach((name, index) => {
  test(`random edits on ${name} keep the incremental model equal to a fresh parse`, () => {
    const seed = 1000 + index;
    const random = seededRandom(seed);
    const pasteSource = readFixture(names[(index + 7) % names.length]);
    // Several cables in one file, as in corpus dumps: edits cross cable boundaries.
    const text = readFixture(name) + '\n' + pasteSource;
    const document = TextDocument.create('file:///x.cable', 'cable', 1, text);
    const model = CableModel.parse(text);
    for (let edit = 1; edit <= EDITS_PER_FIXTURE; edit++) {
      const change = randomEdit(document, random, pasteSource);
      TextDocument.update(document, [change], edit + 1);
      model.applyChange(change);
      if (edit % BATCH === 0 || edit === EDITS_PER_FIXTURE) {
        const expected = document.getText();
        assert.equal(model.getText(), expected, `text differs after edit ${edit} (seed ${seed})`);
        assert.equal(
          dumpModel(model),
          dumpModel(CableModel.parse(expected)),
          `model differs after edit ${edit} (seed ${seed})`,
        );
      }
    }
  });
});

test('a CRLF pair split and rejoined by edits stays one line end', () => {
  const model = CableModel.parse('a\r\nb');
  model.applyChange({ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'x\r' });
  assert.equal(model.getText(), 'ax\r\r\nb');
  assert.equal(model.lineCount, 3);
  model.applyChange({ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '\n' });
  assert.equal(model.getText(), 'ax\r\nb');
  assert.equal(model.lineCount, 2);
});

test('a whole-document change replaces the model', () => {
  const model = CableModel.parse('VZCZCXRO1\n');
  model.applyChange({ text: 'R 161223Z OCT 09\nFM AMEMBASSY DUSHANBE\n' });
  assert.equal(dumpModel(model), dumpModel(CableModel.parse('R 161223Z OCT 09\nFM AMEMBASSY DUSHANBE\n')));
});
