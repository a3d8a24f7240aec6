// Routing indicators: table lookups and the letter-by-letter explanation used in hover for unknown RIs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUILT_IN_TABLES, isRoutingIndicatorShape } from '../../server/src/vocabulary';
import { fixturesDir } from '../support/paths';

test('RUEHDBU is AMEMBASSY DUSHANBE, the DE station of the seed cable', () => {
  const ri = BUILT_IN_TABLES.routingIndicator('RUEHDBU');
  assert.ok(ri);
  assert.equal(ri.name, 'AMEMBASSY DUSHANBE');
  assert.equal(ri.kind, 'us-diplomatic-post');
  assert.equal(ri.family, 'RUEH');
  assert.deepEqual(ri.deStationFor, ['AMEMBASSY DUSHANBE']);
  assert.deepEqual(ri.cableNames, [{ name: 'AMEMBASSY DUSHANBE', count: 11 }]);
  assert.equal(ri.acp117_2014, 'AMEMBASSY DUSHANBE');
  assert.ok(ri.nameFromCables);
});

test('RUEHC is SECSTATE WASHDC and also fronts other Washington agencies', () => {
  const ri = BUILT_IN_TABLES.routingIndicator('RUEHC');
  assert.ok(ri);
  assert.equal(ri.name, 'SECSTATE WASHDC');
  assert.equal(ri.kind, 'state-department');
  assert.equal(ri.cableNames[0].name, 'SECSTATE WASHDC');
  assert.ok(ri.cableNames.some((n) => n.name === 'USAID WASHDC'));
  assert.equal(ri.acp117_2014, 'DEPT OF STATE WASHINGTON DC');
});

test('the cable-derived name wins over the ACP 117 decode; the decode fills in when cables give no name', () => {
  const dubai = BUILT_IN_TABLES.routingIndicator('RUEHDIR');
  assert.equal(dubai?.name, 'RPO DUBAI');
  assert.equal(dubai?.acp117_2014, 'AMCONSUL NAGOYA');
  const astana = BUILT_IN_TABLES.routingIndicator('RUEHAST'); // seen only on precedence lines: no name from cables
  assert.equal(astana?.name, 'AMCONSUL ASTANA');
  assert.equal(astana?.nameFromCables, false);
});

test('notes for shared gateways and RUEHWEB; ACP 117 blocks (X THRU Y) match the RIs inside them', () => {
  assert.match(BUILT_IN_TABLES.routingIndicator('RHMFISS')?.note ?? '', /Shared DoD gateway/);
  assert.match(BUILT_IN_TABLES.routingIndicator('RUEHWEB')?.note ?? '', /precedence line/);
  assert.equal(BUILT_IN_TABLES.routingIndicator('RUEHWEB')?.name, undefined);
  const block = BUILT_IN_TABLES.routingIndicator('RHFJAAK');
  assert.equal(block?.entry, 'RHFJAAA THRU RHFJAAZ');
  assert.equal(block?.name, 'NAVCOMTELSTA JACKSONVILLE FL');
  assert.equal(BUILT_IN_TABLES.routingIndicator('RHFJAB'), undefined);
});

test('unknown or malformed RIs are undefined', () => {
  assert.equal(BUILT_IN_TABLES.routingIndicator('RUEHXYZ'), undefined);
  assert.equal(BUILT_IN_TABLES.routingIndicator('AMEMBASSY'), undefined);
  assert.equal(BUILT_IN_TABLES.routingIndicator(''), undefined);
});

test('isRoutingIndicatorShape: R + 3 to 6 capitals', () => {
  for (const ri of ['RUEHC', 'RUEHDBU', 'RHMFISS', 'RUEH', 'RUEHWEB']) assert.ok(isRoutingIndicatorShape(ri), ri);
  for (const token of ['RUE', 'RUEHDBUX', 'ruehdbu', 'PREL', 'R1EHC', 'RUEHDBU/'])
    assert.ok(!isRoutingIndicatorShape(token), token);
});

test('explainRoutingIndicator explains an unknown RUEH indicator from the table: State posts, station letters', () => {
  const explanation = BUILT_IN_TABLES.explainRoutingIndicator('RUEHXYZ');
  assert.ok(explanation);
  assert.equal(explanation.known, undefined);
  assert.deepEqual(
    explanation.letters.map((l) => l.letters),
    ['R', 'U', 'E', 'H', 'XYZ'],
  );
  const [r, second, , family, station] = explanation.letters;
  assert.match(r.meaning, /routing indicator/);
  assert.match(second.meaning, /begin RU\b/);
  assert.match(second.meaning, /SECSTATE WASHDC/);
  assert.match(family.meaning, /family RUEH/);
  assert.match(family.meaning, /AMEMBASSY \d+, AMCONSUL \d+/);
  assert.match(family.meaning, /us-diplomatic-post/);
  assert.match(station.meaning, /not in the table/);
});

test('explainRoutingIndicator: shared DoD gateway notes for the RHMF family, the name for known RIs', () => {
  assert.match(
    BUILT_IN_TABLES.explainRoutingIndicator('RHMFIXX')?.letters[3].meaning ?? '',
    /RHMFISS: Shared DoD gateway/,
  );
  assert.match(BUILT_IN_TABLES.explainRoutingIndicator('RHMCSXX')?.letters[3].meaning ?? '', /RHMCSUU/);
  const known = BUILT_IN_TABLES.explainRoutingIndicator('RUEHDBU');
  assert.equal(known?.known?.name, 'AMEMBASSY DUSHANBE');
  assert.match(known?.letters[4].meaning ?? '', /DBU|AMEMBASSY DUSHANBE/);
  assert.match(
    BUILT_IN_TABLES.explainRoutingIndicator('RQZZ')?.letters[3].meaning ?? '',
    /no indicator in the table begins with RQZZ/,
  );
  assert.equal(BUILT_IN_TABLES.explainRoutingIndicator('RQZZ')?.letters.length, 4);
  assert.equal(BUILT_IN_TABLES.explainRoutingIndicator('PREL'), undefined);
});

/** Header lines of the fixture cables: DE RI with the FM name, and every 'RI/NAME' address line. */
function fixtureHeaders(): { file: string; de?: string; fm?: string; addressed: string[] }[] {
  return readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.cable'))
    .map((file) => {
      const text = readFileSync(join(fixturesDir, file), 'latin1');
      return {
        file,
        de: /^DE (R[A-Z]{3,6}) /m.exec(text)?.[1],
        fm: /^FM (.+?)\s*$/m.exec(text)?.[1],
        addressed: [...text.matchAll(/^(?:TO |INFO |XMT )?(R[A-Z]{3,6})\//gm)].map((m) => m[1]),
      };
    });
}

test('every DE station in the fixture cables is known and transmitted for the FM post', () => {
  const withDe = fixtureHeaders().filter((h) => h.de);
  assert.ok(withDe.length > 80);
  for (const { file, de, fm } of withDe) {
    assert.ok(BUILT_IN_TABLES.routingIndicator(de!)?.deStationFor.includes(fm!), `${file}: DE ${de} vs FM ${fm}`);
  }
});

test('every RI on an address line of the fixture cables is known', () => {
  const addressed = fixtureHeaders().flatMap((h) => h.addressed.map((ri) => ({ file: h.file, ri })));
  assert.ok(addressed.length > 500);
  for (const { file, ri } of addressed) assert.ok(BUILT_IN_TABLES.routingIndicator(ri), `${file}: ${ri}`);
});
