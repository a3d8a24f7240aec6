// One passing and one failing example per diagnostic rule (the examples of its file): a well-formed cable, and the
// same cable with one defect that the rule must catch, on the token that is wrong; and the manifest, generated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { RULES } from '../../server/src/features/diagnostics/rules';
import { CableModel } from '../../server/src/syntax/model';
import { DEFECTS, EXAMPLE_OPTIONS, WELL_FORMED } from '../support/defects';
import { projectRoot } from '../support/paths';
import { documentContext } from '../support/context';
import { manifestWithRules } from '../../scripts/manifest';

test('the well-formed cable has no diagnostics at all, every rule on and its metadata given', () => {
  assert.deepEqual(documentDiagnostics(documentContext(CableModel.parse(WELL_FORMED), EXAMPLE_OPTIONS)), []);
});

test('rule codes are unique', () => {
  assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
});

for (const rule of RULES) {
  test(`${rule.code}: every example of its file, bad reported on the flagged text, good not`, () => {
    for (const { good, bad, flagged } of rule.examples) {
      assert.ok(WELL_FORMED.includes(good), `example text "${good}" not in the example cable`);
      const reported = (text: string) => {
        const model = CableModel.parse(text);
        return documentDiagnostics(documentContext(model, EXAMPLE_OPTIONS))
          .filter((d) => d.code === rule.code)
          .map(({ range: { start, end } }) => model.lineText(start.line).slice(start.character, end.character));
      };
      assert.deepEqual(reported(WELL_FORMED), []);
      assert.deepEqual(reported(WELL_FORMED.replace(good, bad)), [flagged]);
    }
  });
}

for (const [code, find, replace, covered] of DEFECTS) {
  test(`${code} catches its defect on the offending token`, () => {
    assert.ok(WELL_FORMED.includes(find), `example text "${find}" not in the cable`);
    const text = WELL_FORMED.replace(find, replace);
    const model = CableModel.parse(text);
    const found = documentDiagnostics(documentContext(model, EXAMPLE_OPTIONS)).filter((d) => d.code === code);
    assert.equal(
      found.length,
      1,
      `${code}: ${JSON.stringify(documentDiagnostics(documentContext(model, EXAMPLE_OPTIONS)).map((d) => [d.code, d.message]))}`,
    );
    const { start, end } = found[0].range;
    assert.equal(model.lineText(start.line).slice(start.character, end.character), covered, found[0].message as string);
    assert.match(found[0].message as string, /: |expected|missing|not|disagree|belongs|repeats|follows|after/);
  });
}

test('paragraph-numbering: a cable that opens with SECTION 02 continues the numbering of the section before', () => {
  const numbers = (text: string) =>
    documentDiagnostics(documentContext(CableModel.parse(text)))
      .filter((d) => d.code === 'paragraph-numbering')
      .map((d) => d.message);
  const second = WELL_FORMED.replace('SECTION 01 OF 02', 'SECTION 02 OF 02')
    .replace('¶1.', '¶10.')
    .replace('¶2.', '¶11.');
  assert.deepEqual(numbers(second.replace('¶3.', '¶12.')), []);
  assert.deepEqual(numbers(second.replace('¶3.', '¶13.')), [
    'Paragraph 13 follows paragraph 11: paragraph 12 is missing (removed or redacted?).',
  ]);
  // Without paragraph signs: 11. 12. 13. continue section 1; they are not ¶1 ¶2 ¶3 with a sign garbled into a 1.
  const bare = WELL_FORMED.replace('SECTION 01 OF 02', 'SECTION 02 OF 02')
    .replace('¶1.', '11.')
    .replace('¶2.', '12.')
    .replace('¶3.', '13.');
  const model = CableModel.parse(bare);
  assert.deepEqual(
    model.cables[0].paragraphs.map((p) => [p.number, p.marker]),
    [
      [11, 'bare'],
      [12, 'bare'],
      [13, 'bare'],
    ],
  );
  assert.deepEqual(
    documentDiagnostics(documentContext(model)).filter(
      (d) => d.code === 'garbled-pilcrow' || d.code === 'paragraph-numbering',
    ),
    [],
  );
  assert.deepEqual(numbers(WELL_FORMED.replace('¶2.', '¶0.').replace('¶3.', '¶2.')), [
    'Paragraph 0 after paragraph 1: expected 2.',
    'Paragraph 2 follows paragraph 0: paragraph 1 is missing (removed or redacted?).',
  ]);
  assert.deepEqual(numbers(WELL_FORMED.replace('¶1.', '¶0.').replace('¶2.', '¶1.').replace('¶3.', '¶2.')), [
    'The first paragraph is numbered 0: expected 1.',
  ]);
  assert.deepEqual(numbers(WELL_FORMED.replace('¶1.', '¶10.').replace('¶2.', '¶11.').replace('¶3.', '¶12.')), [
    'The first paragraph is numbered 10: paragraphs 1 to 9 are missing (removed or redacted?).',
  ]);
});

test('cable.diagnostics.rules turns a rule off or changes its severity', () => {
  const model = CableModel.parse(WELL_FORMED.replace('PHUM', 'PHUX'));
  assert.equal(documentDiagnostics(documentContext(model, { rules: { 'unknown-tag': 'off' } })).length, 0);
  assert.equal(documentDiagnostics(documentContext(model, { rules: { 'unknown-tag': 'hint' } }))[0].severity, 4);
});

test('the manifest offers a setting for every rule, with its default severity', () => {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const settings = manifest.contributes.configuration.properties['cable.diagnostics.rules'].properties;
  assert.deepEqual(Object.keys(settings).sort(), RULES.map((r) => r.code).sort());
  for (const rule of RULES)
    assert.ok(
      settings[rule.code].description.endsWith(`(default: ${rule.offByDefault ? 'off' : rule.severity})`),
      rule.code,
    );
});

test('package.json is up to date with the rule files', () => {
  const text = readFileSync(join(projectRoot, 'package.json'), 'utf8');
  assert.ok(
    manifestWithRules(text, RULES) === text,
    'package.json is out of date with the rules (server/src/features/diagnostics/rules/): run npm run generate',
  );
});

test("README's example of a rule file is the rule file", () => {
  const file = readFileSync(join(projectRoot, 'server/src/features/diagnostics/rules/garbled-pilcrow.ts'), 'utf8');
  assert.ok(readFileSync(join(projectRoot, 'README.md'), 'utf8').includes('```ts\n' + file + '```'));
});
