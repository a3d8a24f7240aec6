// Checks that what the features return lies inside the document: every range, every folding range, every semantic token.
import assert from 'node:assert/strict';
import { Diagnostic, DocumentSymbol, FoldingRange, Hover, Range } from 'vscode-languageserver-types';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/features/semanticTokens';

/** What the checks need of a document: its lines (a CableModel, or the text as a client holds it). */
export interface Lines {
  readonly lineCount: number;
  lineText(line: number): string;
}

export function linesOf(text: string): Lines {
  const lines = text.split(/\r\n|\r|\n/);
  return { lineCount: lines.length, lineText: (line) => lines[line] ?? '' };
}

function assertPosition(lines: Lines, position: { line: number; character: number }, what: string): void {
  assert.ok(
    Number.isInteger(position.line) && position.line >= 0 && position.line < lines.lineCount,
    `${what}: line ${position.line} outside 0-${lines.lineCount - 1}`,
  );
  const length = lines.lineText(position.line).length;
  assert.ok(
    Number.isInteger(position.character) && position.character >= 0 && position.character <= length,
    `${what}: character ${position.character} outside line ${position.line} (length ${length})`,
  );
}

export function assertRangeInside(lines: Lines, range: Range, what: string): void {
  assertPosition(lines, range.start, what);
  assertPosition(lines, range.end, what);
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: range ends before it starts ${JSON.stringify(range)}`);
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

export function assertSymbolsInside(lines: Lines, symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(
      typeof s.name === 'string' && s.name.length > 0,
      `symbol without a name: ${JSON.stringify(s).slice(0, 200)}`,
    );
    assertRangeInside(lines, s.range, `symbol ${s.name}`);
    assertRangeInside(lines, s.selectionRange, `selection of symbol ${s.name}`);
    assert.ok(contains(s.range, s.selectionRange), `selection outside the range of symbol ${s.name}`);
    if (parent) assert.ok(contains(parent.range, s.range), `symbol ${s.name} outside its parent ${parent.name}`);
    assertSymbolsInside(lines, s.children ?? [], s);
  }
}

export function assertDiagnosticsInside(lines: Lines, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    assertRangeInside(lines, d.range, `diagnostic ${d.code}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `diagnostic ${d.code} without a message`);
    assert.ok(
      d.severity !== undefined && d.severity >= 1 && d.severity <= 4,
      `diagnostic ${d.code} severity ${d.severity}`,
    );
  }
}

export function assertFoldingInside(lines: Lines, ranges: FoldingRange[]): void {
  for (const r of ranges) {
    assert.ok(
      Number.isInteger(r.startLine) && r.startLine >= 0 && r.startLine < r.endLine && r.endLine < lines.lineCount,
      `folding range ${JSON.stringify(r)} outside 0-${lines.lineCount - 1}`,
    );
  }
}

/** Decodes LSP semantic token data (relative lines and columns) and checks every token against its line. */
export function assertSemanticTokensInside(
  lines: Lines,
  data: number[],
): Array<{ line: number; start: number; length: number }> {
  assert.equal(data.length % 5, 0, 'semantic token data is not a multiple of 5');
  const tokens: Array<{ line: number; start: number; length: number }> = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    assert.ok(deltaLine >= 0 && deltaStart >= 0, `semantic token ${i / 5} goes backwards`);
    line += deltaLine;
    start = deltaLine === 0 ? start + deltaStart : deltaStart;
    assert.ok(line < lines.lineCount, `semantic token on line ${line} past the end (${lines.lineCount} lines)`);
    assert.ok(
      length > 0 && start + length <= lines.lineText(line).length,
      `semantic token ${line}:${start}+${length} outside its line (length ${lines.lineText(line).length})`,
    );
    assert.ok(
      type >= 0 &&
        type < SEMANTIC_TOKENS_LEGEND.tokenTypes.length &&
        modifiers >= 0 &&
        modifiers < 1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.length,
      `semantic token type ${type} modifiers ${modifiers}`,
    );
    const previous = tokens[tokens.length - 1];
    if (previous && previous.line === line)
      assert.ok(previous.start + previous.length <= start, `semantic tokens overlap on line ${line}`);
    tokens.push({ line, start, length });
  }
  return tokens;
}

export function assertHoverInside(lines: Lines, result: Hover | null, at: { line: number; character: number }): void {
  if (!result) return;
  assert.ok(result.range, `hover at ${at.line}:${at.character} without a range`);
  assertRangeInside(lines, result.range!, `hover at ${at.line}:${at.character}`);
  const contents = result.contents as { kind: string; value: string };
  assert.ok(typeof contents.value === 'string' && contents.value.length > 0, 'empty hover');
}

/** Every range anywhere in a result (completion edits, code action edits, ...): inside the document. */
export function assertAllRangesInside(lines: Lines, result: unknown, what: string): void {
  const visit = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null) return;
    const r = value as Range;
    if (
      typeof r.start === 'object' &&
      typeof r.end === 'object' &&
      r.start !== null &&
      r.end !== null &&
      'line' in r.start &&
      'character' in r.end
    ) {
      assertRangeInside(lines, r, `${what} ${path}`);
      return;
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
  };
  visit(result, '');
}
