// The language features through VS Code's own API, the way the outline, the Problems panel, hovers,
// highlighting and folding ask for them. Each answer comes from the language server over IPC.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defectiveSeed, samples, seedName } from '../samples';
import {
  cableDiagnostics,
  describeDiagnostics,
  eventually,
  hoverText,
  lineStartingWith,
  openSample,
  withUntitledCable,
} from './helpers';
import { test } from './runner';

const cableName = seedName.replace(/\.cable$/, '');

function findSymbol(
  symbols: readonly vscode.DocumentSymbol[],
  match: (name: string) => boolean,
): vscode.DocumentSymbol | undefined {
  for (const symbol of symbols) {
    if (match(symbol.name)) return symbol;
    const inner = findSymbol(symbol.children ?? [], match);
    if (inner) return inner;
  }
  return undefined;
}

/** Warnings and errors on the security line or the classification line: where a mismatch between them is reported. */
function headerProblems(
  document: vscode.TextDocument,
  securityLine: number,
  classificationLine: number,
): vscode.Diagnostic[] {
  return cableDiagnostics(document.uri).filter(
    (d) =>
      d.severity <= vscode.DiagnosticSeverity.Warning &&
      (d.range.start.line === securityLine || d.range.start.line === classificationLine),
  );
}

function outline(symbols: readonly vscode.DocumentSymbol[], depth = 0): string {
  return symbols.map((s) => `${'  '.repeat(depth)}${s.name}\n${outline(s.children ?? [], depth + 1)}`).join('');
}

test(
  'outline: one symbol for the cable, holding its sections, holding numbered paragraphs',
  async () => {
    const document = await openSample(samples.seed);
    await eventually('document symbols of the seed', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      );
      assert.ok(symbols && symbols.length > 0, 'no document symbols');
      assert.ok('children' in symbols[0], 'flat SymbolInformation instead of a DocumentSymbol tree');
      assert.deepEqual(
        symbols.map((s) => s.name),
        [cableName],
        `top level of the outline:\n${outline(symbols)}`,
      );
      const section1 = findSymbol(symbols[0].children, (name) => /^Section 1 of 2\b/.test(name));
      assert.ok(section1, `no "Section 1 of 2" in\n${outline(symbols)}`);
      assert.ok(
        findSymbol(section1.children, (name) => name.startsWith('¶1')),
        `no "¶1..." inside "${section1.name}" in\n${outline(symbols)}`,
      );
      assert.ok(
        findSymbol(symbols[0].children, (name) => /^Section 2 of 2\b/.test(name)),
        `no "Section 2 of 2" in\n${outline(symbols)}`,
      );
      const paragraph1Line = lineStartingWith(document, '¶1.');
      const paragraph1 = findSymbol(section1.children, (name) => name.startsWith('¶1'))!;
      assert.equal(paragraph1.selectionRange.start.line, paragraph1Line, '¶1 symbol does not point at the ¶1. line');
      return true;
    });
  },
  { needs: 'document symbols' },
);

test(
  'diagnostics: the garbled paragraph numbers 15. 16. 17. of the seed are reported as Information',
  async () => {
    const document = await openSample(samples.seed);
    const lines = ['15. ', '16. ', '17. '].map((prefix) => lineStartingWith(document, prefix));
    await eventually('diagnostics of the seed', () => {
      const diagnostics = cableDiagnostics(document.uri);
      for (const line of lines) {
        assert.ok(
          diagnostics.some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Information),
          `no Information diagnostic on line ${line + 1} (${document.lineAt(line).text.slice(0, 12)}...); diagnostics:\n${describeDiagnostics(diagnostics)}`,
        );
      }
      return true;
    });
  },
  { needs: 'diagnostics' },
);

test(
  'diagnostics: a security line ZNY SSSSS under a CONFIDENTIAL classification line is a Warning or Error',
  async () => {
    const document = await openSample(samples.defective);
    const securityLine = lineStartingWith(document, 'ZNY SSSSS');
    const classificationLine = lineStartingWith(document, 'C O N F I D E N T I A L');
    const mismatch = await eventually('diagnostics of the defective copy', () => {
      const diagnostics = cableDiagnostics(document.uri);
      const found = headerProblems(document, securityLine, classificationLine)[0];
      assert.ok(
        found,
        `no Warning/Error on line ${securityLine + 1} (ZNY) or ${classificationLine + 1} (classification); diagnostics:\n${describeDiagnostics(diagnostics)}`,
      );
      return found;
    });
    assert.equal(mismatch.source, 'cable');
    // The seed, without the defect, has no such problem on those lines.
    const seed = await openSample(samples.seed);
    await eventually('diagnostics of the seed', () => (cableDiagnostics(seed.uri).length > 0 ? true : undefined));
    const seedProblems = headerProblems(seed, securityLine, classificationLine);
    assert.deepEqual(describeDiagnostics(seedProblems), '(none)', 'the seed itself has a problem there');
  },
  { needs: 'diagnostics' },
);

