// 6. Memory: heap held per MB of open document, measured with --expose-gc (heapUsed after full collections) before
//    and after parsing, holding the model. Target: the model holds at most 2x the text size (UTF-8 bytes).
//    The text string itself is reported apart: V8 keeps a string with any character above U+00FF (a ’ in one cable
//    is enough) at two bytes per character, and the model's lines are slices of it, so it stays alive with the model.
//    Each size is measured in a process of its own, so that nothing of one size is left in the heap of the next.
//   npm run bench   (node --expose-gc; BENCH_MEMORY_SIZES=1,10,100)
import { execFileSync } from 'node:child_process';
import { documentDiagnostics } from '../server/src/features/diagnostics/diagnostics';
import { CableReader } from '../server/src/facts/facts';
import { documentSymbols } from '../server/src/features/outline';
import { semanticTokenData } from '../server/src/features/semanticTokens';
import { CableModel } from '../server/src/syntax/model';
import { corpusOfSize, machine, met, table } from './support';
import { documentContext } from '../test/support/context';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function heap(): number {
  for (let k = 0; k < 3; k++) gc!();
  return process.memoryUsage().heapUsed;
}

/** One size, in this process: the heap before and after each step, in bytes. */
function measureSize(megabytes: number): Record<string, number> {
  // Warm up, then let go: compiled code, regular expressions and the code tables loaded on first use are not the model's.
  // Several parses, so that the optimizing compiler's code (hundreds of KB in the heap) is made before the measurement:
  // after one warm-up parse it was still being made during the measured parse of 1 MB, 0.3x to 0.5x of the text.
  for (let k = 0; k < 8; k++) CableModel.parse(corpusOfSize(0.5));
  const warm = CableModel.parse(corpusOfSize(0.5));
  const warmReader = new CableReader(warm);
  documentSymbols(documentContext(warmReader));
  documentDiagnostics(documentContext(warmReader));
  semanticTokenData(documentContext(warm));
  const start = heap();
  let text: string | undefined = corpusOfSize(megabytes);
  const bytes = Buffer.byteLength(text, 'utf8');
  const withText = heap();
  const model = CableModel.parse(text);
  const withModel = heap();
  text = undefined; // the editor's copy is gone: the document is the model, which holds its text
  const modelAndText = heap();
  const reader = new CableReader(model);
  documentSymbols(documentContext(reader));
  documentDiagnostics(documentContext(reader));
  const tokens = semanticTokenData(documentContext(model));
  const withFeatures = heap();
  void [model, reader, tokens];
  return {
    bytes,
    lines: model.lineCount,
    text: withText - start,
    model: withModel - withText,
    document: modelAndText - start,
    features: withFeatures - start,
  };
}

const size = process.argv.indexOf('--size');
if (size > 0) {
  console.log(JSON.stringify(measureSize(Number(process.argv[size + 1]))));
} else {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const x = (bytes: number, of: number) => `${(bytes / of).toFixed(2)}x`;
  console.log(`## Memory (${machine()})\n`);
  const rows: string[][] = [];
  for (const megabytes of (process.env.BENCH_MEMORY_SIZES ?? '1,10,100').split(',').map(Number)) {
    const m = JSON.parse(
      execFileSync(
        process.execPath,
        ['--expose-gc', '--max-old-space-size=8192', __filename, '--size', String(megabytes)],
        { encoding: 'utf8' },
      ),
    );
    rows.push([
      `${megabytes} MB (${mb(m.bytes)} UTF-8, ${m.lines} lines)`,
      `${mb(m.text)} (${x(m.text, m.bytes)})`,
      `${mb(m.model)} (${x(m.model, m.bytes)})`,
      met(m.model <= 2 * m.bytes),
      `${mb(m.document)} (${x(m.document, m.bytes)})`,
      `${mb(m.features)} (${x(m.features, m.bytes)})`,
    ]);
  }
  table(
    [
      'document',
      'text string in the heap',
      'model held (text apart)',
      'target: model <= 2x text',
      'open document: model and its text',
      '... with outline, diagnostics and semantic tokens cached',
    ],
    rows,
  );
}
