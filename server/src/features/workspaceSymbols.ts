// Workspace symbols: cables by reference ID (`09dushanbe1151`, `dushanbe 1151`, `1151`) or by the first letters of
// words of their subject (`russ dep`), case-insensitive. The name carries the subject, since editors filter the
// answers by name again.
import { SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import { IndexedCable } from '../workspace/cableIndex';
import { cableLocation } from './navigation';
import { WorkspaceContext } from './context';

/**
 * How well a cable matches: 0 the query starts its ID, 1 is in its ID, 2 every query word is in the ID or starts a
 * word of the subject; undefined when it does not match.
 */
function rank(cable: IndexedCable, compact: string, words: readonly string[]): number | undefined {
  const id = cable.info.id;
  if (id.startsWith(compact)) return 0;
  if (id.includes(compact)) return 1;
  const subject = ` ${cable.info.subjectKey}`;
  return words.every((word) => id.includes(word) || subject.includes(` ${word}`)) ? 2 : undefined;
}

function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function workspaceSymbols({ index }: WorkspaceContext, query: string, limit = 1000): SymbolInformation[] {
  const words = query
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const compact = words.join('');
  const matches: Array<{ cable: IndexedCable; rank: number }> = [];
  for (const cable of index.cables()) {
    const r = rank(cable, compact, words);
    if (r !== undefined) matches.push({ cable, rank: r });
  }
  matches.sort(
    (a, b) => a.rank - b.rank || (a.cable.info.id < b.cable.info.id ? -1 : a.cable.info.id > b.cable.info.id ? 1 : 0),
  );
  return matches.slice(0, limit).map(({ cable }) => ({
    name: cable.info.subject ? `${cable.info.id} — ${cable.info.subject}` : cable.info.id,
    kind: SymbolKind.File,
    location: cableLocation(cable),
    containerName: fileName(cable.uri),
  }));
}
