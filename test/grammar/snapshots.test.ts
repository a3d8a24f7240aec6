// Every fixture cable tokenized with the TextMate grammar, compared with its reviewed scope snapshot.
// UPDATE_GOLDEN=1 rewrites the snapshots; review the diff for prose coloured as header before committing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesDir, projectRoot } from '../support/paths';
import { formatScopes } from './snapshot';
import { readFixture } from '../support/fixtures';
import { tokenize } from './tokenize';

const snapshotsDir = join(projectRoot, 'test', 'grammar', 'snapshots');
const update = process.env.UPDATE_GOLDEN === '1';
const ids = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.cable'))
  .map((name) => name.slice(0, -'.cable'.length))
  .sort();

for (const id of ids) {
  test(`${id}: scopes match the reviewed snapshot`, async () => {
    const actual = formatScopes(await tokenize(readFixture(`${id}.cable`)));
    const path = join(snapshotsDir, `${id}.scopes.txt`);
    if (update) {
      mkdirSync(snapshotsDir, { recursive: true });
      writeFileSync(path, actual);
      return;
    }
    assert.ok(existsSync(path), `no snapshot ${path}; create it with UPDATE_GOLDEN=1 and review it`);
    assert.equal(actual, readFileSync(path, 'utf8'));
  });
}

test('every snapshot belongs to a fixture', () => {
  const orphans = readdirSync(snapshotsDir).filter((name) => !ids.includes(name.replace(/\.scopes\.txt$/, '')));
  assert.deepEqual(orphans, []);
});
