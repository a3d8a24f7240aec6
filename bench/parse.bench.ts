// Full parse and one keystroke, against a bare line scan of the same text in the same process.
//   npm run bench   (or: node esbuild.mjs --bench && node --expose-gc out/bench/parse.bench.js)
import { CableModel } from '../server/src/syntax/model';
import { corpusOfSize, formatMs, measure, ratio } from './support';

/** The baseline: find every line of the text, as any line-based reader must. */
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

for (const megabytes of (process.env.BENCH_SIZES ?? '1,10,100').split(',').map(Number)) {
  const text = corpusOfSize(megabytes);
  const runs = megabytes >= 100 ? 3 : 7;
  const scan = measure(runs, () => bareLineScan(text));
  const parse = measure(runs, () => CableModel.parse(text));
  console.log(`full parse ${megabytes} MB: median ${formatMs(parse.median)} (min ${formatMs(parse.min)}, max ${formatMs(parse.max)}), ` +
    `bare line scan ${formatMs(scan.median)}, ratio ${ratio(parse.median, scan.median)} (target <= 3)`);
  if (megabytes === 10) {
    const model = CableModel.parse(text);
    const middle = Math.floor(model.lineCount / 2);
    let column = 0;
    const keystroke = measure(200, () => {
      model.applyChange({ range: { start: { line: middle, character: column }, end: { line: middle, character: column } }, text: 'x' });
      column++;
    });
    console.log(`keystroke in the middle of ${megabytes} MB: median ${formatMs(keystroke.median)} (min ${formatMs(keystroke.min)}, max ${formatMs(keystroke.max)}), ` +
      `${((keystroke.median / parse.median) * 100).toFixed(3)}% of a full parse (target < 1 ms and < 1%)`);
  }
}
