// The model's lines and line ends: the same as a split on \r\n, \r and \n, whatever the mix, and the text given back
// as it came (model.ts splits LF-only, LF/CRLF and other texts each its own way).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CableModel } from '../../server/src/syntax/model';
import { seededRandom } from '../support/random';

function assertLines(text: string, message = JSON.stringify(text)): void {
  const model = CableModel.parse(text);
  const expected = text.split(/\r\n|\r|\n/);
  assert.equal(model.lineCount, expected.length, message);
  for (let line = 0; line < expected.length; line++) assert.equal(model.lineText(line), expected[line], message);
  assert.equal(model.getText(), text, message);
}

const cases: Record<string, string> = {
  'empty text': '',
  'one line, no line end': 'abc',
  'LF only': 'a\nbb\n\nccc',
  'LF only, trailing line end': 'a\nb\n',
  'CRLF only': 'a\r\nbb\r\n\r\nccc',
  'CRLF only, trailing line end': 'a\r\nb\r\n',
  'CRLF and LF mixed': 'a\r\nb\nc\r\n\nd',
  'CRLF and LF mixed, trailing CRLF': 'a\nb\r\n',
  'lone CR only': 'a\rb\r\rc',
  'lone CR at the very end': 'a\r\nb\r',
  'lone CR in the last line': 'a\r\nb\rc',
  'lone CR before CRLF': 'a\r\r\nb',
  'lone CR after LF': 'a\n\rb\r\nc',
  'LF CR (not a CRLF)': 'a\n\rb',
  'lone CR in the first line of a CRLF text': 'a\rb\r\nc\r\nd',
  'lone CR late in a long CRLF text': 'x\r\n'.repeat(2000) + 'y\rz\r\n' + 'w\r\n'.repeat(10),
  'only line ends': '\r\n\n\r\r\n\n',
  'longer than the first end buffer': 'line\r\n'.repeat(5000) + 'end\n'.repeat(5000),
};
for (const [name, text] of Object.entries(cases)) test(`lines: ${name}`, () => assertLines(text));

test('lines: random texts of a, CR and LF split as the regular expression splits them', () => {
  const random = seededRandom(19);
  const alphabet = ['a', 'b', '\r', '\n', '\r\n', '\r\n', '\n'];
  for (let round = 0; round < 2000; round++) {
    let text = '';
    const length = Math.floor(random() * 30);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    // Half of them without a lone \r: the LF/CRLF path to its end.
    if (round % 2) text = text.replace(/\r(?!\n)/g, '');
    assertLines(text);
  }
});
