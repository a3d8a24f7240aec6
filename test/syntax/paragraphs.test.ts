// Paragraphs as a reader finds them, one form each: run into the line before, written out of shape, lists numbered
// again from 1, headings between paragraphs. What the user sees: the outline's entries and the diagnostics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { EXAMPLE_CABLE } from '../../server/src/features/diagnostics/rules/exampleCable';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { documentSymbols } from '../../server/src/features/outline';
import { CableModel } from '../../server/src/syntax/model';
import { documentContext } from '../support/context';

/** The example cable with its paragraphs replaced by `body`. */
function withBody(body: string): string {
  return EXAMPLE_CABLE.slice(0, EXAMPLE_CABLE.indexOf('¶1.')) + body + '\n\nGROSS\n';
}

const FIRST = '¶1. (C) Summary: Karasin asked. End Summary.\n\n';

const KIND_NAME = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

/** The outline of the body (the sections' entries), one line per entry: kind, first words, line:column of its start. */
function outline(text: string): string[] {
  const render = (symbols: readonly DocumentSymbol[], indent: string): string[] =>
    symbols
      .filter((s) => s.kind !== SymbolKind.Event)
      .flatMap((s) => [
        `${indent}${KIND_NAME[s.kind]} ${s.name.split(' ').slice(0, 2).join(' ')} ${s.selectionRange.start.line}:${s.selectionRange.start.character}`,
        ...render(s.children ?? [], `${indent}  `),
      ]);
  const sections = (documentSymbols(documentContext(CableModel.parse(text)))[0].children ?? []).filter(
    (s) => s.kind === SymbolKind.Module,
  );
  return render(
    sections.flatMap((s) => s.children ?? []),
    '',
  );
}

function paragraphDiagnostics(text: string): string[] {
  return documentDiagnostics(documentContext(CableModel.parse(text)))
    .filter((d) => ['paragraph-marker', 'paragraph-numbering', 'false-paragraph-sign'].includes(`${d.code}`))
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
}

const line = (text: string, fragment: string) => text.split('\n').findIndex((l) => l.includes(fragment));

test('a paragraph run into the line before, after a sentence or a redaction, starts at its number', () => {
  for (const joint of ['Karasin said more. ', 'Karasin said XXXXXXXXXXXX']) {
    const text = withBody(`${FIRST}¶2. (C) ${joint}3. (C) He met Aznar.`);
    const at = line(text, 'He met Aznar');
    const column = text.split('\n')[at].indexOf('3. (C)');
    assert.deepEqual(outline(text), [
      `Number ¶1 (C) ${line(text, '¶1.')}:0`,
      `Number ¶2 (C) ${at}:0`,
      `Number ¶3 (C) ${at}:${column}`,
    ]);
    assert.deepEqual(paragraphDiagnostics(text), []);
  }
});

test('a marker written out of shape is the paragraph the numbering expects, with a note on the marker', () => {
  const cases: Array<[written: string, message: string]> = [
    ['3, (C) He met', 'Malformed paragraph number "3,": expected "3.".'],
    ['3  (C) He met', 'Malformed paragraph number "3": expected "3.".'],
    ['3.. He met', 'Malformed paragraph number "3..": expected "3.".'],
    ['(3. (C) He met', 'Malformed paragraph number "(3.": expected "3.".'],
    ['(3) (C) He met', 'Malformed paragraph number "(3)": expected "3.".'],
    ['3.He met', 'No space after the paragraph number "3.": expected "3. " before the text.'],
    ['(C) 3. He met', 'The portion marking (C) comes before the paragraph number: expected "3. (C)".'],
    ['¶3. C) He met', 'Portion marking "C)" lacks its opening parenthesis: expected "(C)".'],
  ];
  for (const [written, message] of cases) {
    const text = withBody(`${FIRST}¶2. (C) Karasin said more.\n\n${written} Aznar.\n\n¶4. (C) Comment: signs.`);
    const at = line(text, 'Aznar');
    assert.deepEqual(
      outline(text).map((entry) => entry.split(' ')[1]),
      ['¶1', '¶2', '¶3', '¶4'],
      written,
    );
    const diagnostics = paragraphDiagnostics(text);
    assert.equal(diagnostics.length, 1, `${written}: ${diagnostics.join(' | ')}`);
    assert.match(diagnostics[0], new RegExp(`^${at}:\\d+ paragraph-marker `), written);
    assert.ok(diagnostics[0].endsWith(message), `${written}: ${diagnostics[0]}`);
  }
});

test('a list numbered again from 1 is nested under its paragraph, and no number is missing', () => {
  const text = withBody(
    `${FIRST}¶2. (C) Karasin listed the reforms:\n\n¶1. Pension age increase\n¶2. Abolish special pensions\n¶3. Limit pensions\n\n¶3. (C) He met Aznar.`,
  );
  assert.deepEqual(
    outline(text).map((entry) => entry.replace(/^(\s*\S+ \S+).*/, '$1')),
    ['Number ¶1', 'Number ¶2', '  EnumMember ¶1.', '  EnumMember ¶2.', '  EnumMember ¶3.', 'Number ¶3'],
  );
  assert.deepEqual(paragraphDiagnostics(text), []);
});

test('a heading over an underline stands between the paragraphs and ends the one before it', () => {
  const text = withBody(
    `${FIRST}¶2. (C) Karasin said more.\n\nThe Secret History\n------------------\n\n¶3. (C) He met.`,
  );
  assert.deepEqual(
    outline(text).map((entry) => entry.replace(/^(\s*\S+ \S+).*/, '$1')),
    ['Number ¶1', 'Number ¶2', 'String The', 'Number ¶3'],
  );
  const model = CableModel.parse(text);
  const second = model.cables[0].paragraphs[1];
  assert.equal(model.cables[0].startLine + second.endLine, line(text, 'Karasin said more'));
});

test('a false paragraph sign after a wrapped line is reported; after a heading or a long line, it is a paragraph', () => {
  const wrapped = withBody(`${FIRST}¶2. (C) Karasin met Aznar on October\n¶16. President Aznar said more.`);
  assert.deepEqual(
    paragraphDiagnostics(wrapped).map((d) => d.split(' ')[1]),
    ['false-paragraph-sign'],
  );
  const long = withBody(
    `${FIRST}¶2. (C) ${'Karasin met Aznar and they talked at length '.repeat(4)}about\n¶3. He said more.`,
  );
  assert.deepEqual(paragraphDiagnostics(long), []);
  assert.equal(CableModel.parse(long).cables[0].paragraphs.length, 3);
});

test('continuation headers with two spaces before the page, or a lower-case "of", open their section', () => {
  for (const header of ['DUSHANBE 00001151  002 OF 002', 'Dushanbe 00001151 002 of 002']) {
    const text = EXAMPLE_CABLE.replace('DUSHANBE 00001151 002 OF 002', header);
    const model = CableModel.parse(text);
    assert.deepEqual(
      model.cables[0].sections.map((s) => s.number),
      [1, 2],
      header,
    );
  }
});
