// Hover texts: for each cable of each fixture, the first token of every kind (routing indicators: on every kind of
// header line), against reviewed golden files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
          // A routing indicator's hover says its role on its line: the first one of each kind of line.
          const key = token.kind === 'routingIndicator' ? `${token.kind} ${line.kind}` : token.kind;
          if (seen.has(key)) continue;
          seen.add(key);
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

/** The hover text on the first `word` of the first line of the seed that starts with `lineStart`. */
function seedHover(lineStart: string, word: string): string {
  const model = CableModel.parse(readFixture('09DUSHANBE1151.cable'));
  let line = 0;
  while (!model.lineText(line).startsWith(lineStart)) line++;
  const result = hover(documentContext(new CableReader(model)), {
    line,
    character: model.lineText(line).indexOf(word),
  });
  return (result?.contents as MarkupContent).value;
}

test('a routing indicator says its role on its line: relay, transmitting station, action and information addressee', () => {
  assert.match(
    seedHover('RR RUEHDBU', 'RUEHDBU'),
    /^\*\*RUEHDBU\*\*: AMEMBASSY DUSHANBE, a US diplomatic post\. .*relay/,
  );
  assert.match(seedHover('DE RUEHDBU', 'RUEHDBU'), /the transmitting station, which sent this cable\./);
  const ruehc = seedHover('TO RUEHC', 'RUEHC');
  assert.match(ruehc, /^\*\*RUEHC\*\*: SECSTATE WASHDC, the Department of State\. .*an action addressee\./);
  // RUEHC is also seen with other names in other cables: not said here, where the line names SECSTATE WASHDC.
  assert.doesNotMatch(ruehc, /Also seen|Transmitting station|DEPARTMENT OF LABOR/);
  assert.match(seedHover('RUEHBUL/', 'RUEHBUL'), /an information addressee\./);
});

test('hovers read as sentences, not as table cells', () => {
  assert.equal(
    seedHover('ZNY', 'CCCCC'),
    '**CCCCC**: the security letters of a CONFIDENTIAL cable. Classified: its unauthorized disclosure could reasonably be expected to cause damage to the national security.',
  );
  assert.equal(seedHover('TAGS', 'TI'), '**TI**, a country code (FIPS 10-4): Tajikistan.');
  assert.equal(seedHover('TAGS', 'PREL'), '**PREL**, a subject tag: External political relations.');
  for (const name of fixtureNames()) {
    const golden = readFileSync(join(fixturesDir, name.replace(/\.cable$/, '.hover.txt')), 'utf8');
    assert.doesNotMatch(
      golden,
      /\((?:us diplomatic post|country \(FIPS 10-4\)|subject)\)|: classified:|Also seen as/,
      name,
    );
  }
});
