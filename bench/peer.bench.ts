// 4. A peer: document symbols of vscode-markdown-languageservice (the library behind VS Code's Markdown outline, with
//    markdown-it as its parser) on Markdown of the same size as the cable file, against ours on the cable file,
//    interleaved in one process. Target: ours faster.
//    Two Markdown files: the cable corpus written as Markdown, one heading per symbol of our outline at its depth over
//    the cable's own lines (the same size and the same number of symbols), and real READMEs (node_modules/**/README.md,
//    in path order) up to the same size.
//    Cold: the text to symbols (our parse and outline; markdown-it's tokens and the table of contents). After an edit:
//    one character typed in the middle, then the symbols (ours incremental; the Markdown service re-parses the document).
//   npm run bench   (BENCH_PEER_MB=10)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as md from 'vscode-markdown-languageservice';
import { DocumentSymbol } from 'vscode-languageserver-types';
import { CableReader } from '../server/src/facts/facts';
import { documentSymbols } from '../server/src/features/outline';
import { CableModel } from '../server/src/syntax/model';
import { projectRoot } from '../test/support/paths';
import { corpusOfSize, machine, met, ratio, spread, summarize, table, Timing } from './support';
import { documentContext } from '../test/support/context';

const megabytes = Number(process.env.BENCH_PEER_MB ?? 10);

