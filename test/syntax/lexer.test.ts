// Each line kind with its valid and malformed variants (from the format reference and the fixtures):
// the kind, the tokens as `kind:text`, and the codes of the problems found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lexLine, lexLines } from '../../server/src/syntax/lexer';
import { fixtureNames, readFixture } from '../support/fixtures';

/** line, expected kind, expected tokens (`kind:text`), expected problem codes. */
const CASES: Array<[string, string, string[], string[]?]> = [
  // 3.1 transmission line
  ['VZCZCXRO1864', 'transmission', ['prosign:VZCZC', 'channel:XRO1864']],
  ['VZCZCADI319', 'transmission', ['prosign:VZCZC', 'channel:ADI319']],
  ['VZCZCXRO1864 RUEHDBU', 'transmission', ['prosign:VZCZC', 'channel:XRO1864'], ['transmission-shape']],
  ['VZCZCxro1864', 'transmission', ['prosign:VZCZC', 'channel:xro1864'], ['transmission-shape']],
  // operator tails after the DTG and the security line (spec §3.4): tokens of their own, no problem
  [
    'O 091547Z OCT 09 (CCY ADC1AECC MSI3311-632)',
    'dtg',
    ['precedence:O', 'dateTimeGroup:091547Z OCT 09', 'operatorTail:(CCY ADC1AECC MSI3311-632)'],
  ],
  ['R 102210Z FEB 10 ZFF3', 'dtg', ['precedence:R', 'dateTimeGroup:102210Z FEB 10', 'operatorTail:ZFF3']],
  [
    'ZNY CCCCC ZZH(CCY AD6CB6C9 WSC6493 634)',
    'security',
    ['prosign:ZNY', 'securityLetters:CCCCC', 'prosign:ZZH', 'operatorTail:(CCY AD6CB6C9 WSC6493 634)'],
  ],
  // 3.2 precedence / relay line and its continuation
  ['RR RUEHDBU', 'relay', ['precedence:RR', 'routingIndicator:RUEHDBU']],
  [
    'PP RUEHAG RUEHDA RUEHDF',
    'relay',
    ['precedence:PP', 'routingIndicator:RUEHAG', 'routingIndicator:RUEHDA', 'routingIndicator:RUEHDF'],
  ],
  ['QQ RUEHDBU', 'relay', ['precedence:QQ', 'routingIndicator:RUEHDBU'], ['relay-precedence']],
  [
    'RUEHROV RUEHSR RUEHVK RUEHYG',
    'relayContinuation',
    ['routingIndicator:RUEHROV', 'routingIndicator:RUEHSR', 'routingIndicator:RUEHVK', 'routingIndicator:RUEHYG'],
  ],
  // 3.3 DE line
  [
    'DE RUEHDBU #1151/01 2891223',
    'stationSerial',
    ['prosign:DE', 'routingIndicator:RUEHDBU', 'stationSerial:#1151', 'sectionNumber:/01', 'julianTime:2891223'],
  ],
  [
    'DE RUEHAD #2641 1541250',
    'stationSerial',
    ['prosign:DE', 'routingIndicator:RUEHAD', 'stationSerial:#2641', 'julianTime:1541250'],
  ],
  [
    'DE RUEHDBU 1151/01 2891223',
    'stationSerial',
    ['prosign:DE', 'routingIndicator:RUEHDBU', 'stationSerial:1151', 'sectionNumber:/01', 'julianTime:2891223'],
    ['station-serial-shape'],
  ],
  [
    'DE RUEHDBU #151/01 2891223',
    'stationSerial',
    ['prosign:DE', 'routingIndicator:RUEHDBU', 'stationSerial:#151', 'sectionNumber:/01', 'julianTime:2891223'],
    ['station-serial-shape'],
  ],
  [
    'DE RUEHDBU #1151/01 3672461',
    'stationSerial',
    ['prosign:DE', 'routingIndicator:RUEHDBU', 'stationSerial:#1151', 'sectionNumber:/01', 'julianTime:3672461'],
    ['julian-time', 'julian-time', 'julian-time'],
  ],
  ["DE KLERK'S PROPOSALS ON THE TABLE", 'text', []],
  // 3.4 security line
  ['ZNY CCCCC ZZH', 'security', ['prosign:ZNY', 'securityLetters:CCCCC', 'prosign:ZZH']],
  ['ZNR UUUUU ZZH', 'security', ['prosign:ZNR', 'securityLetters:UUUUU', 'prosign:ZZH']],
  [
    'ZNY SSSSS ZZH (CCY AD6CB6C9 WSC6493 634)',
    'security',
    ['prosign:ZNY', 'securityLetters:SSSSS', 'prosign:ZZH', 'operatorTail:(CCY AD6CB6C9 WSC6493 634)'],
  ],
  ['ZNR CCCCC ZZH', 'security', ['prosign:ZNR', 'securityLetters:CCCCC', 'prosign:ZZH'], ['security-letters']],
  ['ZNY CCXCC ZZH', 'security', ['prosign:ZNY', 'securityLetters:CCXCC', 'prosign:ZZH'], ['security-letters']],
  // 3.5 DTG line
  ['R 161223Z OCT 09', 'dtg', ['precedence:R', 'dateTimeGroup:161223Z OCT 09']],
  ['O R 141437Z NOV 07', 'dtg', ['precedence:O', 'precedence:R', 'dateTimeGroup:141437Z NOV 07']],
  ['O 071830Z SEP 07 ZDK', 'dtg', ['precedence:O', 'dateTimeGroup:071830Z SEP 07', 'operatorTail:ZDK']],
  ['R 311223Z SEP 09', 'dtg', ['precedence:R', 'dateTimeGroup:311223Z SEP 09'], ['dtg-shape']],
  [
    'R 292561Z FEB 09',
    'dtg',
    ['precedence:R', 'dateTimeGroup:292561Z FEB 09'],
    ['dtg-shape', 'dtg-shape', 'dtg-shape'],
  ],
  [
    'R 161223 Oct 2009',
    'dtg',
    ['precedence:R', 'dateTimeGroup:161223 Oct 2009'],
    ['dtg-shape', 'dtg-shape', 'dtg-shape'],
  ],
  // 3.6-3.7 FM, TO, INFO, XMT and address lines
  ['FM AMEMBASSY DUSHANBE', 'from', ['prosign:FM', 'address:AMEMBASSY DUSHANBE']],
  [
    'TO RUEHC/SECSTATE WASHDC PRIORITY 4496',
    'to',
    ['prosign:TO', 'routingIndicator:RUEHC', 'address:SECSTATE WASHDC', 'precedence:PRIORITY', 'addressSerial:4496'],
  ],
  [
    'TO SECSTATE WASHDC IMMEDIATE 7738',
    'to',
    ['prosign:TO', 'address:SECSTATE WASHDC', 'precedence:IMMEDIATE', 'addressSerial:7738'],
  ],
  ['INFO RUCNCIS/CIS COLLECTIVE', 'info', ['prosign:INFO', 'routingIndicator:RUCNCIS', 'address:CIS COLLECTIVE']],
  [
    'RUEHBUL/AMEMBASSY KABUL 0273',
    'address',
    ['routingIndicator:RUEHBUL', 'address:AMEMBASSY KABUL', 'addressSerial:0273'],
  ],
  [
    'RUCJACC/USCINCCENT MACDILL AFB FL//CCJ2/POLAD//',
    'address',
    ['routingIndicator:RUCJACC', 'address:USCINCCENT MACDILL AFB FL//CCJ2/POLAD//'],
  ],
  ['XMT AMCONSUL JERUSALEM', 'exempt', ['prosign:XMT', 'address:AMCONSUL JERUSALEM']],
  [
    'TO PAGE 02        STATE   015113  182333Z',
    'to',
    ['prosign:TO', 'preHeader:PAGE 02        STATE   015113  182333Z'],
    ['page-banner-in-address'],
  ],
  ['INFO  LOG-00   NP-00    AID-00', 'preHeader', ['preHeader:INFO  LOG-00   NP-00    AID-00']],
  // 3.8 BT and NNNN
  ['BT', 'break', ['prosign:BT']],
  ['NNNN', 'endOfMessage', ['prosign:NNNN']],
  // 4.1 classification line and its malformed forms
  [
    'C O N F I D E N T I A L SECTION 01 OF 02 DUSHANBE 001151',
    'classification',
    ['classification:C O N F I D E N T I A L', 'section:SECTION 01 OF 02', 'post:DUSHANBE', 'serial:001151'],
  ],
  [
    'UNCLAS SECTION 01 OF 02 RIO DE JANEIRO 001238 ',
    'classification',
    ['classification:UNCLAS', 'section:SECTION 01 OF 02', 'post:RIO DE JANEIRO', 'serial:001238'],
  ],
  [
    'S E C R E T BOGOTA 000243 SIPDIS NOFORN ',
    'classification',
    ['classification:S E C R E T', 'post:BOGOTA', 'serial:000243', 'caption:SIPDIS', 'caption:NOFORN'],
  ],
  [
    'UNCLASSIFIED BUENOS AIRES 2481 ',
    'classification',
    ['classification:UNCLASSIFIED', 'post:BUENOS AIRES', 'serial:2481'],
  ],
  [
    'SS E C R E T SECTION 01 OF 02 PARIS 001699 ',
    'classification',
    ['classification:SS E C R E T', 'section:SECTION 01 OF 02', 'post:PARIS', 'serial:001699'],
    ['classification-form'],
  ],
  [
    'C ONFIDENTIAL BERLIN 000643',
    'classification',
    ['classification:C ONFIDENTIAL', 'post:BERLIN', 'serial:000643'],
    ['classification-form'],
  ],
  [
    'S e c r e t berlin 000643',
    'classification',
    ['classification:S e c r e t', 'post:berlin', 'serial:000643'],
    ['classification-form'],
  ],
  ['CONFIDENTIAL     PTQ1859', 'text', []],
  // 4.2 captions
  ['SIPDIS', 'caption', ['caption:SIPDIS']],
  ['SENSITIVE BUT UNCLASSIFIED', 'caption', ['caption:SENSITIVE BUT UNCLASSIFIED']],
  ['SECRET//NOFORN ', 'caption', ['caption:NOFORN']],
  // 4.3 E.O. line
  [
    'E.O. 12958: DECL: 10/16/2019',
    'executiveOrder',
    ['keyword:E.O.', 'executiveOrderNumber:12958', 'keyword:DECL', 'declassification:10/16/2019'],
  ],
  [
    'EO 12958 DECL: 11/29/10 ',
    'executiveOrder',
    ['keyword:EO', 'executiveOrderNumber:12958', 'keyword:DECL', 'declassification:11/29/10'],
  ],
  ['E.O. 12958: N/A', 'executiveOrder', ['keyword:E.O.', 'executiveOrderNumber:12958', 'declassification:N/A']],
  [
    'DEPT FOR NEA/MAG AND DRL E.O. 12958: DECL: 3/13/2018 ',
    'executiveOrder',
    ['keyword:E.O.', 'executiveOrderNumber:12958', 'keyword:DECL', 'declassification:3/13/2018'],
  ],
  [
    'E.O.: DECL: 10/16/2019',
    'executiveOrder',
    ['keyword:E.O.', 'keyword:DECL', 'declassification:10/16/2019'],
    ['executive-order-shape'],
  ],
  // 4.4 TAGS
  ['TAGS: PREL PGOV SP', 'tags', ['keyword:TAGS:', 'tag:PREL', 'tag:PGOV', 'tag:SP']],
  ['TAGS PGOV, PREL, ECON', 'tags', ['keyword:TAGS', 'tag:PGOV', 'tag:PREL', 'tag:ECON']],
  ['TAGS: [PREL](#) [PHUM](#) [TI](#)', 'tags', ['keyword:TAGS:', 'tag:PREL', 'tag:PHUM', 'tag:TI']],
  // 4.5-4.7 SUBJECT, REF, Classified By, REASON
  [
    'SUBJECT: (C) RUSSIAN DEPUTY FOREIGN MINISTER',
    'subject',
    ['keyword:SUBJECT:', 'portionMarking:(C)', 'subjectText:RUSSIAN DEPUTY FOREIGN MINISTER'],
  ],
  ['REF: A. STATE 12345', 'reference', ['keyword:REF:', 'itemLabel:A.', 'citation:STATE 12345']],
  ['REF: (A) 08 STATE 061194', 'reference', ['keyword:REF:', 'itemLabel:(A)', 'citation:08 STATE 061194']],
  ['¶B. MADRID 707', 'letteredItem', ['itemLabel:¶B.', 'citation:MADRID 707']],
  [
    'Classified By: Ambassador X for reasons 1.4 (b) and (d)',
    'classifiedBy',
    ['keyword:Classified By:', 'keyword:reasons', 'reasonLetter:b', 'reasonLetter:d'],
  ],
  ['REASON: 1.4 (b), (d)', 'reason', ['keyword:REASON:', 'reasonLetter:b', 'reasonLetter:d']],
  ['REASON: 1.4 (b), (k)', 'reason', ['keyword:REASON:', 'reasonLetter:b', 'reasonLetter:k'], ['reason-letter']],
  // 4.8-4.10 paragraphs, portion markings, blocks
  [
    '¶1. (C) Summary: Deputy Foreign Minister',
    'paragraph',
    ['paragraphNumber:¶1.', 'portionMarking:(C)', 'blockStart:Summary:'],
  ],
  [
    '1.(C) Summary: Reports by the Qadhafi',
    'paragraph',
    ['paragraphNumber:1.', 'portionMarking:(C)', 'blockStart:Summary:'],
  ],
  ['15. (C) Ambassador offered', 'paragraph', ['paragraphNumber:15.', 'portionMarking:(C)']],
  ['\uFFFD3. (S//NF) text', 'paragraph', ['paragraphNumber:\uFFFD3.', 'portionMarking:(S//NF)']],
  ['Â¶2. INTRODUCTION: RECENT', 'paragraph', ['paragraphNumber:Â¶2.']],
  ['¶4. (Iran) is not a marking', 'paragraph', ['paragraphNumber:¶4.']],
  [
    'biographic notes. End Summary. XXXXXXXXXXXX met SIPDIS',
    'text',
    ['blockEnd:End Summary.', 'redaction:XXXXXXXXXXXX', 'caption:SIPDIS'],
  ],
  ['raid. (Note: Locals in such areas. End Note.)', 'text', ['blockStart:Note:', 'blockEnd:End Note.']],
  // 4.11 continuation headers
  ['DUSHANBE 00001151 002 OF 002', 'continuationHeader', ['continuationHeader:DUSHANBE 00001151 002 OF 002']],
  ['MADRID 00000766 001.2 OF 003', 'continuationHeader', ['continuationHeader:MADRID 00000766 001.2 OF 003']],
  ['the TRIPOLI 00000220 002 OF 003 visit by', 'text', ['continuationHeader:TRIPOLI 00000220 002 OF 003']],
  // 3.0 pre-header junk
  [
    'This record is a partial extract of the original cable.',
    'preHeader',
    ['preHeader:This record is a partial extract of the original cable.'],
  ],
  ['291359Z Nov 00', 'preHeader', ['preHeader:291359Z Nov 00']],
  ['<<218634>>', 'preHeader', ['preHeader:<<218634>>']],
  // Prose must stay prose.
  ['The REASON for this is clear, said the RUEHDBU team on 161223Z.', 'text', []],
  ['', 'blank', []],
];

