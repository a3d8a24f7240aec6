// Tokenizes text with the extension's TextMate grammar (or another stored grammar) the way VS Code does:
// vscode-textmate driven by the Oniguruma WebAssembly build, one line at a time, the rule stack carried over.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { projectRoot } from '../support/paths';

export const CABLE_SCOPE = 'text.cable';
export const MARKDOWN_SCOPE = 'text.html.markdown';

/** Grammar files by scope name; any other scope a grammar includes (code blocks in Markdown) stays unresolved. */
const grammarFiles: Record<string, string> = {
  [CABLE_SCOPE]: join(projectRoot, 'syntaxes', 'cable.tmLanguage.json'),
  [MARKDOWN_SCOPE]: join(projectRoot, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json'),
};

export interface ScopedToken {
  /** Offsets in the line, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Outermost first; the first is always the grammar's root scope. */
  scopes: string[];
}

let registry: Registry | undefined;
const loaded = new Map<string, Promise<IGrammar>>();

function getRegistry(): Registry {
  registry ??= new Registry({
    onigLib: loadWASM(readFileSync(join(projectRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'))).then(
      () => ({ createOnigScanner, createOnigString }),
    ),
    loadGrammar: async (scopeName) => {
      const file = grammarFiles[scopeName];
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
  return registry;
}

/** The grammar for `scopeName`, loaded once per process. */
export function loadGrammar(scopeName = CABLE_SCOPE): Promise<IGrammar> {
  let grammar = loaded.get(scopeName);
  if (!grammar) {
    grammar = getRegistry()
      .loadGrammar(scopeName)
      .then((g) => g ?? Promise.reject(new Error(`no grammar for ${scopeName}`)));
    loaded.set(scopeName, grammar);
  }
  return grammar;
}

/** Lines as an editor sees them: split on CRLF, CR or LF, without the line ends. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tokens per line of `text`, each with its full scope list. */
export async function tokenize(text: string, scopeName = CABLE_SCOPE): Promise<ScopedToken[][]> {
  const grammar = await loadGrammar(scopeName);
  let state = INITIAL;
  return splitLines(text).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => {
      const end = Math.min(t.endIndex, line.length);
      return { start: t.startIndex, end, text: line.slice(t.startIndex, end), scopes: t.scopes };
    });
  });
}
