// The facts against the publisher's own metadata (Cablegate's created date-time, classification and origin) for every
// cable of test/fixtures (metadata.json) and test/fixtures/audit (metadata.json). Every disagreement is listed, with
// its explanation, in agreement-explained.tsv; the test fails on a new one and on a listed one that no longer occurs.
// The publisher's minutes are not the DTG's: Cablegate wrote the hour again in the minutes' place (modulo 12: 18:06 for
// a DTG of 181835Z), so the date and the hour are compared.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeCableText } from '../../server/src/cableFiles/decode';
import { CableReader } from '../../server/src/facts/facts';
import { CableModel } from '../../server/src/syntax/model';
import { knownPost } from '../../server/src/vocabulary';
import { fixturesDir, projectRoot } from '../support/paths';

interface Published {
  file: string;
  referenceId: string;
  created: string;
  classification: string;
  origin: string;
}

function published(dir: string): Published[] {
  const rows = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as Array<Record<string, unknown>>;
  return rows.flatMap((row) => {
    const meta = (row.cablegate_metadata ?? row) as Record<string, string>;
    if (!meta.created) return [];
    const referenceId = String(row.referenceId ?? row.reference_id);
    return [{ file: String(row.file), referenceId, ...meta } as Published];
  });
}

/** `Embassy Brasilia` -> BRASILIA, `Secretary of State` -> STATE, `Mission USNATO` -> USNATO. */
function publishedPost(origin: string): string {
  const place = origin.replace(/^(?:Embassy|Consulate|Mission|Secretary of|US Interests Section)\s+/, '');
  return knownPost(place) ?? place.toUpperCase().replace(/[^A-Z]/g, '');
}

/** Each fact compared: `set file field` -> [ours, the publisher's]. */
function disagreements(): { compared: number; found: Map<string, [string, string]> } {
  const found = new Map<string, [string, string]>();
  let compared = 0;
  for (const [set, dir] of [
    ['corpus', fixturesDir],
    ['audit', join(fixturesDir, 'audit')],
  ] as const) {
    for (const meta of published(dir)) {
      const reader = new CableReader(CableModel.parse(decodeCableText(readFileSync(join(dir, meta.file)))));
      const cables = reader.model.cables.map((cable) => reader.record(cable));
      const record = cables.find((r) => r.referenceId === meta.referenceId) ?? cables[0];
      const hour = (iso: string | null) => iso?.slice(0, 13).replace('T', ' ') ?? 'null';
      const level = meta.classification.split('//')[0];
      const pairs: Array<[string, string, string]> = [
        ['dateTime', hour(record.dateTime), meta.created.slice(0, 13)],
        ['classification', record.classification ?? 'null', level],
        ['origin', record.origin ?? 'null', publishedPost(meta.origin)],
      ];
      for (const [field, ours, theirs] of pairs) {
        compared++;
        if (ours !== theirs) found.set(`${set}\t${meta.file}\t${field}`, [ours, theirs]);
      }
    }
  }
  return { compared, found };
}

const EXPLAINED = join(projectRoot, 'test', 'facts', 'agreement-explained.tsv');

test('the facts agree with the publisher metadata, but for the disagreements listed with their explanations', () => {
  const { compared, found } = disagreements();
  const listed = new Map(
    readFileSync(EXPLAINED, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#') && !line.startsWith('set\t'))
      .map((line) => {
        const [set, file, field, ours, theirs, explanation] = line.split('\t');
        return [`${set}\t${file}\t${field}`, { ours, theirs, explanation }];
      }),
  );
  const unexplained = [...found].filter(([key]) => !listed.has(key)).map(([key, [o, t]]) => `${key}\t${o}\t${t}`);
  assert.deepEqual(unexplained, [], 'new disagreements: read each, then fix it or list it with its explanation');
  const gone = [...listed.keys()].filter((key) => !found.has(key));
  assert.deepEqual(gone, [], 'listed disagreements that no longer occur: remove them from agreement-explained.tsv');
  for (const [key, row] of listed) {
    assert.deepEqual([row.ours, row.theirs], found.get(key), `${key}: the listed values`);
    assert.ok(row.explanation?.trim(), `${key}: no explanation`);
  }
  const agreement = 1 - found.size / compared;
  console.log(`agreement: ${compared - found.size} of ${compared} facts (${(agreement * 100).toFixed(2)}%)`);
  // The bar, over the facts the text holds: a partial extract without a date line has no date-time to compare.
  const undated = [...found].filter(([key, [ours]]) => key.endsWith('\tdateTime') && ours === 'null').length;
  const held = 1 - (found.size - undated) / (compared - undated);
  console.log(
    `of the facts the text holds: ${compared - found.size} of ${compared - undated} (${(held * 100).toFixed(2)}%)`,
  );
  assert.ok(held >= 0.995, 'agreement over the facts the text holds: at least 99.5%');
});
