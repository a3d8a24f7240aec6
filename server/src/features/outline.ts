// Outline (document symbols): one symbol per cable, then its header, caption block, sections,
// paragraphs and Summary/Comment blocks. Breadcrumbs follow from the same tree.
import { HEADER_FORMS } from '../syntax/headerGrammar';
import { DocumentSymbol, Position, Range, SymbolKind } from 'vscode-languageserver-types';
import { Block, Cable, Paragraph, Section, Span } from '../syntax/types';
import { CableReader } from '../facts/facts';
import { DocumentContext } from './context';
import { firstIndexWhere } from '../util/search';
import { clip } from '../util/text';

/**
 * A symbol of the outline before it is made. A cable's parts are chosen when its outline is first asked for, and a
 * part is made (its name, detail and ranges read from the text) only when it is sent: a dump's outline is cut to a few
 * thousand symbols, though the cut counts every cable's, and counting parts costs a fraction of making symbols. Lines
 * are relative to the cable, and `make` reads where the cable starts when it is called, so parts never move. The
 * functions that choose parts read the text as it is then (`readerNow`); `make` is given the reader of when it is
 * called, and keeps none.
 */
interface Part {
  /** The relative lines its range starts and ends on: siblings are in the order of their first lines. */
  line: number;
  endLine: number;
  /** The symbol without its children (its parts'). */
  make(reader: CableReader): DocumentSymbol;
  parts: Part[];
}

function part(line: number, endLine: number, make: Part['make'], parts: Part[] = []): Part {
  return { line, endLine, make, parts };
}

const byLine = (a: Part, b: Part) => a.line - b.line;

/** A part made, with its parts made under it. */
function made(p: Part, reader: CableReader): DocumentSymbol {
  const s = p.make(reader);
  if (p.parts.length) s.children = p.parts.map((child) => made(child, reader));
  return s;
}

function lineRange(cable: Cable, startLine: number, endLine: number, reader: CableReader): Range {
  return {
    start: { line: cable.startLine + startLine, character: 0 },
    end: { line: cable.startLine + endLine, character: reader.line(cable, endLine).length },
  };
}

function spanRange(cable: Cable, span: Span): Range {
  return {
    start: { line: cable.startLine + span.line, character: span.start },
    end: { line: cable.startLine + span.line, character: span.end },
  };
}

function symbol(
  name: string,
  kind: SymbolKind,
  range: Range,
  selectionRange: Range = range,
  detail?: string,
): DocumentSymbol {
  return {
    name: name || '?',
    kind,
    range,
    selectionRange,
    // A detail says something the name does not (not the FM line's address again, nor the DE line's station).
    ...(detail && !name.includes(detail) ? { detail } : {}),
  };
}

const HEADER_NAMES: Record<string, string> = {
  transmission: 'Transmission',
  relay: 'Precedence',
  relayContinuation: 'Relay',
  stationSerial: 'DE',
  security: 'Security',
  dtg: 'DTG',
  from: 'FM',
  to: 'TO',
  info: 'INFO',
  exempt: 'XMT',
  break: 'BT',
};

/** An address line of the header: the address, with its routing indicator. */
function addressPart(cable: Cable, line: number): Part {
  return part(line, line, (reader) => {
    const range = lineRange(cable, line, line, reader);
    return symbol(
      reader.find(cable, line, 'address')?.value ?? reader.line(cable, line).trim(),
      SymbolKind.Field,
      range,
      range,
      reader.find(cable, line, 'routingIndicator')?.value,
    );
  });
}

