// Hover texts: for each cable of each fixture, the first token of every kind, against reviewed golden files.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { MarkupContent } from 'vscode-languageserver-types';
import { CableReader } from '../../server/src/facts/facts';
import { hover } from '../../server/src/features/hover';
import { CableModel } from '../../server/src/syntax/model';
import { fixtureNames, readFixture } from '../support/fixtures';
import { assertGolden } from '../support/golden';
import { fixturesDir } from '../support/paths';
import { documentContext } from '../support/context';

for (const name of fixtureNames()) {
  test(`hovers of ${name}`, () => {
    const model = CableModel.parse(readFixture(name));
    const reader = new CableReader(model);
    const out: string[] = [];
    for (const cable of model.cables) {
      const seen = new Set<string>();
      cable.lines.forEach((line, rel) => {
        for (const token of line.tokens) {
          if (seen.has(token.kind)) continue;
          seen.add(token.kind);
          const position = { line: cable.startLine + rel, character: token.start };
          const result = hover(documentContext(reader), position);
          const text = model.lineText(position.line).slice(token.start, token.end);
          out.push(
            `${position.line + 1}:${token.start} ${token.kind} ${JSON.stringify(text)} -> ${result ? (result.contents as MarkupContent).value.replace(/\n+/g, ' | ') : '(none)'}`,
          );
        }
      });
    }
    assertGolden(join(fixturesDir, name.replace(/\.cable$/, '.hover.txt')), out.join('\n') + '\n');
  });
}

test('hover on RUEHDBU in the seed names the embassy in Dushanbe; nothing past the end of the document', () => {
  const model = CableModel.parse(readFixture('09DUSHANBE1151.cable'));
  const reader = new CableReader(model);
  const line = model.lineText(4); // DE RUEHDBU #1151/01 2891223
  const result = hover(documentContext(reader), { line: 4, character: line.indexOf('RUEHDBU') + 2 });
  assert.match((result?.contents as MarkupContent).value, /^\*\*RUEHDBU\*\*: AMEMBASSY DUSHANBE/);
  assert.deepEqual(result?.range, { start: { line: 4, character: 3 }, end: { line: 4, character: 10 } });
  assert.equal(hover(documentContext(reader), { line: 10_000, character: 0 }), null);
  assert.equal(hover(documentContext(reader), { line: 4, character: 500 }), null);
});
