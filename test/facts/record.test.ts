// The facts of one cable as data (CableReader.record), each behaviour from lines of a real cable of the corpora
// (../shared/corpus, ../shared/corpus-audit), quoted here as the cable writes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CableReader, CableRecord } from '../../server/src/facts/facts';
import { CableModel } from '../../server/src/syntax/model';

/** The facts of the first cable of a text. */
function record(...lines: string[]): CableRecord {
  const reader = new CableReader(CableModel.parse(lines.join('\n') + '\n'));
  return reader.record(reader.model.cables[0]);
}

test('a partial extract takes its year from its date line (04RANGOON88)', () => {
  const facts = record(
    'This record is a partial extract of the original cable. The full text of the original cable is not available.',
    '',
    'Tuesday, 20 January 2004, 09:44',
    'S E C R E T RANGOON 000088 ',
    'SIPDIS ',
    'SUBJECT: BURMA: RUMORS OF CONSTRUCTION OF A NUCLEAR REACTOR ',
  );
  assert.equal(facts.referenceId, '04RANGOON88');
  assert.equal(facts.dateTime, '2004-01-20T09:44Z');
});

test('without a precedence on the DTG or precedence line, the TO line says it (00HARARE6677)', () => {
  const facts = record(
    '291359Z Nov 00',
    '',
    'FM AMEMBASSY HARARE',
    'TO SECSTATE WASHDC IMMEDIATE 7738',
    'INFO NSC WASHDC IMMEDIATE',
    '',
    'C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677 ',
  );
  assert.equal(facts.precedence, 'IMMEDIATE');
});

test("a body sent on under another cable's header has the header's level, by its ZN letters (10MEXICO614)", () => {
  const header = [
    'VZCZCXYZ0003',
    'OO RUEHWEB',
    '',
    'DE RUEHME #0614 0501538',
    'ZNR UUUUU ZZH',
    'O R 191538Z FEB 10',
    'FM AMEMBASSY MEXICO',
    'TO RUEHC/SECSTATE WASHDC IMMEDIATE 0530',
    '',
  ];
  assert.equal(record(...header, 'S E C R E T SECTION 01 OF 04 ISLAMABAD 000416 ').classification, 'UNCLASSIFIED');
  // The header's own body: its classification line says the level.
  assert.equal(record(...header, 'S E C R E T SECTION 01 OF 04 MEXICO 000614 ').classification, 'SECRET');
});