/** The header's lines; a TO, INFO or XMT line holds its address and the address lines after it. */
function headerParts(cable: Cable): Part[] {
  const parts: Part[] = [];
  let addressGroup: Part | undefined;
  for (const field of cable.header) {
    const line = field.line;
    if (field.kind === 'address' || field.kind === 'relayContinuation') {
      const address = addressPart(cable, line);
      if (addressGroup) {
        addressGroup.parts.push(address);
        addressGroup.endLine = line;
      } else parts.push(address);
      continue;
    }
    if (field.kind === 'to' || field.kind === 'info' || field.kind === 'exempt') {
      const name = HEADER_NAMES[field.kind];
      const group: Part = part(
        line,
        line,
        (reader) =>
          symbol(
            name,
            SymbolKind.Namespace,
            lineRange(cable, line, group.endLine, reader),
            lineRange(cable, line, line, reader),
          ),
        [addressPart(cable, line)],
      );
      addressGroup = group;
      parts.push(group);
      continue;
    }
    addressGroup = undefined;
    parts.push(
      part(line, line, (reader) => {
        const text = reader.line(cable, line).trim();
        const range = lineRange(cable, line, line, reader);
        if (field.expected) {
          // A line that fits no role: its text, and the role expected at its place.
          const role = HEADER_FORMS[field.expected]!.split(':')[0];
          return symbol(`Unrecognised: ${text}`, SymbolKind.Key, range, range, `expected ${role}`);
        }
        const address = reader.find(cable, line, 'address')?.value;
        const detail =
          field.kind === 'from'
            ? address
            : field.kind === 'stationSerial'
              ? reader.find(cable, line, 'routingIndicator')?.value
              : undefined;
        return symbol(
          `${HEADER_NAMES[field.kind] ?? field.kind}: ${field.kind === 'from' ? (address ?? text) : text.replace(/^(?:FM|DE)\s+/, '')}`,
          SymbolKind.Key,
          range,
          range,
          detail,
        );
      }),
    );
  }
  return parts;
}

function captionParts(cable: Cable): Part[] {
  const parts: Part[] = [];
  const classificationLine = cable.classificationLine;
  if (classificationLine !== undefined) {
    const rel = classificationLine;
    parts.push(
      part(rel, rel, (reader) =>
        symbol(clip(reader.line(cable, rel), 80), SymbolKind.Constant, lineRange(cable, rel, rel, reader)),
      ),
    );
  }
  for (const caption of cable.captions) {
    parts.push(
      part(caption.line, caption.line, (reader) =>
        symbol(
          reader.line(cable, caption.line).slice(caption.start, caption.end),
          SymbolKind.Constant,
          spanRange(cable, caption),
        ),
      ),
    );
  }
  const executiveOrderLine = cable.executiveOrderLine;
  if (executiveOrderLine !== undefined) {
    const rel = executiveOrderLine;
    parts.push(
      part(rel, rel, (reader) => {
        const eo = reader.find(cable, rel, 'executiveOrderNumber')?.value;
        const decl = reader.find(cable, rel, 'declassification')?.value;
        return symbol(
          `E.O. ${eo ?? ''}`.trim(),
          SymbolKind.Key,
          lineRange(cable, rel, rel, reader),
          undefined,
          decl ? `DECL ${decl}` : undefined,
        );
      }),
    );
  }
  if (cable.tagsLines.length) {
    const first = cable.tagsLines[0];
    const last = cable.tagsLines[cable.tagsLines.length - 1];
    parts.push(
      part(first, last, (reader) => {
        const codes = cable.tagsLines.flatMap((line) =>
          cable.lines[line].tokens.filter((t) => t.kind === 'tag').map((t) => reader.tokenText(cable, line, t)),
        );
        return symbol('TAGS', SymbolKind.Key, lineRange(cable, first, last, reader), undefined, codes.join(' '));
      }),
    );
  }
  const subject = cable.subject;
  if (subject) {
    parts.push(
      part(subject.startLine, subject.endLine, (reader) =>
        symbol(
          'SUBJECT',
          SymbolKind.String,
          lineRange(cable, subject.startLine, subject.endLine, reader),
          undefined,
          subject.text,
        ),
      ),
    );
  }
  if (cable.references) parts.push(referencesPart(cable, cable.references));
  if (cable.classifiedByLines.length) parts.push(classifiedByPart(cable, cable.classifiedByLines));
  return parts;
}

function referencesPart(cable: Cable, refs: NonNullable<Cable['references']>): Part {
  const items = refs.items.map((item, k) => {
    const next = refs.items[k + 1];
    const endLine = next && next.line > item.line ? next.line - 1 : next ? item.line : refs.endLine;
    return part(item.line, endLine, (reader) => {
      const citation = cable.lines[item.line].tokens.find((t) => t.kind === 'citation' && t.start >= item.end);
      const label = reader
        .line(cable, item.line)
        .slice(item.start, item.end)
        .replace(/^[¶\uFFFD]|^Â¶/, '');
      return symbol(
        `REF ${label}`,
        SymbolKind.Field,
        lineRange(cable, item.line, endLine, reader),
        spanRange(cable, item),
        citation && reader.tokenText(cable, item.line, citation),
      );
    });
  });
  return part(
    refs.startLine,
    refs.endLine,
    (reader) =>
      symbol(
        'REF',
        SymbolKind.Namespace,
        lineRange(cable, refs.startLine, refs.endLine, reader),
        undefined,
        items.length === 0 ? reader.find(cable, refs.startLine, 'citation')?.value : undefined,
      ),
    items,
  );
}

