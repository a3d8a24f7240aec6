// The workspace index on its own: files in, reference IDs and citations out; updates replace one file's entries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CableReader } from '../../server/src/facts/facts';
import { CableModel } from '../../server/src/syntax/model';
import { CableIndex, IndexedCable, indexText, uriKey } from '../../server/src/workspace/cableIndex';
import { fixtureNames, readFixture } from '../support/fixtures';
import { syntheticCable } from '../support/synthetic';

const STATE_15113 = syntheticCable({ year: '09', post: 'STATE', serial: 15113, subject: 'REQUEST FOR INFORMATION' });
const DOHA_152 = syntheticCable({ year: '08', post: 'DOHA', serial: 152, subject: 'QATAR: CRITICAL INFRASTRUCTURE' });

/** Reference IDs that the citations of a file resolve to, as `written -> ID` (unresolved: `written -> -`). */
function resolved(index: CableIndex, uri: string): string[] {
  return index
    .cablesOf(uri)
    .flatMap((cable) => cable.info.citations.map((c) => `${c.text} -> ${index.resolve(c) ?? '-'}`));
}

test('a file with several cables: each by its reference ID, at its lines', () => {
  const index = new CableIndex();
  const text = STATE_15113 + DOHA_152;
  assert.equal(index.setFile('file:///ws/two.cable', text), 2);
  const [state, doha] = [index.lookup('09STATE15113'), index.lookup('08DOHA152')];
  assert.deepEqual([state.length, doha.length], [1, 1]);
  assert.equal(state[0].startLine, 0);
  assert.equal(doha[0].startLine, STATE_15113.split('\n').length - 1);
  assert.equal(doha[0].info.subject, 'QATAR: CRITICAL INFRASTRUCTURE');
  // The anchor is the classification line.
  assert.equal(text.split('\n')[doha[0].startLine + doha[0].info.anchor.line], 'UNCLAS DOHA 000152');
});

test('every citation form resolves to the indexed cable', () => {
  const index = new CableIndex();
  index.setFile('file:///ws/09STATE15113.cable', STATE_15113);
  index.setFile('file:///ws/08DOHA152.cable', DOHA_152);
  index.setFile(
    'file:///ws/06BARCELONA148.cable',
    syntheticCable({ year: '06', post: 'BARCELONA', serial: 148, subject: 'CATALONIA' }),
  );
  const citing = syntheticCable({
    year: '09',
    post: 'DOHA',
    serial: 214,
    subject: 'QATAR: RESPONSE',
    refs: [
      '09 STATE 15113',
      'SECSTATE 15113',
      'STATE 015113',
      'DOHA 152 (08)',
      '2008 DOHA 152',
      '06 BARCELONA 148',
      'MADRID 3929',
    ],
    body: 'As requested in 09STATE15113 (see also 09STATE99999).',
  });
  index.setFile('file:///ws/09DOHA214.cable', citing);
  assert.deepEqual(resolved(index, 'file:///ws/09DOHA214.cable'), [
    '09 STATE 15113 -> 09STATE15113',
    'SECSTATE 15113 -> 09STATE15113',
    'STATE 015113 -> 09STATE15113',
    'DOHA 152 (08) -> 08DOHA152',
    '2008 DOHA 152 -> 08DOHA152',
    '06 BARCELONA 148 -> 06BARCELONA148',
    'MADRID 3929 -> -',
    '09STATE15113 -> 09STATE15113',
    '09STATE99999 -> -',
  ]);
  assert.deepEqual(
    index
      .citationsOf('09STATE15113')
      .map(({ cable, citation }) => `${cable.info.id}:${cable.startLine + citation.line}:${citation.text}`),
    [
      '09DOHA214:14:09 STATE 15113',
      '09DOHA214:15:SECSTATE 15113',
      '09DOHA214:16:STATE 015113',
      '09DOHA214:22:09STATE15113',
    ],
  );
});

