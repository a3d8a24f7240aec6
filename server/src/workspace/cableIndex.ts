// Every cable of the workspace by reference ID, and the citations each cable makes. Pure: files come in as text
// (read from disk) or as the live model of an open document, which overrides the file while it is open.
// Per cable only what navigation needs is kept (ID, subject, a few line numbers, citations), never the model of a
// file read from disk; updating one file replaces only that file's entries.
import { CableFacts, CableReader } from '../facts/facts';
import { citationCandidates, findReferenceIds } from '../syntax/citations';
import { CableModel } from '../syntax/model';
import { Cable } from '../syntax/types';
import { URI, Utils } from 'vscode-uri';

/** A column span on a line relative to the start of its cable. */
export interface RelativeSpan {
  line: number;
  start: number;
  end: number;
}

/** A citation as written, with the reference IDs it may name in the order to try them. */
export interface IndexedCitation extends RelativeSpan {
  text: string;
  candidates: string[];
}

/** What the index keeps of one cable; lines relative to the cable's start. */
export interface CableInfo {
  /** `09DUSHANBE1151`; partial without a date or post. */
  id: string;
  /** Whether `id` has a year, a post and a serial: only such cables can be cited. */
  complete: boolean;
  subject?: string;
  /** Subject words in capitals, one space between, for search. */
  subjectKey: string;
  lineCount: number;
  lastLineLength: number;
  /** The classification line (trimmed), else the first header line, else the first line: where a link lands. */
  anchor: RelativeSpan;
  /** Last line of the routing header, classification line and subject: the lines that stand for the cable. */
  headEndLine: number;
  citations: IndexedCitation[];
  /** The codes of its TAGS lines, in capitals. */
  tags: string[];
}

/** A cable at its place in a file. */
export interface IndexedCable {
  readonly uri: string;
  readonly startLine: number;
  readonly info: CableInfo;
}

/** A citation at its place in a file. */
export interface CitationSite {
  cable: IndexedCable;
  citation: IndexedCitation;
}

interface FileRecord {
  key: string;
  /** From the file on disk. */
  disk?: IndexedCable[];
  /** From the open document, which overrides the disk while open; `cables` is rebuilt when dirty. */
  open?: { uri: string; reader: CableReader; cables?: IndexedCable[] };
  /** What the index holds for this file now (the open document's, else the disk's). */
  current: IndexedCable[];
}

/**
 * A URI spelled one way for every client: vscode-uri's unencoded form (`file:///c%3A/x` = `file:///C:/x` =
 * `file:///c:/x`), its path normalized (`file:///ws/a/../b` = `file:///ws/b`).
 */
export function uriKey(uri: string): string {
  return /^file:/i.test(uri) ? Utils.joinPath(URI.parse(uri)).toString(true) : uri;
}

/** A copy of a string that does not keep the text it was cut from alive (V8 slices point into their parent). */
function own(text: string): string {
  return text.length < 13 ? text : JSON.parse(JSON.stringify(text));
}

/** The index entry of one cable, read from its model. */
function cableInfo(reader: CableReader, cable: Cable): CableInfo {
  const { referenceId: id, year, post, serial } = reader.facts(cable).identity;
  const complete = year !== undefined && post !== undefined && serial !== undefined;
  const citations: IndexedCitation[] = [];
  for (let rel = 0; rel < cable.lineCount; rel++) {
    const text = reader.line(cable, rel);
    for (const token of cable.lines[rel].tokens) {
      if (token.kind !== 'citation') continue;
      const written = text.slice(token.start, token.end);
      const candidates = citationCandidates(written, year).map(own);
      if (candidates.length && candidates[0] !== id)
        citations.push({ line: rel, start: token.start, end: token.end, text: own(written), candidates });
    }
    if (text.length < 5) continue;
    for (const written of findReferenceIds(text)) {
      if (written.id !== id)
        citations.push({
          line: rel,
          start: written.start,
          end: written.end,
          text: own(text.slice(written.start, written.end)),
          candidates: [own(written.id)],
        });
    }
  }
  const anchorLine = cable.classificationLine ?? cable.headerRange?.startLine ?? 0;
  const anchorText = reader.line(cable, anchorLine);
  const anchorStart = anchorText.length - anchorText.trimStart().length;
  const subject = cable.subject?.text === undefined ? undefined : own(cable.subject.text);
  return {
    id: own(id),
    complete,
    ...(subject ? { subject } : {}),
    subjectKey: subject
      ? subject
          .toUpperCase()
          .replace(/[^A-Z0-9]+/g, ' ')
          .trim()
      : '',
    lineCount: cable.lineCount,
    lastLineLength: reader.line(cable, cable.lineCount - 1).length,
    anchor: {
      line: anchorLine,
      start: Math.min(anchorStart, anchorText.trimEnd().length),
      end: anchorText.trimEnd().length,
    },
    headEndLine: Math.max(cable.headerRange?.endLine ?? 0, cable.classificationLine ?? 0, cable.subject?.endLine ?? 0),
    citations,
    tags: cableTags(reader, cable).map(own),
  };
}

