// Catastrophic backtracking: every regular expression literal in server/src (found with the TypeScript parser, so a new
// one is checked too) is run on long runs of the characters it loops on; the few that grow faster than linearly are
// listed below with the bound their input has where they are used. The patterns rewritten for speed are checked
// against the old ones, and the lexer is run on long runs after every line prefix that steers it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import fc from 'fast-check';
import { lexLine } from '../../server/src/syntax/lexer';
import { isTagsContinuation } from '../../server/src/syntax/structure';
import { projectRoot } from '../support/paths';

interface Literal {
  where: string;
  source: string;
  flags: string;
}

/** Every regular expression literal under server/src. TypeScript is loaded at run time, not bundled into the test. */
function regexLiterals(): Literal[] {
  const ts: typeof import('typescript') = createRequire(__filename)('typescript');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  const found: Literal[] = [];
  for (const file of files(join(projectRoot, 'server', 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: import('typescript').Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        found.push({
          where: `${relative(projectRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`,
          source: text.slice(1, slash),
          flags: text.slice(slash + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * Patterns that backtrack more than linearly on some input, and why that is safe where they are used: the most
 * characters they are ever given, and what it costs.
 */
const BOUNDED: Record<string, { bound: number; why: string }> = {
  '^\\(\\s*(?:U|SBU|C|S|TS|LOU)(?:\\s*(?:\\/\\/?|-|\\s)\\s*[A-Za-z][A-Za-z ]*?)*\\s*\\)$': {
    bound: 22,
    why: 'isPortionMarking: its callers pass at most 22 characters (the patterns that find the parentheses)',
  },
  '^REASONS?\\s*:?\\s*1[./]\\d': { bound: 24, why: 'tested on the first 24 characters of a line' },
  '(\\d+)\\D+(\\d+)': { bound: 40, why: 'section numbers, read from a SECTION nn OF mm token' },
  '\\s*\\(.*\\)\\s*': { bound: 200, why: 'tables/precedence.ts: reads the fixed precedence table' },
  ...Object.fromEntries(
    ['[A-Za-z0-9¶(/]*$', '[A-Za-z]*$', '\\d*$', '\\(?[A-Za-z/]*$', 'R?[A-Z]*$'].map((source) => [
      source,
      { bound: 64, why: 'completion.ts wordRange: the word before the cursor, read from at most 64 characters' },
    ]),
  ),
};

const SEPARATORS = [' ', '\t', '.', ',', '-', '/', ':', '(', ')'];

interface Attack {
  prefix: string;
  pump: string;
  end: string;
}

/** Inputs that pump each character the pattern names, alone and alternating with separators, after its literal prefix. */
function attacks(literal: Literal): Attack[] {
  const letters = new Set(
    [...literal.source.replace(/\\[dDsSwWbBuUxc]/g, ' ')].filter((c) => c > ' ' && !'^$()|?*+{}[]\\'.includes(c)),
  );
  for (const c of ['A', 'a', '1', 'X', ' ']) letters.add(c);
  const pumps = new Set<string>(letters);
  for (const c of letters) for (const s of SEPARATORS) pumps.add(c + s).add(s + c);
  const prefix = /^\^((?:[A-Za-z0-9 :#<>¶-]|\\[.()/])*)/.exec(literal.source)?.[1].replace(/\\/g, '') ?? '';
  const out: Attack[] = [];
  for (const pump of pumps)
    for (const start of prefix ? ['', prefix] : [''])
      for (const end of ['\u0000', '']) out.push({ prefix: start, pump, end });
  return out;
}

/** The attack with its pump repeated to about `size` characters. */
function input({ prefix, pump, end }: Attack, size: number): string {
  return prefix + pump.repeat(Math.ceil(size / pump.length)) + end;
}

function time(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  const start = performance.now();
  pattern.test(text);
  return performance.now() - start;
}

/** Best of three. */
function best(pattern: RegExp, text: string): number {
  return Math.min(time(pattern, text), time(pattern, text), time(pattern, text));
}

/** Why a pattern is slower than linear on some attack string, or undefined. */
function superLinearity(literal: Literal): string | undefined {
  const pattern = new RegExp(literal.source, literal.flags.replace('g', ''));
  const bound = BOUNDED[literal.source]?.bound;
  for (const attack of attacks(literal)) {
    // Exponential patterns show at a few dozen characters, where linear ones take microseconds; the listed ones are not
    // tried further.
    for (const size of [24, 32, 40]) {
      const text = input(attack, size);
      if (time(pattern, text) > 5 && best(pattern, text) > 5)
        return `${literal.where}: ${best(pattern, text).toFixed(0)} ms on ${JSON.stringify(text)}`;
    }
    if (bound !== undefined) continue;
    if (time(pattern, input(attack, 4_000)) > 2) {
      // A slow run: the machine, or a cost that grows faster than the input? Eight times the input costs eight times
      // the time when linear, sixty-four times when quadratic.
      const [t1, t8] = [best(pattern, input(attack, 1_000)), best(pattern, input(attack, 8_000))];
      if (t8 > 2 && t8 / Math.max(t1, 0.02) > 20)
        return `${literal.where}: ${t1.toFixed(1)} ms at 1 000 characters, ${t8.toFixed(1)} ms at 8 000 (${JSON.stringify(input(attack, 20))}...)`;
    }
  }
  return undefined;
}

test('the backtracking detector finds the patterns this suite replaced (exponential and quadratic)', () => {
  for (const [source, flags] of [
    ['^\\s*(?:\\[?[A-Z]{2,8}\\]?(?:\\(#\\))?[ ,]*)+$', ''],
    ['\\s*(?:,|and|&|AND|\\(|\\))*\\s*\\(?([A-Za-z])\\)?(?=[\\s,.;)(]|and|$)', 'y'],
    [
      '(?:^|[\\s,;])(¶?\\(?[A-Z]\\)|¶?[A-Z]\\.)(?=\\s)|((?:\\d{2,4} )?(?:[A-Z]{2,}(?: [A-Z]{2,}){0,2}) \\d{1,6}(?: \\(\\d\\d\\))?)(?=$|[\\s,;.)])',
      'g',
    ],
  ]) {
    assert.ok(superLinearity({ where: 'replaced pattern', source, flags }), source);
  }
});

test('every regular expression in server/src runs in linear time on long runs, or is listed with the bound of its input', () => {
  const literals = regexLiterals();
  assert.ok(literals.length > 100, `only ${literals.length} regular expressions found`);
  const unlisted = literals.filter((l) => !BOUNDED[l.source]).flatMap((l) => superLinearity(l) ?? []);
  assert.deepEqual(
    unlisted,
    [],
    'patterns that backtrack more than linearly: rewrite them, or list them in BOUNDED with the bound of their input',
  );
});

test('the listed patterns stay cheap at the bound of their input', () => {
  for (const literal of regexLiterals().filter((l) => BOUNDED[l.source])) {
    const pattern = new RegExp(literal.source, literal.flags.replace('g', ''));
    const { bound, why } = BOUNDED[literal.source];
    for (const attack of attacks(literal)) {
      const text = input(attack, bound).slice(0, bound);
      assert.ok(best(pattern, text) < 5, `${literal.where} (${why}): ${JSON.stringify(text)}`);
    }
  }
});

const runs = { numRuns: Number(process.env.CABLE_FUZZ_RUNS ?? 150) * 100 };

test('isTagsContinuation accepts exactly the lines the TAGS wrap pattern it replaced accepts', () => {
  const old = /^\s*(?:\[?[A-Z]{2,8}\]?(?:\(#\))?[ ,]*)+$/;
  // Short lines: the old pattern is exponential in the length of a run of capitals.
  const unit = fc.constantFrom(
    'A',
    'B',
    'Z',
    'a',
    '1',
    '[',
    ']',
    '(',
    '#',
    ')',
    '(#)',
    ' ',
    ',',
    '\t',
    '\u00a0',
    'PREL',
  );
  fc.assert(
    fc.property(
      fc.array(unit, { maxLength: 10 }).map((units) => units.join('')),
      (line) => {
        assert.equal(isTagsContinuation(line), old.test(line), JSON.stringify(line));
      },
    ),
    runs,
  );
  // And in linear time where the old pattern took seconds (40 capitals and a digit) to forever.
  const start = performance.now();
  assert.equal(isTagsContinuation(`${'A'.repeat(1_000_000)}1`), false);
  assert.ok(performance.now() - start < 200);
});

test('the REF citation pattern finds what the pattern it replaced found, from every position its callers start at', () => {
  const old =
    /(?:^|[\s,;])(¶?\(?[A-Z]\)|¶?[A-Z]\.)(?=\s)|((?:\d{2,4} )?(?:[A-Z]{2,}(?: [A-Z]{2,}){0,2}) \d{1,6}(?: \(\d\d\))?)(?=$|[\s,;.)])/g;
  const now =
    /(?:^|[\s,;])(¶?\(?[A-Z]\)|¶?[A-Z]\.)(?=\s)|((?:\d{2,4} |(?<![A-Z]))(?:[A-Z]{2,}(?: [A-Z]{2,}){0,2}) \d{1,6}(?: \(\d\d\))?)(?=$|[\s,;.)])/g;
  const all = (pattern: RegExp, text: string, from: number) => {
    const out: string[] = [];
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push(`${m.index}|${m[0]}|${m[1]}|${m[2]}`);
    return out;
  };
  const char = fc.constantFrom('A', 'B', 'Z', 'a', '1', '2', '0', ' ', ' ', ',', ';', '.', '(', ')', '¶', ':', '\t');
  fc.assert(
    fc.property(
      fc.array(char, { maxLength: 40 }).map((chars) => chars.join('')),
      fc.nat(),
      (text, pick) => {
        // The callers start after REF: or after an item label: never right after a capital.
        const starts = [0, ...[...text].flatMap((c, i) => (c === ':' || c === '.' || c === ')' ? [i + 1] : []))];
        const from = starts[pick % starts.length];
        assert.deepEqual(all(now, text, from), all(old, text, from), JSON.stringify({ text, from }));
      },
    ),
    runs,
  );
});

test('the reason-letter pattern matches what the pattern it replaced matched, at every position', () => {
  const old = /\s*(?:,|and|&|AND|\(|\))*\s*\(?([A-Za-z])\)?(?=[\s,.;)(]|and|$)/y;
  const now = /\s*(?:(?:,|and|&|AND|\(|\))+\s*)?\(?([A-Za-z])\)?(?=[\s,.;)(]|and|$)/y;
  const show = (m: RegExpExecArray | null) => (m ? `${m.index}|${m[0]}|${m[1]}` : 'none');
  const char = fc.constantFrom(
    ' ',
    '\t',
    ' ',
    ',',
    'a',
    'n',
    'd',
    'A',
    'N',
    'D',
    '&',
    '(',
    ')',
    'b',
    'x',
    '.',
    ';',
    'h',
    '1',
  );
  fc.assert(
    fc.property(
      fc.array(char, { maxLength: 24 }).map((chars) => chars.join('')),
      fc.nat(24),
      (text, at) => {
        old.lastIndex = now.lastIndex = at;
        assert.equal(show(now.exec(text)), show(old.exec(text)), JSON.stringify({ text, at }));
      },
    ),
    runs,
  );
});

/** Line starts that send the lexer down each of its paths. */
const PREFIXES = [
  '',
  'VZCZC',
  'RR R',
  'R',
  'RUEH',
  'RUEHAA/',
  'DE ',
  'DE R',
  'DE X #',
  'ZNY ',
  'R 161223Z ',
  'R ',
  'FM ',
  'TO ',
  'INFO ',
  'XMT ',
  'BT',
  'NNNN',
  'E.O. ',
  'E.O. 12958: DECL: ',
  'TAGS ',
  'TAGS: ',
  'SUBJECT: ',
  'SUBJECT: (C) ',
  'REF: ',
  'REF: A. ',
  'REASON: 1.4 ',
  'REASON: 1.4 (b)',
  'CLASSIFIED BY: ',
  'Classified By: X for reasons 1.4 ',
  '(U) CLASSIFIED BY ',
  'C O N F I D E N T I A L ',
  'SECRET SECTION 01 OF 02 ',
  'UNCLAS X 001 ',
  'SIPDIS ',
  'PAGE 02 ',
  '<<',
  'ACTION ',
  'AF-00 ',
  '-----',
  '¶1. ',
  '¶1. (',
  '¶A. ',
  'Â¶',
  '\uFFFD1. ',
  '(A) ',
  'A. ',
  '15. ',
  'Summary: ',
  'End ',
  '(Note',
  'X 12345678 001 OF ',
];
const RUNS = [
  'A',
  'a',
  '1',
  ' ',
  '\t',
  'X',
  'x',
  '.',
  '-',
  '/',
  '(',
  ')',
  ',',
  'A ',
  'a ',
  '1 ',
  'U ',
  '(C',
  'End ',
  'nd ',
  ' OF 1',
  '¶',
];

test('the lexer stays linear on long runs after every prefix that steers it (header lines up to 2 000 characters, prose 100 000)', () => {
  for (const size of [1_990, 100_000]) {
    for (const prefix of PREFIXES) {
      for (const run of RUNS) {
        for (const end of ['', '!', '1']) {
          const line = prefix + run.repeat(Math.ceil(size / run.length)) + end;
          const start = performance.now();
          lexLine(line);
          let spent = performance.now() - start;
          if (spent > (size > 2_000 ? 250 : 25))
            spent = Math.min(
              spent,
              timeOf(() => lexLine(line)),
            );
          assert.ok(
            spent <= (size > 2_000 ? 250 : 25),
            `${JSON.stringify(prefix)} + ${JSON.stringify(run)} x ${size}: ${spent.toFixed(0)} ms`,
          );
        }
      }
    }
  }
});

function timeOf(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}
