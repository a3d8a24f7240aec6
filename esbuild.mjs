// Bundles the extension client and the language server (and, with --tests, the test files).
//   node esbuild.mjs               development build of dist/client.js, dist/server.js and dist/cable-lint.js
//   node esbuild.mjs --production  minified, for the .vsix
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --tests       bundle test/**/*.test.ts into out/test/ for `node --test`
//   node esbuild.mjs --bench       bundle bench/*.bench.ts into out/bench/
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

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

/** Files below `dir` whose name ends with `suffix`, skipping fixtures and the in-editor suites. */
function entryPoints(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'e2e' ? [] : entryPoints(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** Marks a bundle executable after every build (npm does it on install; this is for running it from the clone). */
function executable(path) {
  return { name: 'executable', setup: (build) => build.onEnd((result) => { if (!result.errors.length) chmodSync(path, 0o755); }) };
}

const builds = tests
  ? [{ ...common, entryPoints: entryPoints('test', '.test.ts'), outdir: 'out/test', outbase: 'test', sourcemap: 'inline' }]
  : bench
  ? [{ ...common, entryPoints: entryPoints('bench', '.bench.ts'), outdir: 'out/bench', outbase: 'bench', sourcemap: 'inline' }]
  : [
      {
        ...common,
        entryPoints: { client: 'client/src/extension.ts', server: 'server/src/server.ts' },
        outdir: 'dist',
        minify: production,
        sourcemap: !production,
      },
      {
        // The command-line linter (package.json "bin"); the same file runs its worker threads.
        ...common,
        entryPoints: { 'cable-lint': 'server/src/cli/cableLint.ts' },
        outdir: 'dist',
        banner: { js: '#!/usr/bin/env node' },
        minify: production,
        sourcemap: !production,
        plugins: [executable('dist/cable-lint.js')],
      },
    ];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