function markdownService(): md.IMdLanguageService {
  const parser = new MarkdownIt();
  const never = new Emitter<never>().event;
  const workspace: md.IWorkspace = {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: never,
    onDidCreateMarkdownDocument: never,
    onDidDeleteMarkdownDocument: never,
    getAllMarkdownDocuments: async () => [],
    hasMarkdownDocument: () => false,
    openMarkdownDocument: async () => undefined,
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  return md.createLanguageService({
    workspace,
    parser: { slugifier: md.githubSlugifier, tokenize: async (document) => parser.parse(document.getText(), {}) },
    logger: { level: md.LogLevel.Off, log: () => undefined },
  });
}

/** The cable corpus as Markdown: a heading per outline symbol (depth = heading level, at most 6) over the cable's lines. */
function cablesAsMarkdown(text: string): string {
  const model = CableModel.parse(text);
  const symbols = documentSymbols(documentContext(new CableReader(model)));
  const headings = new Map<number, string[]>();
  const walk = (list: DocumentSymbol[], depth: number) => {
    for (const s of list) {
      const line = s.range.start.line;
      headings.set(line, [
        ...(headings.get(line) ?? []),
        `${'#'.repeat(Math.min(depth, 6))} ${s.name.replace(/\s+/g, ' ')}`,
      ]);
      walk(s.children ?? [], depth + 1);
    }
  };
  walk(symbols, 1);
  const out: string[] = [];
  for (let line = 0; line < model.lineCount; line++) {
    for (const heading of headings.get(line) ?? []) out.push('', heading, '');
    // Cable lines as Markdown paragraphs: escape what Markdown would read as structure at the start of a line.
    out.push(model.lineText(line).replace(/^(\s*)([#>*+\-=]|\d+[.)])/, '$1\\$2'));
  }
  return out.join('\n').slice(0, text.length);
}

/** READMEs of the installed packages, in path order, until `size` characters. */
function readmes(size: number): string {
  const parts: string[] = [];
  let total = 0;
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (total >= size) return;
      const path = join(dir, name);
      if (name === 'README.md' && statSync(path).isFile()) {
        const text = readFileSync(path, 'utf8');
        parts.push(text);
        total += text.length + 2;
      } else if (!name.startsWith('.') && statSync(path).isDirectory()) visit(path);
    }
  };
  visit(join(projectRoot, 'node_modules'));
  let text = parts.join('\n\n');
  while (text.length < size) text += `\n\n${text}`;
  return text.slice(0, size);
}

async function main(): Promise<void> {
  const cables = corpusOfSize(megabytes);
  const markdowns: Array<[string, string]> = [
    ['cable corpus as Markdown (same headings)', cablesAsMarkdown(cables)],
    ['READMEs of node_modules', readmes(cables.length)],
  ];
  const service = markdownService();
  const token = new CancellationTokenSource().token;
  let uriCount = 0;
  const count = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);

  // Ours: cold, and after a keystroke in the middle (the model and its per-cable symbols kept, as the server keeps them).
  const model = CableModel.parse(cables);
  const reader = new CableReader(model);
  documentSymbols(documentContext(reader));
  const middle = Math.floor(model.lineCount / 2);
  let column = 0;
  const ourSymbols = count(documentSymbols(documentContext(new CableReader(CableModel.parse(cables)))));

  console.log(`## Peer: document symbols, ${megabytes} MB (${machine()})\n`);
  const rows: string[][] = [];
  for (const [label, markdown] of markdowns) {
    // Markdown: a new document each time (the service caches by uri); after an edit: a new version of one document.
    let markdownDocument = TextDocument.create(`file:///peer/edit-${label.length}.md`, 'markdown', 1, markdown);
    const markdownSymbols = (document: TextDocument) => service.getDocumentSymbols(document, {}, token);
    const theirSymbols = count(
      await markdownSymbols(TextDocument.create(`file:///peer/${uriCount++}.md`, 'markdown', 1, markdown)),
    );
    await markdownSymbols(markdownDocument);
    const samples = {
      oursCold: [] as number[],
      theirsCold: [] as number[],
      oursEdit: [] as number[],
      theirsEdit: [] as number[],
    };
    const runs = 7;
    for (let round = -1; round < runs; round++) {
      const time = async (key: keyof typeof samples, work: () => unknown) => {
        (globalThis as { gc?: () => void }).gc?.();
        const start = performance.now();
        await work();
        if (round >= 0) samples[key].push(performance.now() - start);
      };
      await time('oursCold', () => documentSymbols(documentContext(new CableReader(CableModel.parse(cables)))));
      await time('theirsCold', () =>
        markdownSymbols(TextDocument.create(`file:///peer/${uriCount++}.md`, 'markdown', 1, markdown)),
      );
      await time('oursEdit', () => {
        model.applyChange({
          range: { start: { line: middle, character: column }, end: { line: middle, character: column } },
          text: 'x',
        });
        column++;
        return documentSymbols(documentContext(reader));
      });
      await time('theirsEdit', () => {
        const position = markdownDocument.positionAt(Math.floor(markdown.length / 2));
        markdownDocument = TextDocument.update(
          markdownDocument,
          [{ range: { start: position, end: position }, text: 'x' }],
          markdownDocument.version + 1,
        );
        // The service learns of a change from its workspace; here, as a new document: a new parse either way.
        return markdownSymbols(
          TextDocument.create(
            `file:///peer/${uriCount++}.md`,
            'markdown',
            markdownDocument.version,
            markdownDocument.getText(),
          ),
        );
      });
    }
    const s = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) as Record<
      keyof typeof samples,
      Timing
    >;
    rows.push([
      label,
      `${ourSymbols} / ${theirSymbols}`,
      spread(s.oursCold),
      spread(s.theirsCold),
      `${ratio(s.oursCold.median, s.theirsCold.median)}`,
      met(s.oursCold.median < s.theirsCold.median),
      spread(s.oursEdit),
      spread(s.theirsEdit),
      `${ratio(s.oursEdit.median, s.theirsEdit.median)}`,
      met(s.oursEdit.median < s.theirsEdit.median),
    ]);
  }
  table(
    [
      'Markdown file (same size)',
      'symbols ours / theirs',
      'ours cold: parse + outline',
      'Markdown cold: tokens + symbols',
      'ours / theirs',
      'target: ours faster',
      'ours after a keystroke',
      'Markdown after a keystroke',
      'ours / theirs',
      'target: ours faster',
    ],
    rows,
  );
  console.log('(medians of 7 interleaved rounds, min–max in brackets)\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
