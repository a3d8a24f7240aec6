// The model of one document: its lines, each line lexed, and the cables built from them.
// An edit re-lexes only the lines it touches and rebuilds only the cables around them.
import { lexLine, lexLines } from './lexer';
import { buildCable, CableBoundaries } from './structure';
import { Cable, LexedLine } from './types';
import { firstIndexWhere } from '../util/search';

export interface Position {
  line: number;
  character: number;
}

/** An edit as LSP sends it: a range replaced by text, or (no range) the whole text replaced. */
export interface TextChange {
  range?: { start: Position; end: Position };
  text: string;
}

interface SplitText {
  texts: string[];
  eols: Uint8Array;
}

/** Line ends by code, one byte a line (an array of strings took eight). */
const EOL_TEXT = ['', '\n', '\r\n', '\r'] as const;
const [NONE, LF, CRLF, CR] = [0, 1, 2, 3];

/** Splits text into lines and their line ends (\r\n, \n or \r; none after the last line). */
function splitLines(text: string): SplitText {
  const cr = text.indexOf('\r');
  if (cr < 0) {
    const texts = text.split('\n');
    const eols = new Uint8Array(texts.length).fill(LF);
    eols[eols.length - 1] = NONE;
    return { texts, eols };
  }
  return splitLfOrCrlf(text, cr) ?? splitAnyEnds(text);
}

/**
 * Lines that each end in \n or \r\n (CRLF files, and dumps that mix them with LF files), the usual case when the text
 * holds a \r: one indexOf for each line, and one more for each \r. Undefined at the first lone \r (a line end of its
 * own, splitAnyEnds' case). `cr` is the first \r of the text.
 */
function splitLfOrCrlf(text: string, cr: number): SplitText | undefined {
  const texts: string[] = [];
  // A line of a cable is rarely shorter than 32 characters on average: mostly one allocation.
  let eols = new Uint8Array(Math.max(1024, text.length >> 5));
  let start = 0;
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', start)) {
    // The next \r (text.length when none is left) lies at or after `start`; before this line's end it is lone.
    if (cr < lf - 1) return undefined;
    if (texts.length === eols.length) {
      const larger = new Uint8Array(eols.length * 2);
      larger.set(eols);
      eols = larger;
    }
    if (cr === lf - 1) {
      eols[texts.length] = CRLF;
      texts.push(text.slice(start, cr));
      cr = text.indexOf('\r', lf + 1);
      if (cr < 0) cr = text.length;
    } else {
      eols[texts.length] = LF;
      texts.push(text.slice(start, lf));
    }
    start = lf + 1;
  }
  if (cr < text.length) return undefined; // a \r in the last line, or at the very end
  texts.push(text.slice(start));
  // Exact sizes: the model keeps these for its lifetime (the last line's end stays NONE).
  const exact = new Uint8Array(texts.length);
  exact.set(eols.subarray(0, texts.length - 1));
  return { texts: texts.slice(), eols: exact };
}

/** Any line ends, lone \r among them. */
function splitAnyEnds(text: string): SplitText {
  // Line ends found with indexOf: no regular expression, no array of separators.
  const texts: string[] = [];
  let eols = new Uint8Array(1024);
  const end = (code: number) => {
    if (texts.length > eols.length) {
      const larger = new Uint8Array(eols.length * 2);
      larger.set(eols);
      eols = larger;
    }
    eols[texts.length - 1] = code;
  };
  let start = 0;
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  for (;;) {
    if (cr < 0 && lf < 0) break;
    if (lf < 0 || (cr >= 0 && cr < lf)) {
      texts.push(text.slice(start, cr));
      if (cr + 1 === lf) {
        end(CRLF);
        start = lf + 1;
        lf = text.indexOf('\n', start);
      } else {
        end(CR);
        start = cr + 1;
      }
      cr = text.indexOf('\r', start);
    } else {
      texts.push(text.slice(start, lf));
      end(LF);
      start = lf + 1;
      lf = text.indexOf('\n', start);
    }
  }
  texts.push(text.slice(start));
  end(NONE);
  // Exact sizes: the model keeps these for its lifetime.
  return { texts: texts.slice(), eols: eols.slice(0, texts.length) };
}

