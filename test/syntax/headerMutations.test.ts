// The issue-13 mutation test: every keyworded header line of every fixture cable damaged by one character in its
// keyword (deleted, replaced, inserted), and header lines duplicated, deleted and swapped with the next one. A mutant
// is caught when it gets a new error or warning on the damaged line (or next to it, for a deletion or a swap).
// Catch rates are printed per kind of damage. Fixed fields other than the keyword are checked by the shape rules
// (lexer tests); this test is about lines that would otherwise vanish from the header. Sampling: three keyword
// positions per line (first, middle, last), every keyworded header line of every cable of every fixture (about 6 s).
// NOT YET THE BAR: it measures and prints; the misses it lists are not yet all fixed or argued (see the report of
// the branch `header`). Known classes: the transmission line's "keyword" here is the whole word, so the channel
// letters are damaged too (any three letters are a channel: undetectable); a deleted precedence letter leaves an
// indented DTG; a relay precedence of three letters; deleted address-list lines (INFO, continuation lines).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { CableModel } from '../../server/src/syntax/model';
import { documentContext } from '../support/context';
import { fixtureNames, readFixture } from '../support/fixtures';

const KEYWORDED = new Set(['transmission', 'relay', 'stationSerial', 'security', 'dtg', 'from', 'to', 'info']);

/** Errors and warnings by line: the line numbers a text's diagnostics stand on, with their codes. */
function findings(text: string): Set<string> {
  const diagnostics = documentDiagnostics(documentContext(CableModel.parse(text)));
  return new Set(diagnostics.filter((d) => d.severity! <= 2).map((d) => `${d.range.start.line} ${d.code}`));
}

function caught(before: Set<string>, after: Set<string>, lines: number[]): boolean {
  for (const f of after) if (!before.has(f) && lines.includes(Number(f.split(' ')[0]))) return true;
  return false;
}

test('every damaged header line gets a diagnostic on its line (catch rate per kind of damage)', () => {
  const rates = new Map<string, { caught: number; total: number; missed: string[] }>();
  const count = (kind: string, ok: boolean, what: string) => {
    const rate = rates.get(kind) ?? { caught: 0, total: 0, missed: [] };
    rate.total++;
    if (ok) rate.caught++;
    else rate.missed.push(what);
    rates.set(kind, rate);
  };
  for (const name of fixtureNames()) {
    const text = readFixture(name);
    const lines = text.split('\n');
    const before = findings(text);
    const model = CableModel.parse(text);
    for (const cable of model.cables) {
      const fields = cable.header.filter((h) => KEYWORDED.has(h.kind));
      for (const [index, field] of fields.entries()) {
        const at = cable.startLine + field.line;
        const line = lines[at];
        const keyword = line.split(' ')[0];
        const mutate = (kind: string, mutant: string) => {
          const damaged = [...lines];
          damaged[at] = mutant;
          count(kind, caught(before, findings(damaged.join('\n')), [at]), `${name}:${at + 1} ${mutant.slice(0, 40)}`);
        };
        // The keyword's characters, sampled: the first, one in the middle, the last (deterministic).
        for (const k of new Set([0, keyword.length >> 1, keyword.length - 1])) {
          mutate('delete', line.slice(0, k) + line.slice(k + 1));
          mutate('replace', line.slice(0, k) + (line[k] === 'X' ? 'Q' : 'X') + line.slice(k + 1));
          mutate('insert', line.slice(0, k) + 'X' + line.slice(k));
        }
        const whole = (kind: string, damaged: string[], near: number[]) =>
          count(kind, caught(before, findings(damaged.join('\n')), near), `${name}:${at + 1} ${kind}`);
        if (field.kind !== 'info')
          whole('duplicate', [...lines.slice(0, at + 1), line, ...lines.slice(at + 1)], [at, at + 1]);
        whole('delete line', [...lines.slice(0, at), ...lines.slice(at + 1)], [at - 1, at]);
        const next = fields[index + 1];
        if (next && next.line === field.line + 1) {
          const swapped = [...lines];
          [swapped[at], swapped[at + 1]] = [swapped[at + 1], swapped[at]];
          whole('swap', swapped, [at, at + 1]);
        }
      }
    }
  }
  const report = [...rates].map(
    ([kind, r]) => `${kind}: ${r.caught}/${r.total} (${((100 * r.caught) / r.total).toFixed(1)}%)`,
  );
  console.log(`header mutations caught: ${report.join(', ')}`);
  for (const [kind, r] of rates) console.log(`missed ${kind}: ${r.missed.slice(0, 15).join(' | ')}`);
  for (const [, r] of rates) assert.ok(r.total > 0);
});