/** The codes written on a cable's TAGS lines, in capitals. */
export function cableTags(reader: CableReader, cable: Cable): string[] {
  const tags: string[] = [];
  for (const line of cable.tagsLines)
    for (const token of cable.lines[line].tokens)
      if (token.kind === 'tag') tags.push(reader.tokenText(cable, line, token).toUpperCase());
  return tags;
}

/**
 * Index entries of an open document's cables are kept per cable's facts: an edit rebuilds only the cables it touched
 * (and the facts of a cable whose file name stops or starts giving its year).
 */
const infoCache = new WeakMap<CableFacts, CableInfo>();

function cachedInfo(reader: CableReader, cable: Cable): CableInfo {
  const facts = reader.facts(cable);
  let info = infoCache.get(facts);
  if (!info) {
    info = cableInfo(reader, cable);
    infoCache.set(facts, info);
  }
  return info;
}

function indexModel(uri: string, reader: CableReader, cache: boolean): IndexedCable[] {
  return reader.model.cables.map((cable) => ({
    uri,
    startLine: cable.startLine,
    info: cache ? cachedInfo(reader, cable) : cableInfo(reader, cable),
  }));
}

/** Texts longer than this are parsed a piece at a time (about 25 ms of parsing each). */
const PIECE_CHARS = 256 * 1024;

/**
 * The index entries of a text, parsed a piece of whole cables at a time; yields after each piece. A piece is parsed
 * on its own and all its cables but the last are kept; the last one, perhaps cut off, opens the next piece. Cable
 * boundaries and cables depend only on the lines from the start of a cable on, so the entries are those of a parse
 * of the whole text (a test checks it), without holding the model of a large file at once.
 */
