// The server's extensions to LSP: method names and message shapes, shared by the server and the VS Code client
// (which bundles this file, so it imports types only). Other editors can send the same messages.
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-types';

/** Request `cable/cableAt`: what the status bar shows for the cable under the cursor. */
export const CABLE_AT_METHOD = 'cable/cableAt';

export interface CableAtParams {
  textDocument: TextDocumentIdentifier;
  position: Position;
}

/** The cable at a position, or null when the document holds no cable there. */
export interface CableAtResult {
  /** 09DUSHANBE1151, or the best the present fields allow. */
  referenceId: string;
  /** From the classification line; null when the cable has none. */
  classification: {
    /** The level's name: UNCLASSIFIED, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET. */
    level: string;
    /** 0 (UNCLASSIFIED) to 4 (TOP SECRET). */
    rank: number;
    /** The classification word as written: 'C O N F I D E N T I A L', 'UNCLAS'. */
    written: string;
  } | null;
  /** The classification line (its text without surrounding blanks); null when the cable has none. */
  classificationRange: Range | null;
  /** The captions under the classification line, upper case, each once: ['SIPDIS', 'NOFORN']. */
  captions: string[];
  /** From the DTG line, else the precedence line; null when neither has one. */
  precedence: {
    /** 'R', 'O', or a dual precedence 'O R'. */
    code: string;
    /** ROUTINE, IMMEDIATE; for a dual precedence both words, 'IMMEDIATE/ROUTINE'. */
    word: string;
  } | null;
}

/** Request `cable/facts`: the facts of every cable of a document, or of the cable at `position`. */
export const CABLE_FACTS_METHOD = 'cable/facts';

export interface CableFactsParams {
  textDocument: TextDocumentIdentifier;
  /** When given, only the cable holding this position's line (none outside every cable). */
  position?: Position;
}

export interface CableFactsResult {
  cables: Array<CableFactsRecord<Range> & { range: Range }>;
}

/** A TAGS code and what kind of code it is; `person`: the name after OVIP (`OVIP (STEINBERG, JAMES B.)`). */
export interface TagFact {
  code: string;
  kind: 'subject' | 'program' | 'geographic' | 'organization' | 'person' | 'unknown';
}

/** A cable citation (its canonical reference ID) or a typed non-cable reference, as written, where written. */
export type CableReferenceFact<Where> = {
  written: string;
  /** Where it is written: a range of the document (a span of the cable's lines inside the server). */
  where: Where;
} & (
  | {
      kind: 'cable';
      referenceId: string;
      /** False when the citation gives no year and the citing cable's year was taken (see the README's year rule). */
      yearWritten: boolean;
    }
  | { kind: 'email' | 'telcon' | 'memcon' | 'fam' | 'iir' | 'osc' | 'message' | 'letter' | 'note' | 'report' }
);

export interface AddresseeFact {
  routingIndicator: string | null;
  name: string;
}

export interface ClassifiedByFact {
  /** The whole entry after `Classified By:`, reasons included. */
  text: string;
  name: string | null;
  title: string | null;
  office: string | null;
  /** `1.4(b)`, `1.4(d)`. */
  reasons: string[];
}

/**
 * A cable's facts as data: every field read from the syntax model; a field that the cable does not have, or that
 * cannot be read, is null (or empty), and `absent` says why.
 */
export interface CableFactsRecord<Where> {
  referenceId: string;
  /** The DTG as an ISO date-time in UTC: `2009-10-16T12:23Z`. */
  dateTime: string | null;
  /** The post as reference IDs write it (DUSHANBE, STATE), from the FM line, else the classification line. */
  origin: string | null;
  /** The FM line's originator as written: `AMEMBASSY DUSHANBE`. */
  from: string | null;
  /** ROUTINE, IMMEDIATE, `IMMEDIATE/ROUTINE` for a dual precedence. */
  precedence: string | null;
  /** UNCLASSIFIED, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET. */
  classification: string | null;
  /** Every caption under the classification line, in capitals, each once (handling instructions included). */
  captions: string[];
  tags: TagFact[];
  subject: string | null;
  references: CableReferenceFact<Where>[];
  to: AddresseeFact[];
  info: AddresseeFact[];
  signers: string[];
  summary: string | null;
  classifiedBy: ClassifiedByFact | null;
  executiveOrder: string | null;
  declassify: string | null;
  sections: number;
  paragraphs: number;
  /** Why a fact is null or empty: `{ dateTime: 'no DTG line' }`. */
  absent: Partial<Record<keyof CableFactsRecord<Where>, string>>;
}

/**
 * Notification `cable/tables`: the user's own code tables, the complete set (it replaces the previous one; an empty
 * list removes them). The same files may come at start-up in `initializationOptions.tables`.
 */
export const TABLES_METHOD = 'cable/tables';

export interface TableFile {
  /** Where the file is, as the user should read it in messages ('tables/tags.tsv'); a name ending in .json is JSON. */
  name: string;
  text: string;
}

export interface TablesParams {
  files: TableFile[];
}

/**
 * Notification `cable/archives`: the Cablegate archives the editor shows as folders of scheme `cablegate`, all of them
 * (it replaces the previous list); the same list may come at start-up in `initializationOptions.archives`. A workspace
 * folder `cablegate://<authority>/` is the archive whose path hashes to that authority (archiveAuthority); the server
 * indexes its cables like files, reading them through the offset index kept at `index`.
 */
export const ARCHIVES_METHOD = 'cable/archives';

export interface ArchiveParams {
  /** The cables.csv, or the folder of the site's pages. */
  path: string;
  /** The offset index the extension keeps for it. */
  index: string;
}

export interface ArchivesParams {
  archives: ArchiveParams[];
}