/** Binary search over items in line order, each covering `count` lines from `start`: the one holding `line`. */
export function findByLine<T>(
  items: readonly T[],
  line: number,
  start: (item: T) => number,
  count: (item: T) => number,
): T | undefined {
  const index = firstIndexWhere(items, (item) => line < start(item) + count(item));
  return index < items.length && start(items[index]) <= line ? items[index] : undefined;
}

export class CableModel {
  private texts: string[];
  private eols: Uint8Array;
  private lexed: LexedLine[];
  private cableList: Cable[] = [];

  private constructor(text: string) {
    ({ texts: this.texts, eols: this.eols } = splitLines(text));
    this.lexed = lexLines(text, this.texts);
    this.cableList = this.buildCables(0, this.texts.length);
  }

  static parse(text: string): CableModel {
    return new CableModel(text);
  }

  get cables(): readonly Cable[] {
    return this.cableList;
  }

  get lineCount(): number {
    return this.texts.length;
  }

  lineText(line: number): string {
    return this.texts[line] ?? '';
  }

  getText(): string {
    let text = '';
    for (let i = 0; i < this.texts.length; i++) text += this.texts[i] + EOL_TEXT[this.eols[i]];
    return text;
  }

  /** The cable holding an absolute line. */
  cableAt(line: number): Cable | undefined {
    return findByLine(
      this.cableList,
      line,
      (cable) => cable.startLine,
      (cable) => cable.lineCount,
    );
  }

  applyChanges(changes: readonly TextChange[]): void {
    for (const change of changes) this.applyChange(change);
  }

  applyChange(change: TextChange): void {
    if (!change.range) {
      ({ texts: this.texts, eols: this.eols } = splitLines(change.text));
      this.lexed = lexLines(change.text, this.texts);
      this.cableList = this.buildCables(0, this.texts.length);
      return;
    }
    const last = this.texts.length - 1;
    // A range given end first is taken start first, as text documents take it (vscode-languageserver-textdocument).
    const [from, to] = isBefore(change.range.end, change.range.start)
      ? [change.range.end, change.range.start]
      : [change.range.start, change.range.end];
    let [startLine, startChar] = this.clamp(from, last);
    const [endLine, endChar] = this.clamp(to, last);
    if (endLine < startLine || (endLine === startLine && endChar < startChar)) return;
    let region =
      this.texts[startLine].slice(0, startChar) +
      change.text +
      this.texts[endLine].slice(endChar) +
      EOL_TEXT[this.eols[endLine]];
    // A "\n" landing after a lone "\r" line end joins it into one "\r\n" break.
    if (startLine > 0 && this.eols[startLine - 1] === CR && region.startsWith('\n')) {
      startLine--;
      startChar = 0;
      region = this.texts[startLine] + '\r' + region;
    }
    const split = splitLines(region);
    const texts = split.texts;
    let eols = split.eols;
    if (this.eols[endLine] !== NONE) {
      // The region ended with the old line end: the empty piece after it is the next line's start.
      texts.pop();
      eols = eols.subarray(0, texts.length);
    }
    const removed = endLine - startLine + 1;
    // The text first: if anything after it failed, the lines would still be the document's (see CableDocument).
    this.texts = splice(this.texts, startLine, removed, texts);
    this.eols = spliceBytes(this.eols, startLine, removed, eols);
    this.lexed = splice(this.lexed, startLine, removed, texts.map(lexLine));
    this.rebuildAround(startLine, endLine, texts.length - removed);
  }

