// The built command-line linter (dist/cable-lint.js, as `npm test` builds it) run as a child process on
// the fixtures and on temporary folders: same diagnostics as the editor, the three report formats, exit
// codes, files / folders / globs, rule settings, worker counts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Diagnostic } from 'vscode-languageserver-types';
import { documentDiagnostics, RuleSettings } from '../../server/src/features/diagnostics/diagnostics';
import { RULES } from '../../server/src/features/diagnostics/rules';
import { CableModel } from '../../server/src/syntax/model';
import { fixtureNames, readFixture } from '../support/fixtures';
import { cliBundle, fixturesDir, projectRoot } from '../support/paths';
import { assertSample, readmeSamples } from '../support/readme';
import { documentContext } from '../support/context';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function lint(args: string[], cwd = fixturesDir): Run {
  const run = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The editor's diagnostics of a fixture. */
function editorDiagnostics(name: string, settings: RuleSettings = {}): Diagnostic[] {
  return documentDiagnostics(documentContext(CableModel.parse(readFixture(name)), { rules: settings }));
}

const names = fixtureNames();
const temp = mkdtempSync(join(tmpdir(), 'cable-lint-test-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A folder under the temp folder holding `files` (name -> text or bytes). */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(temp, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const CLEAN = readFileSync(join(fixturesDir, '06ANKARA4688.cable')); // no diagnostics
const WARNING = readFileSync(join(fixturesDir, '05PARIS7360.cable')); // one paragraph-numbering warning
const ERROR = Buffer.from(CLEAN.toString('utf8').replace(/^VZCZCXYZ0015/, 'VZCZCXYZ0015 EXTRA')); // transmission-shape error

test('the fixtures: text report = the editor diagnostics, path:line:col severity code message, then the summary', () => {
  // The top folder only: test/fixtures/audit holds the audit's cables (test/audit).
  const run = lint(['*.cable']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '', 'nothing on standard error (no progress bar off a terminal)');
  const expected: string[] = [];
  const counts = [0, 0, 0, 0];
  let cables = 0;
  for (const name of names) {
    cables += CableModel.parse(readFixture(name)).cables.length;
    for (const d of editorDiagnostics(name)) {
      counts[d.severity! - 1]++;
      expected.push(
        `${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity!]} ${d.code} ${d.message}`,
      );
    }
  }
  assert.ok(expected.length > 50, 'the fixtures have diagnostics to compare');
  const [report, summary] = run.stdout.split('\n\n');
  assert.deepEqual(report.split('\n'), expected);
  const total = counts.reduce((a, b) => a + b, 0);
  assert.match(
    summary,
    new RegExp(
      `^${names.length} files, ${cables} cables: ${total} problems \\(${counts[0]} errors, ${counts[1]} warnings, ${counts[2]} information, ${counts[3]} hints\\)\n`,
    ),
  );
  assert.match(summary, /\nby rule: [a-z-]+ \d+/);
});

test('the fixtures: JSON report = the editor diagnostics, 1-based positions, end column exclusive', () => {
  const run = lint(['--format', 'json', '*.cable']);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as Array<{ file: string; diagnostics: Array<Record<string, unknown>> }>;
  assert.deepEqual(
    report.map((entry) => entry.file),
    names,
  );
  for (const entry of report) {
    const expected = editorDiagnostics(entry.file).map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: SEVERITY[d.severity!],
      code: d.code,
      message: d.message,
    }));
    assert.deepEqual(entry.diagnostics, expected, entry.file);
  }
});

