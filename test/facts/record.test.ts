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

test('TAGS that end in a comma go on on the next line (08RIYADH1619)', () => {
  const facts = record(
    'S E C R E T SECTION 01 OF 03 RIYADH 001619 ',
    '',
    'TAGS ECON, ENRG, EPET, MARR, MCAP, MOPS, OVP, PGOV, PREL, ',
    'PTER, SA ',
    'SUBJECT: SAUDI ENERGY SECURITY',
  );
  assert.deepEqual(
    facts.tags.map((t) => t.code),
    ['ECON', 'ENRG', 'EPET', 'MARR', 'MCAP', 'MOPS', 'OVP', 'PGOV', 'PREL', 'PTER', 'SA'],
  );
});

test('a page banner run into the TAGS line is no codes (the issue quotes it from a real cable)', () => {
  const facts = record(
    'S E C R E T ROME 003067 ',
    '',
    'TAGS: PREL IT   SECRET   PAGE 02 ROME 03067 211833Z',
    'SUBJECT: ITALY',
  );
  assert.deepEqual(
    facts.tags.map((t) => t.code),
    ['PREL', 'IT'],
  );
});

test('misspelt TAGS labels are TAGS (the issue quotes TAS:, TGS:, TAGES: from real cables; none is in the corpora)', () => {
  for (const label of ['TAS:', 'TGS:', 'TAGES:'])
    assert.deepEqual(
      record(
        'C O N F I D E N T I A L RIYADH 001619 ',
        '',
        `${label} ECON, PREL, SA `,
        'SUBJECT: SAUDI ENERGY',
      ).tags.map((t) => t.code),
      ['ECON', 'PREL', 'SA'],
      label,
    );
  // In mixed case it is a word of the text, not a label.
  assert.deepEqual(record('C O N F I D E N T I A L RIYADH 001619 ', '', 'Tas: ECON', 'SUBJECT: X').tags, []);
});

test('a cable in lower case: its Subject: and its E.o. line (09ULAANBAATAR234)', () => {
  const facts = record(
    'C o n f i d e n t i a l ulaanbaatar 000234',
    '',
    'E.o. 12958: decl: 08/13/2034',
    'Tags: prel, pgov, mops, knnp, mg',
    "Subject: mongolia's consultations with dprk vice foreign",
    'minister kim',
  );
  assert.equal(facts.subject, "mongolia's consultations with dprk vice foreign minister kim");
  assert.equal(facts.executiveOrder, '12958');
  assert.equal(facts.declassify, '08/13/2034');
});

test('a REF after the subject on its line is no part of the subject (10BRASILIA49)', () => {
  const facts = record(
    'R 131848Z FEB 10',
    'FM AMEMBASSY BRASILIA',
    '',
    'C O N F I D E N T I A L BRASILIA 000049 ',
    '',
    "SUBJECT: BRAZIL'S PRESIDENTIAL ELECTIONS: DILMA ROUSSEFF COMES UP FAST BEHIND JOSE SERRA REF: RIO DE JANEIRO 32 ",
  );
  assert.equal(facts.subject, "BRAZIL'S PRESIDENTIAL ELECTIONS: DILMA ROUSSEFF COMES UP FAST BEHIND JOSE SERRA");
  assert.deepEqual(
    facts.references.map((r) => r.kind === 'cable' && r.referenceId),
    ['10RIODEJANEIRO32'],
  );
});

test("a page banner's classification word ends the subject (00HARARE6677)", () => {
  const facts = record(
    'C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677 ',
    'TAGS PGOV, PREL, ECON, PINR, ZI, SA ',
    'SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE ',
    ' CONFIDENTIAL',
    'PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER',
  );
  assert.equal(facts.subject, 'ASSISTANT SECRETARY MEETS WITH ZIMBABWE');
});

