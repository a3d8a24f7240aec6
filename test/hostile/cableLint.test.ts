// cable-lint against a hostile command line and folder: an output that is an input, absurd --jobs, an empty path, file
// names with newlines, a FIFO, a link to /dev/zero and a 1 GB sparse file. Each run within a time bound (spawnSync's
// timeout) and a memory bound (its peak resident memory, printed at exit by a preloaded script).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readFixture } from '../support/fixtures';
import { cliBundle } from '../support/paths';

const BOUNDS = { ms: 60_000, mb: 600 };
const root = mkdtempSync(join(tmpdir(), 'cable-lint-hostile-'));
const PEAK = join(root, 'peak.js');
writeFileSync(
  PEAK,
  "process.on('exit', () => process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\\n`));\n",
);
after(() => rmSync(root, { recursive: true, force: true }));
const CABLE = readFixture('09DUSHANBE1151.cable');

/** Runs cable-lint in `cwd`, failing the test when it takes longer or grows larger than BOUNDS. */
function lint(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--require', PEAK, cliBundle, '--no-progress', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: BOUNDS.ms,
    env: { ...process.env, CI: '' },
  });
  assert.equal(run.signal, null, `cable-lint ${args.join(' ')}: killed after ${BOUNDS.ms} ms`);
  const peak = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1]) / 1024;
  assert.ok(peak <= BOUNDS.mb, `cable-lint ${args.join(' ')}: peak memory ${peak.toFixed(0)} MB`);
  process.stdout.write(`# cable-lint ${args.join(' ').slice(0, 60)}: peak ${peak.toFixed(0)} MB\n`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.replace(/peak-rss-kb=\d+\n/, '') };
}

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

test('an output that is one of the inputs is refused, however it is spelled; the cable is left whole', () => {
  const dir = folder('victim', { 'victim.cable': CABLE });
  symlinkSync(join(dir, 'victim.cable'), join(dir, 'alias.txt'));
  for (const output of ['victim.cable', './victim.cable', join(dir, 'victim.cable'), 'alias.txt']) {
    const run = lint(['-o', output, 'victim.cable'], dir);
    assert.equal(run.status, 2, output);
    assert.match(run.stderr, /would overwrite one of the files to lint/);
    assert.equal(readFileSync(join(dir, 'victim.cable'), 'utf8'), CABLE);
  }
  const written = lint(['-o', 'report.txt', '.'], dir);
  assert.equal(written.status, 0, written.stderr);
  assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /1 file, 1 cable/);
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.endsWith('.tmp')),
    [],
    'no temporary file left',
  );
});

test('--jobs: absurd numbers refused, large ones capped at a few per core', () => {
  const dir = folder('jobs', Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`c${k}.cable`, CABLE])));
  for (const jobs of ['99999999999999999999', '100000']) {
    const run = lint(['--jobs', jobs, '.'], dir);
    assert.equal(run.status, 2, jobs);
    assert.match(run.stderr, /--jobs/);
  }
  const capped = lint(['--jobs', '1000', '.'], dir);
  assert.equal(capped.status, 0, capped.stderr);
  assert.match(capped.stdout, /40 files, 40 cables/);
});

test('an empty path is refused, not read as the working folder', () => {
  const dir = folder('empty', { 'a.cable': CABLE });
  const run = lint([''], dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /an empty path/);
});

test('a newline in a file name cannot forge a line of the text report', () => {
  const dir = folder('names', {
    'a\nforged.cable:1:1 error x forged.cable': CABLE.replace('TAGS: PREL', 'TAGS: PHUX'),
  });
  const run = lint(['.'], dir);
  assert.ok(
    run.stdout.split('\n').every((line) => !line.startsWith('forged.cable')),
    run.stdout,
  );
  assert.match(run.stdout, /^a\\nforged\.cable:1:1 error x forged\.cable:\d+:\d+ \w+ /m);
});

test('a FIFO, a link to /dev/zero and a 1 GB sparse file in a folder: skipped or refused, never read', () => {
  const dir = folder('hostile', { 'good.cable': CABLE });
  execFileSync('mkfifo', [join(dir, 'pipe.cable')]);
  symlinkSync('/dev/zero', join(dir, 'zero.cable'));
  writeFileSync(join(dir, 'huge.cable'), '');
  truncateSync(join(dir, 'huge.cable'), 2 ** 30);
  const run = lint(['--txt', '.'], dir);
  assert.equal(run.status, 2, 'the 1 GB file is said unreadable');
  assert.match(run.stderr, /cannot read huge\.cable: it is 1024\.0 MB, more than the 64\.0 MB a cable file may have/);
  assert.match(run.stdout, /^1 file, 1 cable/m);
  // Named on the command line: refused at once too.
  for (const name of ['pipe.cable', 'zero.cable']) assert.equal(lint([name], dir).status, 2, name);
  assert.ok(existsSync(join(dir, 'good.cable')));
});
