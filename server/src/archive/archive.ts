// What the published forms of Cablegate have in common: the cable text made of a routing header and a body, and the
// publisher's metadata kept beside it. Pure (no I/O): readers in csv.ts (cables.csv) and pages.ts (the site's pages).

/** The publisher's description of a cable, as written in the archive (not checked against the text). */
export interface CableMetadata {
  /** Reference ID, e.g. 09DUSHANBE1151. */
  id: string;
  /** Creation date-time as the archive writes it (cables.csv: `12/28/1966 18:48`, `2/25/1972 9:30`; pages: `1966-12-28 18:48`). */
  created: string;
  classification: string;
  /** e.g. Embassy Dushanbe. */
  origin: string;
  /** The reference IDs the publisher lists as cited (cables.csv only). */
  references?: string[];
  /** Release date-time (the site's pages only). */
  released?: string;
  /** Row number (cables.csv only). */
  row?: number;
}

/**
 * The cable text of a header and a body: the header, one blank line, the body; the body alone when there is no
 * header (the archive keeps the two apart; no cable file does).
 */
export function cableText(header: string, body: string): string {
  return header === '' ? body : `${header}\n\n${body}`;
}