export function* indexText(uri: string, text: string, pieceChars = PIECE_CHARS): Generator<void, IndexedCable[], void> {
  if (text.length <= pieceChars) return indexModel(uri, new CableReader(CableModel.parse(text), uri), false);
  const cables: IndexedCable[] = [];
  let start = 0; // offset of the piece in the text
  let startLine = 0; // its first line
  let limit = pieceChars;
  while (start < text.length) {
    const end = endOfLineAfter(text, start + limit);
    // Only the whole text is the file's: its name gives no year to a lone cable of a later piece.
    const reader = new CableReader(CableModel.parse(text.slice(start, end)), start === 0 ? uri : undefined);
    const pieceCables = reader.model.cables;
    const last = end === text.length;
    if (last && start === 0) return indexModel(uri, reader, false); // one cable longer than a piece: the whole text
    if (!last && pieceCables.length < 2) {
      limit *= 2; // one cable fills the piece: take a longer one
      continue;
    }
    for (const cable of last ? pieceCables : pieceCables.slice(0, -1))
      cables.push({ uri, startLine: startLine + cable.startLine, info: cableInfo(reader, cable) });
    if (last) break;
    const next = pieceCables[pieceCables.length - 1].startLine;
    start += offsetOfLine(text.slice(start, end), next);
    startLine += next;
    limit = pieceChars;
    yield;
  }
  return cables;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** The offset just after the first line break at or after `from` (the text's length when there is none). */
function endOfLineAfter(text: string, from: number): number {
  if (from >= text.length) return text.length;
  LINE_BREAK.lastIndex = from;
  const m = LINE_BREAK.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** The offset where a line starts (line breaks as the model counts them). */
function offsetOfLine(text: string, line: number): number {
  LINE_BREAK.lastIndex = 0;
  let offset = 0;
  for (let k = 0; k < line; k++) {
    const m = LINE_BREAK.exec(text);
    if (!m) return text.length;
    offset = m.index + m[0].length;
  }
  return offset;
}

export class CableIndex {
  private readonly files = new Map<string, FileRecord>();
  private readonly byId = new Map<string, IndexedCable[]>();
  /** Open documents edited since their entries were last built. */
  private readonly dirty = new Set<FileRecord>();
  /** How many times indexed cables write each TAGS code, kept as cables come and go. */
  private readonly tagUses = new Map<string, number>();

  /** Indexes (or re-indexes) a file's text as read from disk; returns the number of cables in it. */
  setFile(uri: string, text: string): number {
    const steps = this.setFileInSteps(uri, text);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** setFile a piece of a large text at a time (see indexText): the caller may yield between steps. */
  *setFileInSteps(uri: string, text: string): Generator<void, number, void> {
    const cables = yield* indexText(uri, text);
    const record = this.record(uri);
    record.disk = cables;
    if (!record.open) this.replace(record, cables);
    return cables.length;
  }

  /** Forgets a file's disk content (deleted); an open document of it stays indexed until closed. */
  removeFile(uri: string): void {
    const record = this.files.get(uriKey(uri));
    if (record) this.removeDisk(record);
  }

  /** Forgets every file below a folder (a deleted folder, a workspace folder removed), open documents excepted. */
  removeFolder(folderUri: string): void {
    const prefix = uriKey(folderUri).replace(/\/?$/, '/');
    for (const record of [...this.files.values()]) if (record.key.startsWith(prefix)) this.removeDisk(record);
  }

  /** The open document's model overrides the file; call on open and on every change (cheap: entries are rebuilt on the next query). */
  setDocument(uri: string, reader: CableReader): void {
    const record = this.record(uri);
    record.open = { uri, reader };
    this.dirty.add(record);
  }

  /** The document is closed: the file's disk content (if any) counts again. */
  closeDocument(uri: string): void {
    const record = this.files.get(uriKey(uri));
    if (!record?.open) return;
    record.open = undefined;
    this.dirty.delete(record);
    if (record.disk) this.replace(record, record.disk);
    else this.drop(record);
  }

  /** Whether the file is indexed from disk (an open document that is no file on disk is not). */
  hasDiskFile(uri: string): boolean {
    return !!this.files.get(uriKey(uri))?.disk;
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** The cables of one file, in order. */
  cablesOf(uri: string): readonly IndexedCable[] {
    this.flush();
    return this.files.get(uriKey(uri))?.current ?? [];
  }

  /** Every indexed cable. */
  *cables(): IterableIterator<IndexedCable> {
    this.flush();
    for (const record of this.files.values()) yield* record.current;
  }

  /** Whether an indexed cable writes this code on its TAGS lines. */
  usesTag(code: string): boolean {
    this.flush();
    return this.tagUses.has(code);
  }

  /** Cables with a reference ID (more than one when a cable is in several files). */
  lookup(id: string): readonly IndexedCable[] {
    this.flush();
    return this.byId.get(id) ?? [];
  }

  /** The reference ID a citation names: its first candidate that is indexed. */
  resolve(citation: IndexedCitation): string | undefined {
    this.flush();
    return this.firstIndexed(citation);
  }

  /** Every citation in the workspace that names the cable `id`. */
  citationsOf(id: string): CitationSite[] {
    this.flush();
    const sites: CitationSite[] = [];
    for (const record of this.files.values()) {
      for (const cable of record.current) {
        for (const citation of cable.info.citations) {
          if (citation.candidates.includes(id) && this.firstIndexed(citation) === id) sites.push({ cable, citation });
        }
      }
    }
    return sites;
  }

  private firstIndexed(citation: IndexedCitation): string | undefined {
    return citation.candidates.find((id) => this.byId.has(id));
  }

  private record(uri: string): FileRecord {
    const key = uriKey(uri);
    let record = this.files.get(key);
    if (!record) {
      record = { key, current: [] };
      this.files.set(key, record);
    }
    return record;
  }

  /** Builds the entries of edited open documents. */
  private flush(): void {
    if (this.dirty.size === 0) return;
    for (const record of this.dirty) {
      if (record.open) this.replace(record, indexModel(record.open.uri, record.open.reader, true));
    }
    this.dirty.clear();
  }

  private replace(record: FileRecord, cables: IndexedCable[]): void {
    this.unlink(record);
    record.current = cables;
    for (const cable of cables) {
      this.countTags(cable, 1);
      if (!cable.info.complete) continue;
      const list = this.byId.get(cable.info.id);
      if (list) list.push(cable);
      else this.byId.set(cable.info.id, [cable]);
    }
  }

  private removeDisk(record: FileRecord): void {
    record.disk = undefined;
    if (!record.open) this.drop(record);
  }

  private drop(record: FileRecord): void {
    this.unlink(record);
    this.dirty.delete(record);
    this.files.delete(record.key);
  }

  private unlink(record: FileRecord): void {
    for (const cable of record.current) {
      this.countTags(cable, -1);
      const list = this.byId.get(cable.info.id);
      if (!list) continue;
      const kept = list.filter((c) => c !== cable);
      if (kept.length) this.byId.set(cable.info.id, kept);
      else this.byId.delete(cable.info.id);
    }
  }

  private countTags(cable: IndexedCable, by: 1 | -1): void {
    for (const tag of cable.info.tags) {
      const uses = (this.tagUses.get(tag) ?? 0) + by;
      if (uses > 0) this.tagUses.set(tag, uses);
      else this.tagUses.delete(tag);
    }
  }
}
