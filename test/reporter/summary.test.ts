// The reporter of `npm test` (out/reporter.mjs, bundled from summary.ts) run by `node --test` on test files written
// here: spec's lines, then the summary by suite, a suite skipped as a whole counted with its reason.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { projectRoot } from '../support/paths';

const dir = mkdtempSync(join(tmpdir(), 'cable-reporter-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  'lsp/a.test.js': `const { test, describe } = require('node:test');
test('answers', () => {});
test('breaks', () => { throw new Error('boom'); });
test('later', { skip: 'not written yet' }, () => {});
test('much later', { skip: 'not written yet' }, () => {});
describe('hover', () => { test('on a tag', () => {}); test('on a date', () => {}); });`,
  'web/b.test.js': `const { test, describe } = require('node:test');
describe('in Chromium', { skip: 'Chromium is not installed' }, () => { test('one', () => {}); test('two', () => {}); });`,
  'web/c.test.js': `throw new Error('does not load');`,
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}

test('node --test with the reporter: spec lines, then passed, failed and skipped by suite, and why tests were skipped', () => {
  // A test file that runs `node --test` must not pass on the context that makes the inner runner a child.
  const env = { ...process.env, NODE_TEST_CONTEXT: undefined };
  const run = spawnSync(
    process.execPath,
    ['--test', `--test-reporter=${join(projectRoot, 'out', 'reporter.mjs')}`, 'lsp', 'web'],
    { cwd: dir, env, encoding: 'utf8' },
  );
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /✔ answers/);
  assert.doesNotMatch(run.stdout, /ℹ skipped 0/);
  const summary = run.stdout.slice(run.stdout.lastIndexOf('\nSummary\n') + 1);
  assert.equal(
    summary,
    [
      'Summary',
      'suite  passed  failed  skipped',
      'lsp         3       1        2',
      'web         0       1        1',
      'total       3       2        3',
      'skipped in lsp: 2 tests (not written yet)',
      'skipped in web: in Chromium (Chromium is not installed)',
      'failed in lsp: breaks',
      `failed in web: ${join(dir, 'web', 'c.test.js')}`,
      '',
    ].join('\n'),
  );
});
