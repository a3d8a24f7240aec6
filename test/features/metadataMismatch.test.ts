// metadata-mismatch: off by default, silent without metadata (a plain .cable file in the editor), and what it does not
// flag: the site's minutes, the handling after //, LIMITED OFFICIAL USE under UNCLASSIFIED, citations of the year before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CableMetadata } from '../../server/src/archive/archive';
import { RuleSettings } from '../../server/src/features/context';
import { EXAMPLE_METADATA } from '../../server/src/features/diagnostics/rules/exampleCable';
import { createCableService } from '../../server/src/service/service';
import { WELL_FORMED } from '../support/defects';

const ON: { rules: RuleSettings } = { rules: { 'metadata-mismatch': 'warning' } };

function messages(text: string, metadata: CableMetadata | undefined, settings = ON): string[] {
  const service = createCableService({ settings });
  service.openDocument('cablegate:/x.cable', 0, text, metadata);
  return service
    .diagnostics('cablegate:/x.cable')
    .filter((d) => d.code === 'metadata-mismatch')
    .map((d) => d.message as string);
}

const other = { ...EXAMPLE_METADATA, created: '10/16/2009 15:23', classification: 'SECRET' };

test('off by default; on, it needs metadata: without, as for a plain .cable file, it says nothing', () => {
  assert.deepEqual(messages(WELL_FORMED, other, { rules: {} }), []);
  assert.deepEqual(messages(WELL_FORMED, undefined), []);
  assert.deepEqual(messages(WELL_FORMED, other), [
    "The DTG 161223Z OCT 09 (2009-10-16 12:23 UTC) disagrees with the publisher's metadata: created 10/16/2009 15:23 (the date and the hour are compared).",
    "The classification line's CONFIDENTIAL disagrees with the publisher's metadata: SECRET.",
  ]);
});

test('metadata given after the open (the server reads an archive row after didOpen): the cable is checked again', () => {
  const service = createCableService({ settings: ON });
  service.openDocument('cablegate:/x.cable', 0, WELL_FORMED);
  const mismatches = () => service.diagnostics('cablegate:/x.cable').filter((d) => d.code === 'metadata-mismatch');
  assert.deepEqual(mismatches(), []);
  service.setMetadata('cablegate:/x.cable', other);
  assert.equal(mismatches().length, 2);
});

test("what is normal is not flagged: the site's minutes, //NOFORN, UNCLASSIFIED for LIMITED OFFICIAL USE", () => {
  // The site's form, its minutes the hour on a 12-hour clock; the CSV's, without leading zeros.
  for (const created of ['2009-10-16 12:12', '10/16/2009 12:23', '10/16/2009 12:59'])
    assert.deepEqual(
      messages(WELL_FORMED, { ...EXAMPLE_METADATA, created, classification: 'CONFIDENTIAL//NOFORN' }),
      [],
    );
  const lou = WELL_FORMED.replace('C O N F I D E N T I A L', 'LIMITED OFFICIAL USE').replace('CCCCC', 'UUUUU');
  const fouo = { ...EXAMPLE_METADATA, classification: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY' };
  assert.deepEqual(messages(lou, fouo), []);
  assert.deepEqual(
    messages(WELL_FORMED.replace('161223Z OCT 09', '010023Z JAN 10'), { ...fouo, created: '2010-01-01 00:12' }),
    [
      "The classification line's CONFIDENTIAL disagrees with the publisher's metadata: UNCLASSIFIED//FOR OFFICIAL USE ONLY.",
    ],
  );
});

test('cited IDs: a REF citation the publisher does not list, a listed ID the text never writes; the year before', () => {
  const withRef = (ref: string) => WELL_FORMED.replace('MILITARY\n', `MILITARY\n\nREF: ${ref}\n`);
  assert.deepEqual(messages(withRef('A. STATE 12345'), EXAMPLE_METADATA), []);
  // A January cable citing last year's STATE 12345 without its year.
  const january = withRef('STATE 12345').replace('161223Z OCT 09', '161223Z JAN 09');
  assert.deepEqual(
    messages(january, { ...EXAMPLE_METADATA, created: '1/16/2009 12:23', references: ['08STATE12345'] }),
    [],
  );
  assert.deepEqual(messages(withRef('STATE 999'), EXAMPLE_METADATA), [
    "The publisher's metadata lists 09STATE12345 as cited: the REF lines do not cite it, nor does the text write its serial 12345.",
    "The REF line cites 09STATE999, which the publisher's metadata does not list: it lists 09STATE12345.",
  ]);
  // Written anywhere in the text (paragraph 2 here): not flagged, the reader may only have missed the citation.
  const inText = withRef('STATE 999').replace('Karasin said more.', 'Karasin said more (STATE 12345).');
  assert.equal(messages(inText, EXAMPLE_METADATA).length, 1);
  // No list (the site's pages have none), or an empty one: nothing to compare.
  assert.deepEqual(messages(withRef('STATE 999'), { ...EXAMPLE_METADATA, references: undefined }), []);
  assert.deepEqual(messages(withRef('STATE 999'), { ...EXAMPLE_METADATA, references: [] }), []);
});
