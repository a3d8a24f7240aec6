// Pathological documents (test/support/pathological.ts: 1 MB lines, 100 000 paragraph markers, 50 000 header lines of
// one kind, ...): parse, and outline + diagnostics + folding + semantic tokens, against ordinary text of the same size
// (an ordinary corpus measured in the same run, scaled by size). Each case runs in a process of its own with a time
// limit, so that an old build that never finishes shows as "> limit" instead of stopping the run.
//   npm run bench   (BENCH_PATHOLOGICAL_LIMIT_S=60; node bench/baseline.mjs <ref> runs it against an older commit)
import { spawnSync } from 'node:child_process';
import { parseAndFeaturesCost, PATHOLOGICAL } from '../test/support/pathological';
import { corpusOfSize, machine, table } from './support';

const LIMIT_S = Number(process.env.BENCH_PATHOLOGICAL_LIMIT_S ?? 60);

/** Parse and features of one text, in milliseconds (best of `runs`). */
function cost(text: string, runs: number): { chars: number; parse: number; features: number } {
  let best = { parse: Infinity, features: Infinity };
  for (let k = 0; k < runs; k++) {
    const c = parseAndFeaturesCost(text);
    best = { parse: Math.min(best.parse, c.parse), features: Math.min(best.features, c.features) };
  }
  return { chars: text.length, ...best };
}

const which = process.argv.indexOf('--case');
if (which > 0) {
  const name = process.argv[which + 1];
  const text = name === 'ordinary' ? corpusOfSize(1) : PATHOLOGICAL.find(([n]) => n === name)![1]();
  if (name === 'ordinary') cost(text, 1);
  console.log(JSON.stringify(cost(text, name === 'ordinary' ? 3 : 1)));
} else {
  const run = (name: string): { chars: number; parse: number; features: number } | undefined => {
    const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--case', name], {
      encoding: 'utf8',
      timeout: LIMIT_S * 1000,
      maxBuffer: 1 << 20,
    });
    return child.status === 0 ? JSON.parse(child.stdout) : undefined;
  };
  const ordinary = run('ordinary')!;
  const perChar = { parse: ordinary.parse / ordinary.chars, features: ordinary.features / ordinary.chars };
  const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
  const rows = PATHOLOGICAL.map(([name]) => {
    const c = run(name);
    if (!c) return [name, '', `> ${LIMIT_S} s (stopped)`, '', '', ''];
    return [
      name,
      `${(c.chars / 1e6).toFixed(2)} MB`,
      `${ms(c.parse)} ms`,
      `${(c.parse / (perChar.parse * c.chars)).toFixed(1)}x`,
      `${ms(c.features)} ms`,
      `${(c.features / (perChar.features * c.chars)).toFixed(1)}x`,
    ];
  });
  console.log(
    `## Pathological documents (${machine()}; ordinary corpus: parse ${ms(perChar.parse * 1e6)} ms/MB, features ${ms(perChar.features * 1e6)} ms/MB)\n`,
  );
  table(
    [
      'document',
      'size',
      'parse',
      'parse / ordinary',
      'outline + diagnostics + folding + tokens',
      'features / ordinary',
    ],
    rows,
  );
}
