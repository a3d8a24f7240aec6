// Bundles the extension client and the language server (and, with --tests, the test files).
//   node esbuild.mjs               development build of dist/client.js, dist/server.js, dist/cable-lint.js and the web
//                                  extension: dist/browser/client.js (extension host) and dist/browser/server.js (worker);
//                                  and the npm package's bins: packages/cable-language-server/dist/
//   node esbuild.mjs --production  minified, for the .vsix
//   node esbuild.mjs --watch       rebuild on change, and type-check client, server and tests on change (tsc --watch)
//   node esbuild.mjs --tests       bundle test/**/*.test.ts into out/test/ for `node --test`, but for the tests
//                                  of the packaged .vsix (test/package), which --package-tests bundles into out/package/;
//                                  and the test reporter of `npm test` (test/reporter/summary.ts) into out/reporter.mjs
//   node esbuild.mjs --bench       bundle bench/*.bench.ts into out/bench/
//   node esbuild.mjs --e2e         bundle the editor tests (test/e2e) into out/e2e/: the in-host
//                                  suite (run inside VS Code) and the Node drivers around it
//   node esbuild.mjs --generate    bundle scripts/generate.ts into out/generate/ (npm run generate runs it: the rule
//                                  settings of package.json, from the rule files)
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const packageTests = process.argv.includes('--package-tests');
const bench = process.argv.includes('--bench');
const e2e = process.argv.includes('--e2e');
const generate = process.argv.includes('--generate');

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

/**
 * The web extension: platform browser, so that a Node built-in anywhere on the path fails the build. The client is
 * CommonJS for the web extension host (which provides `vscode`); the server is a self-contained worker script.
 */
const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  external: ['vscode'],
  loader: { '.tsv': 'text' },
  logLevel: 'warning',
  outdir: 'dist/browser',
  minify: production,
  sourcemap: !production,
};

/** Files below `dir` whose name ends with `suffix`, skipping fixtures, the in-editor suites and `skip`. */
function entryPoints(dir, suffix, skip = []) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['fixtures', 'e2e', ...skip].includes(entry.name) ? [] : entryPoints(path, suffix, skip);
    }
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** Marks a bundle executable after every build (npm does it on install; this is for running it from the clone). */
function executable(path) {
  return {
    name: 'executable',
    setup: (build) =>
      build.onEnd((result) => {
        if (!result.errors.length) chmodSync(path, 0o755);
      }),
  };
}

/** Copies a file after every build. */
function copy(from, to) {
  return {
    name: 'copy',
    setup: (build) =>
      build.onEnd((result) => {
        if (!result.errors.length) copyFileSync(from, to);
      }),
  };
}

/** The npm package of the language server and cable-lint; its package.json is written by hand, its dist/ built here. */
const npmPackage = 'packages/cable-language-server';

/** The in-editor suite and the drivers of test/e2e; browser and VS Code test tooling stay in node_modules. */
const e2eBuild = {
  ...common,
  entryPoints: ['test/e2e/suite/index.ts', 'test/e2e/run.ts', 'test/e2e/start.ts', 'test/e2e/electron.ts'],
  external: ['vscode', 'playwright-core', '@vscode/test-electron'],
  outdir: 'out/e2e',
  outbase: 'test/e2e',
  sourcemap: 'inline',
};

const builds = e2e
  ? [e2eBuild]
  : generate
    ? [{ ...common, entryPoints: ['scripts/generate.ts'], outdir: 'out/generate' }]
    : tests
      ? [
          {
            ...common,
            entryPoints: entryPoints('test', '.test.ts', ['package']),
            outdir: 'out/test',
            outbase: 'test',
            sourcemap: 'inline',
          },
          // The test reporter (node --test --test-reporter=./out/reporter.mjs), an ES module as Node loads reporters.
          {
            ...common,
            entryPoints: { reporter: 'test/reporter/summary.ts' },
            format: 'esm',
            outdir: 'out',
            outExtension: { '.js': '.mjs' },
          },
        ]
      : packageTests
        ? [
            {
              ...common,
              entryPoints: entryPoints('test/package', '.test.ts'),
              outdir: 'out/package',
              sourcemap: 'inline',
            },
          ]
        : bench
          ? [
              {
                ...common,
                entryPoints: entryPoints('bench', '.bench.ts'),
                outdir: 'out/bench',
                outbase: 'bench',
                sourcemap: 'inline',
              },
            ]
          : [
              {
                ...common,
                entryPoints: { client: 'client/src/extension.ts', server: 'server/src/main.ts' },
                outdir: 'dist',
                minify: production,
                sourcemap: !production,
              },
              { ...browser, entryPoints: { client: 'client/src/browserExtension.ts' }, format: 'cjs' },
              { ...browser, entryPoints: { server: 'server/src/browserMain.ts' }, format: 'iife' },
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
              {
                // cable-facts: every cable's facts as JSON Lines or CSV (package.json "bin"); its own workers too.
                ...common,
                entryPoints: { 'cable-facts': 'server/src/cli/cableFacts.ts' },
                outdir: 'dist',
                banner: { js: '#!/usr/bin/env node' },
                minify: production,
                sourcemap: !production,
                plugins: [executable('dist/cable-facts.js')],
              },
              {
                // The npm package (packages/cable-language-server): the server, cable-lint and cable-facts as its bins, each one
                // self-contained file, so that the package has no dependencies; the same build in every mode.
                ...common,
                entryPoints: {
                  'cable-language-server': 'server/src/main.ts',
                  'cable-lint': 'server/src/cli/cableLint.ts',
                  'cable-facts': 'server/src/cli/cableFacts.ts',
                },
                outdir: `${npmPackage}/dist`,
                banner: { js: '#!/usr/bin/env node' },
                plugins: [copy('LICENSE', `${npmPackage}/dist/LICENSE`)],
              },
            ];

// Bundles of deleted tests or benchmarks must not linger and run.
if (tests) rmSync('out/test', { recursive: true, force: true });
if (packageTests) rmSync('out/package', { recursive: true, force: true });
if (bench) rmSync('out/bench', { recursive: true, force: true });

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
  // esbuild does not type-check: tsc does, beside it, reporting into the same terminal.
  for (const project of ['client', 'server', 'test']) {
    spawn('npx', ['tsc', '--noEmit', '--watch', '--preserveWatchOutput', '-p', project], { stdio: 'inherit' });
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
