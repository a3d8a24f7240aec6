// The cable the rules' examples change: 09DUSHANBE1151 (test/fixtures), shortened, with no problem at all; and the
// publisher's metadata of it, as a row of cables.csv gives it (the rules that check the metadata).
import type { CableMetadata } from '../../../archive/archive';

export const EXAMPLE_CABLE = `VZCZCXRO1864
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

export const EXAMPLE_METADATA: CableMetadata = {
  id: '09DUSHANBE1151',
  created: '10/16/2009 12:23',
  classification: 'CONFIDENTIAL',
  origin: 'Embassy Dushanbe',
  references: ['09STATE12345'],
  row: 1,
};
