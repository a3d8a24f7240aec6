// The npm package of the language server and cable-lint (packages/cable-language-server, its dist/ built by
// esbuild.mjs) as a user gets it: packed with `npm pack`, installed from the tarball into a temporary prefix with
// `npm install --prefix` (offline: the package has no dependencies), then its bins run as commands: the server
// through an LSP exchange over stdio, cable-lint on the fixtures of the README's samples, and the README's Neovim setup
// in Debian's Neovim (0.7), headless (skipped, with its reason, when Neovim is not installed).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { readFixture } from '../support/fixtures';
import { StdioLspClient } from '../support/lspClient';
import { fixturesDir, projectRoot } from '../support/paths';
import { assertSample, readmeBlock, readmeSamples } from '../support/readme';

/** The Lua script that reports what Neovim saw (bundled tests run from out/package/; the script stays in test/). */
const neovimCheck = join(projectRoot, 'test', 'package', 'neovimCheck.lua');

const packageDir = join(projectRoot, 'packages', 'cable-language-server');
const temp = mkdtempSync(join(tmpdir(), 'cable-npm-package-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const npm = (args: string[]) => execFileSync('npm', args, { cwd: temp, encoding: 'utf8' });
const [packed] = JSON.parse(npm(['pack', packageDir, '--json', '--pack-destination', temp]));
const prefix = join(temp, 'prefix');
npm(['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(temp, packed.filename)]);
const bin = (name: string) => join(prefix, 'node_modules', '.bin', name);

test('npm pack: the three bins, the README and the license, no dependencies; cable-lint says its version', () => {
  assert.deepEqual(packed.files.map((f: { path: string }) => f.path).sort(), [
    'README.md',
    'dist/LICENSE',
    'dist/cable-facts.js',
    'dist/cable-language-server.js',
    'dist/cable-lint.js',
    'package.json',
  ]);
  const installed = JSON.parse(readFileSync(join(prefix, 'node_modules', packed.name, 'package.json'), 'utf8'));
  assert.equal(installed.dependencies, undefined);
  assert.equal(execFileSync(bin('cable-lint'), ['--version'], { encoding: 'utf8' }), `${packed.version}\n`);
});

test('cable-language-server --stdio: initialize, didOpen answered with diagnostics, documentSymbol', async () => {
  const client = new StdioLspClient([bin('cable-language-server')]);
  try {
    const { serverInfo } = await client.initialize();
    assert.equal(serverInfo?.name, 'cable-language-server');
    const uri = 'file:///cables/09DUSHANBE1151.cable';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, readFixture('09DUSHANBE1151.cable'));
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['garbled-pilcrow', 'garbled-pilcrow', 'garbled-pilcrow'],
    );
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['09DUSHANBE1151'],
    );
    await client.shutdown();
  } finally {
    client.kill();
  }
});

test('cable-facts, installed, writes the facts of a cable as a JSON line', () => {
  const run = spawnSync(bin('cable-facts'), ['09DUSHANBE1151.cable'], { cwd: fixturesDir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const [facts] = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(facts.referenceId, '09DUSHANBE1151');
});

test("cable-lint prints the README's samples", () => {
  for (const sample of readmeSamples('cable-lint')) {
    const run = spawnSync(bin('cable-lint'), sample.args, { cwd: fixturesDir, encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assertSample(run.stdout, sample);
  }
});

const NVIM = '/usr/bin/nvim';
const noNvim = existsSync(NVIM)
  ? false
  : `Neovim is not installed at ${NVIM}: the README's Neovim setup is not tried (as root: apt-get install -y neovim; .ci/run does this)`;

test(
  "the README's Neovim setup (0.7 to 0.11) in headless Neovim: filetype, server attached, diagnostics, outline",
  { skip: noNvim },
  () => {
    const dir = join(temp, 'neovim');
    mkdirSync(dir);
    writeFileSync(join(dir, 'init.lua'), readmeBlock('lua', '**Neovim 0.7 to 0.11**'));
    copyFileSync(join(fixturesDir, '09DUSHANBE1151.cable'), join(dir, '09DUSHANBE1151.cable'));
    const out = join(dir, 'result.json');
    const run = spawnSync(
      NVIM,
      ['--headless', '-n', '-i', 'NONE', '-u', 'init.lua', '09DUSHANBE1151.cable', '-c', `luafile ${neovimCheck}`],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          // The installed bins, and node for their #!/usr/bin/env node.
          PATH: [dirname(bin('cable-lint')), dirname(process.execPath), process.env.PATH].join(delimiter),
          CABLE_NVIM_OUT: out,
          // Neovim's own files (the LSP log, shada) in the temporary folder.
          XDG_CONFIG_HOME: join(dir, 'config'),
          XDG_CACHE_HOME: join(dir, 'cache'),
          XDG_STATE_HOME: join(dir, 'state'),
          XDG_DATA_HOME: join(dir, 'data'),
        },
      },
    );
    assert.ok(existsSync(out), `Neovim wrote no result (exit ${run.status}): ${run.stderr}${run.stdout}`);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), {
      filetype: 'cable',
      clients: ['cable'],
      diagnostics: 3,
      outline: ['09DUSHANBE1151'],
    });
  },
);