test('without a year, the citing year, else the year before (a REF to last December)', () => {
  const index = new CableIndex();
  const citing = syntheticCable({
    year: '10',
    post: 'BOGOTA',
    serial: 5,
    subject: 'COLOMBIA',
    refs: ['STATE 128000', 'BOGOTA 4000'],
  });
  index.setFile('file:///ws/citing.cable', citing);
  index.setFile(
    'file:///ws/09STATE128000.cable',
    syntheticCable({ year: '09', post: 'STATE', serial: 128000, month: 'DEC', subject: 'LAST DECEMBER' }),
  );
  index.setFile(
    'file:///ws/09BOGOTA4000.cable',
    syntheticCable({ year: '09', post: 'BOGOTA', serial: 4000, month: 'DEC', subject: 'LAST DECEMBER' }),
  );
  assert.deepEqual(resolved(index, 'file:///ws/citing.cable'), [
    'STATE 128000 -> 09STATE128000',
    'BOGOTA 4000 -> 09BOGOTA4000',
  ]);
  // A cable of the citing year with that serial is the better reading.
  index.setFile(
    'file:///ws/10STATE128000.cable',
    syntheticCable({ year: '10', post: 'STATE', serial: 128000, subject: 'THIS YEAR' }),
  );
  assert.deepEqual(resolved(index, 'file:///ws/citing.cable'), [
    'STATE 128000 -> 10STATE128000',
    'BOGOTA 4000 -> 09BOGOTA4000',
  ]);
  assert.deepEqual(index.citationsOf('09STATE128000'), []);
  assert.equal(index.citationsOf('10STATE128000').length, 1);
});

test('the real REF of 09DOHA214: SECSTATE 15113 is 09STATE15113, the DOHA items carry their years', () => {
  const index = new CableIndex();
  index.setFile('file:///ws/09DOHA214.cable', readFixture('09DOHA214.cable'));
  const citations = index.cablesOf('file:///ws/09DOHA214.cable')[0].info.citations;
  assert.deepEqual(
    citations.map((c) => `${c.text}: ${c.candidates.join(' ')}`),
    [
      'SECSTATE 15113: 09STATE15113 08STATE15113',
      'DOHA 152 (08): 08DOHA152',
      'DOHA 75 (08): 08DOHA75',
      'DOHA 311 (07): 07DOHA311',
    ],
  );
  index.setFile('file:///ws/09STATE15113.cable', readFixture('09STATE15113.cable'));
  assert.deepEqual(
    index.citationsOf('09STATE15113').map((s) => s.cable.info.id),
    ['09DOHA214'],
  );
});

test('a cable cites neither itself nor with its own ID in its metadata lines', () => {
  const index = new CableIndex();
  index.setFile('file:///ws/09NAIROBI2497.cable', readFixture('09NAIROBI2497.cable'));
  const ids = index.cablesOf('file:///ws/09NAIROBI2497.cable')[0].info.citations.map((c) => c.candidates[0]);
  assert.ok(!ids.includes('09NAIROBI2497'), ids.join());
  assert.ok(ids.includes('09NAIROBI2487') && ids.includes('09STATE122115'), ids.join());
});

test('updating a file replaces only its entries; removing it forgets them', () => {
  const index = new CableIndex();
  index.setFile('file:///ws/a.cable', STATE_15113);
  index.setFile(
    'file:///ws/b.cable',
    syntheticCable({ year: '09', post: 'DOHA', serial: 214, subject: 'X', refs: ['SECSTATE 15113'] }),
  );
  assert.equal(index.citationsOf('09STATE15113').length, 1);
  index.setFile(
    'file:///ws/b.cable',
    syntheticCable({ year: '09', post: 'DOHA', serial: 215, subject: 'Y', refs: ['DOHA 152 (08)'] }),
  );
  assert.deepEqual(
    [index.lookup('09DOHA214').length, index.lookup('09DOHA215').length, index.citationsOf('09STATE15113').length],
    [0, 1, 0],
  );
  assert.equal(index.lookup('09STATE15113')[0].uri, 'file:///ws/a.cable');
  index.removeFile('file:///ws/a.cable');
  assert.deepEqual([index.lookup('09STATE15113').length, index.fileCount], [0, 1]);
  index.setFile('file:///ws/sub/c.cable', STATE_15113);
  index.removeFolder('file:///ws/sub');
  assert.deepEqual(
    [...index.cables()].map((c) => c.info.id),
    ['09DOHA215'],
  );
});

test('the same cable in two files is found in both', () => {
  const index = new CableIndex();
  index.setFile('file:///ws/one.cable', STATE_15113);
  index.setFile('file:///ws/dump.cable', DOHA_152 + STATE_15113);
  assert.deepEqual(
    index.lookup('09STATE15113').map((c) => c.uri),
    ['file:///ws/one.cable', 'file:///ws/dump.cable'],
  );
  index.removeFile('file:///ws/one.cable');
  assert.deepEqual(
    index.lookup('09STATE15113').map((c) => c.uri),
    ['file:///ws/dump.cable'],
  );
});

