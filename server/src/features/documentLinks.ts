// Document links: every citation whose cable is in the workspace links to that cable (file and line). Citations of
// cables that are not indexed get no link.
import { DocumentLink } from 'vscode-languageserver-types';
import { cableTitle, spanRange } from './navigation';
import { DocumentContext } from './context';

/** A URI's scheme and authority (`file://`, `cablegate://3f086f14`): where its file is kept. */
const placeOf = (uri: string) => /^[^:/]*:(?:\/\/[^/]*)?/.exec(uri)?.[0];

export function documentLinks({ index, uri }: DocumentContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  const here = placeOf(uri);
  for (const cable of index.cablesOf(uri)) {
    for (const citation of cable.info.citations) {
      const id = index.resolve(citation);
      // One target: a copy kept where the citing cable is, when there is one (a REF in an archive opens the archive's).
      const copies = id ? index.lookup(id) : [];
      const target = copies.find((copy) => placeOf(copy.uri) === here) ?? copies[0];
      if (!target) continue;
      const anchor = target.info.anchor;
      // `#L<line>,<column>` (1-based) opens the file at the cable in VS Code; other editors open the file.
      links.push({
        range: spanRange(cable, citation),
        target: `${target.uri}#L${target.startLine + anchor.line + 1},${anchor.start + 1}`,
        tooltip: cableTitle(target),
      });
    }
  }
  return links;
}
