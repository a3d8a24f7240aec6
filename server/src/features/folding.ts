// Folding ranges: each cable of a file of several, routing header, caption block, REF block, sections, paragraphs,
// Summary/Comment blocks.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { CableReader } from '../facts/facts';
import { Cable } from '../syntax/types';
import { DocumentContext } from './context';

/**
 * A cable's ranges and the line the cable started on when they were made, kept per cable object: an edit rebuilds the
 * cables it touches, the others keep their ranges (moved when lines above them were added or removed). Returned
 * ranges are never changed in place.
 */
const cache = new WeakMap<Cable, { startLine: number; whole?: FoldingRange; parts: FoldingRange[] }>();

/**
 * The ranges of every cable; the cable as a whole only in a file of several, where folding each cable leaves a list of
 * them. Folding a lone cable would fold the whole file, and its range would hide the header's, which mostly starts on
 * the same line: VS Code keeps the first of the ranges that start on a line (other editors nest them).
 */
export function foldingRanges({ reader }: DocumentContext): FoldingRange[] {
  const { cables } = reader.model;
  const ranges: FoldingRange[] = [];
  const several = cables.length > 1;
  for (const cable of cables) {
    let placed = cache.get(cable);
    if (placed?.startLine !== cable.startLine) {
      const delta = placed ? cable.startLine - placed.startLine : 0;
      placed = placed
        ? {
            startLine: cable.startLine,
            whole: placed.whole && moved(placed.whole, delta),
            parts: placed.parts.map((r) => moved(r, delta)),
          }
        : { startLine: cable.startLine, ...cableRanges(reader, cable) };
      cache.set(cable, placed);
    }
    if (several && placed.whole) ranges.push(placed.whole);
    for (const range of placed.parts) ranges.push(range);
  }
  return ranges;
}

/** The range of the whole cable (up to its last line of text) and those of its parts. */
function cableRanges(reader: CableReader, cable: Cable): { whole?: FoldingRange; parts: FoldingRange[] } {
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    if (end > start) ranges.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
  };
  const at = (rel: number) => cable.startLine + rel;
  const last = reader.lastTextLine(cable);
  const whole: FoldingRange | undefined = last > 0 ? { startLine: at(0), endLine: at(last) } : undefined;
  if (cable.headerRange) add(at(cable.headerRange.startLine), at(cable.headerRange.endLine), FoldingRangeKind.Imports);
  if (cable.captionBlock) add(at(cable.captionBlock.startLine), at(cable.captionBlock.endLine));
  if (cable.references) add(at(cable.references.startLine), at(cable.references.endLine));
  if (cable.subject) add(at(cable.subject.startLine), at(cable.subject.endLine));
  if (cable.sections.length > 1)
    for (const s of cable.sections) add(at(s.startLine), at(Math.min(s.endLine, last)), FoldingRangeKind.Region);
  // A paragraph that the next one runs into folds up to the line before: folding it never hides the next one.
  for (const p of cable.paragraphs) add(at(p.startLine), at(p.endColumn === undefined ? p.endLine : p.endLine - 1));
  for (const b of cable.blocks) add(at(b.opener.line), at(b.endLine), FoldingRangeKind.Region);
  // In line order, and of the ranges that start on one line the outermost first: it is the one VS Code keeps there
  // (section 1 rather than the caption block on its classification line, a Summary over several paragraphs rather
  // than the paragraph it opens in); of two equal ranges, the one with a kind (a Summary that is its paragraph stays
  // a region, which Fold All Regions folds).
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine || Number(!a.kind) - Number(!b.kind));
  return { whole, parts: ranges };
}

function moved({ startLine, endLine, ...rest }: FoldingRange, delta: number): FoldingRange {
  return { startLine: startLine + delta, endLine: endLine + delta, ...rest };
}