test('an open document overrides its file, edits count at once, closing reverts to the disk', () => {
  const index = new CableIndex();
  const uri = 'file:///ws/b.cable';
  index.setFile('file:///ws/a.cable', STATE_15113);
  index.setFile(uri, syntheticCable({ year: '09', post: 'DOHA', serial: 214, subject: 'X' }));
  const model = CableModel.parse(
    syntheticCable({ year: '09', post: 'DOHA', serial: 214, subject: 'X', refs: ['DOHA 152 (08)'] }),
  );
  index.setDocument(uri, new CableReader(model));
  assert.deepEqual(resolved(index, uri), ['DOHA 152 (08) -> -']);
  // Edit the REF into SECSTATE 15113 (line 14: `REF: A. DOHA 152 (08)`).
  model.applyChange({
    range: { start: { line: 14, character: 8 }, end: { line: 14, character: 21 } },
    text: 'SECSTATE 15113',
  });
  index.setDocument(uri, new CableReader(model));
  assert.deepEqual(
    index.citationsOf('09STATE15113').map((s) => s.cable.uri),
    [uri],
  );
  // The disk changes underneath (saved elsewhere): the open document still counts.
  index.setFile(uri, syntheticCable({ year: '09', post: 'DOHA', serial: 999, subject: 'Z' }));
  assert.deepEqual([index.lookup('09DOHA214').length, index.lookup('09DOHA999').length], [1, 0]);
  index.closeDocument(uri);
  assert.deepEqual(
    [index.lookup('09DOHA214').length, index.lookup('09DOHA999').length, index.citationsOf('09STATE15113').length],
    [0, 1, 0],
  );
  // A document that is no file on disk is forgotten when closed.
  index.setDocument('untitled:Untitled-1', new CableReader(CableModel.parse(DOHA_152)));
  assert.equal(index.lookup('08DOHA152').length, 1);
  index.closeDocument('untitled:Untitled-1');
  assert.equal(index.lookup('08DOHA152').length, 0);
});

test('the TAGS codes in use follow the files: written, rewritten, opened, edited, closed, removed', () => {
  const index = new CableIndex();
  const uses = (...codes: string[]) => codes.map((code) => index.usesTag(code));
  const withTags = (tags: string, serial = 214) =>
    syntheticCable({ year: '09', post: 'DOHA', serial, subject: 'X' }).replace('TAGS: PREL', `TAGS: ${tags}`);
  index.setFile('file:///ws/a.cable', readFixture('08MOSCOW3343.cable')); // TAGS PGOV, PHUM, SOCI, RS
  index.setFile('file:///ws/b.cable', withTags('PREL, SOCI'));
  assert.deepEqual(uses('SOCI', 'RS', 'PREL', 'ECON'), [true, true, true, false]);
  index.setFile('file:///ws/b.cable', withTags('ECON'));
  assert.deepEqual(uses('SOCI', 'PREL', 'ECON'), [true, false, true]);
  // The open document counts instead of its file, its edits at once.
  const model = CableModel.parse(withTags('KDEM'));
  index.setDocument('file:///ws/b.cable', new CableReader(model));
  assert.deepEqual(uses('ECON', 'KDEM'), [false, true]);
  const tagsLine = model.cables[0].tagsLines[0];
  model.applyChange({
    range: { start: { line: tagsLine, character: 6 }, end: { line: tagsLine, character: 10 } },
    text: 'PREL',
  });
  index.setDocument('file:///ws/b.cable', new CableReader(model));
  assert.deepEqual(uses('KDEM', 'PREL'), [false, true]);
  index.closeDocument('file:///ws/b.cable');
  assert.deepEqual(uses('PREL', 'ECON'), [false, true]);
  index.removeFile('file:///ws/a.cable');
  assert.deepEqual(uses('SOCI', 'RS', 'ECON'), [false, false, true]);
  index.removeFolder('file:///ws');
  assert.deepEqual(uses('ECON'), [false]);
});

