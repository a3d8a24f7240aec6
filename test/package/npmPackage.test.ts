// The npm package of the language server and cable-lint (packages/cable-language-server, its dist/ built by
// esbuild.mjs) as a user gets it: packed with `npm pack`, installed from the tarball into a temporary prefix with
// `npm install --prefix` (offline: the package has no dependencies), then its bins run as commands: the server
// through an LSP exchange over stdio, cable-lint on the fixtures of the README's samples.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { readFixture } from '../support/fixtures';
import { StdioLspClient } from '../support/lspClient';
import { fixturesDir, projectRoot } from '../support/paths';
import { assertSample, readmeSamples } from '../support/readme';

const packageDir = join(projectRoot, 'packages', 'cable-language-server');
const temp = mkdtempSync(join(tmpdir(), 'cable-npm-package-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const npm = (args: string[]) => execFileSync('npm', args, { cwd: temp, encoding: 'utf8' });
const [packed] = JSON.parse(npm(['pack', packageDir, '--json', '--pack-destination', temp]));
const prefix = join(temp, 'prefix');
npm(['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(temp, packed.filename)]);
const bin = (name: string) => join(prefix, 'node_modules', '.bin', name);

test('npm pack: the two bins, the README and the license, no dependencies; cable-lint says its version', () => {
  assert.deepEqual(packed.files.map((f: { path: string }) => f.path).sort(), [
    'README.md',
    'dist/LICENSE',
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

test("cable-lint prints the README's samples", () => {
  for (const sample of readmeSamples('cable-lint')) {
    const run = spawnSync(bin('cable-lint'), sample.args, { cwd: fixturesDir, encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assertSample(run.stdout, sample);
  }
});
