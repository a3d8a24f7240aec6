// The reviewed, line-oriented form of a tokenization: one row per token that carries a scope of its own.
import type { ScopedToken } from './tokenize';

/** Scopes a reader cares about: the root scope and structural `meta.*` scopes are left out. */
export function visibleScopes(token: ScopedToken): string[] {
  return token.scopes.slice(1).filter((scope) => !scope.startsWith('meta.'));
}

/**
 * `line:startCol-endCol "text" -> scopes`, lines and columns 1-based, columns inclusive,
 * for every non-blank token that has a visible scope; scopes outermost first, meta scopes omitted.
 */
export function formatScopes(lines: ScopedToken[][]): string {
  const rows: string[] = [];
  lines.forEach((tokens, index) => {
    for (const token of tokens) {
      const scopes = visibleScopes(token);
      if (scopes.length === 0 || token.text.trim() === '') continue;
      rows.push(`${index + 1}:${token.start + 1}-${token.end} ${JSON.stringify(token.text)} -> ${scopes.join(' ')}`);
    }
  });
  return rows.join('\n') + '\n';
}
