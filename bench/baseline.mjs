// The benchmarks against the code of another commit, for before/after tables:
//   node bench/baseline.mjs <ref>            e.g. node bench/baseline.mjs bb06431
//   BENCH_BASELINE_ONLY=ab,lsp node bench/baseline.mjs <ref>   runs some of them (ab, parse, memory, peer, lsp, pathological)
//   and builds <ref>'s cable-lint as out/baseline/<ref>/dist/cable-lint.js, for BENCH_LINT_BEFORE (bench/lint.bench.ts)
//   BENCH_BASELINE_ONLY=instructions: the full parse of the old and the current model counted in instructions by
//   valgrind's callgrind (`node --single-threaded`; BENCH_SIZES, default 1,10 MB), which the machine's load does not
//   move, and a keystroke in the middle of 10 MB
// Extracts server/ at <ref> into out/baseline/<ref>/, copies this tree's bench files and test support beside it (the
// same benchmark code then measures the old code), bundles them and the old server, and runs them. `ab` parses with
// the old and the current model in one process, interleaved run by run: the before/after ratio least exposed to noise.
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const ref = process.argv[2];
if (!ref) throw new Error('usage: node bench/baseline.mjs <git ref>');
const only = process.env.BENCH_BASELINE_ONLY?.split(',');
const dir = join('out', 'baseline', ref.replace(/[^\w.-]/g, '_'));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
execSync(`git archive ${ref} server | tar -x -C ${dir}`);
cpSync('bench', join(dir, 'bench'), { recursive: true });
cpSync(join('test', 'support'), join(dir, 'test', 'support'), { recursive: true });
// The test support reads fixtures with the current decoder: the same corpus for both.
cpSync(join('server', 'src', 'cableFiles', 'decode.ts'), join(dir, 'server', 'src', 'cableFiles', 'decode.ts'));
cpSync('tsconfig.base.json', join(dir, 'tsconfig.base.json'));

writeFileSync(
  join(dir, 'bench', 'ab.bench.ts'),
  `// Old (${ref}) and current model, interleaved in one process.
import { CableModel as Old } from '../server/src/syntax/model';
import { CableModel as New } from '../../../../server/src/syntax/model';
import { corpusOfSize, formatMs, interleave, machine, roundRatios, spread, summarize, table } from './support';

console.log(\`## Before (${ref}) and after, one process (\${machine()})\\n\`);
const rows: string[][] = [];
for (const megabytes of (process.env.BENCH_SIZES ?? '1,10,100').split(',').map(Number)) {
  const text = corpusOfSize(megabytes);
  const t = interleave(megabytes >= 100 ? 3 : megabytes >= 10 ? 7 : 15, { split: () => text.split(/\\r\\n|\\r|\\n/), before: () => Old.parse(text), after: () => New.parse(text) });
  const r = roundRatios(t.after, t.before);
  rows.push([\`full parse \${megabytes} MB\`, spread(t.before), spread(t.after), \`\${(t.after.median / t.before.median).toFixed(2)}x (rounds \${r.min.toFixed(2)}–\${r.max.toFixed(2)})\`, \`\${(t.before.median / t.split.median).toFixed(1)}x -> \${(t.after.median / t.split.median).toFixed(1)}x\`]);
  if (megabytes === 10) {
    // Keystrokes interleaved, one model then the other: in the middle line of the corpus (a header line: INFO) and in
    // the first paragraph of its cable (prose).
    const models = { before: Old.parse(text), after: New.parse(text) };
    const middle = Math.floor(models.after.lineCount / 2);
    const cable = models.after.cables.find((c) => c.startLine + c.lineCount > middle)!;
    for (const [place, line] of [['header line', middle], ['prose', cable.startLine + cable.paragraphs[0].startLine]] as const) {
      const typed = { before: 0, after: 0 };
      const type = (label: 'before' | 'after') => () => models[label].applyChange({ range: { start: { line, character: typed[label] }, end: { line, character: typed[label]++ } }, text: 'x' });
      const t = interleave(300, { before: type('before'), after: type('after') });
      const r = roundRatios(t.after, t.before);
      rows.push([\`keystroke in 10 MB (\${place})\`, spread(t.before), spread(t.after), \`\${(t.after.median / t.before.median).toFixed(2)}x (rounds \${r.min.toFixed(2)}–\${r.max.toFixed(2)})\`, \`p95 \${formatMs(t.before.p95)} -> \${formatMs(t.after.p95)}\`]);
      // Amortized: interleave collects the garbage before each keystroke, leaving out what the collector later spends
      // on it. Here 200 keystrokes a batch, nothing forced between them, in CPU time of the whole process (the
      // collector's threads too), batches of one model and the other in turns.
      const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
      const batches = { before: [] as number[], after: [] as number[] };
      for (let round = -2; round < 20; round++)
        for (const label of round % 2 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
          const start = cpu();
          for (let k = 0; k < 200; k++) type(label)();
          if (round >= 0) batches[label].push((cpu() - start) / 200);
        }
      const [b, a] = [summarize(batches.before), summarize(batches.after)];
      const br = roundRatios(a, b);
      rows.push([\`keystroke in 10 MB (\${place}), amortized CPU time\`, spread(b), spread(a), \`\${(a.median / b.median).toFixed(2)}x (batches \${br.min.toFixed(2)}–\${br.max.toFixed(2)})\`, '200 a batch, collector included']);
    }
  }
}
table(['', 'before (${ref})', 'after', 'after / before (median)', 'parse / split, before -> after'], rows);
`,
);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  loader: { '.tsv': 'text' },
  logLevel: 'warning',
};
// The Node entry point: main.ts since the web worker build, server.ts before.
const serverEntry = ['main.ts', 'server.ts']
  .map((name) => join(dir, 'server', 'src', name))
  .find((path) => existsSync(path));
