// Pathological documents cost what ordinary text of the same size costs, within a generous factor: a pasted 1 MB line,
// 100 000 paragraph markers, 50 000 header lines of one kind, and the other shapes that once made a loop quadratic or a
// pattern backtrack. Parse and features (outline, diagnostics, folding, semantic tokens) are timed separately against an
// ordinary corpus (concatenated fixtures) scaled to the same size, measured in the same process: no absolute budgets.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { corpusOfSize } from '../support/corpus';
import { Cost, parseAndFeaturesCost, PATHOLOGICAL } from '../support/pathological';

/**
 * How much slower than ordinary text of the same size a pathological document may be. Superlinear work
 * on 50 000 lines costs hundreds of times more; 50 000 three-line cables legitimately cost about 20x
 * (the per-cable work of the features), and test files run in parallel on two cores.
 */
const FACTOR = 40;
/**
 * The features do a fixed amount of work per cable (facts, rules, symbols), so 50 000 three-line cables cost
 * 40-60x ordinary text per character, measured; superlinear work on 50 000 items would cost thousands of times.
 */
const FEATURES_FACTOR = 100;
/** Below this many milliseconds, timings are noise (timer, a minor GC): a floor for the budget. */
const FLOOR_MS = 60;

const cost = (text: string): Cost => parseAndFeaturesCost(text, 50);

function cheapest(text: string, runs: number): Cost {
  const costs = Array.from({ length: runs }, () => cost(text));
  return { parse: Math.min(...costs.map((c) => c.parse)), features: Math.min(...costs.map((c) => c.features)) };
}

/** Milliseconds per character of an ordinary corpus: parse, and features. */
let ordinary: Cost;

before(() => {
  const text = corpusOfSize(1);
  cost(text); // warm up the code paths
  const c = cheapest(text, 3);
  ordinary = { parse: c.parse / text.length, features: c.features / text.length };
});

for (const [name, make] of PATHOLOGICAL) {
  test(`${name}: parse within ${FACTOR}x and features within ${FEATURES_FACTOR}x of ordinary text of the same size`, () => {
    const text = make();
    let c = cost(text);
    const budget = {
      parse: Math.max(FLOOR_MS, FACTOR * ordinary.parse * text.length),
      features: Math.max(FLOOR_MS, FEATURES_FACTOR * ordinary.features * text.length),
    };
    // One retry: a noisy neighbour can stall any single run.
    if (c.parse > budget.parse || c.features > budget.features) c = cheapest(text, 2);
    const report = `${(text.length / 1e6).toFixed(2)} MB: parse ${c.parse.toFixed(0)} ms (budget ${budget.parse.toFixed(0)}), features ${c.features.toFixed(0)} ms (budget ${budget.features.toFixed(0)})`;
    assert.ok(c.parse <= budget.parse, `parse too slow: ${report}`);
    assert.ok(c.features <= budget.features, `features too slow: ${report}`);
  });
}
