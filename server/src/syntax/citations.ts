// What a citation names: `09 STATE 12345` -> 09STATE12345, `DOHA 152 (08)` -> 08DOHA152, `MADRID 3929` in a
// 2006 cable -> 06MADRID3929 or else 05MADRID3929 (a REF to last December's cable), `SECSTATE 15113` -> STATE.
// Also reference IDs written out in running text (`09STATE122115`). Pure text, no model.

/** The parts of a cited cable; `year` is two digits when the citation gives one. */
export interface CitedCable {
  year?: string;
  post: string;
  serial: number;
}

/**
 * Posts that citations write otherwise than reference IDs: the Department (`SECSTATE`, `DEPTEL`) is STATE, and
 * three missions are cited by a short name while their IDs carry the city (09UNVIEVIENNA285, 09USUNNEWYORK1109).
 */
const POST_ALIASES: Record<string, string> = {
  SECSTATE: 'STATE',
  SECSTATEWASHDC: 'STATE',
  DEPTEL: 'STATE',
  UNVIE: 'UNVIEVIENNA',
  USUN: 'USUNNEWYORK',
  USEU: 'USEUBRUSSELS',
};

/** `CAPE TOWN` -> CAPETOWN, `SECSTATE` -> STATE: a post as reference IDs write it. */
function normalizePost(post: string): string {
  const compact = post.replace(/\s+/g, '').toUpperCase();
  return POST_ALIASES[compact] ?? compact;
}

/** `09`, `2009` -> `09`; anything else (three digits, `3400`) is not a year. */
function twoDigitYear(year: string | undefined): string | undefined {
  if (year === undefined) return undefined;
  if (/^\d\d$/.test(year)) return year;
  return /^(?:19|20)\d\d$/.test(year) ? year.slice(2) : undefined;
}

const CITATION = /^(?:(\d{2,4}) )?([A-Z]{2,}(?: [A-Z]{2,}){0,2}) (\d{1,6})(?: \((\d\d)\))?$/;

/** `09 STATE 012345`, `2007 VLADIVOSTOK 095`, `DOHA 152 (08)`, `CAPE TOWN 179` -> year, post, serial. */
export function parseCitation(text: string): CitedCable | undefined {
  const m = CITATION.exec(text.trim());
  if (!m) return undefined;
  const year = m[4] ?? twoDigitYear(m[1]);
  if (m[1] !== undefined && year === undefined) return undefined;
  return { ...(year !== undefined ? { year } : {}), post: normalizePost(m[2]), serial: Number(m[3]) };
}

function referenceId(year: string, post: string, serial: number): string {
  return `${year}${post}${serial}`;
}

/** The year before a two-digit year: 09 -> 08, 00 -> 99. */
export function previousYear(year: string): string {
  return String((Number(year) + 99) % 100).padStart(2, '0');
}

/**
 * The reference IDs a citation may name, in the order to try them: the one its year gives; without a year, the
 * citing cable's year, then the year before. None when the text is no citation or no year is known.
 */
export function citationCandidates(text: string, citingYear: string | undefined): string[] {
  const cited = parseCitation(text);
  if (!cited) return [];
  if (cited.year !== undefined) return [referenceId(cited.year, cited.post, cited.serial)];
  if (citingYear === undefined || !/^\d\d$/.test(citingYear)) return [];
  return [
    referenceId(citingYear, cited.post, cited.serial),
    referenceId(previousYear(citingYear), cited.post, cited.serial),
  ];
}

/** A reference ID as written in running text, at its columns in the line. */
export interface WrittenReferenceId {
  start: number;
  end: number;
  /** The ID with leading zeros of the serial removed: `09STATE012345` -> 09STATE12345. */
  id: string;
}

const WRITTEN_ID = /(?<![A-Za-z0-9])(\d\d)([A-Z]{2,})(\d{1,6})(?![A-Za-z0-9])/g;

/** Reference IDs in a line of text (`09STATE122115`, `09NAIROBI2487|09STATE122115`). */
export function findReferenceIds(line: string): WrittenReferenceId[] {
  const found: WrittenReferenceId[] = [];
  WRITTEN_ID.lastIndex = 0;
  for (let m = WRITTEN_ID.exec(line); m; m = WRITTEN_ID.exec(line)) {
    found.push({ start: m.index, end: m.index + m[0].length, id: referenceId(m[1], m[2], Number(m[3])) });
  }
  return found;
}