test(
  'diagnostics follow edits: fixing the security line clears the problem, breaking it again brings it back',
  async () => {
    const seedText = new TextDecoder().decode(await vscode.workspace.fs.readFile((await openSample(samples.seed)).uri));
    await withUntitledCable(defectiveSeed(seedText), async (editor) => {
      const document = editor.document;
      const securityLine = lineStartingWith(document, 'ZNY ');
      const classificationLine = lineStartingWith(document, 'C O N F I D E N T I A L');
      const problems = () => headerProblems(document, securityLine, classificationLine);
      const lettersRange = new vscode.Range(securityLine, 4, securityLine, 9);
      const replaceLetters = async (letters: string) => {
        assert.ok(await editor.edit((edit) => edit.replace(lettersRange, letters)), 'the edit was not applied');
      };

      await eventually('the problem in the defective text', () => (problems().length > 0 ? true : undefined));
      await replaceLetters('CCCCC');
      await eventually('the problem to go away after the fix', () => {
        assert.equal(describeDiagnostics(problems()), '(none)');
        // Still analysed: the paragraph-number notes remain.
        assert.ok(cableDiagnostics(document.uri).length > 0, 'all diagnostics vanished, not just the fixed one');
        return true;
      });
      await replaceLetters('SSSSS');
      await eventually('the problem to come back', () => (problems().length > 0 ? true : undefined));
    });
  },
  { needs: 'diagnostics', timeoutMs: 45_000 },
);

test(
  'hover: the routing indicator RUEHDBU on the DE line names its post, AMEMBASSY DUSHANBE',
  async () => {
    const document = await openSample(samples.seed);
    const line = lineStartingWith(document, 'DE RUEHDBU');
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('RUEHDBU') + 3);
    await eventually('a hover on RUEHDBU', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        position,
      );
      const text = hoverText(hovers ?? []);
      assert.match(text, /AMEMBASSY DUSHANBE/, `hover text: ${JSON.stringify(text)}`);
      return true;
    });
  },
  { needs: 'hover' },
);

test(
  'semantic tokens: the seed gets well-formed tokens from the legend, some of them in the header',
  async () => {
    const document = await openSample(samples.seed);
    const headerStart = lineStartingWith(document, 'VZCZC');
    const headerEnd = lineStartingWith(document, 'C O N F I D E N T I A L');
    await eventually('semantic tokens of the seed', async () => {
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>(
        'vscode.provideDocumentSemanticTokensLegend',
        document.uri,
      );
      assert.ok(legend && legend.tokenTypes.length > 0, 'no semantic tokens legend');
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>(
        'vscode.provideDocumentSemanticTokens',
        document.uri,
      );
      assert.ok(tokens && tokens.data.length > 0, 'no semantic tokens');
      assert.equal(tokens.data.length % 5, 0);
      let line = 0;
      let character = 0;
      let inHeader = 0;
      for (let i = 0; i < tokens.data.length; i += 5) {
        const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4);
        line += deltaLine;
        character = deltaLine === 0 ? character + deltaStart : deltaStart;
        assert.ok(line < document.lineCount, `token ${i / 5} on line ${line + 1}, past the end`);
        assert.ok(
          character + length <= document.lineAt(line).text.length,
          `token ${i / 5} runs past the end of line ${line + 1}`,
        );
        assert.ok(type < legend.tokenTypes.length, `token ${i / 5} has type ${type}, not in the legend`);
        if (line >= headerStart && line < headerEnd) inHeader++;
      }
      assert.ok(inHeader > 0, 'no semantic token in the routing header');
      return true;
    });
  },
  { needs: 'semantic tokens' },
);

test(
  'folding: the seed folds, and a folding range encloses paragraph ¶1',
  async () => {
    const document = await openSample(samples.seed);
    const paragraph1 = lineStartingWith(document, '¶1.');
    await eventually('folding ranges of the seed', async () => {
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>(
        'vscode.executeFoldingRangeProvider',
        document.uri,
      );
      assert.ok(ranges && ranges.length > 0, 'no folding ranges');
      for (const range of ranges) {
        assert.ok(
          range.start < range.end && range.end < document.lineCount,
          `bad folding range ${range.start + 1}-${range.end + 1}`,
        );
      }
      assert.ok(
        ranges.some((range) => range.start <= paragraph1 && paragraph1 < range.end),
        `no range encloses line ${paragraph1 + 1} (¶1.): ${ranges.map((r) => `${r.start + 1}-${r.end + 1}`).join(', ')}`,
      );
      return true;
    });
  },
  { needs: 'folding ranges' },
);

test(
  "folding: on a lone cable's first line, Fold folds its routing header, not the whole cable",
  async () => {
    // The seed from its VZCZC line: the cable and its header start on the same line, where VS Code keeps one fold.
    const seedText = new TextDecoder().decode(await vscode.workspace.fs.readFile((await openSample(samples.seed)).uri));
    await withUntitledCable(seedText.trimStart(), async (editor) => {
      const document = editor.document;
      const headerEnd = lineStartingWith(document, 'RUEHDBU/AMEMBASSY DUSHANBE');
      const classificationLine = lineStartingWith(document, 'C O N F I D E N T I A L');
      const visible = (line: number) => editor.visibleRanges.some((r) => r.start.line <= line && line <= r.end.line);
      await eventually('the header folded on its own', async () => {
        await vscode.commands.executeCommand('editor.unfoldAll');
        await vscode.commands.executeCommand('editor.fold', { levels: 1, direction: 'down', selectionLines: [0] });
        const shown = [0, 1, headerEnd, classificationLine].map(visible);
        assert.deepEqual(
          shown,
          [true, false, false, true],
          `lines 1, 2, ${headerEnd + 1}, ${classificationLine + 1} shown`,
        );
        return true;
      });
    });
  },
  { needs: 'folding ranges' },
);