test('addressees: a page banner on the TO line and the XMT lines are none (09STATE15113, 08STATE116943)', () => {
  const banner = record(
    'P 182318Z FEB 09',
    'FM SECSTATE WASHDC',
    'TO PAGE 02        STATE   015113  182333Z ',
    'ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY',
    'AMEMBASSY TRIPOLI PRIORITY',
    '',
    'S E C R E T STATE 015113  ',
  );
  assert.deepEqual(
    banner.to.map((a) => a.name),
    ['ALL DIPLOMATIC POSTS COLLECTIVE', 'AMEMBASSY TRIPOLI'],
  );
  const excluded = record(
    'P 031812Z NOV 08',
    'FM SECSTATE WASHDC',
    'TO SECURITY OFFICER COLLECTIVE PRIORITY',
    'AMEMBASSY TRIPOLI PRIORITY ',
    'INFO AMCONSUL CASABLANCA PRIORITY ',
    'XMT AMCONSUL JOHANNESBURG',
    'AMCONSUL JOHANNESBURG',
    '',
    'S E C R E T STATE 116943',
  );
  assert.deepEqual(
    excluded.info.map((a) => a.name),
    ['AMCONSUL CASABLANCA'],
  );
});

const BODY = ['S E C R E T SECTION 01 OF 02 MOSCOW 005645 ', '', 'SUBJECT: THE NORTH CAUCASUS', ''];

test('the signature run into the last line of text (06MOSCOW5645), and a closing banner that is none (09ISLAMABAD2295)', () => {
  assert.deepEqual(
    record(
      ...BODY,
      '¶58. (C) Much more probable is a new phase of instability that will be felt throughout the North Caucasus and have effects beyond. BURNS',
    ).signers,
    ['BURNS'],
  );
  // In capitals throughout, the last word of the text is no sure signer.
  assert.deepEqual(record(...BODY, '¶2. (C) WE WILL REPORT FURTHER. END').signers, []);
  assert.deepEqual(
    record(
      ...BODY,
      '¶6. (S/NF) In the final analysis there is no short-cut to dealing with the al-Qaeda problem in Pakistan.',
      'SECRET',
    ).signers,
    [],
  );
});

test('a signer before a closing banner (79TEHRAN8980) or a lower-case Nnnn (08STATE15220)', () => {
  assert.deepEqual(
    record(
      ...BODY,
      '¶9. IS GOING TO RESIST THE VERY CONCEPT OF A RATIONAL ',
      '(FROM THE WESTERN POINT OF VIEW) NEGOTIATING PROCESS. ',
      'LAINGEN ',
      'CONFIDENTIAL',
    ).signers,
    ['LAINGEN'],
  );
  assert.deepEqual(
    record(...BODY, '¶4. (U) Please report by www.state.sgov.gov/demarche.', 'Rice', '', '', 'Nnnn').signers,
    ['Rice'],
  );
});

test('a signer in mixed case with a capital inside (09ASMARA429)', () => {
  assert.deepEqual(
    record(
      ...BODY,
      '¶5. (S) COMMENT: The brittle Isaias regime is one pistol shot away from implosion. END COMMENT.',
      'McMullen',
    ).signers,
    ['McMullen'],
  );
});