  /** A position inside the document, as text documents clamp it: lines before the first are its start, after the last its end. */
  private clamp(position: Position, last: number): [number, number] {
    const line = Number(position.line);
    const character = Number(position.character);
    if (!(line >= 0)) return [0, 0]; // negative, or not a number
    if (line > last) return [last, this.texts[last].length];
    const whole = Math.floor(line);
    return [whole, character > 0 ? Math.min(Math.floor(character), this.texts[whole].length) : 0];
  }

  /**
   * Rebuilds the cables around an edit of old lines [editStart, editEnd] that moved later lines by
   * `delta`: from the cable of the edit (or the one before, when the edit touches its first line), until a
   * cable boundary found again after the edit is an old boundary; the cables from there on are kept, moved by `delta`.
   */
  private rebuildAround(editStart: number, editEnd: number, delta: number): void {
    const old = this.cableList;
    // The boundary at a cable's first line depends only on the lines up to it: an edit after that line leaves it, and
    // the walk starts there. An edit of the first line may join the cable to the one before: the walk starts there.
    const held = this.cableIndexAtOld(editStart);
    const first = old[held] && editStart > old[held].startLine ? held : Math.max(0, held - 1);
    const from = old[first]?.startLine ?? 0;
    const editEndNew = editEnd + delta;
    let resumeOld = old.length;
    let to = this.texts.length;
    // Walk the boundaries as findStarts does, stopping at the first old boundary after the edit.
    const starts = [from];
    const boundaries = new CableBoundaries();
    let oldIndex = first + 1;
    for (let i = from; i < this.texts.length; i++) {
      if (boundaries.opens(this.lexed[i], this.texts[i])) {
        if (i > editEndNew) {
          while (oldIndex < old.length && old[oldIndex].startLine + delta < i) oldIndex++;
          if (oldIndex < old.length && old[oldIndex].startLine + delta === i) {
            resumeOld = oldIndex;
            to = i;
            break;
          }
        }
        starts.push(i);
      }
    }
    const rebuilt = starts.map((start, k) =>
      buildCable(this.lexed, this.texts, start, k + 1 < starts.length ? starts[k + 1] : to),
    );
    const kept = old.slice(resumeOld);
    if (delta !== 0) for (const cable of kept) cable.startLine += delta;
    this.cableList = [...old.slice(0, first), ...rebuilt, ...kept];
  }

  /** Index of the cable that held an old line, before the arrays were spliced (cables still old). */
  private cableIndexAtOld(line: number): number {
    return Math.max(0, firstIndexWhere(this.cableList, (cable) => cable.startLine > line) - 1);
  }

  private buildCables(from: number, to: number): Cable[] {
    const starts = findStarts(this.lexed, this.texts, from, to);
    return starts.map((start, k) =>
      buildCable(this.lexed, this.texts, start, k + 1 < starts.length ? starts[k + 1] : to),
    );
  }
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * `array.splice(start, deleteCount, ...items)` without spreading `items` into arguments, which throws beyond about
 * 100 000 items (a large paste): the same array, or a new one for large insertions.
 */
function splice<T>(array: T[], start: number, deleteCount: number, items: T[]): T[] {
  if (items.length <= 1000) {
    array.splice(start, deleteCount, ...items);
    return array;
  }
  return array.slice(0, start).concat(items, array.slice(start + deleteCount));
}

/** `splice` for line ends: in place when the number of lines stays, else a new array. */
function spliceBytes(array: Uint8Array, start: number, deleteCount: number, items: Uint8Array): Uint8Array {
  if (items.length === deleteCount) {
    array.set(items, start);
    return array;
  }
  const out = new Uint8Array(array.length - deleteCount + items.length);
  out.set(array.subarray(0, start));
  out.set(items, start);
  out.set(array.subarray(start + deleteCount), start + items.length);
  return out;
}

function findStarts(lexed: readonly LexedLine[], texts: readonly string[], from: number, to: number): number[] {
  const starts = [from];
  const boundaries = new CableBoundaries();
  for (let i = from; i < to; i++) if (boundaries.opens(lexed[i], texts[i]) && i > from) starts.push(i);
  return starts;
}
