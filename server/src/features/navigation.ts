// Shared by the cross-cable features (links, definition, references, workspace symbols): where an indexed cable and
// its citations are in their files, and what is under a position.
import { Location, LocationLink, Position, Range } from 'vscode-languageserver-types';
import { findByLine } from '../syntax/model';
import { CableIndex, IndexedCable, IndexedCitation, RelativeSpan } from '../workspace/cableIndex';

export function spanRange(cable: IndexedCable, span: RelativeSpan): Range {
  const line = cable.startLine + span.line;
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

/** The whole cable, first line to last. */
function cableRange(cable: IndexedCable): Range {
  return {
    start: { line: cable.startLine, character: 0 },
    end: { line: cable.startLine + cable.info.lineCount - 1, character: cable.info.lastLineLength },
  };
}

/** Where a cable is shown: its classification line (else its first header line). */
export function cableLocation(cable: IndexedCable): Location {
  return { uri: cable.uri, range: spanRange(cable, cable.info.anchor) };
}

export function cableLink(cable: IndexedCable, origin?: Range): LocationLink {
  return {
    ...(origin ? { originSelectionRange: origin } : {}),
    targetUri: cable.uri,
    targetRange: cableRange(cable),
    targetSelectionRange: spanRange(cable, cable.info.anchor),
  };
}

/** The cable of a file that holds a line (binary search over the file's cables, which are in order). */
export function cableAtLine(cables: readonly IndexedCable[], line: number): IndexedCable | undefined {
  return findByLine(
    cables,
    line,
    (cable) => cable.startLine,
    (cable) => cable.info.lineCount,
  );
}

/** The citation under a position of a file, with its cable. */
export function citationAt(
  index: CableIndex,
  uri: string,
  position: Position,
): { cable: IndexedCable; citation: IndexedCitation } | undefined {
  const cable = cableAtLine(index.cablesOf(uri), position.line);
  if (!cable) return undefined;
  const rel = position.line - cable.startLine;
  const citation = cable.info.citations.find(
    (c) => c.line === rel && c.start <= position.character && position.character <= c.end,
  );
  return citation && { cable, citation };
}

/** `09STATE15113: SUBJECT...`, for tooltips. */
export function cableTitle(cable: IndexedCable): string {
  return cable.info.subject ? `${cable.info.id}: ${cable.info.subject}` : cable.info.id;
}
