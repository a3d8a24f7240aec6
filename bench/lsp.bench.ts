// 3. The server as an editor drives it, over stdio in a process of its own (`node dist/server.js --stdio`, the
//    bundle `npm run package` builds): open a 10 MB multi-cable file, then 50 single-character edits in the
//    middle, each followed by waiting for that version's pushed diagnostics and then the outline
//    (textDocument/documentSymbol). Target: median <= 20 ms and <= 1% of the cold open.
//   npm run bench   (BENCH_LSP_MB=10, BENCH_LSP_EDITS=50; BENCH_SERVER=path/to/server.js to measure another build)
//   BENCH_SERVER_BEFORE=path/to/server.js: that build and this one, each in its own process, edit by edit in turns
//   (node bench/baseline.mjs <ref> builds one), so that the machine's load weighs on both alike.
//   BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=prof': Node options for the server process (a CPU profile of it).
//   BENCH_LSP_TYPED: what each edit types, `x` unless set (a line end moves every cable below the edit).
import { performance } from 'node:perf_hooks';
import { DocumentSymbol } from 'vscode-languageserver/node';
import { StdioLspClient } from '../test/support/lspClient';
import { serverBundle } from '../test/support/paths';
import { corpusOfSize, formatMs, machine, met, spread, summarize, table } from './support';

const megabytes = Number(process.env.BENCH_LSP_MB ?? 10);
const edits = Number(process.env.BENCH_LSP_EDITS ?? 50);
const server = process.env.BENCH_SERVER ?? serverBundle;
const before = process.env.BENCH_SERVER_BEFORE;
const typed = process.env.BENCH_LSP_TYPED ?? 'x';
const uri = 'file:///bench/corpus.cable';

/** A request's answer, its round trip added to `times`. */
async function timed<T>(times: number[], request: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const answer = await request();
  times.push(performance.now() - start);
  return answer;
}

const symbolCount = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + symbolCount(s.children ?? []), 0);

/** One server with the corpus open: the cold open's times, and a keystroke measured on demand. */
async function openSession(bundle: string, text: string) {
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const client = new StdioLspClient([process.execPath, ...nodeArgs, bundle]);
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
  let tokens = await client.connection.sendRequest<{ resultId?: string }>('textDocument/semanticTokens/full', {
    textDocument: { uri },
  });

  const lines = text.split(/\r\n|\r|\n/);
  const middle = Math.floor(lines.length / 2);
  const column = Math.min(10, lines[middle].length);
  const total: number[] = [];
  const toDiagnostics: number[] = [];
  const toFolding: number[] = [];
  const toTokens: number[] = [];

  /**
   * Edit k: `typed` in the middle of the file (each line end on the next line), then its diagnostics, then the outline;
   * then what VS Code asks for after an edit too, each measured on its own: the folding ranges, the semantic tokens.
   */
  async function keystroke(k: number): Promise<void> {
    const version = k + 2;
    const at = typed.includes('\n') ? { line: middle + k, character: column } : { line: middle, character: column + k };
    const start = performance.now();
    const pushed = client.nextDiagnostics(uri, version);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text: typed }],
    });
    await pushed;
    toDiagnostics.push(performance.now() - start);
    await outline();
    total.push(performance.now() - start);
    await timed(toFolding, () => client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }));
    // ... and the semantic tokens, as edits of its last answer.
    tokens = await timed(toTokens, () =>
      client.connection.sendRequest<{ resultId?: string }>('textDocument/semanticTokens/full/delta', {
        textDocument: { uri },
        previousResultId: tokens.resultId,
      }),
    );
  }

  return {
    bundle,
    lines: lines.length,
    diagnostics,
    diagnosticsAt,
    symbols,
    cold,
    keystroke,
    results: () => ({
      keystroke: summarize(total),
      diagnosticsOnly: summarize(toDiagnostics),
      folding: summarize(toFolding),
      tokens: summarize(toTokens),
    }),
    shutdown: () => client.shutdown(),
  };
}

type Session = Awaited<ReturnType<typeof openSession>>;

function report(session: Session): void {
  const { symbols, cold } = session;
  const { keystroke, diagnosticsOnly, folding, tokens } = session.results();
  // The floor of an outline round trip: its JSON, written by the server and read by the client (here, in one process).
  const floor = summarize(
    Array.from({ length: 5 }, () => {
      const start = performance.now();
      JSON.parse(JSON.stringify(symbols));
      return performance.now() - start;
    }),
  );
  console.log(`## LSP over stdio: ${megabytes} MB, ${session.lines} lines (${machine()}; server ${session.bundle})\n`);
  console.log(
    `Cold open: diagnostics of version 1 after ${formatMs(session.diagnosticsAt)} (${session.diagnostics.length} diagnostics), outline after ${formatMs(cold)} ` +
      `(${symbolCount(symbols)} symbols, ${(JSON.stringify(symbols).length / 1e6).toFixed(1)} MB of JSON).\n`,
  );
  table(
    [
      `after each of ${edits} edits typing ${JSON.stringify(typed)}`,
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
      ['the folding ranges, asked for after that', spread(folding), formatMs(folding.p95), '', '(no target)'],
      ['the semantic tokens delta, asked for after that', spread(tokens), formatMs(tokens.p95), '', '(no target)'],
    ],
  );
  console.log(
    `The outline is ${(JSON.stringify(symbols).length / 1e6).toFixed(1)} MB of JSON after every edit (LSP has no incremental outline): JSON.stringify and JSON.parse of it alone take ${spread(floor)} in one process, the floor of the round trip.\n`,
  );
}

/** Both builds, edit by edit in turns: medians side by side and their ratio. */
function compare(old: Session, current: Session): void {
  const a = old.results();
  const b = current.results();
  const ratio = (x: number, y: number) => `${(y / x).toFixed(2)}x`;
  const keystrokeRow = (label: string, measure: keyof typeof a) => [
    label,
    spread(a[measure]),
    spread(b[measure]),
    ratio(a[measure].median, b[measure].median),
  ];
  console.log(`## Before (${old.bundle}) and after (${current.bundle}), edits in turns (${machine()})\n`);
  table(
    ['', 'before', 'after', 'after / before (median)'],
    [
      [
        'cold open: diagnostics',
        formatMs(old.diagnosticsAt),
        formatMs(current.diagnosticsAt),
        ratio(old.diagnosticsAt, current.diagnosticsAt),
      ],
      ['cold open: outline', formatMs(old.cold), formatMs(current.cold), ratio(old.cold, current.cold)],
      keystrokeRow('keystroke: diagnostics pushed', 'diagnosticsOnly'),
      keystrokeRow('keystroke: ... and the outline', 'keystroke'),
      keystrokeRow('keystroke: then the folding ranges', 'folding'),
      keystrokeRow('keystroke: then the semantic tokens delta', 'tokens'),
    ],
  );
}

async function main(): Promise<void> {
  const text = corpusOfSize(megabytes);
  const old = before ? await openSession(before, text) : undefined;
  const current = await openSession(server, text);
  for (let k = 0; k < edits; k++) {
    await old?.keystroke(k);
    await current.keystroke(k);
  }
  await old?.shutdown();
  await current.shutdown();
  if (old) compare(old, current);
  report(current);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