await esbuild.build({ ...common, entryPoints: [serverEntry], outfile: join(dir, 'dist', 'server.js'), minify: true });
const lintEntry = join(dir, 'server', 'src', 'cli', 'cableLint.ts');
if (existsSync(lintEntry)) {
  // For its --version; removed after, so that the benchmarks find the fixtures of this tree's package.json.
  execSync(`git show ${ref}:package.json > ${join(dir, 'package.json')}`);
  await esbuild.build({
    ...common,
    entryPoints: [lintEntry],
    outfile: join(dir, 'dist', 'cable-lint.js'),
    banner: { js: '#!/usr/bin/env node' },
  });
  rmSync(join(dir, 'package.json'));
}
/**
 * Instructions of `node script` (callgrind's total), for `env`. Single-threaded: with V8's background compiler threads
 * the count of the same code moved by 20% and more from run to run (how much compiling they did before the parse ended).
 */
function instructions(script, env) {
  const node = [process.execPath, '--single-threaded', script];
  const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', ...node], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return Number(/Collected : (\d+)/.exec(run.stderr)?.[1]);
}

if (only?.includes('instructions')) {
  // One script per model: parse the corpus N times; N=0 counts what is not the parse (start-up, the corpus).
  const models = {
    before: join(dir, 'server', 'src', 'syntax', 'model'),
    after: join('server', 'src', 'syntax', 'model'),
  };
  for (const [label, model] of Object.entries(models)) {
    writeFileSync(
      join(dir, 'bench', `parse-${label}.ts`),
      `import { CableModel } from '${join(process.cwd(), model)}';
import { corpusOfSize } from '${join(process.cwd(), 'test', 'support', 'corpus')}';
const text = corpusOfSize(Number(process.env.MB));
for (let n = Number(process.env.N); n > 0; n--) CableModel.parse(text);
// KEYS keystrokes typed into the middle line of the parsed corpus.
if (process.env.KEYS) {
  const model = CableModel.parse(text);
  const middle = Math.floor(model.lineCount / 2);
  for (let k = 0; k < Number(process.env.KEYS); k++)
    model.applyChange({ range: { start: { line: middle, character: k }, end: { line: middle, character: k } }, text: 'x' });
}
`,
    );
    await esbuild.build({
      ...common,
      entryPoints: [join(dir, 'bench', `parse-${label}.ts`)],
      outdir: join(dir, 'out'),
    });
  }
  console.log(`\n### Full parse in instructions (callgrind): ${ref} and this tree\n`);
  console.log('| corpus | before | after | after / before |\n|---|---|---|---|');
  for (const megabytes of (process.env.BENCH_SIZES ?? '1,10').split(',')) {
    const [before, after] = ['before', 'after'].map((label) => {
      const script = join(dir, 'out', `parse-${label}.js`);
      return instructions(script, { MB: megabytes, N: '1' }) - instructions(script, { MB: megabytes, N: '0' });
    });
    console.log(
      `| ${megabytes} MB | ${(before / 1e6).toFixed(0)} M | ${(after / 1e6).toFixed(0)} M | ${(after / before).toFixed(3)}x |`,
    );
  }
  // A keystroke in the middle line of 10 MB: 1000 typed minus the first 200 (compiled code warmed up), per keystroke.
  const [before, after] = ['before', 'after'].map((label) => {
    const script = join(dir, 'out', `parse-${label}.js`);
    const typed = (count) => instructions(script, { MB: '10', N: '0', KEYS: String(count) });
    return (typed(1000) - typed(200)) / 800;
  });
  console.log(
    `| keystroke in 10 MB | ${(before / 1e3).toFixed(0)} k | ${(after / 1e3).toFixed(0)} k | ${(after / before).toFixed(3)}x |`,
  );
}

// The benchmarks of the parser and the server (the grammar, index and linter benchmarks measure other code).
const order = ['ab', 'parse', 'memory', 'peer', 'lsp', 'pathological'].filter(
  (name) => (!only || only.includes(name)) && readdirSync(join(dir, 'bench')).includes(`${name}.bench.ts`),
);
await esbuild.build({
  ...common,
  entryPoints: order.map((name) => join(dir, 'bench', `${name}.bench.ts`)),
  outdir: join(dir, 'out'),
});

for (const name of order) {
  console.log(`\n### ${name}: ${ref}\n`);
  execFileSync(process.execPath, ['--expose-gc', join(dir, 'out', `${name}.bench.js`)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_SERVER: join(dir, 'dist', 'server.js') },
  });
}
