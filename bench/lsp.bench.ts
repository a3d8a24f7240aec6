// 3. The server as an editor drives it, over stdio in a process of its own (`node dist/server.js --stdio`, the
//    bundle `npm run package` builds): open a 10 MB multi-cable file, then 50 single-character edits in the
//    middle, each followed by waiting for that version's pushed diagnostics and then the outline
//    (textDocument/documentSymbol). Target: median <= 20 ms and <= 1% of the cold open.
//   npm run bench   (BENCH_LSP_MB=10, BENCH_LSP_EDITS=50; BENCH_SERVER=path/to/server.js to measure another build)
import { performance } from 'node:perf_hooks';
import { DocumentSymbol } from 'vscode-languageserver/node';
import { StdioLspClient } from '../test/support/lspClient';
import { serverBundle } from '../test/support/paths';
import { corpusOfSize, formatMs, machine, met, spread, summarize, table } from './support';

const megabytes = Number(process.env.BENCH_LSP_MB ?? 10);
const edits = Number(process.env.BENCH_LSP_EDITS ?? 50);
const server = process.env.BENCH_SERVER ?? serverBundle;

async function main(): Promise<void> {
  const text = corpusOfSize(megabytes);
  const lines = text.split(/\r\n|\r|\n/);
  const uri = 'file:///bench/corpus.cable';
  const client = new StdioLspClient(server);
  await client.initialize();
  const outline = () =>
    client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

  // Cold open: didOpen -> diagnostics of version 1 -> outline.
  const openStart = performance.now();
  const firstDiagnostics = client.nextDiagnostics(uri, 1);
  await client.open(uri, text);
  const { diagnostics } = await firstDiagnostics;
  const diagnosticsAt = performance.now() - openStart;
  const symbols = await outline();
  const cold = performance.now() - openStart;
  const symbolCount = (list: DocumentSymbol[]): number =>
    list.reduce((n, s) => n + 1 + symbolCount(s.children ?? []), 0);

  // Keystrokes: one character typed in the middle of the file, then its diagnostics, then the outline.
  const middle = Math.floor(lines.length / 2);
  const column = Math.min(10, lines[middle].length);
  const total: number[] = [];
  const toDiagnostics: number[] = [];
  for (let k = 0; k < edits; k++) {
    const version = k + 2;
    const start = performance.now();
    const pushed = client.nextDiagnostics(uri, version);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line: middle, character: column + k }, end: { line: middle, character: column + k } },
          text: 'x',
        },
      ],
    });
    await pushed;
    toDiagnostics.push(performance.now() - start);
    await outline();
    total.push(performance.now() - start);
  }
  await client.shutdown();

  // The floor of an outline round trip: its JSON, written by the server and read by the client (here, in one process).
  const floor = summarize(
    Array.from({ length: 5 }, () => {
      const start = performance.now();
      JSON.parse(JSON.stringify(symbols));
      return performance.now() - start;
    }),
  );

  const keystroke = summarize(total);
  const diagnosticsOnly = summarize(toDiagnostics);
  console.log(`## LSP over stdio: ${megabytes} MB, ${lines.length} lines (${machine()}; server ${server})\n`);
  console.log(
    `Cold open: diagnostics of version 1 after ${formatMs(diagnosticsAt)} (${diagnostics.length} diagnostics), outline after ${formatMs(cold)} ` +
      `(${symbolCount(symbols)} symbols, ${(JSON.stringify(symbols).length / 1e6).toFixed(1)} MB of JSON).\n`,
  );
  table(
    [
      'after each of ' + edits + ' one-character edits',
      'median (min–max)',
      'p95',
      '% of cold open (median)',
      'target: median <= 20 ms and <= 1%',
    ],
    [
      [
        'diagnostics of that version pushed',
        spread(diagnosticsOnly),
        formatMs(diagnosticsOnly.p95),
        `${((diagnosticsOnly.median / cold) * 100).toFixed(2)}%`,
        met(diagnosticsOnly.median <= 20 && diagnosticsOnly.median / cold <= 0.01),
      ],
      [
        '... and then the outline received',
        spread(keystroke),
        formatMs(keystroke.p95),
        `${((keystroke.median / cold) * 100).toFixed(2)}%`,
        met(keystroke.median <= 20 && keystroke.median / cold <= 0.01),
      ],
    ],
  );
  console.log(
    `The outline is ${(JSON.stringify(symbols).length / 1e6).toFixed(1)} MB of JSON after every edit (LSP has no incremental outline): JSON.stringify and JSON.parse of it alone take ${spread(floor)} in one process, the floor of the round trip.\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
