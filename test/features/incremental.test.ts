// Every feature of an incrementally updated document equals the same feature of a fresh parse of its text, after any
// sequence of edits: outline, diagnostics, folding, semantic tokens (full, range, delta), hovers, completions and code
// actions. The document is kept as the server keeps it (CableDocument: one model, one reader, cached facts, symbols and
// findings), and edits arrive as the server receives them, sometimes several changes in one notification.
//   CABLE_RANDOM_EDITS=400 npm test   runs ten times as many edits per fixture.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentDiagnostics, RuleSettings } from '../../server/src/features/diagnostics/diagnostics';
import { CableReader } from '../../server/src/facts/facts';
import { codeActions } from '../../server/src/features/codeActions';
import { completions } from '../../server/src/features/completion';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/outline';
import { semanticTokenData, semanticTokensDelta } from '../../server/src/features/semanticTokens';
import { CableModel, TextChange } from '../../server/src/syntax/model';
import { CableDocument } from '../../server/src/service/documents';
import { fixtureNames, readFixture } from '../support/fixtures';
import { randomEdit, seededRandom } from '../support/random';
import { documentContext } from '../support/context';

const EDITS_PER_FIXTURE = Number(process.env.CABLE_RANDOM_EDITS ?? 30);
const BATCH = 5;
/** One settings object for the life of the document, as the server keeps it (the findings cache is per settings). */
const SETTINGS: RuleSettings = {};
const NOW = new Date(Date.UTC(2009, 9, 16));

/** Applies the edits of a semantic tokens delta to the previous data. */
function applyDelta(previous: number[], delta: ReturnType<typeof semanticTokensDelta>): number[] {
  const data = [...previous];
  for (const edit of [...delta.edits].reverse()) data.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return data;
}

function assertSameFeatures(
  document: CableDocument,
  previousTokens: number[],
  random: () => number,
  context: string,
): number[] {
  const text = document.model.getText();
  const fresh = CableModel.parse(text);
  const freshReader = new CableReader(fresh);
  assert.deepEqual(
    documentSymbols(documentContext(document.reader)),
    documentSymbols(documentContext(freshReader)),
    `outline differs ${context}`,
  );
  assert.deepEqual(
    documentDiagnostics(documentContext(document.reader, { rules: SETTINGS })),
    documentDiagnostics(documentContext(freshReader)),
    `diagnostics differ ${context}`,
  );
  assert.deepEqual(
    foldingRanges(documentContext(document.model)),
    foldingRanges(documentContext(fresh)),
    `folding differs ${context}`,
  );
  const tokens = semanticTokenData(documentContext(document.model));
  assert.deepEqual(tokens, semanticTokenData(documentContext(fresh)), `semantic tokens differ ${context}`);
  assert.deepEqual(
    applyDelta(previousTokens, semanticTokensDelta(previousTokens, tokens, 'x')),
    tokens,
    `semantic tokens delta does not rebuild the tokens ${context}`,
  );
  const from = Math.floor(random() * fresh.lineCount);
  const to = from + Math.floor(random() * 40);
  assert.deepEqual(
    semanticTokenData(documentContext(document.model), from, to),
    semanticTokenData(documentContext(fresh), from, to),
    `semantic tokens of lines ${from}-${to} differ ${context}`,
  );
  for (let k = 0; k < 10; k++) {
    const line = Math.floor(random() * fresh.lineCount);
    const position = { line, character: Math.floor(random() * (fresh.lineText(line).length + 1)) };
    assert.deepEqual(
      hover(documentContext(document.reader), position),
      hover(documentContext(freshReader), position),
      `hover at ${line}:${position.character} differs ${context}`,
    );
    if (k < 3)
      assert.deepEqual(
        completions(documentContext(document.reader), position, NOW),
        completions(documentContext(freshReader), position, NOW),
        `completions at ${line}:${position.character} differ ${context}`,
      );
  }
  const whole = {
    start: { line: 0, character: 0 },
    end: { line: fresh.lineCount - 1, character: fresh.lineText(fresh.lineCount - 1).length },
  };
  assert.deepEqual(
    codeActions(documentContext(document.reader, { uri: 'file:///x.cable', rules: SETTINGS }), whole, undefined),
    codeActions(documentContext(freshReader, { uri: 'file:///x.cable' }), whole, undefined),
    `code actions differ ${context}`,
  );
  return tokens;
}

const names = fixtureNames();
names.forEach((name, index) => {
  test(`random edits on ${name} keep every feature equal to that of a fresh parse`, () => {
    const seed = 5000 + index;
    const random = seededRandom(seed);
    const pasteSource = readFixture(names[(index + 11) % names.length]);
    // Several cables in one file, as in corpus dumps: edits cross cable boundaries and move the cables after them.
    const text = readFixture(name) + '\n' + pasteSource + '\n' + readFixture(names[(index + 1) % names.length]);
    const reference = TextDocument.create('file:///x.cable', 'cable', 1, text);
    const document = new CableDocument('file:///x.cable', 1, text);
    let tokens = assertSameFeatures(document, [], random, `before any edit (seed ${seed})`);
    let unchecked = 0;
    for (let edit = 1; edit <= EDITS_PER_FIXTURE;) {
      // Mostly one change per notification, sometimes a few (each applies to the text the previous one left).
      const changes: TextChange[] = [];
      const count = random() < 0.8 ? 1 : 2 + Math.floor(random() * 3);
      for (let k = 0; k < count && edit <= EDITS_PER_FIXTURE; k++, edit++) {
        const change = randomEdit(reference, random, pasteSource);
        TextDocument.update(reference, [change], reference.version + 1);
        changes.push(change);
      }
      document.update(changes, reference.version);
      assert.equal(document.model.getText(), reference.getText(), `text differs after edit ${edit - 1} (seed ${seed})`);
      unchecked += changes.length;
      if (unchecked >= BATCH || edit > EDITS_PER_FIXTURE) {
        tokens = assertSameFeatures(document, tokens, random, `after edit ${edit - 1} (seed ${seed})`);
        unchecked = 0;
      }
    }
  });
});