test('a signer run into the last line: after an END marker, MINIMIZE CONSIDERED, or a sentence in mixed case', () => {
  const signers = (...lines: string[]) => record(...BODY, ...lines).signers;
  // 08BRASILIA429
  assert.deepEqual(
    signers(
      '¶6. (C) EMBASSY COMMENT: ... without having to rely on case by case approvals from the MRE. END COMMENT. SOBEL',
    ),
    ['SOBEL'],
  );
  // 04RANGOON1100
  assert.deepEqual(
    signers(
      '¶8. (S) COMMENT CONTINUED: ... Post will continue to monitor these developments and report as warranted. McMullen',
    ),
    ['McMullen'],
  );
  // In capitals, after a typist's two spaces (the issue quotes it; none in the corpora).
  assert.deepEqual(signers('¶3. (U) TRIPOLI MINIMIZE CONSIDERED.  EAGLETON'), ['EAGLETON']);
  // 10BRASILIA43: MINIMIZE CONSIDERED on the signer's line.
  assert.deepEqual(
    signers('¶5. (C) Finally, Lula told the Ambassador about Iran.', '', 'MINIMIZE CONSIDERED SHANNON'),
    ['SHANNON'],
  );
  // 09PESHAWAR2: a word in capitals after the last sentence is no signer; nor the END of a sentence in capitals.
  assert.deepEqual(
    signers(
      '¶13. (C) It is disturbing that XXXXXXXXXXXX believes the militants are winning in both FATA and NWFP. VIA',
    ),
    [],
  );
  assert.deepEqual(signers('¶2. (C) WE WILL REPORT FURTHER. END COMMENT'), []);
});

test("a signer on its line: after End Text., before the site's dots or a lone period (07MADRID1722, 09MOSCOW1562)", () => {
  const signers = (...lines: string[]) => record(...BODY, ...lines).signers;
  assert.deepEqual(signers('(Complimentary closing)', 'End Text. AGUIRRE'), ['AGUIRRE']);
  assert.deepEqual(signers('government money. ', 'BEYRLE', '..'), ['BEYRLE']);
  // 09BRUSSELS269
  assert.deepEqual(signers('¶12. (U) Ambassador Williamson has cleared on this telegram.', 'MURRAY .'), ['MURRAY']);
  assert.deepEqual(signers('¶12. (U) Ambassador Williamson has cleared on this telegram.', 'END COMMENT.'), []);
});

test("a signer after an acronym's period, after a row of stars, or in lower case; the post's website pointer after it", () => {
  const signers = (...lines: string[]) => record(...BODY, ...lines).signers;
  // 07KAMPALA1848, 09ISLAMABAD2295; a short word there is no signer (09PESHAWAR2, in the test above).
  assert.deepEqual(signers('¶9. (S) It could include the sale of MANPADS by the GOU. CHRITTON'), ['CHRITTON']);
  assert.deepEqual(signers('¶6. (C) Both to the east and to the west -- by working closely with the U.S. PATTERSON'), [
    'PATTERSON',
  ]);
  // 09TELAVIV1324
  assert.deepEqual(
    signers(
      '¶13. (U) Fred Hof has cleared this message.',
      '********* Visit Embassy Tel Aviv’s Classified Website: http://www.state.sgov.gov/p/nea/telaviv ********* CUNNINGHAM',
    ),
    ['CUNNINGHAM'],
  );
  // 07LONDON3175, 09STATE63812, and 09BEIJING2964 where the name is echoed in lower case.
  assert.deepEqual(
    signers("Visit London's Classified Website:", 'http://www.state.sgov.gov/p/eur/london/index. cfm', 'tuttle'),
    ['tuttle'],
  );
  assert.deepEqual(signers('here in Washington and elsewhere.', 'Best,', 'Jeff', 'clinton'), ['clinton']);
  assert.deepEqual(signers('¶28. (U) The Deputy Secretary cleared this message.', 'Huntsman', 'huntsman'), [
    'Huntsman',
  ]);
  // 09ANKARA1472, 09ANKARA1549: the pointer after the signer, its address wrapped or not.
  assert.deepEqual(
    signers(
      'but the relationship has begun to sour. ',
      'JEFFREY ',
      '           "Visit Ankara\'s Classified Web Site at http://www.intelink.s ',
      'gov.gov/wiki/Portal:Turkey"',
    ),
    ['JEFFREY'],
  );
  assert.deepEqual(
    signers(
      '¶3. (C) Comment: Our discussions tend to confirm this.',
      'JEFFREY',
      "“Visit Ankara's Classified Web Site at http://www.intelink.s gov.gov/wiki/Portal:Turkey”",
    ),
    ['JEFFREY'],
  );
  // 08LONDON1837: the signer after the pointer is no part of its address.
  assert.deepEqual(
    signers(
      '¶12. (C/NF) FCO officials said that the EU should wait.',
      'Visit London’s Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom',
      'LeBaron',
    ),
    ['LeBaron'],
  );
});