const CLASSIFIED_BY = /classified\s+by\s*:?/i;

/**
 * The whole entry, authority and reasons, over its lines: a cut would drop reason letters. A reason list wrapped
 * onto a line of plain text (`... for reasons 1.4 (b) and (d` / `).`) runs on up to the next blank line (the text reads
 * on; the range stays on the lines of the caption block).
 */
function classifiedByPart(cable: Cable, lines: readonly number[]): Part {
  const first = lines[0];
  const last = lines[lines.length - 1];
  return part(first, last, (reader) => {
    const rels = [...lines];
    const next = () => rels[rels.length - 1] + 1;
    while (next() < cable.lineCount && cable.lines[next()].kind === 'text') rels.push(next());
    const texts = rels.map((rel) => reader.line(cable, rel));
    texts[0] = texts[0].slice(CLASSIFIED_BY.exec(texts[0])?.index ?? 0).replace(CLASSIFIED_BY, '');
    return symbol(
      'CLASSIFIED BY',
      SymbolKind.Key,
      lineRange(cable, first, last, reader),
      undefined,
      texts.join(' ').replace(/\s+/g, ' ').trim(),
    );
  });
}

/** Characters of the first words of a paragraph or list item that the outline shows. */
const LEAD_LENGTH = 60;

/**
 * The first words of the text after `after` (a paragraph's number or marking, a list item's number), read on over the
 * lines up to `endLine` (to `endColumn` on it) when its line is short, cut at a word with "..." when there is more.
 * Page headers, banners and a signature inside the text are not its words.
 */
function lead(cable: Cable, reader: CableReader, after: Span, endLine: number, endColumn?: number): string {
  const upTo = (line: number) => (line === endLine ? endColumn : undefined);
  let text = reader.line(cable, after.line).slice(after.end, upTo(after.line));
  for (let line = after.line + 1; line <= endLine && text.length <= LEAD_LENGTH; line++) {
    const kind = cable.lines[line].kind;
    if (kind === 'continuationHeader' || kind === 'classification' || kind === 'preHeader' || kind === 'signature')
      continue;
    text += ` ${reader.line(cable, line).slice(0, upTo(line))}`;
  }
  return clip(text, LEAD_LENGTH);
}

const BLOCK_NAMES = {
  summary: 'Summary',
  comment: 'Comment',
  note: 'Note',
  text: 'Text',
  talkingPoints: 'Talking points',
};

/** Summary and Comment blocks (in the cable's order: by opener) whose opener is on lines [from, to]. */
function blocksOpenedIn(blocks: readonly Block[], from: number, to: number): Block[] {
  return blocks.slice(
    firstIndexWhere(blocks, (b) => b.opener.line >= from),
    firstIndexWhere(blocks, (b) => b.opener.line > to),
  );
}

function paragraphPart(cable: Cable, paragraph: Paragraph, summaries: readonly Block[]): Part {
  // A block inside the paragraph opens on one of its lines (a block never ends before its opener).
  const blocks = blocksOpenedIn(summaries, paragraph.startLine, paragraph.endLine)
    .filter((b) => b.endLine <= paragraph.endLine && startsWithin(paragraph, b.opener))
    .map((b) => blockPart(cable, b));
  const children = [...blocks, ...listItemsIn(cable, paragraph)].sort(byLine).map((child) => ({
    ...child,
    // A block that reaches the line the next paragraph runs into ends where that paragraph starts.
    make: (reader: CableReader) => endingBy(child.make(reader), paragraphRange(cable, paragraph, reader).end),
  }));
  return part(
    paragraph.startLine,
    paragraph.endLine,
    (reader) => {
      const marking = paragraph.portionMarking
        ? ` ${reader.line(cable, paragraph.portionMarking.line).slice(paragraph.portionMarking.start, paragraph.portionMarking.end)}`
        : '';
      return symbol(
        `¶${paragraph.number}${marking} ${lead(cable, reader, paragraph.portionMarking ?? paragraph.numberSpan, paragraph.endLine, paragraph.endColumn)}`,
        SymbolKind.Number,
        paragraphRange(cable, paragraph, reader),
        spanRange(cable, paragraph.numberSpan),
        paragraph.marker === 'garbledPilcrow' ? `written "${paragraph.writtenNumber}."` : undefined,
      );
    },
    children,
  );
}

