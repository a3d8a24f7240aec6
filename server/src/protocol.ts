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