test('Summary forms: Summary and Action Request, an End Summary split over two lines, rules under a heading', () => {
  const summary = (...lines: string[]) => record(...BODY, ...lines).summary;
  // 09ISLAMABAD1119
  assert.equal(
    summary(
      '¶1. (C) Summary and Action Request. In a two hour conversation with Ambassador May 23, Kayani asked for help. End Summary and Action Request.',
    ),
    'In a two hour conversation with Ambassador May 23, Kayani asked for help.',
  );
  // 04MADRID2215
  assert.equal(
    summary(
      'Summary',
      '',
      '¶1. (C) Jose Maria Aznar did not participate in the Popular',
      "Party's campaign for the June 13 EU parliamentary election. End",
      'Summary.',
    ),
    "¶1. (C) Jose Maria Aznar did not participate in the Popular Party's campaign for the June 13 EU parliamentary election.",
  );
  // 04AMMAN1288
  assert.equal(
    summary(
      '------- ',
      'SUMMARY',
      '------- ',
      '',
      '¶1. (S) FonMin Muasher told the Ambassador February 18. END SUMMARY',
    ),
    '¶1. (S) FonMin Muasher told the Ambassador February 18.',
  );
  // Forms the issue quotes from real cables that neither corpus holds: underlined on its line, and Summary/Comment.
  assert.equal(
    summary('Summary =======', '', '¶1. (C) The talks went well. End Summary.'),
    '¶1. (C) The talks went well.',
  );
  assert.equal(
    summary('------- SUMMARY -------', '', '¶1. (C) The talks went well. END SUMMARY.'),
    '¶1. (C) The talks went well.',
  );
  assert.equal(summary('¶1. (C) Summary/Comment: The talks went well. End Summary/Comment.'), 'The talks went well.');
});

test('Summary without its opener: under a heading, begun by paragraph 1 and closed by End Summary, with an opener in words', () => {
  const summary = (...lines: string[]) => record(...BODY, ...lines).summary;
  // 09ROME649: a heading over paragraph 1, no End Summary.
  assert.equal(
    summary(
      'Summary',
      '------- ',
      '',
      '¶1. (C/NF) Mr. President, your meeting with Italian PM Silvio Berlusconi comes at a time of doubt.',
      '',
      '¶2. (C) Background.',
    ),
    'Mr. President, your meeting with Italian PM Silvio Berlusconi comes at a time of doubt.',
  );
  // 07BAGHDAD3895: paragraph 1 is the summary; only its closer says so.
  assert.equal(
    summary(
      '1.(C) UK Ambassador to Tehran Geoffrey Adams outlined his recommendations. ',
      'He would disabuse Iranians of their ',
      'standard notion that time was on their side.  End summary ',
      ' ',
      '2.(C) British Ambassador to Iran Geoffrey Adams opened.',
    ),
    'UK Ambassador to Tehran Geoffrey Adams outlined his recommendations. He would disabuse Iranians of their standard notion that time was on their side.',
  );
  // 07ISLAMABAD256, 09ABIDJAN406: an opener the lexer does not take for one, after a garbled portion marking too.
  assert.equal(
    summary('¶1. (S) Summary and introduction: Musharraf spoke of irritants. End Summary.', '¶2. (C) Participants:'),
    'Musharraf spoke of irritants.',
  );
  assert.equal(
    summary('¶1. C) Summary: Key figures insist that elections be held.', 'End Summary ', '', '¶2. (C) More.'),
    'Key figures insist that elections be held.',
  );
  // 10BRASILIA51: the word in prose is no Summary.
  assert.equal(summary('¶4. (C) The MOD gave a summary of security issues in the South America region.'), null);
});

