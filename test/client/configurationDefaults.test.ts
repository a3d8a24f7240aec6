// The editor settings the extension sets for the language `cable` (package.json configurationDefaults): each one
// justified in the README's table, with the value it really has.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../support/paths';

const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
const defaults: Record<string, unknown> = manifest.contributes.configurationDefaults['[cable]'];

/** The README's rows `| \`setting\` | \`value\` | why |` of the table headed "setting for `[cable]`". */
function readmeRows(): Map<string, { value: string; why: string }> {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8').split('\n');
  const header = readme.findIndex((line) => line.startsWith('| setting for `[cable]`'));
  assert.ok(header >= 0, 'README.md has no table "setting for `[cable]`"');
  const rows = new Map<string, { value: string; why: string }>();
  for (const line of readme.slice(header + 2)) {
    const cells = /^\| `([^`]+)` \| `([^`]+)` \| (.+) \|$/.exec(line);
    if (!cells) break;
    rows.set(cells[1], { value: cells[2], why: cells[3] });
  }
  return rows;
}

test('the cable language turns on word wrap, off the ambiguous and invisible character boxes, on encoding guessing', () => {
  assert.equal(defaults['editor.wordWrap'], 'on');
  assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
  assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], false);
  assert.equal(defaults['files.autoGuessEncoding'], true);
});

test("every default of the cable language is a row of the README's table, with its value and a reason", () => {
  const rows = readmeRows();
  assert.deepEqual([...rows.keys()], Object.keys(defaults));
  for (const [setting, value] of Object.entries(defaults)) {
    const row = rows.get(setting)!;
    assert.equal(row.value, String(value), setting);
    assert.ok(row.why.length > 20, `${setting}: the README says why in a few words`);
  }
});