/** A symbol whose range ends at `end` at the latest. */
function endingBy(s: DocumentSymbol, end: Position): DocumentSymbol {
  if (isAfter(s.range.end, end)) s.range = { start: s.range.start, end };
  return s;
}

/** Whether a span starts inside a paragraph that may share its first or last line with another (a run-in). */
function startsWithin(paragraph: Paragraph, span: Span): boolean {
  if (span.line === paragraph.startLine && span.start < paragraph.numberSpan.start) return false;
  return !(span.line === paragraph.endLine && paragraph.endColumn !== undefined && span.start >= paragraph.endColumn);
}

function isAfter(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

/** A paragraph run into a line starts at its number; one that another runs into ends where that one starts. */
function paragraphRange(cable: Cable, paragraph: Paragraph, reader: CableReader): Range {
  const range = lineRange(cable, paragraph.startLine, paragraph.endLine, reader);
  const first = paragraph.numberSpan.start;
  if (reader.line(cable, paragraph.startLine).slice(0, first).trim()) range.start.character = first;
  if (paragraph.endColumn !== undefined) range.end.character = paragraph.endColumn;
  return range;
}

/** The list items numbered inside a paragraph, each from its number to the next item or the paragraph's end. */
function listItemsIn(cable: Cable, paragraph: Paragraph): Part[] {
  const items = cable.listItems.slice(
    firstIndexWhere(cable.listItems, (item) => item.line > paragraph.startLine),
    firstIndexWhere(cable.listItems, (item) => item.line > paragraph.endLine),
  );
  return items.map((item, k) => {
    const endLine = k + 1 < items.length ? items[k + 1].line - 1 : paragraph.endLine;
    const endColumn = endLine === paragraph.endLine ? paragraph.endColumn : undefined;
    return part(item.line, endLine, (reader) =>
      symbol(
        `${reader.line(cable, item.line).slice(item.start, item.end).trim()} ${lead(cable, reader, item, endLine, endColumn)}`,
        SymbolKind.EnumMember,
        {
          start: { line: cable.startLine + item.line, character: item.start },
          end: {
            line: cable.startLine + endLine,
            character: endColumn ?? reader.line(cable, endLine).length,
          },
        },
        spanRange(cable, item),
      ),
    );
  });
}

/** A Summary/Comment block, from its opener to its end. */
function blockPart(cable: Cable, block: Block): Part {
  return part(block.opener.line, block.endLine, (reader) =>
    symbol(
      BLOCK_NAMES[block.kind],
      SymbolKind.Event,
      lineRange(cable, block.opener.line, block.endLine, reader),
      spanRange(cable, block.opener),
    ),
  );
}

/** Summary/Comment blocks that do not fit inside one paragraph stand beside the paragraphs. */
function looseBlocks(cable: Cable, section: Section, summaries: readonly Block[]): Part[] {
  // Paragraphs are in order and do not overlap: only the paragraph holding a block's opener can hold the block.
  const holds = (b: Block) => {
    const k = firstIndexWhere(cable.paragraphs, (p) => p.startLine > b.opener.line) - 1;
    return k >= 0 && b.opener.line <= cable.paragraphs[k].endLine && b.endLine <= cable.paragraphs[k].endLine;
  };
  return blocksOpenedIn(summaries, section.startLine, section.endLine)
    .filter((b) => !holds(b))
    .map((b) => blockPart(cable, b));
}

/** The headings of a section, between its paragraphs: the title line and its underline. */
function headingParts(cable: Cable, section: Section, readerNow: CableReader): Part[] {
  return cable.headings
    .filter(({ span }) => span.line >= section.startLine && span.line <= section.endLine)
    .map(({ span, endLine }) => {
      const underlined = endLine + 1 < cable.lineCount && /^\s*[-=_]{3,}/.test(readerNow.line(cable, endLine + 1));
      const lastLine = underlined ? endLine + 1 : endLine;
      return part(span.line, lastLine, (reader) => {
        const title = [];
        for (let line = span.line; line <= endLine; line++) title.push(reader.line(cable, line).trim());
        return symbol(
          title
            .join(' ')
            .replace(/^\/\/|\/\/$/g, '')
            .trim(),
          SymbolKind.String,
          lineRange(cable, span.line, lastLine, reader),
          spanRange(cable, span),
        );
      });
    });
}

/** The paragraphs that start in a section: a run of the cable's paragraphs, which are in order. */
function paragraphsIn(cable: Cable, section: Section): Paragraph[] {
  const paragraphs = cable.paragraphs;
  return paragraphs.slice(
    firstIndexWhere(paragraphs, (p) => p.startLine >= section.startLine),
    firstIndexWhere(paragraphs, (p) => p.startLine > section.endLine),
  );
}

function bodyParts(cable: Cable, readerNow: CableReader): Part[] {
  const total = readerNow.facts(cable).classification?.section?.total;
  const summaries = cable.blocks.filter((b) => b.kind === 'summary' || b.kind === 'comment');
  const sectionParts = (section: Section, paragraphs: readonly Paragraph[]) =>
    [
      ...paragraphs.map((p) => paragraphPart(cable, p, summaries)),
      ...looseBlocks(cable, section, summaries),
      ...headingParts(cable, section, readerNow),
    ].sort(byLine);
  if (cable.sections.length === 1 && !total) return sectionParts(cable.sections[0], cable.paragraphs);
  const lastTextLine = readerNow.lastTextLine(cable);
  return cable.sections.map((section) => {
    const children = sectionParts(section, paragraphsIn(cable, section));
    // A paragraph that continues across the next page header stays whole: the section reaches its end.
    let childrenEnd = section.startLine;
    for (const c of children) childrenEnd = Math.max(childrenEnd, c.endLine);
    const endLine = Math.max(childrenEnd, Math.min(section.endLine, lastTextLine));
    return part(
      section.startLine,
      endLine,
      (reader) => {
        const range = lineRange(cable, section.startLine, endLine, reader);
        return symbol(
          `Section ${section.number}${total ? ` of ${total}` : ''}`,
          SymbolKind.Module,
          range,
          section.header ? spanRange(cable, section.header) : { start: range.start, end: range.start },
        );
      },
      children,
    );
  });
}

/** The header or the caption block: a namespace over its lines, holding a symbol for each of its parts. */
function blockOfLinesPart(
  cable: Cable,
  name: string,
  lines: { startLine: number; endLine: number },
  detail: (reader: CableReader) => string | undefined,
  parts: Part[],
): Part {
  const { startLine, endLine } = lines;
  return part(
    startLine,
    endLine,
    (reader) =>
      symbol(name, SymbolKind.Namespace, lineRange(cable, startLine, endLine, reader), undefined, detail(reader)),
    parts,
  );
}

function cablePart(cable: Cable, readerNow: CableReader): Part {
  const parts: Part[] = [];
  if (cable.headerRange) {
    const dtg = (reader: CableReader) =>
      reader.facts(cable).dtg?.value.date?.toISOString().slice(0, 16).replace('T', ' ');
    parts.push(blockOfLinesPart(cable, 'Header', cable.headerRange, dtg, headerParts(cable)));
  }
  if (cable.captionBlock) {
    const captions = (reader: CableReader) => [...new Set(reader.facts(cable).captions)].join(' ');
    parts.push(blockOfLinesPart(cable, 'Captions', cable.captionBlock, captions, captionParts(cable)));
  }
  parts.push(...bodyParts(cable, readerNow));
  const signer = cable.signer;
  if (signer) {
    // On a line of its own, the whole line; run into the last line of the text (`... effects beyond. BURNS`), the name.
    parts.push(
      part(signer.line, signer.line, (reader) =>
        symbol(
          reader.line(cable, signer.line).slice(signer.start, signer.end),
          SymbolKind.Constant,
          cable.signatureLine === undefined
            ? spanRange(cable, signer)
            : lineRange(cable, signer.line, signer.line, reader),
          undefined,
          'signature',
        ),
      ),
    );
  }
  const lastTextLine = readerNow.lastTextLine(cable);
  return part(
    0,
    lastTextLine,
    (reader) => {
      const selectionLine = cable.classificationLine ?? cable.headerRange?.startLine ?? 0;
      return symbol(
        reader.facts(cable).identity.referenceId,
        SymbolKind.File,
        lineRange(cable, 0, lastTextLine, reader),
        lineRange(cable, selectionLine, selectionLine, reader),
        cable.subject?.text,
      );
    },
    parts,
  );
}

const partsOf = (p: Part) => p.parts;
const childrenOf = (s: DocumentSymbol) => s.children ?? [];
const withoutChildren = ({ children: _, ...s }: DocumentSymbol): DocumentSymbol => s;

// Kept per cable object: an edit makes new cables of the lines it touches and moves the others. A cable's parts and
// symbols depend only on its lines and, through its facts, on whether it is the document's only cable (an edit that
// changes the number of cables makes the first cable anew).

/** How many symbols a cable has at each depth (the cable at 0). */
const levelSizesOf = new WeakMap<Cable, number[]>();
/** The parts of a cable whose outline was cut: the cut makes symbols from them again when the cable's budget changes. */
const keptParts = new WeakMap<Cable, Part>();

/** A symbol made at the line its cable started on then; moved when an edit above moves the cable. */
interface Placed {
  startLine: number;
  symbol: DocumentSymbol;
}

/** Each cable's whole symbol tree, and its cut copy for the last budget it was cut to. */
const wholeTrees = new WeakMap<Cable, Placed>();
const cutTrees = new WeakMap<Cable, Placed & { budget: number }>();

/** A kept symbol, moved down or up by the lines an edit added or removed above its cable since it was made. */
function inPlace<P extends Placed>(cable: Cable, placed: P, kept: WeakMap<Cable, P>): DocumentSymbol {
  if (placed.startLine === cable.startLine) return placed.symbol;
  const symbol = moved(placed.symbol, cable.startLine - placed.startLine);
  kept.set(cable, { ...placed, startLine: cable.startLine, symbol });
  return symbol;
}

function partsOfCable(cable: Cable, reader: CableReader): Part {
  let root = keptParts.get(cable);
  if (!root) {
    root = cablePart(cable, reader);
    keptParts.set(cable, root);
  }
  return root;
}

/** Counted on the cable's whole tree when it has one, else on its parts (which are kept for the cut). */
function cableLevelSizes(cable: Cable, reader: CableReader): number[] {
  let sizes = levelSizesOf.get(cable);
  if (!sizes) {
    const whole = wholeTrees.get(cable);
    sizes = whole ? levelSizes(whole.symbol, childrenOf) : levelSizes(partsOfCable(cable, reader), partsOf);
    levelSizesOf.set(cable, sizes);
  }
  return sizes;
}

/** Every cable's symbol tree; a cable's whole tree needs its parts no more. */
export function documentSymbols({ reader }: DocumentContext): DocumentSymbol[] {
  return reader.model.cables.map((cable) => {
    let placed = wholeTrees.get(cable);
    if (!placed) {
      placed = { startLine: cable.startLine, symbol: made(keptParts.get(cable) ?? cablePart(cable, reader), reader) };
      wholeTrees.set(cable, placed);
      keptParts.delete(cable);
    }
    return inPlace(cable, placed, wholeTrees);
  });
}

/**
 * The outline as the user gets it: documentSymbols cut to `maxSymbols` (see limitSymbols). When it is cut, only the
 * symbols sent are made, each cable's cut copy is kept for its budget, and an edit cuts again only the cables it
 * touched and moves the copies of those below it: after a line end typed in a 10 MB dump, a few thousand symbols
 * instead of the tens of thousands of every cable below it.
 */
export function outline(context: DocumentContext, maxSymbols: number): { symbols: DocumentSymbol[]; total: number } {
  const reader = context.reader;
  const cables = reader.model.cables;
  const cut = cutLevels(
    cables.map((cable) => cableLevelSizes(cable, reader)),
    maxSymbols,
    (i, budget) => {
      const cable = cables[i];
      const placed = cutTrees.get(cable);
      if (placed?.budget === budget) return inPlace(cable, placed, cutTrees);
      // A cable made whole (an outline that was not cut before an edit) is cut from its tree, else from its parts.
      const whole = wholeTrees.get(cable);
      const symbol = whole
        ? cutTree(inPlace(cable, whole, wholeTrees), budget, childrenOf, withoutChildren)
        : cutTree(partsOfCable(cable, reader), budget, partsOf, (p) => p.make(reader));
      cutTrees.set(cable, { budget, startLine: cable.startLine, symbol });
      return symbol;
    },
  );
  return cut.symbols
    ? { symbols: cut.symbols, total: cut.total }
    : { symbols: documentSymbols(context), total: cut.total };
}

/**
 * The outline cut to `maxSymbols` symbols level by level: the cables first, then the parts of every cable, then
 * their parts, so that a corpus dump keeps a complete table of its cables (of its first `maxSymbols` cables when it
 * holds more). An outline of tens of thousands of
 * symbols (a 10 MB dump has 34 000) takes longer to send and show than anything else the server does after a
 * keystroke. `total` counts the symbols before the cut. outline() cuts the same way without making the whole trees;
 * the tests hold it to this cut of the whole outline.
 */
export function limitSymbols(
  symbols: DocumentSymbol[],
  maxSymbols: number,
): { symbols: DocumentSymbol[]; total: number } {
  const cut = cutLevels(
    symbols.map((s) => levelSizes(s, childrenOf)),
    maxSymbols,
    (i, budget) => cutTree(symbols[i], budget, childrenOf, withoutChildren),
  );
  return { symbols: cut.symbols ?? symbols, total: cut.total };
}

/**
 * Level order puts a tree's symbols of one level together, in document order, so the cut keeps of each tree (given
 * by its level sizes) its first levels and the first symbols of the next: its budget, which `cut(i, budget)` makes.
 * No symbols: nothing to cut.
 */
function cutLevels(
  sizes: number[][],
  maxSymbols: number,
  cut: (i: number, budget: number) => DocumentSymbol,
): { symbols?: DocumentSymbol[]; total: number } {
  const levelTotals: number[] = [];
  for (const treeSizes of sizes) treeSizes.forEach((n, level) => (levelTotals[level] = (levelTotals[level] ?? 0) + n));
  const total = levelTotals.reduce((sum, n) => sum + n, 0);
  if (total <= maxSymbols) return { total };
  // The first level that does not fit whole, and how many of its symbols still fit.
  let partialLevel = 0;
  let room = maxSymbols;
  while (room >= levelTotals[partialLevel]) room -= levelTotals[partialLevel++];
  const kept: DocumentSymbol[] = [];
  sizes.forEach((treeSizes, i) => {
    let budget = 0;
    for (let level = 0; level < partialLevel; level++) budget += treeSizes[level] ?? 0;
    const taken = Math.min(treeSizes[partialLevel] ?? 0, room);
    room -= taken;
    if (budget + taken > 0) kept.push(cut(i, budget + taken));
  });
  return { symbols: kept, total };
}

/** How many nodes a tree has at each depth (the tree's root at 0). */
function levelSizes<T>(root: T, childrenOf: (node: T) => readonly T[]): number[] {
  const sizes: number[] = [];
  const count = (node: T, depth: number) => {
    sizes[depth] = (sizes[depth] ?? 0) + 1;
    for (const child of childrenOf(node)) count(child, depth + 1);
  };
  count(root, 0);
  return sizes;
}

/**
 * The symbols of the first `budget` nodes of a tree in level order, `make` giving a node's symbol without children (a
 * symbol has children only when one is kept).
 */
function cutTree<T>(
  root: T,
  budget: number,
  childrenOf: (node: T) => readonly T[],
  make: (node: T) => DocumentSymbol,
): DocumentSymbol {
  // Each kept node with its symbol, in level order.
  const queue: Array<[node: T, symbol: DocumentSymbol]> = [];
  const keep = (node: T): DocumentSymbol => {
    const s = make(node);
    queue.push([node, s]);
    return s;
  };
  const cut = keep(root);
  let count = 1;
  for (let next = 0; next < queue.length && count < budget; next++) {
    const [node, parent] = queue[next];
    const keptChildren: DocumentSymbol[] = [];
    for (const child of childrenOf(node)) {
      if (count === budget) break;
      keptChildren.push(keep(child));
      count++;
    }
    if (keptChildren.length) parent.children = keptChildren;
  }
  return cut;
}

/** A copy of a symbol tree `delta` lines further down (returned symbols are never changed in place). */
function moved(s: DocumentSymbol, delta: number): DocumentSymbol {
  const range = (r: Range): Range => ({
    start: { line: r.start.line + delta, character: r.start.character },
    end: { line: r.end.line + delta, character: r.end.character },
  });
  const copy: DocumentSymbol = {
    name: s.name,
    kind: s.kind,
    range: range(s.range),
    selectionRange: range(s.selectionRange),
  };
  if (s.detail !== undefined) copy.detail = s.detail;
  if (s.children) copy.children = s.children.map((c) => moved(c, delta));
  return copy;
}