test('the fixtures: SARIF 2.1.0 with the required structure and 1-based regions on the right text', () => {
  const run = lint(['--format', 'sarif', '*.cable']);
  assert.equal(run.status, 0, run.stderr);
  const log = JSON.parse(run.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  const { driver } = sarifRun.tool;
  assert.equal(driver.name, 'cable-lint');
  assert.equal(driver.version, JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version);
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(
    driver.rules.map((rule: { id: string }) => rule.id),
    RULES.map((rule) => rule.code),
  );
  for (const rule of driver.rules) {
    assert.ok(rule.shortDescription.text.length > 10, rule.id);
    // GitHub code scanning also wants a full description and help for every rule.
    assert.ok(rule.fullDescription.text.startsWith(rule.shortDescription.text), rule.id);
    assert.match(rule.help.text, new RegExp(`--rule ${rule.id}=`));
    assert.ok(rule.name === undefined || rule.name.toLowerCase() !== rule.id, `${rule.id}: a name differs from the id`);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
  }
  assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(fixturesDir + '/').href);
  const expected = names.flatMap((name) => editorDiagnostics(name).map((d) => ({ name, d })));
  assert.equal(sarifRun.results.length, expected.length);
  sarifRun.results.forEach((result: any, i: number) => {
    const { name, d } = expected[i];
    assert.equal(result.ruleId, d.code);
    assert.equal(driver.rules[result.ruleIndex].id, d.code);
    assert.equal(result.level, { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' }[d.severity!]);
    assert.equal(result.message.text, d.message);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.deepEqual(artifactLocation, { uri: name, uriBaseId: '%SRCROOT%' });
    assert.deepEqual(region, {
      startLine: d.range.start.line + 1,
      startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    });
    const line = readFixture(name).split(/\r\n|\r|\n/)[region.startLine - 1];
    assert.equal(
      line.slice(region.startColumn - 1, region.endColumn - 1),
      line.slice(d.range.start.character, d.range.end.character),
    );
    assert.ok(region.endColumn > region.startColumn, `${name}: a region covers text`);
  });
  assert.equal(sarifRun.invocations[0].executionSuccessful, true);
});

test('exit codes: 0 clean or warnings only, 1 errors, 2 usage errors', () => {
  const dir = folder('exit', { 'clean.cable': CLEAN, 'warning.cable': WARNING, 'error/error.cable': ERROR });
  assert.equal(lint(['clean.cable', 'warning.cable'], dir).status, 0);
  const failing = lint(['.'], dir);
  assert.equal(failing.status, 1);
  assert.match(failing.stdout, /^error\/error\.cable:1:14 error transmission-shape /m);
  assert.match(failing.stdout, /^warning\.cable:190:1 warning paragraph-numbering /m);
  for (const args of [
    ['--fromat', 'json', '.'],
    ['--format', 'xml', '.'],
    ['--jobs', '0', '.'],
    ['--max-warnings', 'many', '.'],
    ['--rule', 'no-such-rule=off', '.'],
    ['--rule', 'unknown-tag=loud', '.'],
    [],
  ]) {
    const run = lint(args, dir);
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^cable-lint: .+\nRun 'cable-lint --help' for usage\.\n$/, args.join(' '));
  }
});

test('--rule: off silences a rule, a level changes its severity (as cable.diagnostics.rules does)', () => {
  const dir = folder('rules', { 'warning.cable': WARNING, 'error.cable': ERROR });
  const off = lint(['--rule', 'transmission-shape=off', '.'], dir);
  assert.equal(off.status, 0);
  assert.doesNotMatch(off.stdout, /transmission-shape/);
  const raised = lint(
    ['--rule', 'transmission-shape=off,paragraph-numbering=error', '--format', 'json', 'warning.cable'],
    dir,
  );
  assert.equal(raised.status, 1);
  const [entry] = JSON.parse(raised.stdout);
  const expected = editorDiagnostics('05PARIS7360.cable', { 'paragraph-numbering': 'error' });
  assert.deepEqual(
    entry.diagnostics.map((d: { severity: string; code: string }) => `${d.severity} ${d.code}`),
    expected.map((d) => `error ${d.code}`),
  );
  const lowered = lint(['--rule', 'transmission-shape=hint', '--rule', 'paragraph-numbering=information', '.'], dir);
  assert.equal(lowered.status, 0);
  assert.match(lowered.stdout, /error\.cable:1:14 hint transmission-shape/);
  assert.match(lowered.stdout, /warning\.cable:190:1 information paragraph-numbering/);
});

test("--tables: the user's own codes are known, as with cable.tables.extra; a bad entry is said, an unreadable file is a usage error", () => {
  const withOwnTag = readFixture('09DUSHANBE1151.cable').replace('[PREL](#) [PHUM](#)', '[PREL](#) [KXYZ](#)');
  const dir = folder('tables', {
    'own.cable': withOwnTag,
    'copy.cable': withOwnTag,
    'ours.tsv': 'code\tmeaning\nKXYZ\tOur program\nk y\tnot a code\n',
  });
  assert.match(lint(['own.cable'], dir).stdout, /unknown-tag Unknown TAGS code "KXYZ"/);
  for (const jobs of ['1', '2']) {
    const run = lint(['--jobs', jobs, '--tables', 'ours.tsv', 'own.cable', 'copy.cable'], dir);
    assert.doesNotMatch(run.stdout, /unknown-tag/);
    assert.equal(
      run.stderr,
      'cable-lint: code table ours.tsv:3: "k y" is not a TAGS code: expected a letter and letters or digits, no spaces (KXYZ).\n',
    );
  }
  const missing = lint(['--tables', 'gone.tsv', 'own.cable'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read the code table gone\.tsv: no such file/);
  const toFile = lint(['--tables', 'gone.tsv', '--output', 'report.txt', 'own.cable'], dir);
  assert.equal(toFile.status, 2);
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.startsWith('report')),
    [],
    'no report, and no temporary file beside it',
  );
});

