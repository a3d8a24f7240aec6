// Quick fixes: applying the fix removes the problem; fix-all applies every certain fix of the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { codeActions, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { CableReader } from '../../server/src/facts/facts';
import { CableModel } from '../../server/src/syntax/model';
import { RULES } from '../../server/src/features/diagnostics/rules';
import { DEFECTS, WELL_FORMED } from '../support/defects';
import { readFixture } from '../support/fixtures';
import { documentContext } from '../support/context';

const URI = 'file:///x.cable';

function apply(text: string, edits: TextEdit[]): string {
  const model = CableModel.parse(text);
  const sorted = [...edits].sort(
    (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
  );
  for (const edit of sorted) model.applyChange({ range: edit.range, text: edit.newText });
  return model.getText();
}

function quickFixes(text: string, code: string): CodeAction[] {
  const reader = new CableReader(CableModel.parse(text));
  const diagnostic = documentDiagnostics(documentContext(reader.model)).find((d) => d.code === code)!;
  assert.ok(diagnostic, `no ${code} diagnostic`);
  return codeActions(documentContext(reader, { uri: URI }), diagnostic.range, undefined).filter(
    (a) => a.diagnostics?.[0]?.code === code && !a.title.startsWith('Fix all'),
  );
}

/** rule code, title of the fix to apply, and whether it restores the well-formed cable exactly. */
const FIXES: Array<[string, RegExp, boolean]> = [
  ['garbled-pilcrow', /^Change "13\." to "¶3\."$/, true],
  ['paragraph-numbering', /^Renumber paragraphs from ¶3$/, true],
  ['security-classification-mismatch', /^Change the security line to ZNY CCCCC ZZH$/, true],
  ['classification-form', /^Write the classification as C O N F I D E N T I A L$/, true],
  ['unknown-tag', /^Change to PHUM$/, true],
  ['julian-day-mismatch', /^Change the Julian day to 289/, true],
  ['serial-mismatch', /^Change the DE serial to #1151$/, true],
  ['false-paragraph-sign', /^Remove the false paragraph sign$/, false],
];

for (const [code, title, restores] of FIXES) {
  test(`${code}: "${title.source}" fixes the defect`, () => {
    const [, find, replace] = DEFECTS.find(([c]) => c === code)!;
    const broken = WELL_FORMED.replace(find, replace);
    const fix = quickFixes(broken, code).find((a) => title.test(a.title));
    assert.ok(
      fix,
      quickFixes(broken, code)
        .map((a) => a.title)
        .join(' | '),
    );
    const fixed = apply(broken, fix.edit!.changes![URI]);
    if (restores) assert.equal(fixed, WELL_FORMED);
    assert.deepEqual(
      documentDiagnostics(documentContext(CableModel.parse(fixed))).filter((d) => d.code === code),
      [],
    );
  });
}

test('julian-day-mismatch rewrites the side that the DECL date does not witness, and no date without a witness', () => {
  const late = WELL_FORMED.replace('2891223', '2901223');
  assert.deepEqual(
    quickFixes(late, 'julian-day-mismatch').map((a) => a.title),
    ["Change the Julian day to 289 (the DTG's day)"],
  );
  const declOnJulianDay = late.replace('DECL: 10/16/2019', 'DECL: 10/17/2019');
  assert.deepEqual(
    quickFixes(declOnJulianDay, 'julian-day-mismatch').map((a) => a.title),
    ["Change the DTG to 171223Z OCT 09 (the Julian day's date)"],
  );
  assert.deepEqual(quickFixes(late.replace('DECL: 10/16/2019', 'DECL: 01/01/2019'), 'julian-day-mismatch'), []);
});

test('julian-day-mismatch: a transmission just after midnight, within the hour, is no mismatch (09STATE83026)', () => {
  const afterMidnight = WELL_FORMED.replace('2891223', '2900014').replace('161223Z', '162356Z');
  const reader = new CableReader(CableModel.parse(afterMidnight));
  const codes = documentDiagnostics(documentContext(reader.model)).map((d) => d.code);
  assert.ok(!codes.includes('julian-day-mismatch') && !codes.includes('julian-time-mismatch'), codes.join(' '));
});

test('the security fix also offers the reverse: the classification line to match the letters', () => {
  const broken = WELL_FORMED.replace('ZNY CCCCC ZZH', 'ZNY SSSSS ZZH');
  const titles = quickFixes(broken, 'security-classification-mismatch').map((a) => a.title);
  assert.deepEqual(titles, [
    'Change the security line to ZNY CCCCC ZZH',
    'Change the classification line to S E C R E T',
  ]);
});

test('fix all: the three garbled paragraph signs of the seed, as a quick fix and as a source action', () => {
  const text = readFixture('09DUSHANBE1151.cable');
  const reader = new CableReader(CableModel.parse(text));
  const first = documentDiagnostics(documentContext(reader.model)).find((d) => d.code === 'garbled-pilcrow')!;
  const all = codeActions(documentContext(reader, { uri: URI }), first.range, undefined).find((a) =>
    a.title.startsWith('Fix all garbled-pilcrow'),
  )!;
  assert.equal(all.diagnostics?.length, 3);
  const source = codeActions(documentContext(reader, { uri: URI }), first.range, [FIX_ALL_KIND]);
  assert.equal(source.length, 1);
  const fixed = apply(text, source[0].edit!.changes![URI]);
  assert.match(fixed, /\n¶5\. \(C\) Ambassador offered/);
  assert.deepEqual(
    documentDiagnostics(documentContext(CableModel.parse(fixed))).filter(
      (d) => d.code === 'garbled-pilcrow' || d.code === 'paragraph-numbering',
    ),
    [],
  );
});

test('header-keyword: every example is restored by its fix (a damaged precedence from the DTG line)', () => {
  const rule = RULES.find((r) => r.code === 'header-keyword')!;
  for (const { good, bad } of rule.examples) {
    const broken = WELL_FORMED.replace(good, bad);
    const fixes = quickFixes(broken, 'header-keyword');
    assert.equal(fixes.length, 1, `${bad}: ${fixes.map((a) => a.title).join(' | ')}`);
    assert.equal(apply(broken, fixes[0].edit!.changes![URI]), WELL_FORMED, bad);
  }
});
