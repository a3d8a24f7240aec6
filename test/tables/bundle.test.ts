// The server bundle stays small with the code tables (about 280 KB of TSV) inside.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot, serverBundle } from '../support/paths';

const LIMIT = 1_500_000;

test('dist/server.js and the server bundled with the tables stay under 1.5 MB', () => {
  // `npm test` runs `npm run package` first, so dist/server.js is the minified production bundle.
  assert.ok(statSync(serverBundle).size < LIMIT, `dist/server.js is ${statSync(serverBundle).size} bytes`);

  // The same production build (options as in esbuild.mjs) of the server with the tables imported. esbuild is loaded
  // at run time, not bundled into this test.
  const esbuild: typeof import('esbuild') = createRequire(__filename)('esbuild');
  const outfile = join(projectRoot, 'out', 'size', 'server-with-tables.js');
  esbuild.buildSync({
    entryPoints: [join(projectRoot, 'test', 'tables', 'serverWithTables.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    loader: { '.tsv': 'text' },
    logLevel: 'warning',
    outfile,
  });
  const bundle = readFileSync(outfile, 'utf8');
  assert.ok(bundle.includes('RUEHDBU') && bundle.includes('KNNP'), 'the tables are in the bundle');
  assert.ok(statSync(outfile).size < LIMIT, `server with tables is ${statSync(outfile).size} bytes`);
});
