// Folding ranges: routing header, caption block, REF block, sections, paragraphs, Summary/Comment blocks.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { CableModel } from '../syntax/model';
import { Cable } from '../syntax/types';
import { DocumentContext } from './context';

/**
 * A cable's ranges and the line the cable started on when they were made, kept per cable object: an edit rebuilds the
 * cables it touches, the others keep their ranges (moved when lines above them were added or removed). Returned
 * ranges are never changed in place.
 */
const cache = new WeakMap<Cable, { startLine: number; ranges: FoldingRange[] }>();

export function foldingRanges({ reader: { model } }: DocumentContext): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const cable of model.cables) {
    let placed = cache.get(cable);
    if (placed?.startLine !== cable.startLine) {
      const delta = placed ? cable.startLine - placed.startLine : 0;
      placed = {
        startLine: cable.startLine,
        ranges: placed ? placed.ranges.map((r) => moved(r, delta)) : cableRanges(model, cable),
      };
      cache.set(cable, placed);
    }
    for (const range of placed.ranges) ranges.push(range);
  }
  return ranges;
}

function cableRanges(model: CableModel, cable: Cable): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    if (end > start) ranges.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
  };
  const at = (rel: number) => cable.startLine + rel;
  let last = cable.lineCount - 1;
  while (last > 0 && !model.lineText(at(last)).trim()) last--;
  add(at(0), at(last));
  if (cable.headerRange) add(at(cable.headerRange.startLine), at(cable.headerRange.endLine), FoldingRangeKind.Imports);
  if (cable.captionBlock) add(at(cable.captionBlock.startLine), at(cable.captionBlock.endLine));
  if (cable.references) add(at(cable.references.startLine), at(cable.references.endLine));
  if (cable.subject) add(at(cable.subject.startLine), at(cable.subject.endLine));
  if (cable.sections.length > 1)
    for (const s of cable.sections) add(at(s.startLine), at(Math.min(s.endLine, last)), FoldingRangeKind.Region);
  // A paragraph that the next one runs into folds up to the line before: folding it never hides the next one.
  for (const p of cable.paragraphs) add(at(p.startLine), at(p.endColumn === undefined ? p.endLine : p.endLine - 1));
  for (const b of cable.blocks) add(at(b.opener.line), at(b.endLine), FoldingRangeKind.Region);
  return ranges;
}

function moved({ startLine, endLine, ...rest }: FoldingRange, delta: number): FoldingRange {
  return { startLine: startLine + delta, endLine: endLine + delta, ...rest };
}