test('--max-warnings and --quiet', () => {
  const dir = folder('warnings', { 'a.cable': WARNING, 'b.cable': WARNING, 'c.cable': ERROR });
  assert.equal(lint(['--max-warnings', '2', 'a.cable', 'b.cable'], dir).status, 0);
  const over = lint(['--max-warnings', '1', 'a.cable', 'b.cable'], dir);
  assert.equal(over.status, 1);
  assert.match(over.stdout, /too many warnings: 2, at most 1 allowed/);
  const overJson = lint(['--max-warnings', '0', '--format', 'json', 'a.cable'], dir);
  assert.equal(overJson.status, 1);
  assert.match(overJson.stderr, /too many warnings: 1, at most 0 allowed/);
  const quiet = lint(['--quiet', '.'], dir);
  assert.equal(quiet.status, 1);
  assert.deepEqual(
    quiet.stdout
      .split('\n\n')[0]
      .split('\n')
      .map((line) => line.split(' ').slice(1, 3).join(' ')),
    ['error transmission-shape'],
  );
  assert.match(
    quiet.stdout,
    /3 files, 3 cables: 3 problems \(1 error, 2 warnings, 0 information, 0 hints\); --quiet: only errors listed/,
  );
  const quietJson = JSON.parse(lint(['--quiet', '--format', 'json', '.'], dir).stdout);
  assert.deepEqual(
    quietJson.map((entry: { diagnostics: unknown[] }) => entry.diagnostics.length),
    [0, 0, 1],
  );
});

test('folders are searched recursively for .cable and .tel (and with --txt, .txt cables); globs; no duplicates; sorted', () => {
  const dir = folder('tree', {
    'b.cable': CLEAN,
    'a/x.cable': CLEAN,
    'a/b/y.tel': CLEAN,
    'a/b/Upper.CABLE': CLEAN,
    'a/b/c/z.txt': CLEAN,
    'a/b/c/bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), CLEAN]),
    'a/notes.txt': 'Notes about cables, not a cable.\n',
    'a/readme.md': '# not a cable\n',
    'a/.hidden/h.cable': CLEAN,
    'a/node_modules/m.cable': CLEAN,
  });
  const files = (...args: string[]) => {
    const run = lint(['--format', 'json', ...args], dir);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout).map((entry: { file: string }) => entry.file);
  };
  assert.deepEqual(files('a'), ['a/b/Upper.CABLE', 'a/b/y.tel', 'a/x.cable']);
  assert.deepEqual(files('--txt', '.'), [
    'a/b/Upper.CABLE',
    'a/b/c/bom.txt',
    'a/b/c/z.txt',
    'a/b/y.tel',
    'a/x.cable',
    'b.cable',
  ]);
  assert.deepEqual(files('a/**/*.cable'), ['a/x.cable']);
  assert.deepEqual(files('**/*.tel', '*.cable'), ['a/b/y.tel', 'b.cable']);
  assert.deepEqual(files('a/*/?.tel'), ['a/b/y.tel']);
  // A folder that a pattern matches is searched like a folder argument (as the shell's unquoted a/* would give).
  assert.deepEqual(files('a/*'), ['a/b/Upper.CABLE', 'a/b/y.tel', 'a/notes.txt', 'a/readme.md', 'a/x.cable']);
  assert.deepEqual(files('a/**'), ['a/b/Upper.CABLE', 'a/b/y.tel', 'a/notes.txt', 'a/readme.md', 'a/x.cable']);
  assert.deepEqual(files('--txt', '?/*'), [
    'a/b/Upper.CABLE',
    'a/b/c/bom.txt',
    'a/b/c/z.txt',
    'a/b/y.tel',
    'a/notes.txt',
    'a/readme.md',
    'a/x.cable',
  ]);
  assert.deepEqual(files('a/x.cable', 'a', './a/x.cable', join(dir, 'a', 'x.cable')), [
    'a/b/Upper.CABLE',
    'a/b/y.tel',
    'a/x.cable',
  ]);
  assert.deepEqual(files('a/notes.txt'), ['a/notes.txt'], 'a file named explicitly is linted whatever its name');
  const absolute = JSON.parse(lint(['--format', 'json', join(dir, 'b.cable')], join(dir, 'a')).stdout);
  assert.equal(absolute[0].file, join(dir, 'b.cable'), 'files outside the working folder keep their absolute path');
});

