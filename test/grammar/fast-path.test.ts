// The grammar's fast path (#plain-line for a whole line, #line holding every rule for the other lines, #plain-text
// for runs of text within them) only saves time: every character gets the scopes it gets from the same rules tried
// in one flat list at the root, as before the fast path. #plain-line and #plain-text repeat the starts of the
// line-start and in-line rules; this test catches a rule added without them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { fixtureNames, readFixture } from '../support/fixtures';
import { projectRoot } from '../support/paths';
import { CABLE_SCOPE, splitLines } from './tokenize';

interface RawGrammar {
  patterns: { include?: string }[];
  repository: Record<string, { patterns?: { include?: string }[] }>;
}

const grammarFile = join(projectRoot, 'syntaxes', 'cable.tmLanguage.json');

/** The grammar without the fast path: the pre-header, then every rule of #line but #plain-text, at the root. */
function flatGrammar(): string {
  const raw = JSON.parse(readFileSync(grammarFile, 'utf8')) as RawGrammar;
  assert.deepEqual(
    raw.patterns.map((p) => p.include),
    ['#pre-header', '#plain-line', '#line'],
  );
  const rules = raw.repository.line.patterns ?? [];
  assert.equal(rules[0]?.include, '#plain-text');
  raw.patterns = [{ include: '#pre-header' }, ...rules.slice(1)];
  return JSON.stringify(raw);
}

async function load(text: string): Promise<IGrammar> {
  const registry = new Registry({
    onigLib: loadWASM(readFileSync(join(projectRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'))).then(
      () => ({ createOnigScanner, createOnigString }),
    ),
    loadGrammar: async (scopeName) =>
      scopeName === CABLE_SCOPE ? parseRawGrammar(text, 'cable.tmLanguage.json') : null,
  });
  const grammar = await registry.loadGrammar(CABLE_SCOPE);
  assert.ok(grammar);
  return grammar;
}

/** Per line, the scopes of every character (token boundaries may differ: the fast path joins unscoped text). */
function scopesByCharacter(grammar: IGrammar, text: string): string[][] {
  let state = INITIAL;
  return splitLines(text).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const scopes: string[] = [];
    for (const token of result.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) scopes[i] = token.scopes.join(' ');
    }
    return scopes;
  });
}

/** Prose with every in-line element at a word start, inside a word, after a paragraph number and at a line start. */
function elementLines(): string {
  const elements = [
    'E.O. 12958: DECL: 10/16/2019',
    'EO 12958 N/A',
    'DECL: OADR',
    'decll: 1/2/2010',
    'TAGS: PREL PGOV',
    'TAG: PTER',
    'SUBJECT: TALKS',
    'REF: A. STATE 1',
    'REFTEL: B',
    'Classified By: Ambassador',
    'CLASSIFIED BY: DCM',
    'MADRID 00000766 001.2 OF 003',
    'XXXXXXXXXXXX',
    'xxxxxx',
    'SIPDIS',
    'sipdis',
    'Noforn',
    'NODIS',
    'EXDIS',
    'LIMDIS',
    'STADIS',
    '(Note: a',
    '( comment : b',
    'BEGIN TEXT',
    'begin talking points',
    'End Summary.',
    'end of note',
    'END TEXT',
  ];
  const lines: string[] = [];
  for (const element of elements) {
    lines.push(
      `the minister said ${element} today`,
      `the minister said a${element}b today`,
      `¶1. (C) the minister said ${element} today`,
      `${element} the minister said`,
      '',
    );
  }
  return lines.join('\n');
}

test('the fast path gives every character of the fixtures and the assertion cases the scopes of the flat grammar', async () => {
  const fast = await load(readFileSync(grammarFile, 'utf8'));
  const flat = await load(flatGrammar());
  const texts: [string, string][] = [
    ...fixtureNames().map((name): [string, string] => [name, readFixture(name)]),
    ['assertions.txt', readFileSync(join(projectRoot, 'test', 'grammar', 'assertions.txt'), 'utf8')],
    ['in-line elements', elementLines()],
  ];
  for (const [name, text] of texts) {
    const expected = scopesByCharacter(flat, text);
    const actual = scopesByCharacter(fast, text);
    actual.forEach((line, index) => assert.deepEqual(line, expected[index], `${name}:${index + 1}`));
  }
});
