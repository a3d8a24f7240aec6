// cable-facts (dist/cable-facts.js, built by `node esbuild.mjs`): JSON Lines and CSV, one record per cable, in file
// order on worker threads, and cable-lint's exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesDir, projectRoot } from '../support/paths';

const bundle = join(projectRoot, 'dist', 'cable-facts.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [bundle, '--no-progress', ...args], { encoding: 'utf8', cwd: projectRoot });
}

test('JSON Lines: one object per cable with its file, in file order, the same with one thread and with two', () => {
  const files = ['09DUSHANBE1151.cable', '07BERN881.cable', '04RANGOON88.cable'].map((f) => join(fixturesDir, f));
  const two = run('-j', '2', ...files);
  assert.equal(two.status, 0, two.stderr);
  const records = two.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const dushanbe = records.find((r) => r.referenceId === '09DUSHANBE1151');
  assert.equal(dushanbe.dateTime, '2009-10-16T12:23Z');
  assert.equal(dushanbe.signers[0], 'GROSS');
  assert.deepEqual(
    records.map((r) => r.file.replace(/^.*\//, '')),
    ['04RANGOON88.cable', '07BERN881.cable', '07BERN881.cable', '09DUSHANBE1151.cable'],
  );
  assert.equal(run('-j', '1', ...files).stdout, two.stdout);
});

test('a lone undated cable takes its year from its file name, as in the editor; under another name it has none', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-facts-'));
  try {
    const text = readFileSync(join(fixturesDir, '02BRASILIA4227.cable'));
    writeFileSync(join(dir, '02BRASILIA4227.cable'), text);
    writeFileSync(join(dir, 'copy.cable'), text);
    const result = run(dir);
    assert.equal(result.status, 0, result.stderr);
    const ids = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((r) => [r.file.replace(/^.*[\\/]/, ''), r.referenceId]);
    assert.deepEqual(ids, [
      ['02BRASILIA4227.cable', '02BRASILIA4227'],
      ['copy.cable', 'BRASILIA4227'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CSV: a header, then one row per cable, list fields joined', () => {
  const result = run('--format', 'csv', join(fixturesDir, '09DUSHANBE1151.cable'));
  assert.equal(result.status, 0, result.stderr);
  const [header, row] = result.stdout.split('\n');
  assert.ok(header.startsWith('file,referenceId,dateTime,origin,'));
  assert.match(
    row,
    /,09DUSHANBE1151,2009-10-16T12:23Z,DUSHANBE,AMEMBASSY DUSHANBE,ROUTINE,CONFIDENTIAL,SIPDIS,PREL \| PHUM \| PGOV \| TI,/,
  );
});

test('exit code 2 for a usage error and for input that is not there', () => {
  assert.equal(run('--format', 'xml', fixturesDir).status, 2);
  assert.equal(run(join(fixturesDir, 'no-such.cable')).status, 2);
});

test('the inputs and the output refused as cable-lint refuses them: an empty path, an empty --output, none', () => {
  // An unset shell variable would otherwise read the working folder, or write to standard output.
  for (const [args, said] of [
    [[''], 'an empty path names no file, folder or glob.'],
    [['-o', '', fixturesDir], '--output expects a file name.'],
    [[], 'no files, folders or globs to read.'],
  ] as const) {
    const result = run(...args);
    assert.equal(result.status, 2, args.join(' '));
    assert.equal(result.stderr, `cable-facts: ${said}\nRun 'cable-facts --help' for usage.\n`);
  }
});

test("cable-lint's guards: --jobs checked and capped the same way, an output that is an input refused and left whole", () => {
  const cable = join(fixturesDir, '09DUSHANBE1151.cable');
  const absurd = run('--jobs', '99999999999999999999', cable);
  assert.equal(absurd.status, 2);
  assert.match(absurd.stderr, /--jobs 99999999999999999999 is more threads than any machine runs well/);
  assert.equal(run('--jobs', '1000', cable).status, 0);
  const before = readFileSync(cable, 'utf8');
  const overwrite = run('-o', cable, cable);
  assert.equal(overwrite.status, 2);
  assert.match(overwrite.stderr, /would overwrite one of the files to read/);
  assert.equal(readFileSync(cable, 'utf8'), before);
});

test('an output that cannot be written in the end (a folder): said, exit 2, no temporary file left beside it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-facts-'));
  try {
    const output = join(dir, 'facts');
    mkdirSync(output);
    const result = run('-o', output, join(fixturesDir, '09DUSHANBE1151.cable'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^cable-facts: cannot write to .*facts: /);
    assert.deepEqual(readdirSync(dir), ['facts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
