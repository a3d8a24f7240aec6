// Captions, precedence, classification levels and portion markings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BUILT_IN_TABLES,
  classificationByWord,
  classificationByZnLetter,
  classificationLevel,
  classificationLevels,
  describePortionMarking,
  parsePortionMarking,
  precedence,
  precedenceByWord,
} from '../../server/src/vocabulary';
import { isPassingInstruction } from '../../server/src/vocabulary/captions';

test('captions: SIPDIS, NOFORN, SENSITIVE and its long form, distribution and channel captions', () => {
  assert.equal(BUILT_IN_TABLES.caption('SIPDIS')?.kind, 'distribution');
  assert.match(BUILT_IN_TABLES.caption('NOFORN')?.meaning ?? '', /foreign nationals/);
  assert.equal(BUILT_IN_TABLES.caption('SENSITIVE')?.countInSample, 101);
  const sbu = BUILT_IN_TABLES.caption('SENSITIVE BUT UNCLASSIFIED');
  assert.equal(sbu?.variantOf, 'SENSITIVE');
  assert.equal(BUILT_IN_TABLES.caption('Sensitive but unclassified -- handle accordingly')?.variantOf, 'SENSITIVE');
  for (const text of ['EXDIS', 'NODIS', 'LIMDIS', 'STADIS', 'NOT FOR INTERNET DISTRIBUTION', 'ROGER', 'VISAS VIPER']) {
    assert.equal(BUILT_IN_TABLES.caption(text)?.caption, text);
  }
  assert.equal(BUILT_IN_TABLES.caption('  SIPDIS  ')?.caption, 'SIPDIS');
});

test('passing instructions match by prefix; other text is no caption', () => {
  assert.deepEqual(
    [BUILT_IN_TABLES.caption('DEPT FOR NEA/ARP')?.caption, BUILT_IN_TABLES.caption('DEPT FOR NEA/ARP')?.prefix],
    ['DEPT FOR', true],
  );
  assert.equal(BUILT_IN_TABLES.caption('STATE FOR EUR/RUS, EEB')?.kind, 'passing instruction');
  assert.equal(BUILT_IN_TABLES.caption('PASS TO USTR')?.caption, 'PASS TO');
  for (const text of ['STATE FOR EAP/CM', 'DEPT ALSO FOR S/CT', 'AMEMBASSY MOSCOW PASS TO USDA'])
    assert.ok(isPassingInstruction(text), text);
  // A handling caption that reads like one: NOT FOR restricts, it does not pass the cable on.
  assert.ok(!isPassingInstruction('NOT FOR INTERNET DISTRIBUTION'));
  for (const text of ['', 'SUBJECT: X', 'SIPDIS NOFORN', 'DEPARTMENT FOR', 'SENSITIVE MATTERS'])
    assert.equal(BUILT_IN_TABLES.caption(text), undefined, text);
});

test('allCaptions lists every caption once, alternatives split', () => {
  const names = BUILT_IN_TABLES.allCaptions().map((c) => c.caption);
  assert.equal(new Set(names).size, names.length);
  for (const name of ['SIPDIS', 'NOFORN', 'CHEROKEE', 'DISSENT CHANNEL', 'VISAS MANTIS', 'NSC FOR'])
    assert.ok(names.includes(name), name);
});

test('precedence by letter and by address-line word', () => {
  assert.deepEqual(
    [precedence('O')?.word, precedence('P')?.word, precedence('R')?.word, precedence('Z')?.word],
    ['IMMEDIATE', 'PRIORITY', 'ROUTINE', 'FLASH'],
  );
  assert.equal(precedence('Y')?.word, undefined);
  assert.equal(precedence('O')?.precedenceLine, 'OO');
  assert.match(precedence('O R')?.meaning ?? '', /dual precedence/);
  assert.equal(precedence('X'), undefined);
  assert.equal(precedenceByWord('IMMEDIATE')?.code, 'O');
  assert.equal(precedenceByWord('priority')?.code, 'P');
  assert.equal(precedenceByWord('FLASH')?.code, 'Z');
  assert.equal(precedenceByWord('ROUTINE')?.code, 'R');
  const niact = precedenceByWord('NIACT  IMMEDIATE');
  assert.deepEqual([niact?.code, niact?.word], ['O', 'NIACT IMMEDIATE']);
  assert.match(niact?.meaning ?? '', /night action/);
  assert.equal(precedenceByWord('URGENT'), undefined);
});

