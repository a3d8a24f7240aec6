// Semantic tokens after edits as the editor keeps them: the server answers a delta request by comparing its last answer
// with the new one cable by cable, and the edits it sends must be the smallest single edit (the data's common start
// and end kept) and rebuild the tokens of a fresh parse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SemanticTokensDelta } from 'vscode-languageserver-types';
import { joined, semanticTokensDelta, TokenSegments } from '../../server/src/features/semanticTokens';
import { createCableService } from '../../server/src/service/service';
import { fixtureNames, readFixture } from '../support/fixtures';
import { randomEdit, seededRandom } from '../support/random';

/** The reference: the longest common start, then the longest common end of what is left, compared number by number. */
function smallestEdit(previous: readonly number[], current: readonly number[]): SemanticTokensDelta['edits'] {
  const shorter = Math.min(previous.length, current.length);
  let prefix = 0;
  while (prefix < shorter && previous[prefix] === current[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && previous.at(-1 - suffix) === current.at(-1 - suffix)) suffix++;
  if (prefix === previous.length && prefix === current.length) return [];
  return [
    {
      start: prefix,
      deleteCount: previous.length - prefix - suffix,
      data: current.slice(prefix, current.length - suffix),
    },
  ];
}

function applied(data: readonly number[], delta: SemanticTokensDelta): number[] {
  const result = [...data];
  for (const edit of [...delta.edits].reverse()) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

test('after each random edit in a file of several cables, the delta is the smallest edit and rebuilds the tokens', () => {
  const names = fixtureNames();
  const random = seededRandom(19);
  const uri = 'file:///dump.cable';
  const text = [0, 7, 14, 21].map((k) => readFixture(names[k % names.length])).join('\n');
  const reference = TextDocument.create(uri, 'cable', 1, text);
  const service = createCableService();
  service.openDocument(uri, 1, text);
  let { resultId, data } = service.semanticTokens(uri);
  for (let edit = 1; edit <= 150; edit++) {
    const change = randomEdit(reference, random, readFixture(names[edit % names.length]));
    TextDocument.update(reference, [change], edit + 1);
    service.changeDocument(uri, [change], edit + 1);
    const delta = service.semanticTokensDelta(uri, resultId!);
    assert.ok('edits' in delta, `edit ${edit}: a delta against the last answer`);
    const fresh = createCableService();
    fresh.openDocument(uri, 1, reference.getText());
    const expected = fresh.semanticTokens(uri).data;
    assert.deepEqual(delta.edits, smallestEdit(data, expected), `edit ${edit}: not the smallest edit`);
    data = applied(data, delta);
    assert.deepEqual(data, expected, `edit ${edit}: the tokens differ from a fresh parse's`);
    resultId = delta.resultId;
  }
});

test('answers compared cable by cable: cables shared, added, removed, moved, encoded again alike or empty', () => {
  const cable = (data: number[], first = data[0]) => ({ data, first });
  const answer = (...segments: Array<{ data: number[]; first: number }>): TokenSegments => ({
    segments,
    length: segments.reduce((n, s) => n + s.data.length, 0),
  });
  const a = [0, 1, 2, 3, 0, 1, 0, 4, 1, 0];
  const b = [2, 0, 4, 1, 0];
  const cases: Array<[string, TokenSegments, TokenSegments]> = [
    ['the same answer', answer(cable(a), cable(b)), answer(cable(a), cable(b))],
    ['a cable added that repeats the one before', answer(cable(a), cable(b)), answer(cable(a), cable(a), cable(b))],
    ['a cable removed', answer(cable(a), cable(a)), answer(cable(a))],
    ['a cable moved down', answer(cable(a), cable(b)), answer(cable(a), cable(b, 7))],
    ['a cable encoded again alike', answer(cable(a), cable(b)), answer(cable([...a]), cable([...b]))],
    ['no tokens before', answer(), answer(cable(b))],
    ['no tokens after', answer(cable(b)), answer()],
    ['a cable without tokens between two', answer(cable(a), cable([], 9), cable(b)), answer(cable(a), cable(b))],
    ['a cable without tokens at either end', answer(cable([], 1), cable(b)), answer(cable(b), cable([], 2))],
  ];
  for (const [name, previous, current] of cases) {
    const delta = semanticTokensDelta(previous, current, 'r');
    assert.deepEqual(delta.edits, smallestEdit(joined(previous), joined(current)), name);
    assert.deepEqual(applied(joined(previous), delta), joined(current), name);
  }
});
