// Parts of the command-line linter tested in-process: glob patterns and folder walks, options, batches, the progress bar.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { collectFiles } from '../../server/src/cli/files';
import { parseOptions, parseRuleSettings, UsageError } from '../../server/src/cli/options';
import { batchSize } from '../../server/src/cli/pool';
import { ProgressBar, progressWanted } from '../../server/src/cli/progress';
import { sarifArtifactLocation } from '../../server/src/cli/formats';

/** ANSI "erase to end of line", escaped for a regular expression. */
const ERASE_LINE = String.raw`\x1b\[K`;

/** A temporary folder holding `files` (relative paths; `link:target` makes a symbolic link). */
function tree(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cable-lint-parts-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of files) {
    const [path, target] = file.split(' -> ');
    mkdirSync(join(dir, path, '..'), { recursive: true });
    if (target) symlinkSync(target, join(dir, path));
    else writeFileSync(join(dir, path), 'text\n');
  }
  return dir;
}

test('glob patterns: * and ? stay within a folder, ** spans folders, other characters are literal', async () => {
  const dir = tree([
    'a.cable',
    '.cable',
    '09KABUL4182.cable',
    'ab.cable',
    'a.tel',
    'a.cablex',
    'a+b(1).cable',
    'aab(1).cable',
    'a+b1.cable',
    'x/a',
    'x/y/z.txt',
    'x/y/a.tel',
    'x/1/2/y/a.tel',
    'x/y/z/a.tel',
  ]);
  const collect = (...inputs: string[]) => collectFiles(inputs, { txt: false, cwd: dir });
  const cases: Array<[string, string[]]> = [
    ['*.cable', ['.cable', '09KABUL4182.cable', 'a+b(1).cable', 'a+b1.cable', 'a.cable', 'aab(1).cable', 'ab.cable']],
    ['?.cable', ['a.cable']],
    ['**/*.tel', ['a.tel', 'x/1/2/y/a.tel', 'x/y/a.tel', 'x/y/z/a.tel']],
    // Files that match whatever their names; folders that match searched for cable files.
    ['x/**', ['x/1/2/y/a.tel', 'x/a', 'x/y/a.tel', 'x/y/z/a.tel']],
    ['x/**/y/*.tel', ['x/1/2/y/a.tel', 'x/y/a.tel']],
    ['a+b(?).cable', ['a+b(1).cable']],
    ['*(1).cable', ['a+b(1).cable', 'aab(1).cable']],
    ['{a,ab}.cable', ['a.cable', 'ab.cable']],
    [join(dir, 'x', '*', 'a.tel'), ['x/y/a.tel']],
  ];
  for (const [pattern, expected] of cases) {
    const { files, problems } = await collect(pattern);
    assert.deepEqual(
      files.map((file) => file.display),
      expected,
      pattern,
    );
    assert.deepEqual(problems, [], pattern);
  }
  assert.deepEqual((await collect('corpus/2009/**/*.cable', '*.txt')).problems, [
    'no files match corpus/2009/**/*.cable (no folder corpus/2009).',
    'no files match *.txt.',
  ]);
});

test('folder walks: links to files inside the folder followed, links out of it and to folders not; unreadable folders reported', async () => {
  const dir = tree([
    'real/r.cable',
    'real/sub/s.cable',
    'links/store/t.data',
    'links/file.cable -> store/t.data',
    'links/out.cable -> ../real/r.cable',
    'links/zero.cable -> /dev/zero',
    'links/folder -> ../real',
    'links/loop -> ..',
  ]);
  const { files, problems } = await collectFiles(['links', 'links/*'], { txt: false, cwd: dir });
  assert.deepEqual(
    files.map((file) => file.display),
    ['links/file.cable'],
  );
  assert.deepEqual(problems, []);
  if (process.getuid?.() === 0) return; // root reads any folder
  const locked = join(dir, 'real', 'sub');
  chmodSync(locked, 0o000);
  const unreadable = await collectFiles(['real'], { txt: false, cwd: dir });
  chmodSync(locked, 0o755);
  assert.deepEqual(
    unreadable.files.map((file) => file.display),
    ['real/r.cable'],
  );
  assert.match(unreadable.problems.join('\n'), /^cannot read folder .*sub: EACCES/);
});

