// The model of one document: its lines, each line lexed, and the cables built from them.
// An edit re-lexes only the lines it touches and rebuilds only the cables around them.
import { lexLine } from './lexer';
import { buildCable, CableBoundaries } from './structure';
import { Cable, LexedLine } from './types';

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
  eols: string[];
}

/** Splits text into lines and their line ends (\r\n, \n or \r; '' after the last line). */
function splitLines(text: string): SplitText {
  if (!text.includes('\r')) {
    const texts = text.split('\n');
    const eols = new Array<string>(texts.length).fill('\n');
    eols[eols.length - 1] = '';
    return { texts, eols };
  }
  // Native split with the separators captured: text, eol, text, eol, ..., text.
  const pieces = text.split(/(\r\n|\r|\n)/);
  const count = (pieces.length + 1) / 2;
  const texts = new Array<string>(count);
  const eols = new Array<string>(count);
  for (let k = 0; k < count; k++) {
    texts[k] = pieces[2 * k];
    eols[k] = pieces[2 * k + 1] ?? '';
  }
  return { texts, eols };
}

export class CableModel {
  private texts: string[];
  private eols: string[];
  private lexed: LexedLine[];
  private cableList: Cable[] = [];

  private constructor(text: string) {
    ({ texts: this.texts, eols: this.eols } = splitLines(text));
    this.lexed = this.texts.map(lexLine);
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
    for (let i = 0; i < this.texts.length; i++) text += this.texts[i] + this.eols[i];
    return text;
  }

  /** The cable holding an absolute line (binary search). */
  cableAt(line: number): Cable | undefined {
    const cables = this.cableList;
    let low = 0;
    let high = cables.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const cable = cables[mid];
      if (line < cable.startLine) high = mid - 1;
      else if (line >= cable.startLine + cable.lineCount) low = mid + 1;
      else return cable;
    }
    return undefined;
  }

  applyChanges(changes: readonly TextChange[]): void {
    for (const change of changes) this.applyChange(change);
  }

  applyChange(change: TextChange): void {
    if (!change.range) {
      ({ texts: this.texts, eols: this.eols } = splitLines(change.text));
      this.lexed = this.texts.map(lexLine);
      this.cableList = this.buildCables(0, this.texts.length);
      return;
    }
    const last = this.texts.length - 1;
    let [startLine, startChar] = this.clamp(change.range.start, last);
    const [endLine, endChar] = this.clamp(change.range.end, last);
    if (endLine < startLine || (endLine === startLine && endChar < startChar)) return;
    let region = this.texts[startLine].slice(0, startChar) + change.text + this.texts[endLine].slice(endChar) + this.eols[endLine];
    // A "\n" landing after a lone "\r" line end joins it into one "\r\n" break.
    if (startLine > 0 && this.eols[startLine - 1] === '\r' && region.startsWith('\n')) {
      startLine--;
      startChar = 0;
      region = this.texts[startLine] + '\r' + region;
    }
    const { texts, eols } = splitLines(region);
    if (this.eols[endLine] !== '') {
      // The region ended with the old line end: the empty piece after it is the next line's start.
      texts.pop();
      eols.pop();
    }
    const removed = endLine - startLine + 1;
    this.texts.splice(startLine, removed, ...texts);
    this.eols.splice(startLine, removed, ...eols);
    this.lexed.splice(startLine, removed, ...texts.map(lexLine));
    this.rebuildAround(startLine, endLine, texts.length - removed);
  }

  private clamp(position: Position, last: number): [number, number] {
    const line = Math.max(0, Math.min(position.line, last));
    const character = position.line > last ? this.texts[line].length : Math.max(0, Math.min(position.character, this.texts[line].length));
    return [line, character];
  }

  /**
   * Rebuilds the cables around an edit of old lines [editStart, editEnd] that moved later lines by
   * `delta`: from the cable before the edit, until a cable boundary found again after the edit is
   * an old boundary; the cables from there on are kept, moved by `delta`.
   */
  private rebuildAround(editStart: number, editEnd: number, delta: number): void {
    const old = this.cableList;
    const first = Math.max(0, this.cableIndexAtOld(editStart) - 1);
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
    const rebuilt = starts.map((start, k) => buildCable(this.lexed, this.texts, start, k + 1 < starts.length ? starts[k + 1] : to));
    const kept = old.slice(resumeOld);
    if (delta !== 0) for (const cable of kept) cable.startLine += delta;
    this.cableList = [...old.slice(0, first), ...rebuilt, ...kept];
  }

  /** Index of the cable that held an old line, before the arrays were spliced (cables still old). */
  private cableIndexAtOld(line: number): number {
    const cables = this.cableList;
    let low = 0;
    let high = cables.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (cables[mid].startLine <= line) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private buildCables(from: number, to: number): Cable[] {
    const starts = findStarts(this.lexed, this.texts, from, to);
    return starts.map((start, k) => buildCable(this.lexed, this.texts, start, k + 1 < starts.length ? starts[k + 1] : to));
  }
}

function findStarts(lexed: readonly LexedLine[], texts: readonly string[], from: number, to: number): number[] {
  const starts = [from];
  const boundaries = new CableBoundaries();
  for (let i = from; i < to; i++) if (boundaries.opens(lexed[i], texts[i]) && i > from) starts.push(i);
  return starts;
}
