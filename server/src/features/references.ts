// Find references: every citation of a cable across the workspace (open documents as edited, other files as on
// disk). The cable is the one cited under the position, or the one whose header, classification line or subject
// holds the position.
import { Location, Position } from 'vscode-languageserver-types';
import { CableIndex } from '../workspace/cableIndex';
import { cableAtLine, cableLocation, citationAt, spanRange } from './navigation';
import { DocumentContext } from './context';

/** The reference ID that a position stands for, if any. */
function referenceIdAt(index: CableIndex, uri: string, position: Position): string | undefined {
  const found = citationAt(index, uri, position);
  if (found) return index.resolve(found.citation);
  const cable = cableAtLine(index.cablesOf(uri), position.line);
  if (!cable || !cable.info.complete || position.line > cable.startLine + cable.info.headEndLine) return undefined;
  return cable.info.id;
}

export function references(
  { index, uri }: DocumentContext,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const id = referenceIdAt(index, uri, position);
  if (!id) return [];
  const sites = index
    .citationsOf(id)
    .map(({ cable, citation }) => ({ uri: cable.uri, range: spanRange(cable, citation) }));
  return includeDeclaration ? [...index.lookup(id).map(cableLocation), ...sites] : sites;
}
