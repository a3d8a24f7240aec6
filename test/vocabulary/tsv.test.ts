// The one TSV parser behind every table, built-in or the user's: comments, header, rows; missing columns fail loudly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lazy, parseTsv, splitList, toCount, tsvLines } from '../../server/src/vocabulary/tsv';

const TABLE =
  '# source: somewhere\n# second comment\ncode\tmeaning\tcount\nPREL\tExternal political relations\t1042\r\nPGOV\t\t832\n\n';

test('parseTsv skips the # comments, reads the header and returns the requested columns per row', () => {
  assert.deepEqual(parseTsv(TABLE, ['code', 'count'] as const), [
    { code: 'PREL', count: '1042' },
    { code: 'PGOV', count: '832' },
  ]);
  assert.deepEqual(parseTsv(TABLE, ['meaning'] as const), [
    { meaning: 'External political relations' },
    { meaning: '' },
  ]);
});

test('parseTsv throws on a column the header does not have', () => {
  assert.throws(() => parseTsv(TABLE, ['code', 'name'] as const), /no column 'name'/);
});

test('tsvLines: the cells of each line with its line number; comments, blank lines and a byte order mark left out', () => {
  assert.deepEqual(tsvLines('\uFEFF# comment\ncode\tmeaning\n \t \nKXYZ\tOurs\r\n# later comment\n\nk y'), [
    { line: 2, cells: ['code', 'meaning'] },
    { line: 4, cells: ['KXYZ', 'Ours'] },
    { line: 7, cells: ['k y'] },
  ]);
});

test('splitList, toCount and lazy', () => {
  assert.deepEqual(splitList('A (1); B (2); '), ['A (1)', 'B (2)']);
  assert.deepEqual(splitList('O R / O P', ' / '), ['O R', 'O P']);
  assert.equal(toCount('17'), 17);
  assert.equal(toCount(''), 0);
  let calls = 0;
  const value = lazy(() => ++calls);
  assert.equal(value() + value(), 2);
  assert.equal(calls, 1);
});