for (const [line, kind, tokens, problems = []] of CASES) {
  test(`lexes ${JSON.stringify(line.slice(0, 50))} as ${kind}`, () => {
    const lexed = lexLine(line);
    assert.equal(lexed.kind, kind);
    assert.deepEqual(
      lexed.tokens.map((t) => `${t.kind}:${line.slice(t.start, t.end)}`),
      tokens,
    );
    assert.deepEqual(
      lexed.problems.map((p) => p.code),
      problems,
    );
    for (const p of lexed.problems)
      assert.ok(p.start >= 0 && p.end <= Math.max(line.length, p.start + 1), `problem range ${p.start}-${p.end}`);
  });
}

test('a 1 MB line is lexed as text without a detailed scan, and fast', () => {
  const line = '¶1. (C) ' + 'A'.repeat(1_000_000);
  const start = performance.now();
  const lexed = lexLine(line);
  assert.equal(lexed.kind, 'paragraph');
  assert.ok(performance.now() - start < 1_000);
});

test('lexLines, which finds the lines with inline tokens in one pass over the text, lexes each line as lexLine does', () => {
  // Every fixture with each kind of line end, and the inline tokens at line starts, line ends and across line ends.
  const inline = [
    'XXXXXX',
    'xxxxxxx',
    'SIPDIS',
    'NOFORN',
    'End Summary.',
    'end comment',
    'END NOTE',
    'eND text',
    '(Note: x',
    '(COMMENT: x',
    'DUSHANBE 00001151 002 OF 002',
    '(C',
    '(N',
  ];
  const texts = fixtureNames().map(readFixture);
  texts.push(
    inline.join('\n'),
    inline.join('\r\n'),
    inline.join('\r'),
    inline.map((s) => `¶1. (C) ${s}`).join('\n'),
    inline.map((s, k) => s.slice(0, k % s.length) + '\n' + s.slice(k % s.length)).join(''),
  );
  for (const text of texts) {
    for (const eol of ['\n', '\r\n', '\r']) {
      const lines = text.split(/\r\n|\r|\n/);
      const joined = lines.join(eol);
      assert.deepEqual(lexLines(joined, lines), lines.map(lexLine), JSON.stringify(joined.slice(0, 80)));
    }
  }
});
