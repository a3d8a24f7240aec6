import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstIndexWhere } from '../../server/src/util/search';

test('firstIndexWhere: the first item that passes, in log time; the length when none does', () => {
  const lines = [2, 4, 4, 7, 9];
  assert.equal(
    firstIndexWhere(lines, (line) => line >= 4),
    1,
  );
  assert.equal(
    firstIndexWhere(lines, (line) => line > 4),
    3,
  );
  assert.equal(
    firstIndexWhere(lines, (line) => line >= 0),
    0,
  );
  assert.equal(
    firstIndexWhere(lines, (line) => line > 9),
    5,
  );
  assert.equal(
    firstIndexWhere([], () => true),
    0,
  );
  const big = Array.from({ length: 1 << 20 }, (_, i) => i);
  let calls = 0;
  assert.equal(
    firstIndexWhere(big, (n) => (calls++, n >= 12345)),
    12345,
  );
  assert.ok(calls <= 21, `${calls} calls`);
});
