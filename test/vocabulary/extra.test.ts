// The user's own code tables (cable.tables.extra, cable-lint --tables): TSV and JSON formats, problems, the merge over
// the built-in tables (user first), tables as values (no state between them), and diagnostics that follow a change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MarkupContent } from 'vscode-languageserver-types';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { CableReader } from '../../server/src/facts/facts';
import { hover } from '../../server/src/features/hover';
import { CableModel } from '../../server/src/syntax/model';
import { BUILT_IN_TABLES, formatTableProblem, loadCodeTables, parseTableFiles } from '../../server/src/vocabulary';
import { documentContext } from '../support/context';
import { readFixture } from '../support/fixtures';

const load = (files: unknown) => loadCodeTables(files).tables;

const TSV_TAGS = '# our codes\ncode\tmeaning\nKXYZ\tOur program\nprel\tPolitical relations (ours)\n\n';
const TSV_RIS = 'ri\tname\r\nRUEHXYZ\tAMEMBASSY ATLANTIS\r\nRUEHDBU\tEMBASSY OF DUSHANBE (OURS)\r\n';
const TSV_CAPTIONS = 'caption\tmeaning\nEYES ONLY\tfor the addressee alone\nsipdis\tour note on SIPDIS\n';
const JSON_ALL = JSON.stringify({
  routingIndicators: { ruehqqq: 'AMCONSUL NOWHERE' },
  tags: { KQQQ: 'Another program' },
  captions: { 'EXDIS ATLANTIS': 'distribution to Atlantis only' },
});