test('Classified By as paragraph 1, the 1990s form the issue quotes (none in the corpora)', () => {
  const statement = record(
    'C O N F I D E N T I A L ANKARA 001234 ',
    '',
    'E.O. 12958: DECL: 1/1/2005',
    'TAGS: PREL TU',
    'SUBJECT: TURKEY AND ITS NEIGHBOURS',
    '',
    '1. (U) CLASSIFIED BY ROBERT P. FINN, DEPUTY CHIEF OF MISSION.',
    'REASON: 1.5 (B) AND (D).',
    '',
    '2. (C) The Foreign Minister said little.',
  ).classifiedBy;
  assert.deepEqual(statement && [statement.name, statement.title, statement.reasons], [
    'ROBERT P. FINN',
    'DEPUTY CHIEF OF MISSION',
    ['1.5(b)', '1.5(d)'],
  ]);
});

test('Classified By: on the REF line, and a title with a.i. (07SANTIAGO983, 09BRASILIA1315)', () => {
  const onRef = record(
    'C O N F I D E N T I A L SANTIAGO 000983 ',
    'SUBJECT: CHAVEZ IN THE REGION',
    'REF: ASUNCION 396 Classified By: AMBASSADOR CRAIG KELLY; Reasons 1.4(b), (d)',
  ).classifiedBy;
  assert.deepEqual(onRef && [onRef.name, onRef.title, onRef.reasons], [
    'CRAIG KELLY',
    'AMBASSADOR',
    ['1.4(b)', '1.4(d)'],
  ]);
  const acting = record(
    'C O N F I D E N T I A L BRASILIA 001315 ',
    'SUBJECT: DEFENSE MINISTER JOBIM',
    "REF: A. IIR 6 809 0087 10 B. IIR 6 809 0084 10 C. IIR 6 809 0079 10 Classified By: Charge d'Affaires, a.i. Lisa Kubiske. Reason: 1.4(d) ",
  ).classifiedBy;
  assert.deepEqual(acting && [acting.name, acting.title, acting.office, acting.reasons], [
    'Lisa Kubiske',
    "Charge d'Affaires a.i.",
    null,
    ['1.4(d)'],
  ]);
});

test("a re-flowed caption block: REF and Classified By on the SUBJECT line, the cable's own page header no citation", () => {
  // 10MOSCOW228
  const moscow = record(
    'O 010441Z FEB 10',
    'FM AMEMBASSY MOSCOW',
    '',
    'C O N F I D E N T I A L MOSCOW 000228 ',
    'SUBJECT: RUSSIAN DRAFT BILL WOULD REQUIRE ON-SHORE CREDIT CARD PROCESSING  REF: MOSCOW 00079  Classified By: ECONMINCOUNS Matthias Mitman for Reasons 1.4(b) and (d)',
  );
  assert.deepEqual(
    moscow.references.map((r) => r.kind === 'cable' && r.referenceId),
    ['10MOSCOW79'],
  );
  assert.equal(moscow.classifiedBy?.name, 'Matthias Mitman');
  // 08BRASILIA1378
  const brasilia = record(
    'R 200937Z OCT 08',
    'FM AMEMBASSY BRASILIA',
    '',
    'UNCLAS SECTION 01 OF 03 BRASILIA 001378 ',
    'SUBJECT: BRAZIL DEFORESTATION UPDATE - OCTOBER, 2008 REF: BRASILIA 1159 BRASILIA 00001378 001.2 OF 003 ',
  );
  assert.deepEqual(
    brasilia.references.map((r) => r.kind === 'cable' && r.referenceId),
    ['08BRASILIA1159'],
  );
});

