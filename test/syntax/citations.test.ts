// Citations -> the reference IDs they may name, reference IDs in running text, and citations on every line of a
// REF block (with or without paragraph signs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationCandidates, findReferenceIds, parseCitation, previousYear } from '../../server/src/syntax/citations';
import { CableModel } from '../../server/src/syntax/model';

test('citation forms: year, post, serial', () => {
  assert.deepEqual(parseCitation('09 STATE 12345'), { year: '09', post: 'STATE', serial: 12345 });
  assert.deepEqual(parseCitation('STATE 012345'), { post: 'STATE', serial: 12345 });
  assert.deepEqual(parseCitation('BARCELONA 148'), { post: 'BARCELONA', serial: 148 });
  assert.deepEqual(parseCitation('2007 VLADIVOSTOK 095'), { year: '07', post: 'VLADIVOSTOK', serial: 95 });
  assert.deepEqual(parseCitation('DOHA 152 (08)'), { year: '08', post: 'DOHA', serial: 152 });
  assert.deepEqual(parseCitation('CAPE TOWN 179'), { post: 'CAPETOWN', serial: 179 });
  assert.deepEqual(parseCitation('LA PAZ 00691'), { post: 'LAPAZ', serial: 691 });
  assert.deepEqual(parseCitation('99 PRETORIA 12315'), { year: '99', post: 'PRETORIA', serial: 12315 });
});

test('posts cited otherwise than their IDs write them', () => {
  assert.equal(parseCitation('SECSTATE 15113')?.post, 'STATE');
  assert.equal(parseCitation('SECSTATE WASHDC 15113')?.post, 'STATE');
  assert.equal(parseCitation('DEPTEL 2743')?.post, 'STATE');
  assert.equal(parseCitation('08 UNVIE 663')?.post, 'UNVIEVIENNA');
  assert.equal(parseCitation('UNVIE VIENNA 285')?.post, 'UNVIEVIENNA');
  assert.equal(parseCitation('USUN 1109')?.post, 'USUNNEWYORK');
  assert.equal(parseCitation('USEU BRUSSELS 1177')?.post, 'USEUBRUSSELS');
});

test('not citations: a number that is no year, lower case, no serial', () => {
  assert.equal(parseCitation('3400 NOV 2'), undefined);
  assert.equal(parseCitation('123 STATE 45'), undefined);
  assert.equal(parseCitation('state 12345'), undefined);
  assert.equal(parseCitation('STATE'), undefined);
});

test('candidates: the year written, else the citing year then the year before', () => {
  assert.deepEqual(citationCandidates('09 STATE 12345', '10'), ['09STATE12345']);
  assert.deepEqual(citationCandidates('DOHA 152 (08)', '09'), ['08DOHA152']);
  assert.deepEqual(citationCandidates('MADRID 720', '06'), ['06MADRID720', '05MADRID720']);
  assert.deepEqual(citationCandidates('HARARE 6584', '00'), ['00HARARE6584', '99HARARE6584']);
  assert.deepEqual(citationCandidates('MADRID 720', undefined), []);
  assert.deepEqual(citationCandidates('3400 NOV 2', '66'), []);
  assert.equal(previousYear('10'), '09');
});

test('reference IDs in running text', () => {
  assert.deepEqual(findReferenceIds('09NAIROBI2487|09STATE122115'), [
    { start: 0, end: 13, id: '09NAIROBI2487' },
    { start: 14, end: 27, id: '09STATE122115' },
  ]);
  assert.deepEqual(findReferenceIds('see 09STATE012345.'), [{ start: 4, end: 17, id: '09STATE12345' }]);
  assert.deepEqual(findReferenceIds('A09STATE1 09STATE1234567 09state123 1.4(B) 2009'), []);
});

test('every line of a REF block has its citations, with or without paragraph signs', () => {
  const model = CableModel.parse(
    [
      'UNCLAS STATE 000001',
      '',
      'SUBJECT: TEST',
      '',
      'REF: A. 09 STATE 12345',
      '     B. SECSTATE 15113',
      'C) DOHA 152 (08)',
      '¶D. BARCELONA 148',
      '',
      '1. (U) Text.',
      '',
    ].join('\n'),
  );
  const cable = model.cables[0];
  const citations = cable.lines.flatMap((line, rel) =>
    line.tokens
      .filter((t) => t.kind === 'citation')
      .map((t) => model.lineText(cable.startLine + rel).slice(t.start, t.end)),
  );
  assert.deepEqual(citations, ['09 STATE 12345', 'SECSTATE 15113', 'DOHA 152 (08)', 'BARCELONA 148']);
  assert.equal(cable.references?.items.length, 4);
});
