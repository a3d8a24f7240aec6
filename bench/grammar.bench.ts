// Tokenization speed of the cable grammar on ~10 MB of fixture cables, next to the Markdown grammar of
// tm-grammars on ~10 MB of generated Markdown, in the same run. Both are driven line by line through
// vscode-textmate's tokenizeLine2, as the VS Code editor does. Prints the median of a few runs.
//   npm run bench
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { INITIAL } from 'vscode-textmate';
import { fixturesDir, projectRoot } from '../test/support/paths';
import { readFixture } from '../test/support/fixtures';
import { CABLE_SCOPE, MARKDOWN_SCOPE, loadGrammar, splitLines } from '../test/grammar/tokenize';

const TARGET_BYTES = 10 * 1024 * 1024;
const RUNS = 5;

/** Fixture cables, concatenated until the text reaches the target size. */
function cableCorpus(): string[] {
  const cables = readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.cable'))
    .sort()
    .map(readFixture);
  return fillLines((i) => splitLines(cables[i % cables.length]));
}

/** Generated Markdown: headings, paragraphs with emphasis, code spans and links, lists, quotes, fenced code. */
function markdownCorpus(): string[] {
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const words = 'the embassy minister said that talks on trade and security would continue next week in capital'.split(
    ' ',
  );
  const phrase = (n: number): string => Array.from({ length: n }, () => words[random(words.length)]).join(' ');
  const inline = (): string =>
    [
      phrase(6),
      `**${phrase(2)}**`,
      phrase(5),
      `_${phrase(2)}_`,
      `\`${phrase(1)}()\``,
      `[${phrase(2)}](https://example.org/${phrase(1)})`,
      phrase(8),
    ].join(' ');
  return fillLines((i) => [
    `${'#'.repeat(1 + (i % 3))} ${phrase(4)}`,
    '',
    inline(),
    inline(),
    '',
    `- ${inline()}`,
    `- ${phrase(7)} \`code\``,
    `1. ${phrase(9)}`,
    '',
    `> ${inline()}`,
    '',
    '```',
    `const value = compute("${phrase(2)}", ${i});`,
    '```',
    '',
  ]);
}

function fillLines(block: (i: number) => string[]): string[] {
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    for (const line of block(i)) {
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
  }
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Result {
  grammar: string;
  lines: number;
  megabytes: number;
  linesPerSecond: number;
  megabytesPerSecond: number;
}

interface Subject {
  scopeName: string;
  lines: string[];
  seconds: number[];
}

/** One full tokenization of `lines`, in seconds. */
async function run(scopeName: string, lines: string[]): Promise<number> {
  const grammar = await loadGrammar(scopeName);
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  let state = INITIAL;
  for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
  return (performance.now() - start) / 1000;
}

function summarize({ scopeName, lines, seconds }: Subject): Result {
  const megabytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0) / (1024 * 1024);
  const time = median(seconds);
  return {
    grammar: scopeName,
    lines: lines.length,
    megabytes,
    linesPerSecond: lines.length / time,
    megabytesPerSecond: megabytes / time,
  };
}

async function main(): Promise<void> {
  const subjects: Subject[] = [
    { scopeName: CABLE_SCOPE, lines: cableCorpus(), seconds: [] },
    { scopeName: MARKDOWN_SCOPE, lines: markdownCorpus(), seconds: [] },
  ];
  // Alternate the grammars so that a change in machine load affects both alike.
  for (let i = 0; i < RUNS; i++) for (const s of subjects) s.seconds.push(await run(s.scopeName, s.lines));
  const [cable, markdown] = subjects.map(summarize);
  for (const r of [cable, markdown]) {
    console.log(
      `${r.grammar.padEnd(20)} ${r.lines} lines, ${r.megabytes.toFixed(1)} MB: ` +
        `${Math.round(r.linesPerSecond).toLocaleString('en')} lines/s, ${r.megabytesPerSecond.toFixed(2)} MB/s (median of ${RUNS})`,
    );
  }
  const ratio = cable.linesPerSecond / markdown.linesPerSecond;
  console.log(
    `cable / markdown: ${ratio.toFixed(2)}x lines/s, ${(cable.megabytesPerSecond / markdown.megabytesPerSecond).toFixed(2)}x MB/s`,
  );
  const resultsDir = join(projectRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, 'grammar.json'),
    JSON.stringify({ date: new Date().toISOString(), node: process.version, cable, markdown, ratio }, null, 2) + '\n',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
