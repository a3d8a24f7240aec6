// The outline a user sees for every fixture cable, as an indented tree, against reviewed golden files.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { CableReader } from '../../server/src/facts/facts';
import { documentSymbols, limitSymbols, outline } from '../../server/src/features/outline';
import { CableModel } from '../../server/src/syntax/model';
import { fixtureNames, readFixture } from '../support/fixtures';
import { assertGolden } from '../support/golden';
import { fixturesDir } from '../support/paths';
import { documentContext } from '../support/context';

const KIND_NAME = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

function render(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [
    `${indent}${KIND_NAME[s.kind]} ${s.name}${s.detail ? ` — ${s.detail}` : ''} [${s.range.start.line + 1}-${s.range.end.line + 1}]`,
    ...render(s.children ?? [], `${indent}  `),
  ]);
}

/** Every child range lies in its parent's, and every selection range in its symbol's range. */
function assertNested(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const s of symbols) {
    assert.ok(
      before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end),
      `selection outside range: ${s.name}`,
    );
    if (parent)
      assert.ok(
        before(parent.range.start, s.range.start) && before(s.range.end, parent.range.end),
        `${s.name} outside ${parent.name}`,
      );
    assertNested(s.children ?? [], s);
  }
}

for (const name of fixtureNames()) {
  test(`outline of ${name}`, () => {
    const symbols = documentSymbols(documentContext(new CableReader(CableModel.parse(readFixture(name)))));
    assertNested(symbols);
    assertGolden(join(fixturesDir, name.replace(/\.cable$/, '.outline.txt')), render(symbols).join('\n') + '\n');
  });
}

/** Each symbol with its depth, in level order (all cables, then all their children, ...). */
function levelOrder(symbols: DocumentSymbol[]): Array<{ depth: number; symbol: DocumentSymbol }> {
  const order = symbols.map((symbol) => ({ depth: 0, symbol }));
  for (let next = 0; next < order.length; next++)
    order.push(...(order[next].symbol.children ?? []).map((symbol) => ({ depth: order[next].depth + 1, symbol })));
  return order;
}

const label = (s: DocumentSymbol) => `${s.name} [${s.range.start.line}-${s.range.end.line}]`;

test('a long outline is cut level by level: the cables first, then their parts, the first ones in level order', () => {
  const text = ['09DUSHANBE1151.cable', '08BERLIN643.cable', '00HARARE6677.cable'].map(readFixture).join('\n');
  const full = documentSymbols(documentContext(new CableReader(CableModel.parse(text))));
  const all = levelOrder(full);
  for (const max of [2, 3, 10, 40, all.length - 1]) {
    const { symbols, total } = limitSymbols(full, max);
    assert.equal(total, all.length);
    const kept = levelOrder(symbols);
    assert.equal(kept.length, max);
    // The same symbols as the first `max` of the full outline in level order, at the same depths.
    assert.deepEqual(
      kept.map(({ depth, symbol }) => [depth, label(symbol)]).sort(),
      all
        .slice(0, max)
        .map(({ depth, symbol }) => [depth, label(symbol)])
        .sort(),
    );
    assertNested(symbols);
  }
  assert.deepEqual(
    limitSymbols(full, 3).symbols.map((s) => s.name),
    full.map((s) => s.name),
  );
  assert.equal(limitSymbols(full, all.length).symbols, full, 'an outline within the limit is returned as it is');
});

test('the outline after edits (cables moved, one rebuilt) is the outline of the edited text read afresh', () => {
  const text = ['09DUSHANBE1151.cable', '08BERLIN643.cable', '00HARARE6677.cable', '06NEWDELHI5135.cable']
    .map(readFixture)
    .join('\n');
  const middle = CableModel.parse(text).cables[1].startLine + 40;
  const at = (line: number, text: string, endLine = line) => ({
    range: { start: { line, character: 0 }, end: { line: endLine, character: 0 } },
    text,
  });
  const edits = [
    at(middle, 'x'),
    at(middle, '7. (C) New.\n\n'),
    at(2, '\n'),
    at(middle, '', middle + 2),
    at(0, '\n\n'),
  ];
  // One document per limit, so that each edit finds the cut copies of the one before at the same limit, and one cut
  // at every limit in turn, so that cables an edit moved are cut afresh.
  const limits = [3, 50, 120, 400, 100_000];
  const documents = [...limits, limits].map((limit) => {
    const model = CableModel.parse(text);
    return { model, context: documentContext(new CableReader(model)), cutAt: [limit].flat() };
  });
  for (const edit of [undefined, ...edits]) {
    for (const { model, context, cutAt } of documents) {
      if (edit) model.applyChange(edit);
      for (const max of cutAt) {
        const fresh = documentSymbols(documentContext(new CableReader(CableModel.parse(model.getText()))));
        assert.deepEqual(outline(context, max), limitSymbols(fresh, max));
      }
    }
  }
  const { context } = documents[2];
  assert.deepEqual(outline(context, 120), limitSymbols(documentSymbols(context), 120));
});

/** Every symbol of every fixture's outline. */
function allSymbols(): DocumentSymbol[] {
  const flat = (symbols: DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap((s) => [s, ...flat(s.children ?? [])]);
  return fixtureNames().flatMap((name) =>
    flat(documentSymbols(documentContext(new CableReader(CableModel.parse(readFixture(name)))))),
  );
}

test('paragraph labels end at a word: "..." where the lead is cut, read on past a short first line', () => {
  const outline = documentSymbols(
    documentContext(new CableReader(CableModel.parse(readFixture('06NEWDELHI5135.cable')))),
  );
  const paragraphs = outline[0].children!.flatMap((s) => s.children ?? []).filter((s) => s.kind === SymbolKind.Number);
  // The first line of ¶1 ends at "Board --": the label goes on into the next line, and says that there is more.
  assert.equal(paragraphs[0].name, '¶1 (C) Summary: The National Security Advisory Board -- populated...');
  assert.equal(paragraphs[9].name, '¶10 (U) NSAB V was convened July 2004 and has 21 members. (NOTE: *...');
  for (const s of allSymbols().filter((s) => s.kind === SymbolKind.Number)) {
    assert.doesNotMatch(s.name, /[,;:]\.\.\.$|\s{2}/, s.name);
  }
});

test('the CLASSIFIED BY entry shows the whole reason list, wrapped lines included', () => {
  const entries = allSymbols()
    .filter((s) => s.name === 'CLASSIFIED BY')
    .map((s) => s.detail);
  assert.ok(entries.includes('Ken Gross, Ambassador, EXEC, State. REASON: 1.4 (b), (d)'));
  assert.ok(entries.includes('Classified by Political Officer Ricardo Zuniga; reasons 1.4 (B) and (D)'));
  assert.ok(entries.includes('Ambassador William J. Burns. Reason 1.4 (b, d)'));
});

test('no detail repeats its label: FM and DE without their address or station again, captions once each', () => {
  for (const s of allSymbols()) {
    if (s.detail) assert.ok(!s.name.includes(s.detail), `${s.name} — ${s.detail}`);
    if (s.name === 'Captions' && s.detail) {
      const captions = s.detail.split(' ');
      assert.equal(new Set(captions).size, captions.length, s.detail);
    }
  }
});