test('TSV: one table per file, chosen by the header row; keys upper-cased; comments, blank lines and CRLF allowed', () => {
  const { tables, problems } = parseTableFiles([
    { name: 'tables/tags.tsv', text: TSV_TAGS },
    { name: 'tables/ris.tsv', text: TSV_RIS },
    { name: 'captions.txt', text: TSV_CAPTIONS },
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    [...tables.tags],
    [
      ['KXYZ', { meaning: 'Our program', source: 'tables/tags.tsv' }],
      ['PREL', { meaning: 'Political relations (ours)', source: 'tables/tags.tsv' }],
    ],
  );
  assert.deepEqual([...tables.routingIndicators.keys()], ['RUEHXYZ', 'RUEHDBU']);
  assert.deepEqual([...tables.captions.keys()], ['EYES ONLY', 'SIPDIS']);
});

test('JSON: routingIndicators, tags and captions members, each optional', () => {
  const { tables, problems } = parseTableFiles([
    { name: 'codes.JSON', text: JSON_ALL },
    { name: 'empty.json', text: '{}' },
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(tables.routingIndicators.get('RUEHQQQ'), { meaning: 'AMCONSUL NOWHERE', source: 'codes.JSON' });
  assert.equal(tables.tags.get('KQQQ')?.meaning, 'Another program');
  assert.equal(tables.captions.get('EXDIS ATLANTIS')?.meaning, 'distribution to Atlantis only');
});

test('later files win for the same key', () => {
  const { tables } = parseTableFiles([
    { name: 'a.tsv', text: 'code\tmeaning\nKXYZ\tfirst\n' },
    { name: 'b.json', text: '{"tags":{"kxyz":"second"}}' },
  ]);
  assert.deepEqual(tables.tags.get('KXYZ'), { meaning: 'second', source: 'b.json' });
});

test('problems name the file and line; bad entries are left out, good ones kept', () => {
  const { tables, problems } = parseTableFiles([
    { name: 'bad-header.tsv', text: '# x\nCODE MEANING\nKXYZ\tx\n' },
    { name: 'rows.tsv', text: 'ri\tname\nXUEHAAA\tnot an RI\nRUEHAAA\tfine\n' },
    { name: 'spaces.tsv', text: 'code\tmeaning\nKXYZ Our program\n' },
    { name: 'broken.json', text: '{"tags": {' },
    { name: 'array.json', text: '[]' },
    { name: 'members.json', text: '{"tag": {}, "tags": {"KOK": "ok", "KNUM": 3}, "captions": []}' },
  ]);
  assert.deepEqual(
    problems.map((p) => formatTableProblem(p).replace(/\(.*\)/, '(...)')),
    [
      'bad-header.tsv:2: the header row is "ri<TAB>name", "code<TAB>meaning" or "caption<TAB>meaning" (...); found "CODE MEANING". The file is ignored.',
      'rows.tsv:2: "XUEHAAA" is not a routing indicator: expected R and 3 to 6 letters (...).',
      'spaces.tsv:2: "KXYZ Our program" is not a TAGS code: expected a letter and letters or digits, no spaces (...).',
      'broken.json: not valid JSON (...). The file is ignored.',
      'array.json: expected an object { "routingIndicators": {...}, "tags": {...}, "captions": {...} }. The file is ignored.',
      'members.json: unknown member "tag": expected routingIndicators, tags or captions.',
      'members.json: tags: the value of "KNUM" is a string.',
      'members.json: "captions" is an object of caption -> meaning.',
    ],
  );
  assert.deepEqual([...tables.routingIndicators.keys()], ['RUEHAAA']);
  assert.deepEqual([...tables.tags.keys()], ['KOK']);
});

test('files as received from an editor: anything but { name, text } is reported and skipped', () => {
  assert.deepEqual(loadCodeTables(undefined).problems, []);
  const { tables, problems } = loadCodeTables([
    { name: 'ok.tsv', text: 'code\tmeaning\nKOK\tfine\n' },
    { name: 'no text' },
    'x',
    null,
  ]);
  assert.deepEqual(problems.map(formatTableProblem), [
    'tables: 3 of 4 files are not { "name": string, "text": string } and were skipped.',
  ]);
  assert.equal(tables.tagCode('KOK')?.meaning, 'fine');
});

test('lookups consult the user tables first: new codes join, known ones take the user meaning and keep the rest', () => {
  const builtInDushanbe = BUILT_IN_TABLES.routingIndicator('RUEHDBU');
  const builtInSipdis = BUILT_IN_TABLES.caption('SIPDIS');
  const { tagCode, routingIndicator, caption } = load([
    { name: 'tags.tsv', text: TSV_TAGS },
    { name: 'ris.tsv', text: TSV_RIS },
    { name: 'captions.tsv', text: TSV_CAPTIONS },
  ]);
  assert.deepEqual(tagCode('kxyz'), {
    code: 'KXYZ',
    family: 'user',
    meaning: 'Our program',
    countInSample: 0,
    source: 'tags.tsv',
  });
  const prel = tagCode('PREL');
  assert.deepEqual(
    [prel?.family, prel?.meaning, prel?.source, prel?.category],
    ['subject', 'Political relations (ours)', 'tags.tsv', 'Political affairs'],
  );
  assert.equal(tagCode('PGOV')?.source, undefined);

  const atlantis = routingIndicator('RUEHXYZ');
  assert.deepEqual(
    [atlantis?.name, atlantis?.kind, atlantis?.family, atlantis?.source],
    ['AMEMBASSY ATLANTIS', 'user', 'RUEH', 'ris.tsv'],
  );
  const dushanbe = routingIndicator('RUEHDBU');
  assert.equal(dushanbe?.name, 'EMBASSY OF DUSHANBE (OURS)');
  assert.equal(dushanbe?.kind, builtInDushanbe?.kind);
  assert.deepEqual(dushanbe?.cableNames, builtInDushanbe?.cableNames);

  assert.deepEqual(caption('eyes  only'), {
    caption: 'EYES ONLY',
    kind: 'user',
    meaning: 'for the addressee alone',
    source: 'captions.tsv',
  });
  assert.equal(caption('SIPDIS')?.meaning, 'our note on SIPDIS');
  assert.equal(caption('SIPDIS')?.kind, builtInSipdis?.kind);
  assert.match(caption('DEPT FOR EUR/RUS')?.caption ?? '', /^DEPT FOR/);
});

test('completion lists: the user entries first, built-in entries renamed in place', () => {
  const before = BUILT_IN_TABLES.allTagCodes().length;
  const { allTagCodes, allRoutingIndicators, allCaptions } = load([
    { name: 'all.json', text: JSON_ALL },
    { name: 'ris.tsv', text: TSV_RIS },
    { name: 'caps.tsv', text: TSV_CAPTIONS },
  ]);
  assert.equal(allTagCodes()[0].code, 'KQQQ');
  assert.equal(allTagCodes().length, before + 1);
  assert.deepEqual(
    allRoutingIndicators()
      .slice(0, 2)
      .map((ri) => ri.ri),
    ['RUEHQQQ', 'RUEHXYZ'],
  );
  assert.equal(allRoutingIndicators().find((ri) => ri.ri === 'RUEHDBU')?.name, 'EMBASSY OF DUSHANBE (OURS)');
  assert.deepEqual(
    allCaptions()
      .slice(0, 2)
      .map((c) => c.caption),
    ['EXDIS ATLANTIS', 'EYES ONLY'],
  );
  assert.equal(allCaptions().filter((c) => c.caption === 'SIPDIS').length, 1);
});

test('suggestions and concatenation splits know the user codes', () => {
  const { nearestTagCodes, splitConcatenatedTags } = load([
    { name: 't.tsv', text: 'code\tmeaning\nKXYZ\tOur program\n' },
  ]);
  assert.ok(nearestTagCodes('KXYY').some((t) => t.code === 'KXYZ'));
  assert.deepEqual(
    splitConcatenatedTags('KXYZPREL')?.map((t) => t.code),
    ['KXYZ', 'PREL'],
  );
});

test('tables are values: one set does not see another; no files are the built-in tables themselves', () => {
  const a = load([{ name: 'a.tsv', text: 'code\tmeaning\nKAAA\ta\n' }]);
  const b = load([{ name: 'b.tsv', text: 'code\tmeaning\nKBBB\tb\n' }]);
  assert.ok(a.tagCode('KAAA'));
  assert.equal(a.tagCode('KBBB'), undefined);
  assert.ok(b.tagCode('KBBB'));
  assert.equal(b.tagCode('KAAA'), undefined);
  assert.equal(BUILT_IN_TABLES.tagCode('KAAA'), undefined);
  assert.equal(load([]), BUILT_IN_TABLES);
  assert.equal(
    BUILT_IN_TABLES.allTagCodes().some((t) => t.family === 'user'),
    false,
  );
});

test('diagnostics and hover follow a table change on the same, unedited model (the per-cable caches are invalidated)', () => {
  const text = readFixture('09DUSHANBE1151.cable').replace('[PREL](#) [PHUM](#)', '[PREL](#) [KXYZ](#)');
  const model = CableModel.parse(text);
  const reader = new CableReader(model);
  let tables = BUILT_IN_TABLES;
  const unknown = () =>
    documentDiagnostics(documentContext(reader, { tables }))
      .filter((d) => d.code === 'unknown-tag')
      .map((d) => d.message as string);
  assert.equal(unknown().length, 1);
  assert.match(unknown()[0], /Unknown TAGS code "KXYZ"/);

  tables = load([{ name: 'tables/tags.tsv', text: 'code\tmeaning\nKXYZ\tOur program\n' }]);
  assert.deepEqual(unknown(), []);
  const line = model.lineText(22);
  const hoverText = (
    hover(documentContext(reader, { tables }), { line: 22, character: line.indexOf('KXYZ') })?.contents as MarkupContent
  ).value;
  assert.equal(hoverText, '**KXYZ**, a code of your own: Our program (from tables/tags.tsv).');

  tables = BUILT_IN_TABLES;
  assert.equal(unknown().length, 1);
});

test('hover shows the user name of a routing indicator and says where it comes from', () => {
  const tables = load([{ name: 'ris.tsv', text: TSV_RIS }]);
  const reader = new CableReader(CableModel.parse(readFixture('09DUSHANBE1151.cable')));
  const value = (hover(documentContext(reader, { tables }), { line: 4, character: 5 })?.contents as MarkupContent)
    .value;
  assert.match(value, /^\*\*RUEHDBU\*\*: EMBASSY OF DUSHANBE \(OURS\)/);
  assert.match(value, /Its name comes from your table ris\.tsv\./);
});
