// Completion offers what belongs where the cursor is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completions } from '../../server/src/features/completion';
import { CableReader } from '../../server/src/facts/facts';
import { CableModel } from '../../server/src/syntax/model';
import { WELL_FORMED } from '../support/defects';
import { documentContext } from '../support/context';
import { readFixture } from '../support/fixtures';
import { CableIndex } from '../../server/src/workspace/cableIndex';

function complete(text: string, marker = '|', index?: CableIndex) {
  const offset = text.indexOf(marker);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - before.lastIndexOf('\n') - 1;
  const reader = new CableReader(CableModel.parse(text.replace(marker, '')));
  return completions(documentContext(reader, { index }), { line, character }, new Date(Date.UTC(2009, 9, 16, 12, 23)));
}

test('TAGS codes with their meanings on a TAGS line', () => {
  const items = complete(WELL_FORMED.replace('TAGS: PREL PHUM PGOV TI', 'TAGS: PREL PH|'));
  const phum = items.find((i) => i.label === 'PHUM');
  assert.match(String(phum?.detail), /^human rights — a subject tag$/i);
  assert.deepEqual((phum?.textEdit as { range: unknown }).range, {
    start: { line: 14, character: 11 },
    end: { line: 14, character: 13 },
  });
});

/** The labels of completion items in the order the editor shows them (by sortText, then label). */
function ranked(items: ReturnType<typeof complete>): string[] {
  return items
    .slice()
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => String(i.label));
}

test("TAGS codes ranked by relevance: the cable's own country, the codes the file uses, then the most used", () => {
  const beijing = readFixture('09BEIJING2964.cable');
  const moscow = readFixture('08MOSCOW3343.cable');
  const tagsLine = 'TAGS: OVIP STEINBERG JAMES PREL MNUC SN CH KN';
  // A Beijing cable whose TAGS line is being written, in a file that also holds a Moscow cable (PGOV PHUM SOCI RS).
  const items = ranked(
    complete(`${beijing.replace(tagsLine, 'TAGS: |')}
${moscow}`),
  );
  assert.equal(items[0], 'CH');
  assert.deepEqual(items.slice(1, 5).sort(), ['PGOV', 'PHUM', 'RS', 'SOCI']);
  // Then the codes by use in the sample: PREL, the commonest, before the first rarely used one.
  assert.ok(items.indexOf('PREL') < items.indexOf('KNNP'));
  // In the Moscow cable, Russia first.
  assert.equal(ranked(complete(moscow.replace('TAGS PGOV, PHUM, SOCI, RS', 'TAGS: |')))[0], 'RS');
});

test("TAGS codes of the workspace's other cables come after the file's own, before the rest", () => {
  const beijing = readFixture('09BEIJING2964.cable');
  const index = new CableIndex();
  // Another file of the workspace: a Moscow cable (TAGS PGOV, PHUM, SOCI, RS).
  index.setFile('file:///work/08MOSCOW3343.cable', readFixture('08MOSCOW3343.cable'));
  const items = ranked(
    complete(beijing.replace('TAGS: OVIP STEINBERG JAMES PREL MNUC SN CH KN', 'TAGS: |'), '|', index),
  );
  assert.equal(items[0], 'CH');
  assert.deepEqual(items.slice(1, 5).sort(), ['PGOV', 'PHUM', 'RS', 'SOCI']);
});

test('TAGS codes without a meaning are not offered, unless the file already uses them', () => {
  const labels = (text: string) => complete(text).map((i) => String(i.label));
  const offered = labels(WELL_FORMED.replace('TAGS: PREL PHUM PGOV TI', 'TAGS: P|'));
  // Organization codes that no table expands (one of them misspelt in the code list) are left out; NATO is kept.
  for (const bare of ['PETROBRAS', 'PHALANAGE PARTY', 'AAFLI']) assert.ok(!offered.includes(bare), bare);
  assert.ok(offered.includes('NATO') && offered.includes('PHUM'));
  // Used on another TAGS line of the file: offered, so that the file's own codes stay one keystroke away.
  const withUse = `${WELL_FORMED.replace('TAGS: PREL PHUM PGOV TI', 'TAGS: P|')}\n${WELL_FORMED.replace('TAGS: PREL', 'TAGS: PETROBRAS PREL')}`;
  assert.ok(labels(withUse).includes('PETROBRAS'));
});

test('routing indicators with their posts on precedence, DE and address lines', () => {
  const relay = complete(WELL_FORMED.replace('RR RUEHDBU', 'RR RUEH|'));
  assert.equal(relay.find((i) => i.label === 'RUEHDBU')?.detail, 'AMEMBASSY DUSHANBE');
  const info = complete(
    WELL_FORMED.replace('INFO RUEHBUL/AMEMBASSY KABUL 0273', 'INFO RUEHBUL/AMEMBASSY KABUL 0273\nRUEHB|'),
  );
  assert.equal(
    (info.find((i) => i.label === 'RUEHBUL')?.textEdit as { newText: string }).newText,
    'RUEHBUL/AMEMBASSY KABUL',
  );
});

test('portion markings after a paragraph number, E.O. numbers after E.O.', () => {
  assert.ok(
    complete(WELL_FORMED.replace('¶2. (C)', '¶2. (|')).some((i) => i.label === '(S//NF)' || i.label === '(S/NF)'),
  );
  assert.deepEqual(
    complete(WELL_FORMED.replace('E.O. 12958', 'E.O. |'))
      .map((i) => i.label)
      .includes('12958'),
    true,
  );
});

test('captions on an empty line of the caption block', () => {
  const items = complete(WELL_FORMED.replace('SIPDIS\n', 'SIPDIS\n|\n'));
  assert.ok(items.some((i) => i.label === 'NOFORN'));
});

test('a new cable skeleton on an empty document, with matching DTG and Julian date', () => {
  const [item] = complete('|');
  const text = (item.textEdit as { newText: string }).newText;
  assert.match(text, /DE \$\{2:RUEHDBU\} #\$\{3:0001\} 2891223/);
  assert.match(text, /\nR 161223Z OCT 09\n/);
  assert.match(text, /DECL: 10\/16\/2019/);
});
