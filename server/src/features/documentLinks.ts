// Document links: every citation whose cable is in the workspace links to that cable (file and line). Citations of
// cables that are not indexed get no link.
import { DocumentLink } from 'vscode-languageserver-types';
import { cableTitle, spanRange } from './navigation';
import { DocumentContext } from './context';

export function documentLinks({ index, uri }: DocumentContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const cable of index.cablesOf(uri)) {
    for (const citation of cable.info.citations) {
      const id = index.resolve(citation);
      const target = id && index.lookup(id)[0];
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