test('Classified By: a surname alone by its title, the word before the reasons, reasons wrapped inside the word', () => {
  const read = (line: string) => {
    const fact = record('C O N F I D E N T I A L OTTAWA 003115 ', '', line, '', '¶1. (C) Text.').classifiedBy;
    return fact && [fact.name, fact.title, fact.office, fact.reasons];
  };
  // 04OTTAWA3115, 08WARSAW1409, 09CARACAS1551
  assert.deepEqual(read('Classified By: Ambassador Cellucci, reasons 1.4 (b) (d)'), [
    'Cellucci',
    'Ambassador',
    null,
    ['1.4(b)', '1.4(d)'],
  ]);
  assert.deepEqual(read('Classified By: DCM Quanrud for reasons 1.4 (B) AND (D)')?.slice(0, 2), ['Quanrud', 'DCM']);
  assert.deepEqual(read('Classified By: DUDDY, AMBASSADOR, DOS, AMB; REASON: 1.4(B), (D)')?.slice(0, 3), [
    'DUDDY',
    'AMBASSADOR',
    'DOS, AMB',
  ]);
  // 09CAIRO1349, 04MADRID583, 09TUNIS492 (and the E of E.O. is no reason)
  assert.deepEqual(read('Classified By: Ambassador Margaret Scobey per 1.4 (b) and (d).')?.slice(0, 2), [
    'Margaret Scobey',
    'Ambassador',
  ]);
  assert.deepEqual(read('Classified By: Ambassador Robert F. Godec for E.O. 12958 reasons 1.4 (b ) and (d).'), [
    'Robert F. Godec',
    'Ambassador',
    null,
    ['1.4(b)', '1.4(d)'],
  ]);
  // 07PARIS3534, 09PRETORIA2263
  assert.deepEqual(
    read('Classified By: Political Minister-Councelor Josiah Rosenblatt for reaso ns 1.4. (b), (d).')?.slice(0, 2),
    ['Josiah Rosenblatt', 'Political Minister-Councelor'],
  );
  assert.deepEqual(
    read('Classified By: Political Counselor Walter N.S. Pflaumer for reasons 1.4 (b) and (d).')?.[0],
    'Walter N.S. Pflaumer',
  );
  // 09BAGHDAD383: a name split by the site's wrapping is not read rather than read wrong.
  assert.equal(
    read(
      'Classified By: Minister-Counselor for Political Military Affairs Michae l Corbin for reasons 1.4 (b, d).',
    )?.[0],
    null,
  );
});

test('Classified By wrapped over two lines, an initial run into the surname (09ABUDHABI754)', () => {
  const facts = record(
    'S E C R E T ABU DHABI 000754 ',
    'SUBJECT: (S) MbZ HOSTS GULF SECURITY DINNER WITH ISA ASD VERSHBOW AND ',
    'PM A/S SHAPIRO ',
    ' ',
    "CLASSIFIED BY CHARGE D'AFFAIRES DOUGLAS C.GREENE FOR REASONS 1.4 B ",
    'AND D. ',
  ).classifiedBy;
  assert.deepEqual(facts && [facts.name, facts.title, facts.reasons], [
    'DOUGLAS C.GREENE',
    "CHARGE D'AFFAIRES",
    ['1.4(b)', '1.4(d)'],
  ]);
});

test("a REF line with its first item's letter before the colon (10STATE9124)", () => {
  const facts = record(
    'O P 290343Z JAN 10',
    'FM SECSTATE WASHDC',
    '',
    'S E C R E T STATE 009124 ',
    "SUBJECT: MOBILIZING PRESSURE TO PERSUADE IRAN'S ",
    'ENGAGEMENT ON ITS NUCLEAR PROGRAM ',
    ' ',
    'REF A: STATE 120288 ',
  );
  assert.deepEqual(
    facts.references.map((r) => r.kind === 'cable' && r.referenceId),
    ['10STATE120288'],
  );
});

