// A well-formed cable, and one defect per diagnostic rule (used by the rule and quick-fix tests).

export const WELL_FORMED = `VZCZCXRO1864
RR RUEHDBU
DE RUEHDBU #1151/01 2891223
ZNY CCCCC ZZH
R 161223Z OCT 09
FM AMEMBASSY DUSHANBE
TO RUEHC/SECSTATE WASHDC 0826
INFO RUEHBUL/AMEMBASSY KABUL 0273

C O N F I D E N T I A L SECTION 01 OF 02 DUSHANBE 001151

SIPDIS

E.O. 12958: DECL: 10/16/2019
TAGS: PREL PHUM PGOV TI
SUBJECT: RUSSIAN DEPUTY FOREIGN MINISTER ASKS ABOUT U.S. MILITARY

CLASSIFIED BY: Ken Gross, Ambassador, EXEC, State.
REASON: 1.4 (b), (d)

¶1. (C) Summary: Karasin asked. End Summary.

¶2. (C) Karasin said more.

DUSHANBE 00001151 002 OF 002

¶3. (C) Comment: There are signs. End Comment.

GROSS
`;

/** rule code, text to replace, replacement, text the diagnostic's range must cover. */
export const DEFECTS: Array<[string, string, string, string]> = [
  ['transmission-shape', 'VZCZCXRO1864', 'VZCZCXRO1864 EXTRA', 'EXTRA'],
  ['relay-precedence', 'RR RUEHDBU', 'QQ RUEHDBU', 'QQ'],
  ['routing-indicator-shape', 'RR RUEHDBU', 'RR RUEHDBU9', 'RUEHDBU9'],
  ['station-serial-shape', '#1151/01', '1151/01', '1'],
  ['julian-time', '2891223', '3991223', '399'],
  ['security-shape', 'ZNY CCCCC ZZH', 'ZNY CCCCC ZZX', 'ZZX'],
  ['security-letters', 'ZNY CCCCC ZZH', 'ZNY CCXCC ZZH', 'CCXCC'],
  ['dtg-precedence', 'R 161223Z OCT 09', 'Q 161223Z OCT 09', 'Q'],
  ['dtg-shape', '161223Z OCT 09', '311223Z SEP 09', '31'],
  ['address-shape', 'FM AMEMBASSY DUSHANBE', 'FM', 'FM'],
  [
    'page-banner-in-address',
    'TO RUEHC/SECSTATE WASHDC 0826',
    'TO PAGE 02        STATE   015113  182333Z',
    'PAGE 02        STATE   015113  182333Z',
  ],
  [
    'classification-form',
    'C O N F I D E N T I A L SECTION',
    'CC O N F I D E N T I A L SECTION',
    'CC O N F I D E N T I A L',
  ],
  ['section-shape', 'SECTION 01 OF 02', 'SECTION 03 OF 02', '03 OF 02'],
  ['executive-order-shape', 'E.O. 12958: DECL', 'E.O.: DECL', 'E.O.'],
  ['reason-letter', '1.4 (b), (d)', '1.4 (b), (k)', 'k'],
  [
    'embedded-header',
    'INFO RUEHBUL/AMEMBASSY KABUL 0273\n',
    'INFO RUEHBUL/AMEMBASSY KABUL 0273\n\n<<218634>>\nVZCZCXRO1864\n',
    'VZCZCXRO1864',
  ],
  [
    'false-paragraph-sign',
    '¶2. (C) Karasin said more.',
    '¶2. (C) Karasin met Aznar on October\n¶16. President Aznar said more.',
    '¶16.',
  ],
  ['missing-header-line', 'FM AMEMBASSY DUSHANBE\n', '', 'DE'],
  [
    'header-order',
    'R 161223Z OCT 09\nFM AMEMBASSY DUSHANBE',
    'FM AMEMBASSY DUSHANBE\nR 161223Z OCT 09',
    'R 161223Z OCT 09',
  ],
  ['julian-day-mismatch', '2891223', '2901223', '290'],
  ['julian-time-mismatch', '2891223', '2891523', '1523'],
  ['serial-mismatch', '#1151/01', '#1152/01', '#1152'],
  ['body-of-another-cable', 'DUSHANBE 001151', 'MOSCOW 005154', 'MOSCOW'],
  ['section-mismatch', '#1151/01', '#1151/02', '/02'],
  [
    'continuation-header-mismatch',
    'DUSHANBE 00001151 002 OF 002',
    'DUSHANBE 00001151 002 OF 003',
    'DUSHANBE 00001151 002 OF 003',
  ],
  ['security-classification-mismatch', 'ZNY CCCCC ZZH', 'ZNY SSSSS ZZH', 'SSSSS'],
  ['precedence-mismatch', 'RR RUEHDBU', 'OO RUEHDBU', 'OO'],
  ['portion-above-classification', '¶2. (C)', '¶2. (S)', '(S)'],
  ['noforn-without-caption', '¶2. (C)', '¶2. (C//NF)', '(C//NF)'],
  ['executive-order', '12958', '12598', '12598'],
  ['declassification', '10/16/2019', '10/16/2008', '10/16/2008'],
  ['paragraph-numbering', '¶3.', '¶4.', '¶4.'],
  ['garbled-pilcrow', '¶3. (C)', '13. (C)', '13.'],
  ['unknown-tag', 'PHUM', 'PHUX', 'PHUX'],
];
