// Tokenization speed of the cable grammar on ~10 MB of fixture cables, next to the Markdown grammar of
// tm-grammars on ~10 MB of generated Markdown, in the same run. Both are driven line by line through
// vscode-textmate's tokenizeLine2, as the VS Code editor does. Prints the median of a few runs.
//   npm run bench
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { INITIAL } from 'vscode-textmate';
import { fixturesDir, projectRoot } from '../test/support/paths';
import { CABLE_SCOPE, MARKDOWN_SCOPE, decodeCable, loadGrammar, splitLines } from '../test/grammar/tokenize';

const TARGET_BYTES = 10 * 1024 * 1024;
const RUNS = 5;

/** Fixture cables, concatenated until the text reaches the target size. */
function cableCorpus(): string[] {
  const cables = readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.cable'))
    .sort()
    .map((name) => decodeCable(readFileSync(join(fixturesDir, name))));
  return fillLines((i) => splitLines(cables[i % cables.length]));
}

/** Generated Markdown: headings, paragraphs with emphasis, code spans and links, lists, quotes, fenced code. */
function markdownCorpus(): string[] {
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const words = 'the embassy minister said that talks on trade and security would continue next week in capital'.split(' ');
  const phrase = (n: number): string => Array.from({ length: n }, () => words[random(words.length)]).join(' ');
  const inline = (): string =>
    [phrase(6), `**${phrase(2)}**`, phrase(5), `_${phrase(2)}_`, `\`${phrase(1)}()\``, `[${phrase(2)}](https://example.org/${phrase(1)})`, phrase(8)].join(' ');
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

async function measure(scopeName: string, lines: string[]): Promise<Result> {
  const grammar = await loadGrammar(scopeName);
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    let state = INITIAL;
    for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
    seconds.push((performance.now() - start) / 1000);
  }
  const megabytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0) / (1024 * 1024);
  const time = median(seconds);
  return { grammar: scopeName, lines: lines.length, megabytes, linesPerSecond: lines.length / time, megabytesPerSecond: megabytes / time };
}

async function main(): Promise<void> {
  const cable = await measure(CABLE_SCOPE, cableCorpus());
  const markdown = await measure(MARKDOWN_SCOPE, markdownCorpus());
  for (const r of [cable, markdown]) {
    console.log(
      `${r.grammar.padEnd(20)} ${r.lines} lines, ${r.megabytes.toFixed(1)} MB: ` +
        `${Math.round(r.linesPerSecond).toLocaleString('en')} lines/s, ${r.megabytesPerSecond.toFixed(2)} MB/s (median of ${RUNS})`,
    );
  }
  const ratio = cable.linesPerSecond / markdown.linesPerSecond;
  console.log(`cable / markdown: ${ratio.toFixed(2)}x lines/s, ${(cable.megabytesPerSecond / markdown.megabytesPerSecond).toFixed(2)}x MB/s`);
  const resultsDir = join(projectRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'grammar.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, cable, markdown, ratio }, null, 2) + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