test('REF lines without a colon next to the caption block (09ABUDHABI754), and prose that starts with REF (05MADRID171)', () => {
  const facts = record(
    'O 221251Z JUL 09',
    'FM AMEMBASSY ABU DHABI',
    '',
    'S E C R E T ABU DHABI 000754 ',
    'SUBJECT: (S) MbZ HOSTS GULF SECURITY DINNER WITH ISA ASD VERSHBOW AND ',
    'PM A/S SHAPIRO ',
    "REF A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS ",
    'REF B SECSTATE 76108 ',
    ' ',
    '¶1. (S) Summary: Abu Dhabi Crown Prince Mohammed bin Zayed hosted a dinner.',
  );
  assert.equal(facts.subject, 'MbZ HOSTS GULF SECURITY DINNER WITH ISA ASD VERSHBOW AND PM A/S SHAPIRO');
  assert.deepEqual(
    facts.references.map((r) => (r.kind === 'cable' ? r.referenceId : `${r.kind}: ${r.written}`)),
    ["letter: SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS", '09STATE76108'],
  );
  const prose = record(
    'C O N F I D E N T I A L MADRID 000171 ',
    'SUBJECT: SPAIN: DEMARCHE ON IRAN ',
    '',
    'REF A points were delivered, the GOS was nearing the end of a ',
  );
  assert.deepEqual(prose.references, []);
});

test('SUBJECT: alone, then a blank line: the subject is on the line after (the issue quotes it; none in the corpora)', () => {
  const facts = record(
    'C O N F I D E N T I A L ROME 001187 ',
    '',
    'SUBJECT: ',
    '',
    'ITALY: NEW GOVERNMENT FORMED ',
    '',
    '¶1. (C) Text.',
  );
  assert.equal(facts.subject, 'ITALY: NEW GOVERNMENT FORMED');
});

test('a lone undated cable takes its year from a file name that is its reference ID, as the publisher named it (05MADRID4026)', () => {
  const text = [
    'This record is a partial extract of the original cable. The full text of the original cable is not available.',
    '',
    'C O N F I D E N T I A L SECTION 01 OF 02 MADRID 004026 ',
    'SUBJECT: SPAIN: GOS ON ILLEGAL IMMIGRATION ',
    'REF: A. MADRID 3785 B. MADRID 3566 ',
    '',
    '¶1. (C) Summary: text.',
  ].join('\n');
  const facts = (uri: string, body = text) => {
    const reader = new CableReader(CableModel.parse(body), uri);
    return reader.model.cables.map((cable) => {
      const record = reader.record(cable);
      return [record.referenceId, record.references.map((r) => r.kind === 'cable' && r.referenceId)];
    });
  };
  assert.deepEqual(facts('file:///cables/05MADRID4026.cable'), [['05MADRID4026', ['05MADRID3785', '05MADRID3566']]]);
  // Not under another name, nor for one of two cables in the file: the text alone speaks.
  assert.deepEqual(facts('file:///cables/renamed.cable'), [['MADRID4026', []]]);
  assert.deepEqual(facts('file:///cables/05MADRID4027.cable'), [['MADRID4026', []]]);
  assert.deepEqual(facts('file:///cables/05MADRID4026.cable', text + '\n\n' + text), [
    ['MADRID4026', []],
    ['MADRID4026', []],
  ]);
});

test('sections as the cable was sent, though the text runs them together (09DOHA214); else as its page headers divide it', () => {
  const sections = (...lines: string[]) => record(...lines).sections;
  assert.equal(sections('C O N F I D E N T I A L SECTION 01 OF 05 DOHA 000214 ', '', '¶1. (C) Text.'), 5);
  assert.equal(
    sections('C O N F I D E N T I A L DOHA 000214 ', '', '¶1. (C) Text.', 'DOHA 00000214  002 OF 002', '¶2. (C) More.'),
    2,
  );
  assert.equal(sections('C O N F I D E N T I A L DOHA 000214 ', '', '¶1. (C) Text.'), 1);
});
