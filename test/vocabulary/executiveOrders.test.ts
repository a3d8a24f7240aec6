// Executive orders on the E.O. line and the classification reasons 1.4 (a)-(h).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classificationReason, executiveOrder } from '../../server/src/vocabulary';

test('known executive orders, by string or number', () => {
  const eo = executiveOrder('12958');
  assert.ok(eo);
  assert.match(eo.years, /^1995-2009/);
  assert.match(eo.reasonSection ?? '', /1\.4/);
  assert.ok(eo.declForms.includes('DECL: mm/dd/yyyy'));
  assert.ok(eo.countInSample > 1000);
  assert.equal(executiveOrder(13526)?.reasonSection, '1.4');
  assert.equal(executiveOrder(' 12356 ')?.declForms[0], 'DECL: OADR');
  assert.equal(executiveOrder('11652')?.reasonSection, undefined);
  assert.deepEqual(
    ['11652', '12065', '12356', '12958', '13526'].map((n) => executiveOrder(n)?.eo),
    ['11652', '12065', '12356', '12958', '13526'],
  );
});

test('typos of 12958 seen in cables and other numbers are unknown', () => {
  for (const number of ['12598', '19523', '19528', '12598 / 19523 / 19528', '1295', ''])
    assert.equal(executiveOrder(number), undefined, number);
});

test('classification reasons a-h', () => {
  assert.match(classificationReason('a')?.meaning ?? '', /military plans/);
  assert.match(classificationReason('B')?.meaning ?? '', /foreign government information/);
  assert.match(classificationReason('(d)')?.meaning ?? '', /foreign relations/);
  assert.match(classificationReason('h')?.meaning ?? '', /weapons of mass destruction/);
  assert.match(classificationReason('h')?.note ?? '', /13292/);
  assert.equal('abcdefgh'.split('').filter((l) => classificationReason(l)).length, 8);
  assert.equal(classificationReason('i'), undefined);
  assert.equal(classificationReason(''), undefined);
});
