// Grammar and semantic tokens agree: what the server reports as an element gets the grammar's scope
// for that element, and the manifest's semanticTokenScopes map each semantic token to that scope.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SEMANTIC_TOKENS, semanticTokenScopes } from '../../server/src/features/semanticTokens';
import { CableModel } from '../../server/src/syntax/model';
import { TokenKind } from '../../server/src/syntax/types';
import { fixtureNames, readFixture } from '../support/fixtures';
import { projectRoot } from '../support/paths';
import { tokenize } from './tokenize';

/** Other grammar scopes that name the same element (VZCZC is a prosign the grammar calls transmission). */
const ALSO: Partial<Record<TokenKind, string[]>> = {
  prosign: ['keyword.control.transmission'],
  declassification: ['constant.language.decl'],
};

/** Kinds the grammar recognises by context that a line-based grammar cannot always see (see the grammar's notes). */
const MINIMUM_AGREEMENT = 0.8;

/** Kinds that only the server can see, and why: semantic highlighting colours them, the grammar leaves them as text. */
const SERVER_ONLY: Partial<Record<TokenKind, string>> = {
  heading:
    'a title is known by the underline on the next line, which a grammar that reads one line at a time cannot see',
};

test('every element kind the server reports gets the matching grammar scope on the fixtures', async () => {
  const counts = new Map<TokenKind, { agree: number; total: number; example?: string }>();
  for (const name of fixtureNames()) {
    const text = readFixture(name);
    const model = CableModel.parse(text);
    const grammar = await tokenize(text);
    for (const cable of model.cables) {
      cable.lines.forEach((line, rel) => {
        const scoped = grammar[cable.startLine + rel];
        for (const token of line.tokens) {
          const prefixes = [SEMANTIC_TOKENS[token.kind].scope.replace(/\.cable$/, ''), ...(ALSO[token.kind] ?? [])];
          const scopes = scoped.filter((g) => g.start < token.end && token.start < g.end).flatMap((g) => g.scopes);
          const count = counts.get(token.kind) ?? { agree: 0, total: 0 };
          count.total++;
          if (scopes.some((scope) => prefixes.some((prefix) => scope.startsWith(prefix)))) count.agree++;
          else
            count.example ??= `${name}:${cable.startLine + rel + 1} ${model.lineText(cable.startLine + rel).slice(token.start, token.end)} -> ${scopes.join(' ')}`;
          counts.set(token.kind, count);
        }
      });
    }
  }
  const weak = [...counts]
    .filter(([kind, c]) => !SERVER_ONLY[kind] && c.agree / c.total < MINIMUM_AGREEMENT)
    .map(([kind, c]) => `${kind} ${c.agree}/${c.total}, e.g. ${c.example}`);
  assert.deepEqual(weak, []);
  const shared = [...counts].filter(([kind]) => !SERVER_ONLY[kind]).map(([, c]) => c);
  const agree = shared.reduce((sum, c) => sum + c.agree, 0);
  const total = shared.reduce((sum, c) => sum + c.total, 0);
  assert.ok(agree / total >= 0.95, `${agree} of ${total} tokens agree`);
  // Every kind the server can report was seen on the fixtures, except those absent from them.
  assert.deepEqual(
    Object.keys(SEMANTIC_TOKENS).filter((k) => !counts.has(k as TokenKind)),
    [],
  );
});

test('the manifest maps every semantic token to its grammar scope', () => {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.semanticTokenScopes, [{ language: 'cable', scopes: semanticTokenScopes() }]);
});
