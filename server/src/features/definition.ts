// Go to definition: on a citation (`09 STATE 12345`, `SECSTATE 15113`, `DOHA 152 (08)`) or on a reference ID in
// the text (`09STATE122115`), the cited cable wherever it is in the workspace (several places when it is in several files).
import { Location, LocationLink, Position } from 'vscode-languageserver-types';
import { cableLink, cableLocation, citationAt, spanRange } from './navigation';
import { DocumentContext } from './context';

/** Location links (with the citation as origin) when the client takes them, else plain locations; null off a citation. */
export function definition(
  { index, uri }: DocumentContext,
  position: Position,
  linkSupport = true,
): LocationLink[] | Location[] | null {
  const found = citationAt(index, uri, position);
  const id = found && index.resolve(found.citation);
  if (!found || !id) return null;
  const targets = index.lookup(id);
  if (!linkSupport) return targets.map(cableLocation);
  const origin = spanRange(found.cable, found.citation);
  return targets.map((target) => cableLink(target, origin));
}