test('options: defaults, repeatable and comma-separated --rule, usage errors', () => {
  const options = parseOptions(['a.cable']);
  assert.equal(options.format, 'text');
  assert.ok(options.jobs >= 1);
  assert.equal(options.progress, true);
  assert.equal(options.maxWarnings, undefined);
  assert.deepEqual(options.rules, {});
  const full = parseOptions([
    '-f',
    'sarif',
    '-o',
    'out.sarif',
    '--max-warnings',
    '0',
    '-j',
    '3',
    '-q',
    '--no-progress',
    '--txt',
    '--rule',
    'unknown-tag=off,header-order=ERROR',
    '--rule',
    'julian-time=hint',
    '--tables',
    'ours.tsv',
    '--tables',
    'more.json',
    'x',
    'y',
  ]);
  assert.deepEqual(
    { ...full, rules: { ...full.rules } },
    {
      inputs: ['x', 'y'],
      format: 'sarif',
      output: 'out.sarif',
      maxWarnings: 0,
      jobs: 3,
      quiet: true,
      progress: false,
      txt: true,
      help: false,
      version: false,
      rules: { 'unknown-tag': 'off', 'header-order': 'error', 'julian-time': 'hint' },
      tables: ['ours.tsv', 'more.json'],
    },
  );
  assert.equal(parseOptions(['--help']).help, true);
  for (const bad of [
    [],
    ['--format', 'html', 'x'],
    ['--jobs', '-1', 'x'],
    ['--jobs', '1.5', 'x'],
    ['--unknown', 'x'],
    ['--output', '', 'x'],
    ['--max-warnings', 'x'],
  ]) {
    assert.throws(() => parseOptions(bad), UsageError, bad.join(' '));
  }
  assert.throws(() => parseRuleSettings(['tag=off']), /unknown rule "tag" in --rule: did you mean unknown-tag/);
  assert.throws(() => parseRuleSettings(['unknown-tag']), /expects <code>=<level>/);
});

test('batches: small runs spread over every worker, large runs 32 files a batch', () => {
  assert.equal(batchSize(2, 2), 1);
  assert.equal(batchSize(100, 2), 4);
  assert.equal(batchSize(250_000, 2), 32);
});

test('SARIF artifact locations: relative to %SRCROOT%, percent-encoded; absolute paths as file URIs', () => {
  assert.deepEqual(sarifArtifactLocation('2009/09 KABUL#4182.cable'), {
    uri: '2009/09%20KABUL%234182.cable',
    uriBaseId: '%SRCROOT%',
  });
  assert.deepEqual(sarifArtifactLocation('/data/a b.cable'), { uri: 'file:///data/a%20b.cable' });
});

test('the progress bar: only on a terminal, never in CI; files, MB/s; erased on request', () => {
  const terminal = {
    isTTY: true,
    columns: 100,
    written: '',
    write(text: string) {
      this.written += text;
    },
  };
  assert.equal(progressWanted(terminal, true, {}), true);
  assert.equal(progressWanted(terminal, false, {}), false);
  assert.equal(progressWanted(terminal, true, { CI: 'true' }), false);
  assert.equal(progressWanted(terminal, true, { TERM: 'dumb' }), false);
  assert.equal(progressWanted({ isTTY: false, write: () => true }, true, {}), false);
  const bar = new ProgressBar(terminal, 4);
  bar.advance(1024 * 1024);
  assert.match(
    terminal.written,
    new RegExp(String.raw`^\r\[#{5,}-+\] 1/4 files {2}1\.0 MB {2}[\d.]+ MB/s {2}.+ left${ERASE_LINE}$`),
  );
  for (let i = 0; i < 3; i++) bar.advance(0);
  assert.match(terminal.written, new RegExp(String.raw`4/4 files .* done${ERASE_LINE}$`));
  terminal.written = '';
  bar.clear();
  assert.equal(terminal.written, '\r\x1b[K');
  assert.ok(bar.line().length < 100);
});
