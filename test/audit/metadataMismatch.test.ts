// metadata-mismatch on real cables: every cable of test/fixtures and test/fixtures/audit that has the site's metadata,
// written as a row of cables.csv and as a page of the site (test/support/archives.ts), read back and checked as
// cable-lint checks it (the service, the rule on, the row's or page's metadata). Both forms give the same diagnostics,
// and each has its verdict, read by hand, in metadata-verdicts.tsv: a new one, or a listed one gone, fails the test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CableMetadata } from '../../server/src/archive/archive';
import { CsvCable, CsvReader } from '../../server/src/archive/csv';
import { CablePage, readCablePage } from '../../server/src/archive/pages';
import { createCableService } from '../../server/src/service/service';
import { cablePage, csvRow, PublishedCable, publishedFixtures } from '../support/archives';
import { projectRoot } from '../support/paths';

const service = createCableService({ settings: { rules: { 'metadata-mismatch': 'information' } } });

/** `line:col message` of each metadata-mismatch diagnostic of a text with its metadata. */
function diagnostics(text: string, metadata: CableMetadata): string[] {
  service.openDocument('cablegate:/cable', 0, text, metadata);
  const found = service
    .diagnostics('cablegate:/cable')
    .filter((d) => d.code === 'metadata-mismatch')
    .map((d) => `${d.range.start.line + 1}\t${d.range.start.character + 1}\t${d.message as string}`);
  service.closeDocument('cablegate:/cable');
  return found;
}

const SETS: ReadonlyArray<[set: string, cables: PublishedCable[]]> = [
  ['corpus', publishedFixtures()],
  ['audit', publishedFixtures('audit')],
];

test('metadata-mismatch on the fixtures and the audit cables as published: the same in both forms, every one judged', () => {
  const found: string[] = [];
  let checked = 0;
  for (const [set, cables] of SETS) {
    for (const cable of cables.filter((c) => c.fromSite)) {
      checked++;
      const [row] = new CsvReader().push(Buffer.from(csvRow(cable, 1))) as CsvCable[];
      const page = readCablePage(cablePage(cable)) as CablePage;
      const fromCsv = diagnostics(row.text, row.metadata);
      // The messages quote the created date-time as each form writes it: the places must be the same.
      const place = (d: string) => d.split('\t').slice(0, 2).join('\t');
      assert.deepEqual(fromCsv.map(place), diagnostics(page.text, page.metadata).map(place), cable.metadata.id);
      for (const d of fromCsv) found.push(`${set}\t${cable.metadata.id}\t${d}`);
    }
  }
  const verdicts = readFileSync(join(projectRoot, 'test', 'audit', 'metadata-verdicts.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('set\t'))
    .map((line) => line.split('\t'));
  for (const [set, id, line, col, verdict, reason] of verdicts) {
    assert.ok(verdict === 'true' && reason?.trim(), `${set} ${id} ${line}:${col}: a verdict 'true' with its reason`);
  }
  const key = (row: string[]) => row.slice(0, 4).join('\t');
  assert.deepEqual(
    found.map((d) => key(d.split('\t'))),
    verdicts.map(key),
    `metadata-mismatch reported (read each, then list it with its verdict):\n${found.join('\n')}`,
  );
  assert.ok(checked > 250, `${checked} cables with the site's metadata`);
});

test("the cited IDs of the release's own rows for two fixtures agree with the REF lines the reader finds", () => {
  // The references column of these rows of cables.csv as released (quoted in public scripts that read it).
  const released: Record<string, string[]> = {
    '66BUENOSAIRES2481': ['66STATE106206'],
    '72TEHRAN1164': ['72MOSCOW1603', '72TEHRAN1091', '72TEHRAN263'],
  };
  for (const cable of publishedFixtures().filter((c) => c.metadata.id in released)) {
    const metadata = { ...cable.metadata, references: released[cable.metadata.id] };
    assert.deepEqual(diagnostics(cable.text, metadata), [], cable.metadata.id);
  }
  // With one of them left out of a list, the REF citation is reported (an empty list is not compared).
  const tehran = publishedFixtures().find((c) => c.metadata.id === '72TEHRAN1164')!;
  assert.deepEqual(diagnostics(tehran.text, { ...tehran.metadata, references: ['72TEHRAN1091', '72TEHRAN263'] }), [
    "14\t31\tThe REF line cites 72MOSCOW1603, which the publisher's metadata does not list: it lists 72TEHRAN1091, 72TEHRAN263.",
  ]);
});
