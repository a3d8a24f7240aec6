// What a REF line cites, read as a Cablegate reader reads it: cables by their canonical reference IDs (posts as IDs
// write them, from server/data/posts.tsv), non-cable references typed, never made into cable IDs. Lines from real
// cables (the corpora, and the cables quoted in issue #15).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CableReader } from '../../server/src/facts/facts';
import { readReferences } from '../../server/src/syntax/citations';
import { CableModel } from '../../server/src/syntax/model';
import { knownPost } from '../../server/src/vocabulary';

/** What a line cites: `09STATE12345` (year written), `STATE12345` (no year), `[email] <written>`. */
function cites(line: string): string[] {
  return readReferences(line, /^REFS?:/i.exec(line)?.[0].length ?? 0).map((r) =>
    r.cable ? `${r.cable.year ?? ''}${r.cable.post}${r.cable.serial}` : `[${r.nonCable}] ${line.slice(r.start, r.end)}`,
  );
}

test('posts as reference IDs write them, from the spellings citations use', () => {
  for (const [written, post] of [
    ['BA', 'BUENOSAIRES'],
    ['Buenos Aires', 'BUENOSAIRES'],
    ['RIO', 'RIODEJANEIRO'],
    ['HK', 'HONGKONG'],
    ['HCMC', 'HOCHIMINHCITY'],
    ['HAGUE', 'THEHAGUE'],
    ['PORT-OF-SPAIN', 'PORTOFSPAIN'],
    ['USUN', 'USUNNEWYORK'],
    ['UNVIE', 'UNVIEVIENNA'],
    ['USEU', 'USEUBRUSSELS'],
    ['Sao Paulo', 'SAOPAULO'],
    ['SECSTATE', 'STATE'],
  ])
    assert.equal(knownPost(written), post, written);
  assert.equal(knownPost('AND'), undefined);
  assert.equal(knownPost('OF'), undefined);
});

test('abbreviated posts and a year before the post', () => {
  assert.deepEqual(cites('REF: A. BA 1485 B. RIO 329'), ['BUENOSAIRES1485', 'RIODEJANEIRO329']);
  assert.deepEqual(cites('REF: 08 HAGUE 468'), ['08THEHAGUE468']);
  assert.deepEqual(
    cites('REF: A. 99 PRETORIA 12315  B. 99 PRETORIA 12316  C. 00 PRETORIA 9150  D. 00 CAPE TOWN 2150'),
    ['99PRETORIA12315', '99PRETORIA12316', '00PRETORIA9150', '00CAPETOWN2150'],
  );
});

test('serials joined by AND or commas cite the same post; AND and OF are no posts', () => {
  assert.deepEqual(cites('REF: STATE 41252 AND 44603'), ['STATE41252', 'STATE44603']);
  assert.deepEqual(cites('REF: STATE 297614 AND PREVIOUS 03 RANGOON 1427'), ['STATE297614', '03RANGOON1427']);
  assert.deepEqual(cites('SECTION 01 OF 02'), []);
  assert.deepEqual(cites('REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603'), ['TEHRAN1091', 'TEHRAN263', 'MOSCOW1603']);
});

test('a two-digit year in parentheses or after a slash', () => {
  assert.deepEqual(cites('REF: (99) ROME 2196'), ['99ROME2196']);
  assert.deepEqual(cites('REF: A. SECSTATE 15113       B. DOHA 152 (08)'), ['STATE15113', '08DOHA152']);
  assert.deepEqual(cites('REF: ROME 00789/08'), ['08ROME789']);
});

test('citations in mixed case, and reference IDs written as one word', () => {
  assert.deepEqual(cites('Refs: A) State 29549 B) Sao Paulo 276'), ['STATE29549', 'SAOPAULO276']);
  assert.deepEqual(cites('Ref: a. 07 state 75839'), ['07STATE75839']);
  assert.deepEqual(cites('REF: A. 05RIO123 B. 06PORT-OF-SPAIN123'), ['05RIODEJANEIRO123', '06PORTOFSPAIN123']);
  assert.deepEqual(cites('REF: (A)STATE 071143, (B)STATE 073601'), ['STATE71143', 'STATE73601']);
});

test('non-cable references are typed, never cable IDs', () => {
  assert.deepEqual(cites('¶B. SECDEF MSG DTG 301601z SEP 08'), ['[message] SECDEF MSG DTG 301601z SEP 08']);
  assert.deepEqual(cites('REF: A. TSOU-NEA EMAILS/TELCONS  B. TSOU-L EMAILS/TELCONS'), [
    '[email] TSOU-NEA EMAILS/TELCONS',
    '[email] TSOU-L EMAILS/TELCONS',
  ]);
  assert.deepEqual(cites('REF: A. OSC cpp20080407530001'), ['[osc] OSC cpp20080407530001']);
  assert.deepEqual(cites('REF: IIR 4 201 4569 08'), ['[iir] IIR 4 201 4569 08']);
  assert.deepEqual(cites('REF: 7 FAM 180'), ['[fam] 7 FAM 180']);
  assert.deepEqual(cites('REF: EMBASSY MADRID E-MAIL TO EUR/WE OF OCTOBER 14'), [
    '[email] EMBASSY MADRID E-MAIL TO EUR/WE OF OCTOBER 14',
  ]);
  // 09LONDON2222, 09LONDON1082: a post's daily report.
  assert.deepEqual(cites('REF: A. LONDON 2186 (NOTAL)  C. EMBASSY LONDON DAILY REPORT 9/16/2009 (NOTAL)'), [
    'LONDON2186',
    '[report] EMBASSY LONDON DAILY REPORT 9/16/2009 (NOTAL)',
  ]);
  assert.deepEqual(cites('REF: B. LONDON DAILY - 30 APRIL 2009  D. STATE 41959'), [
    '[report] LONDON DAILY - 30 APRIL 2009',
    'STATE41959',
  ]);
});

test('posts abbreviated or turned round as citations write them (08CASABLANCA81, 09RPODUBAI379)', () => {
  assert.deepEqual(cites('REF: (A) 05 CASA 1220 (B) 07 CASA 169'), ['05CASABLANCA1220', '07CASABLANCA169']);
  assert.deepEqual(cites('REF: DUBAI RPO 378'), ['RPODUBAI378']);
  assert.deepEqual(cites('REF: RPO DUBAI 56'), ['RPODUBAI56']);
});

test("a cable's references: canonical IDs, the citing year for a citation without one, the written text and place", () => {
  const model = CableModel.parse(
    [
      'R 161223Z OCT 09',
      'FM AMEMBASSY BUENOS AIRES',
      'TO SECSTATE WASHDC',
      'C O N F I D E N T I A L BUENOS AIRES 001235',
      '',
      'SUBJECT: TEST',
      '',
      'REF: A. BA 1485 B. 08 STATE 41252 AND 44603',
      '',
      '¶1. (C) Text.',
    ].join('\n'),
  );
  const reader = new CableReader(model);
  const { references } = reader.record(model.cables[0]);
  assert.deepEqual(
    references.map((r) => [
      r.kind === 'cable' ? r.referenceId : r.kind,
      r.kind === 'cable' && r.yearWritten,
      r.written,
      r.where,
    ]),
    [
      ['09BUENOSAIRES1485', false, 'BA 1485', { line: 7, start: 8, end: 15 }],
      ['08STATE41252', true, '08 STATE 41252', { line: 7, start: 19, end: 33 }],
      ['08STATE44603', true, '44603', { line: 7, start: 38, end: 43 }],
    ],
  );
});