test('missing, unmatched and unreadable inputs: exit 2 with a message on standard error', () => {
  const dir = folder('missing', { 'good.cable': CLEAN, 'empty/readme.md': 'nothing here\n' });
  const missing = lint(['good.cable', 'nope.cable'], dir);
  assert.equal(missing.status, 2);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /cable-lint: no such file or folder: nope\.cable/);
  const unmatched = lint(['*.tel'], dir);
  assert.equal(unmatched.status, 2);
  assert.match(unmatched.stderr, /no files match \*\.tel/);
  const empty = lint(['empty'], dir);
  assert.equal(empty.status, 2);
  assert.match(empty.stderr, /no cable files/);
  const badOutput = lint(['--output', join(dir, 'no', 'such', 'folder', 'report.txt'), 'good.cable'], dir);
  assert.equal(badOutput.status, 2);
  assert.match(badOutput.stderr, /cannot write the report to .*report\.txt/);

  // A file that exists but cannot be read: permission denied, or (as root, who may read anything) /proc/self/mem.
  const unreadable = join(dir, 'unreadable.cable');
  if (process.getuid?.() === 0) {
    if (!existsSync('/proc/self/mem')) return;
    symlinkSync('/proc/self/mem', unreadable);
  } else {
    writeFileSync(unreadable, CLEAN);
    chmodSync(unreadable, 0o000);
  }
  for (const jobs of ['1', '2']) {
    const run = lint(['--jobs', jobs, '--format', 'sarif', '.', 'unreadable.cable'], dir);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^cable-lint: cannot read unreadable\.cable: /m);
    const log = JSON.parse(run.stdout);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(
      log.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri,
      'unreadable.cable',
    );
  }
  const text = lint(['.', 'unreadable.cable'], dir);
  assert.equal(text.status, 2);
  assert.match(text.stdout, /1 file, 1 cable: 0 problems .*\n1 file could not be read/);
});

test('--jobs 1 and --jobs 2 give identical reports, in path order, in every format', () => {
  // Many small files of different sizes (the smaller fixtures, some doubled), so that batches finish out of order.
  const bytes = names
    .map((name) => readFileSync(join(fixturesDir, name)))
    .sort((a, b) => a.length - b.length)
    .slice(0, 40);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 80; i++) {
    const cable = bytes[(i * 7) % bytes.length];
    files[`f${String(i % 13).padStart(2, '0')}/${i}.cable`] =
      i % 5 === 0 ? Buffer.concat([cable, bytes[i % bytes.length]]) : cable;
  }
  const dir = folder('jobs', files);
  for (const format of ['text', 'json', 'sarif']) {
    const one = lint(['--jobs', '1', '--format', format, '.'], dir);
    const two = lint(['--jobs', '2', '--format', format, '.'], dir);
    assert.ok(one.status === 0 || one.status === 1, one.stderr);
    assert.ok(one.stdout.length > 1000);
    assert.equal(two.stdout, one.stdout, format);
    assert.equal(two.status, one.status);
    if (format === 'json') {
      const order = JSON.parse(two.stdout).map((entry: { file: string }) => entry.file);
      assert.equal(order.length, 80);
      assert.deepEqual(order, [...order].sort());
    }
  }
  assert.equal(
    lint(['--jobs', '5', '.'], dir).stdout,
    lint(['--jobs', '1', '.'], dir).stdout,
    'more workers than cores',
  );
});

test('--output writes the report to a file; --version and --help', () => {
  const dir = folder('output', { 'w.cable': WARNING });
  const run = lint(['--format', 'sarif', '--output', 'report.sarif', 'w.cable'], dir);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')).runs[0].results.length, 1);
  const version = lint(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version);
  const help = lint(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: cable-lint \[options\] <files\|folders\|globs\.\.\.>/);
  for (const option of [
    '--format',
    '--output',
    '--max-warnings',
    '--rule',
    '--jobs',
    '--quiet',
    '--no-progress',
    '--txt',
    '--help',
    '--version',
  ]) {
    assert.ok(help.stdout.includes(option), option);
  }
});

test('the bundle is executable and starts with a node shebang', () => {
  assert.match(readFileSync(cliBundle, 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node\n/);
  const run = spawnSync(cliBundle, ['--version'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).bin['cable-lint'],
    'dist/cable-lint.js',
  );
});

test("the README's samples are cable-lint's own output on the fixtures", () => {
  const samples = readmeSamples('cable-lint');
  assert.ok(samples.length >= 2, 'the README shows the text and the JSON report');
  for (const sample of samples) {
    const run = lint(sample.args);
    assert.equal(run.stderr, '');
    assertSample(run.stdout, sample);
  }
});