test('classification levels are ranked UNCLASSIFIED 0 < LOU 1 < CONFIDENTIAL 2 < SECRET 3 < TOP SECRET 4', () => {
  assert.deepEqual(
    classificationLevels().map((l) => [l.level, l.rank]),
    [
      ['UNCLASSIFIED', 0],
      ['LIMITED OFFICIAL USE', 1],
      ['CONFIDENTIAL', 2],
      ['SECRET', 3],
      ['TOP SECRET', 4],
    ],
  );
  assert.match(classificationLevel(3)?.meaning ?? '', /serious damage/);
  assert.deepEqual(classificationLevel('CONFIDENTIAL')?.metadataValues, ['CONFIDENTIAL', 'CONFIDENTIAL//NOFORN']);
});

test('classification by ZN letter and by classification-line word', () => {
  assert.deepEqual(
    ['U', 'C', 'S', 'T'].map((l) => classificationByZnLetter(l)?.level),
    ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'],
  );
  assert.equal(classificationByZnLetter('E')?.rank, 0);
  assert.match(classificationByZnLetter('E')?.meaning ?? '', /EFTO/);
  assert.equal(classificationByZnLetter('X'), undefined);
  const words: [string, string][] = [
    ['UNCLAS', 'UNCLASSIFIED'],
    ['UNCLASSIFIED', 'UNCLASSIFIED'],
    ['CONFIDENTIAL', 'CONFIDENTIAL'],
    ['C O N F I D E N T I A L', 'CONFIDENTIAL'],
    ['SECRET', 'SECRET'],
    ['TOP SECRET', 'TOP SECRET'],
    ['TOPSECRET', 'TOP SECRET'],
    ['LIMITED OFFICIAL USE', 'LIMITED OFFICIAL USE'],
  ];
  for (const [word, level] of words) assert.equal(classificationByWord(word)?.level, level, word);
  assert.equal(classificationByWord('SECRIT'), undefined);
});

test('portion markings from the fixtures and the format reference', () => {
  const cases: [string, string, string[], boolean, string?][] = [
    ['C', 'CONFIDENTIAL', [], false],
    ['S//NF', 'SECRET', ['NF'], true],
    ['S/NF', 'SECRET', ['NF'], true],
    ['C/REL NATO', 'CONFIDENTIAL', ['REL NATO'], false, 'NATO'],
    ['S/Rel to Kenya', 'SECRET', ['REL TO KENYA'], false, 'KENYA'],
    ['SBU', 'UNCLASSIFIED', [], false],
    ['SBU/NF', 'UNCLASSIFIED', ['NF'], true],
    ['U//FOUO', 'UNCLASSIFIED', ['FOUO'], false],
    ['S-NF', 'SECRET', ['NF'], true],
    ['C NF', 'CONFIDENTIAL', ['NF'], true],
    ['C/NOFORN', 'CONFIDENTIAL', ['NOFORN'], true],
    ['c', 'CONFIDENTIAL', [], false],
    [' C ', 'CONFIDENTIAL', [], false],
    ['S//FGI//NF', 'SECRET', ['FGI', 'NF'], true],
    ['TS', 'TOP SECRET', [], false],
    ['U', 'UNCLASSIFIED', [], false],
  ];
  for (const [inner, level, caveats, noforn, releasableTo] of cases) {
    const marking = parsePortionMarking(inner);
    assert.ok(marking, inner);
    assert.deepEqual(
      [marking.level, marking.caveats, marking.noforn, marking.releasableTo],
      [level, caveats, noforn, releasableTo],
      inner,
    );
    assert.equal(marking.rank, classificationLevel(level)?.rank);
  }
  assert.equal(parsePortionMarking('TS')?.token, 'TS');
  assert.equal(parsePortionMarking('SBU')?.token, 'SBU');
});

test('parenthesised words after a paragraph number are not markings', () => {
  for (const inner of ['Iran', 'U.S.', 'A', 'China', 'SECRET', 'C and D', 'S E', '', 'B', '1', 'C/', 'UN']) {
    assert.equal(parsePortionMarking(inner), undefined, inner);
  }
});

test('describePortionMarking for hover', () => {
  assert.equal(
    describePortionMarking(parsePortionMarking('S//NF')!),
    '(S//NF) SECRET; NF = NOFORN: not releasable to foreign nationals',
  );
  assert.equal(describePortionMarking(parsePortionMarking('SBU')!), '(SBU) UNCLASSIFIED (sensitive but unclassified)');
  assert.match(describePortionMarking(parsePortionMarking('C/REL NATO')!), /REL NATO = releasable to NATO/);
});
