// Bundles the extension client and the language server (and, with --tests, the test files).
//   node esbuild.mjs               development build of dist/client.js and dist/server.js
//   node esbuild.mjs --production  minified, for the .vsix
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --tests       bundle test/**/*.test.ts into out/test/ for `node --test`
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Options shared by every bundle: Node, CommonJS, code tables embedded as text. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  loader: { '.tsv': 'text' },
  logLevel: 'warning',
};

function testEntryPoints(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'e2e' ? [] : testEntryPoints(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const builds = tests
  ? [{ ...common, entryPoints: testEntryPoints('test'), outdir: 'out/test', outbase: 'test', sourcemap: 'inline' }]
  : [
      {
        ...common,
        entryPoints: { client: 'client/src/extension.ts', server: 'server/src/server.ts' },
        outdir: 'dist',
        minify: production,
        sourcemap: !production,
      },
    ];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