test('an edit rebuilds the entries of the cables that the model rebuilt only', () => {
  const index = new CableIndex();
  const uri = 'file:///ws/dump.cable';
  const text =
    STATE_15113 +
    syntheticCable({ year: '09', post: 'DOHA', serial: 214, subject: 'X' }) +
    DOHA_152 +
    syntheticCable({ year: '09', post: 'DOHA', serial: 215, subject: 'Y' });
  const model = CableModel.parse(text);
  // The document's reader, as the service keeps it over the edits.
  const reader = new CableReader(model, uri);
  index.setDocument(uri, reader);
  const cablesBefore = [...model.cables];
  const before = index.cablesOf(uri).map((c) => c.info);
  const dohaStart = index.lookup('08DOHA152')[0].startLine;
  // Retitle the third cable: its subject line is 12 lines below its start.
  model.applyChange({
    range: { start: { line: dohaStart + 12, character: 9 }, end: { line: dohaStart + 12, character: 14 } },
    text: 'STATE OF QATAR',
  });
  index.setDocument(uri, reader);
  const after = index.cablesOf(uri).map((c) => c.info);
  assert.equal(after[2].subject, 'STATE OF QATAR: CRITICAL INFRASTRUCTURE');
  const kept = model.cables.map((cable, k) => cable === cablesBefore[k]);
  assert.deepEqual(kept, [true, true, false, true]); // the model rebuilds the edited cable (and the one before only for an edit of its first line)
  kept.forEach((same, k) => assert.equal(after[k] === before[k], same, `entry ${k}`));
});

test('a lone undated cable takes its year from a file name that is its reference ID', () => {
  const index = new CableIndex();
  const text = readFixture('02BRASILIA4227.cable');
  index.setFile('file:///ws/02BRASILIA4227.cable', text);
  index.setFile('file:///ws/renamed.cable', text);
  assert.deepEqual(
    index.cablesOf('file:///ws/02BRASILIA4227.cable').map((c) => [c.info.id, c.info.complete]),
    [['02BRASILIA4227', true]],
  );
  assert.deepEqual(
    index.cablesOf('file:///ws/renamed.cable').map((c) => [c.info.id, c.info.complete]),
    [['BRASILIA4227', false]],
  );
  assert.equal(index.lookup('02BRASILIA4227').length, 1);
});

test('URIs are compared as every client spells them', () => {
  assert.equal(uriKey('file:///c%3A/Cables/09DOHA214.cable'), uriKey('file:///C:/Cables/09DOHA214.cable'));
  assert.equal(uriKey('file:///ws/My%20Cables/a.cable'), 'file:///ws/My Cables/a.cable');
  const index = new CableIndex();
  index.setFile('file:///c%3A/ws/a.cable', STATE_15113);
  index.setDocument('file:///C:/ws/a.cable', new CableReader(CableModel.parse(DOHA_152)));
  assert.deepEqual(
    [...index.cables()].map((c) => c.info.id),
    ['08DOHA152'],
  );
});

/** Runs indexText to its end; returns the entries and the number of steps. */
function drive(steps: Generator<void, IndexedCable[], void>): { cables: IndexedCable[]; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { cables: step.value, steps: count };
    count++;
  }
}

test('a large text is indexed a piece of whole cables at a time, with the entries of a parse of the whole', () => {
  // Every fixture in one text (about 1.5 MB; line ends \n and \r\n): pieces of 40,000 characters.
  const text = fixtureNames().map(readFixture).join('\n');
  const whole = drive(indexText('file:///ws/all.cable', text, Infinity));
  const pieces = drive(indexText('file:///ws/all.cable', text, 40_000));
  assert.equal(whole.steps, 0);
  assert.ok(pieces.steps > 30, `${pieces.steps} steps`);
  assert.ok(whole.cables.length > 100);
  assert.deepEqual(pieces.cables, whole.cables);
  // Pieces smaller than a cable grow until they hold two; a lone cable longer than a piece is parsed whole.
  const two = STATE_15113 + DOHA_152;
  assert.deepEqual(
    drive(indexText('file:///ws/two.cable', two, 100)).cables,
    drive(indexText('file:///ws/two.cable', two, Infinity)).cables,
  );
  const lone = drive(indexText('file:///ws/02BRASILIA4227.cable', readFixture('02BRASILIA4227.cable'), 100));
  assert.deepEqual(
    lone.cables.map((c) => c.info.id),
    ['02BRASILIA4227'],
  );
});
