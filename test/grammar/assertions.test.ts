// Checks the caret assertions of assertions.txt (format described at the top of that file).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../support/paths';
import { visibleScopes } from './snapshot';
import { tokenize, type ScopedToken } from './tokenize';

interface Assertion {
  /** Line in assertions.txt, for messages. */
  fileLine: number;
  /** Index of the asserted line within the case's source. */
  line: number;
  columns: number[];
  /** `has`: all `scopes` present; `lacks`: no scope starts with one of `scopes` (none given: no visible scope at all). */
  kind: 'has' | 'lacks';
  scopes: string[];
}

interface Case {
  name: string;
  source: string[];
  assertions: Assertion[];
}

function parseCases(text: string): Case[] {
  const cases: Case[] = [];
  text.split('\n').forEach((raw, index) => {
    const fileLine = index + 1;
    if (raw.startsWith('## ')) {
      cases.push({ name: raw.slice(3).trim(), source: [], assertions: [] });
      return;
    }
    if (raw.startsWith('#')) return;
    const current = cases.at(-1);
    if (!current) return;
    const carets = /^(\s*)(\^+)\s*(.*)$/.exec(raw);
    if (!carets) {
      current.source.push(raw);
      return;
    }
    const [, indent, marks, spec] = carets;
    assert.ok(current.source.length > 0, `assertions.txt:${fileLine}: assertion before any source line`);
    const columns = Array.from({ length: marks.length }, (_, i) => indent.length + i);
    const words = spec.split(/\s+/).filter(Boolean);
    const lacks = words[0] === '-';
    assert.ok(lacks || words.length > 0, `assertions.txt:${fileLine}: no scope to assert`);
    current.assertions.push({
      fileLine,
      line: current.source.length - 1,
      columns,
      kind: lacks ? 'lacks' : 'has',
      scopes: lacks ? words.slice(1) : words,
    });
  });
  return cases;
}

function tokenAt(tokens: ScopedToken[], column: number): ScopedToken | undefined {
  return tokens.find((t) => t.start <= column && column < t.end);
}

/** Why the assertion fails at `column`, or undefined if it holds. */
function violation(a: Assertion, token: ScopedToken | undefined): string | undefined {
  const scopes = token ? visibleScopes(token) : [];
  const shown = `${JSON.stringify(token?.text ?? '')} has [${scopes.join(' ')}]`;
  if (a.kind === 'has') {
    const missing = a.scopes.filter((s) => !scopes.includes(s));
    return missing.length ? `${shown}, missing ${missing.join(' ')}` : undefined;
  }
  const banned = a.scopes.length
    ? scopes.filter((s) => a.scopes.some((p) => s === p || s.startsWith(`${p}.`)))
    : scopes;
  return banned.length ? `${shown}, must not have ${banned.join(' ')}` : undefined;
}

const cases = parseCases(readFileSync(join(projectRoot, 'test', 'grammar', 'assertions.txt'), 'utf8'));

test('assertions.txt has cases', () => {
  assert.ok(cases.length > 10);
});

for (const c of cases) {
  test(`assertions: ${c.name}`, async () => {
    const lines = await tokenize(c.source.join('\n'));
    const failures = c.assertions.flatMap((a) =>
      a.columns.flatMap((column) => {
        const why = violation(a, tokenAt(lines[a.line], column));
        return why ? [`assertions.txt:${a.fileLine} column ${column + 1}: ${why}`] : [];
      }),
    );
    // One message per assertion line is enough.
    const unique = [...new Map(failures.map((f) => [f.split(' column ')[0], f])).values()];
    assert.deepEqual(unique, []);
  });
}
