// 1. Full parse of 1, 10 and 100 MB multi-cable files against two baselines measured in the same process,
//    interleaved run by run: a bare indexOf line scan, and `text.split(/\r\n|\r|\n/)` (line strings, as any
//    line-based editor tool makes them). Target: parse / line scan <= 3.
// 2. One keystroke in the middle of the 10 MB file: incremental update against the full parse. Target: < 1 ms
//    and < 1% of the full parse.
//   npm run bench   (or: node esbuild.mjs --bench && node --expose-gc out/bench/parse.bench.js)
//   BENCH_SIZES=1,10 to choose the sizes.
//   BENCH_PARSE_PROFILE=25: only parse the first size that many times (for node --cpu-prof; see BENCHMARKS.md).
import { CableModel } from '../server/src/syntax/model';
import {
  corpusOfSize,
  formatMs,
  interleave,
  machine,
  measure,
  met,
  ratio,
  roundRatios,
  spread,
  summarize,
  table,
} from './support';

/** The first baseline: find every line of the text, as any line-based reader must. */
function bareLineScan(text: string): number {
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    if (text.charCodeAt(start) !== 32) lines++;
    start = end + 1;
  }
  return lines;
}

/** The second baseline: the line strings themselves. */
function splitLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

const profileRuns = Number(process.env.BENCH_PARSE_PROFILE ?? 0);
if (profileRuns > 0) {
  const megabytes = Number((process.env.BENCH_SIZES ?? '10').split(',')[0]);
  const text = corpusOfSize(megabytes);
  // No collection forced between parses (as measure does): the profile shows what the collector costs the parse.
  const samples: number[] = [];
  for (let run = 0; run < profileRuns; run++) {
    const start = performance.now();
    CableModel.parse(text);
    samples.push(performance.now() - start);
  }
  console.log(`full parse of ${megabytes} MB, ${profileRuns} times: ${spread(summarize(samples))}`);
  process.exit(0);
}

console.log(`## Parse (${machine()})\n`);
const rows: string[][] = [];
let parse10: number | undefined;
let text10: string | undefined;
for (const megabytes of (process.env.BENCH_SIZES ?? '1,10,100').split(',').map(Number)) {
  const text = corpusOfSize(megabytes);
  const runs = megabytes >= 100 ? 5 : megabytes >= 10 ? 11 : 21;
  const t = interleave(runs, {
    scan: () => bareLineScan(text),
    split: () => splitLines(text),
    parse: () => CableModel.parse(text),
  });
  const scanRatio = roundRatios(t.parse, t.scan);
  const splitRatio = roundRatios(t.parse, t.split);
  const lines = text.split('\n').length;
  rows.push([
    `${megabytes} MB (${lines} lines)`,
    spread(t.parse),
    spread(t.scan),
    `${ratio(t.parse.median, t.scan.median)} (rounds ${scanRatio.min.toFixed(1)}–${scanRatio.max.toFixed(1)})`,
    met(t.parse.median / t.scan.median <= 3),
    spread(t.split),
    `${ratio(t.parse.median, t.split.median)} (rounds ${splitRatio.min.toFixed(1)}–${splitRatio.max.toFixed(1)})`,
    met(t.parse.median / t.split.median <= 3),
    `${(text.length / 1e6 / (t.parse.median / 1000)).toFixed(0)} MB/s`,
  ]);
  if (megabytes === 10) [parse10, text10] = [t.parse.median, text];
}
table(
  [
    'file',
    'full parse median (min–max)',
    'indexOf line scan',
    'parse / scan',
    'target <= 3',
    'split(/\\r\\n|\\r|\\n/)',
    'parse / split',
    'target <= 3',
    'parse speed',
  ],
  rows,
);

if (text10 !== undefined && parse10 !== undefined) {
  const text = text10;
  const model = CableModel.parse(text);
  const middle = Math.floor(model.lineCount / 2);
  const keystrokes = (label: string, edit: (k: number) => Parameters<CableModel['applyChange']>[0]) => {
    let k = 0;
    const timing = measure(200, () => model.applyChange(edit(k++)));
    return [
      label,
      spread(timing),
      formatMs(timing.p95),
      `${((timing.median / parse10) * 100).toFixed(4)}%`,
      met(timing.median < 1 && timing.median / parse10 < 0.01),
    ];
  };
  const at = (line: number, character: number) => ({ line, character });
  console.log(
    `## Keystroke in the middle of 10 MB (${model.lineCount} lines, ${model.cables.length} cables; full parse median ${formatMs(parse10)})\n`,
  );
  table(
    ['edit (200 each)', 'median (min–max)', 'p95', '% of full parse', 'target < 1 ms and < 1%'],
    [
      keystrokes('type one character', (k) => ({ range: { start: at(middle, k), end: at(middle, k) }, text: 'x' })),
      keystrokes('delete one character', () => ({ range: { start: at(middle, 0), end: at(middle, 1) }, text: '' })),
      keystrokes('Enter (split a line), then join it back', (k) =>
        k % 2 === 0
          ? { range: { start: at(middle, 3), end: at(middle, 3) }, text: '\n' }
          : { range: { start: at(middle, 3), end: at(middle + 1, 0) }, text: '' },
      ),
    ],
  );
}
