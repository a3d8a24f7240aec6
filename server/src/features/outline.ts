// Outline (document symbols): one symbol per cable, then its header, caption block, sections,
// paragraphs and Summary/Comment blocks. Breadcrumbs follow from the same tree.
import { HEADER_FORMS } from '../syntax/headerGrammar';
import { DocumentSymbol, Position, Range, SymbolKind } from 'vscode-languageserver-types';
import { Block, Cable, Paragraph, Section, Span } from '../syntax/types';
import { CableReader } from '../facts/facts';
import { DocumentContext } from './context';
import { firstIndexWhere } from '../util/search';
import { clip } from '../util/text';

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
  children?: DocumentSymbol[],
): DocumentSymbol {
  return {
    name: name || '?',
    kind,
    range,
    selectionRange,
    // A detail says something the name does not (not the FM line's address again, nor the DE line's station).
    ...(detail && !name.includes(detail) ? { detail } : {}),
    ...(children && children.length ? { children } : {}),
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

function headerSymbols(cable: Cable, reader: CableReader): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  let addressGroup: DocumentSymbol | undefined;
  for (const field of cable.header) {
    const text = reader.line(cable, field.line).trim();
    const range = lineRange(cable, field.line, field.line, reader);
    const address = reader.find(cable, field.line, 'address')?.value;
    const ri = reader.find(cable, field.line, 'routingIndicator')?.value;
    if (field.kind === 'address' || field.kind === 'relayContinuation') {
      const child = symbol(address ?? text, SymbolKind.Field, range, range, ri);
      if (addressGroup) {
        addressGroup.children!.push(child); // its own array, made with its first address
        addressGroup.range = { start: addressGroup.range.start, end: range.end };
        continue;
      }
      symbols.push(child);
      continue;
    }
    if (field.kind === 'to' || field.kind === 'info' || field.kind === 'exempt') {
      addressGroup = symbol(HEADER_NAMES[field.kind], SymbolKind.Namespace, range, range, undefined, [
        symbol(address ?? text, SymbolKind.Field, range, range, ri),
      ]);
      symbols.push(addressGroup);
      continue;
    }
    addressGroup = undefined;
    if (field.expected) {
      // A line that fits no role: its text, and the role expected at its place.
      const role = HEADER_FORMS[field.expected]!.split(':')[0];
      symbols.push(symbol(`Unrecognised: ${text}`, SymbolKind.Key, range, range, `expected ${role}`));
      continue;
    }
    const detail = field.kind === 'from' ? address : field.kind === 'stationSerial' ? ri : undefined;
    symbols.push(
      symbol(
        `${HEADER_NAMES[field.kind] ?? field.kind}: ${field.kind === 'from' ? (address ?? text) : text.replace(/^(?:FM|DE)\s+/, '')}`,
        SymbolKind.Key,
        range,
        range,
        detail,
      ),
    );
  }
  return symbols;
}

function captionSymbols(cable: Cable, reader: CableReader): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (cable.classificationLine !== undefined) {
    const rel = cable.classificationLine;
    symbols.push(symbol(clip(reader.line(cable, rel), 80), SymbolKind.Constant, lineRange(cable, rel, rel, reader)));
  }
  for (const caption of cable.captions) {
    symbols.push(
      symbol(
        reader.line(cable, caption.line).slice(caption.start, caption.end),
        SymbolKind.Constant,
        spanRange(cable, caption),
      ),
    );
  }
  if (cable.executiveOrderLine !== undefined) {
    const rel = cable.executiveOrderLine;
    const eo = reader.find(cable, rel, 'executiveOrderNumber')?.value;
    const decl = reader.find(cable, rel, 'declassification')?.value;
    symbols.push(
      symbol(
        `E.O. ${eo ?? ''}`.trim(),
        SymbolKind.Key,
        lineRange(cable, rel, rel, reader),
        undefined,
        decl ? `DECL ${decl}` : undefined,
      ),
    );
  }
  for (const rel of cable.tagsLines.slice(0, 1)) {
    const codes = cable.tagsLines.flatMap((line) =>
      cable.lines[line].tokens.filter((t) => t.kind === 'tag').map((t) => reader.tokenText(cable, line, t)),
    );
    symbols.push(
      symbol(
        'TAGS',
        SymbolKind.Key,
        lineRange(cable, rel, cable.tagsLines[cable.tagsLines.length - 1], reader),
        undefined,
        codes.join(' '),
      ),
    );
  }
  if (cable.subject) {
    symbols.push(
      symbol(
        'SUBJECT',
        SymbolKind.String,
        lineRange(cable, cable.subject.startLine, cable.subject.endLine, reader),
        undefined,
        cable.subject.text,
      ),
    );
  }
  if (cable.references) {
    const refs = cable.references;
    const items = refs.items.map((item, k) => {
      const next = refs.items[k + 1];
      const endLine = next && next.line > item.line ? next.line - 1 : next ? item.line : refs.endLine;
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
    const citation = items.length === 0 ? reader.find(cable, refs.startLine, 'citation')?.value : undefined;
    symbols.push(
      symbol(
        'REF',
        SymbolKind.Namespace,
        lineRange(cable, refs.startLine, refs.endLine, reader),
        undefined,
        citation,
        items,
      ),
    );
  }
  if (cable.classifiedByLines.length) {
    // The whole entry, authority and reasons, over its lines: a cut would drop reason letters. A reason list wrapped
    // onto a line of plain text (`... for reasons 1.4 (b) and (d` / `).`) runs on up to the next blank line (the
    // text reads on; the range stays on the lines of the caption block).
    const rels = [...cable.classifiedByLines];
    const next = () => rels[rels.length - 1] + 1;
    while (next() < cable.lineCount && cable.lines[next()].kind === 'text') rels.push(next());
    const lines = rels.map((rel) => reader.line(cable, rel));
    lines[0] = lines[0].slice(CLASSIFIED_BY.exec(lines[0])?.index ?? 0).replace(CLASSIFIED_BY, '');
    symbols.push(
      symbol(
        'CLASSIFIED BY',
        SymbolKind.Key,
        lineRange(cable, rels[0], cable.classifiedByLines[cable.classifiedByLines.length - 1], reader),
        undefined,
        lines.join(' ').replace(/\s+/g, ' ').trim(),
      ),
    );
  }
  return symbols;
}

const CLASSIFIED_BY = /classified\s+by\s*:?/i;

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

function paragraphSymbol(
  cable: Cable,
  paragraph: Paragraph,
  reader: CableReader,
  summaries: readonly Block[],
): DocumentSymbol {
  const marking = paragraph.portionMarking
    ? ` ${reader.line(cable, paragraph.portionMarking.line).slice(paragraph.portionMarking.start, paragraph.portionMarking.end)}`
    : '';
  // A block inside the paragraph opens on one of its lines (a block never ends before its opener).
  const blocks = blocksOpenedIn(summaries, paragraph.startLine, paragraph.endLine)
    .filter((b) => b.endLine <= paragraph.endLine && startsWithin(paragraph, b.opener))
    .map((b) => blockSymbol(cable, b, reader));
  const detail = paragraph.marker === 'garbledPilcrow' ? `written "${paragraph.writtenNumber}."` : undefined;
  const range = paragraphRange(cable, paragraph, reader);
  const children = [...blocks, ...listItemsIn(cable, paragraph, reader)].sort(
    (a, b) => a.range.start.line - b.range.start.line,
  );
  // A block that reaches the line the next paragraph runs into ends where that paragraph starts.
  for (const child of children) if (isAfter(child.range.end, range.end)) child.range.end = range.end;
  return symbol(
    `¶${paragraph.number}${marking} ${lead(cable, reader, paragraph.portionMarking ?? paragraph.numberSpan, paragraph.endLine, paragraph.endColumn)}`,
    SymbolKind.Number,
    range,
    spanRange(cable, paragraph.numberSpan),
    detail,
    children,
  );
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
function listItemsIn(cable: Cable, paragraph: Paragraph, reader: CableReader): DocumentSymbol[] {
  const items = cable.listItems.slice(
    firstIndexWhere(cable.listItems, (item) => item.line > paragraph.startLine),
    firstIndexWhere(cable.listItems, (item) => item.line > paragraph.endLine),
  );
  return items.map((item, k) => {
    const endLine = k + 1 < items.length ? items[k + 1].line - 1 : paragraph.endLine;
    const endColumn = endLine === paragraph.endLine ? paragraph.endColumn : undefined;
    return symbol(
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
    );
  });
}

/** A Summary/Comment block, from its opener to its end. */
function blockSymbol(cable: Cable, block: Block, reader: CableReader): DocumentSymbol {
  return symbol(
    BLOCK_NAMES[block.kind],
    SymbolKind.Event,
    lineRange(cable, block.opener.line, block.endLine, reader),
    spanRange(cable, block.opener),
  );
}

/** Summary/Comment blocks that do not fit inside one paragraph stand beside the paragraphs. */
function looseBlocks(
  cable: Cable,
  section: Section,
  reader: CableReader,
  summaries: readonly Block[],
): DocumentSymbol[] {
  // Paragraphs are in order and do not overlap: only the paragraph holding a block's opener can hold the block.
  const holds = (b: Block) => {
    const k = firstIndexWhere(cable.paragraphs, (p) => p.startLine > b.opener.line) - 1;
    return k >= 0 && b.opener.line <= cable.paragraphs[k].endLine && b.endLine <= cable.paragraphs[k].endLine;
  };
  return blocksOpenedIn(summaries, section.startLine, section.endLine)
    .filter((b) => !holds(b))
    .map((b) => blockSymbol(cable, b, reader));
}

/** The headings of a section, between its paragraphs: the title line and its underline. */
function headingSymbols(cable: Cable, section: Section, reader: CableReader): DocumentSymbol[] {
  return cable.headings
    .filter(({ span }) => span.line >= section.startLine && span.line <= section.endLine)
    .map(({ span, endLine }) => {
      const title = [];
      for (let line = span.line; line <= endLine; line++) title.push(reader.line(cable, line).trim());
      const underlined = endLine + 1 < cable.lineCount && /^\s*[-=_]{3,}/.test(reader.line(cable, endLine + 1));
      return symbol(
        title
          .join(' ')
          .replace(/^\/\/|\/\/$/g, '')
          .trim(),
        SymbolKind.String,
        lineRange(cable, span.line, underlined ? endLine + 1 : endLine, reader),
        spanRange(cable, span),
      );
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

function bodySymbols(cable: Cable, reader: CableReader): DocumentSymbol[] {
  const total = reader.facts(cable).classification?.section?.total;
  const byPosition = (a: DocumentSymbol, b: DocumentSymbol) => a.range.start.line - b.range.start.line;
  const summaries = cable.blocks.filter((b) => b.kind === 'summary' || b.kind === 'comment');
  if (cable.sections.length === 1 && !total) {
    const section = cable.sections[0];
    return [
      ...cable.paragraphs.map((p) => paragraphSymbol(cable, p, reader, summaries)),
      ...looseBlocks(cable, section, reader, summaries),
      ...headingSymbols(cable, section, reader),
    ].sort(byPosition);
  }
  return cable.sections.map((section) => {
    const children = [
      ...paragraphsIn(cable, section).map((p) => paragraphSymbol(cable, p, reader, summaries)),
      ...looseBlocks(cable, section, reader, summaries),
      ...headingSymbols(cable, section, reader),
    ].sort(byPosition);
    // A paragraph that continues across the next page header stays whole: the section reaches its end.
    let childrenEnd = section.startLine;
    for (const c of children) childrenEnd = Math.max(childrenEnd, c.range.end.line - cable.startLine);
    const range = lineRange(
      cable,
      section.startLine,
      Math.max(childrenEnd, Math.min(section.endLine, reader.lastTextLine(cable))),
      reader,
    );
    return symbol(
      `Section ${section.number}${total ? ` of ${total}` : ''}`,
      SymbolKind.Module,
      range,
      section.header ? spanRange(cable, section.header) : { start: range.start, end: range.start },
      undefined,
      children,
    );
  });
}

/** A cable's symbol tree and the line the cable started on when the tree was made (or last moved). */
interface PlacedTree {
  startLine: number;
  symbol: DocumentSymbol;
}

/**
 * The symbol of each cable, kept per cable object: an edit rebuilds the cables it touches, so the others keep their
 * symbols. A symbol depends only on its cable's lines and where the cable starts.
 */
const cache = new WeakMap<Cable, PlacedTree>();

function placedTree(cable: Cable, reader: CableReader): PlacedTree {
  let placed = cache.get(cable);
  if (!placed) {
    placed = { startLine: cable.startLine, symbol: cableSymbol(cable, reader) };
    cache.set(cable, placed);
  }
  return placed;
}

/** Every cable's symbol, moved down or up by the lines an edit added or removed above it. */
export function documentSymbols({ reader }: DocumentContext): DocumentSymbol[] {
  return reader.model.cables.map((cable) => {
    let placed = placedTree(cable, reader);
    if (placed.startLine !== cable.startLine) {
      placed = { startLine: cable.startLine, symbol: moved(placed.symbol, cable.startLine - placed.startLine) };
      cache.set(cable, placed);
    }
    return placed.symbol;
  });
}

/**
 * The outline as the user gets it: documentSymbols cut to `maxSymbols` (see limitSymbols). When it is cut, the trees
 * of cables that an edit moved stay where they were made and only their cut copies are moved: after a line end typed
 * in a 10 MB dump, a few thousand symbols instead of the tens of thousands of every cable below it.
 */
export function outline(context: DocumentContext, maxSymbols: number): { symbols: DocumentSymbol[]; total: number } {
  const cables = context.reader.model.cables;
  const placed = cables.map((cable) => placedTree(cable, context.reader));
  const cut = cutLevels(
    placed.map(({ symbol }) => symbol),
    maxSymbols,
    (i) => cables[i].startLine - placed[i].startLine,
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
 * keystroke. `total` counts the symbols before the cut.
 */
export function limitSymbols(
  symbols: DocumentSymbol[],
  maxSymbols: number,
): { symbols: DocumentSymbol[]; total: number } {
  const cut = cutLevels(symbols, maxSymbols, () => 0);
  return { symbols: cut.symbols ?? symbols, total: cut.total };
}

/**
 * Level order puts a tree's symbols of one level together, in document order, so the cut keeps of each tree its first
 * levels and the first symbols of the next (its budget), moved by `delta(i)` lines: a tree whose budget did not change
 * keeps its cut copy, and after a keystroke only the edited cable is cut again. No symbols: nothing to cut.
 */
function cutLevels(
  trees: DocumentSymbol[],
  maxSymbols: number,
  delta: (i: number) => number,
): { symbols?: DocumentSymbol[]; total: number } {
  const sizes = trees.map(levelSizes);
  const levelTotals: number[] = [];
  for (const treeSizes of sizes) treeSizes.forEach((n, level) => (levelTotals[level] = (levelTotals[level] ?? 0) + n));
  const total = levelTotals.reduce((sum, n) => sum + n, 0);
  if (total <= maxSymbols) return { total };
  // The first level that does not fit whole, and how many of its symbols still fit.
  let partialLevel = 0;
  let room = maxSymbols;
  while (room >= levelTotals[partialLevel]) room -= levelTotals[partialLevel++];
  const kept: DocumentSymbol[] = [];
  trees.forEach((tree, i) => {
    let budget = 0;
    for (let level = 0; level < partialLevel; level++) budget += sizes[i][level] ?? 0;
    const taken = Math.min(sizes[i][partialLevel] ?? 0, room);
    room -= taken;
    if (budget + taken > 0) kept.push(cutTree(tree, budget + taken, delta(i)));
  });
  return { symbols: kept, total };
}

/** How many symbols a tree has at each depth (the tree's root at 0); kept per tree, which is never changed. */
const levelSizesOf = new WeakMap<DocumentSymbol, number[]>();

function levelSizes(root: DocumentSymbol): number[] {
  let sizes = levelSizesOf.get(root);
  if (!sizes) {
    sizes = [];
    countLevels(root, 0, sizes);
    levelSizesOf.set(root, sizes);
  }
  return sizes;
}

function countLevels(s: DocumentSymbol, depth: number, sizes: number[]): void {
  sizes[depth] = (sizes[depth] ?? 0) + 1;
  for (const child of s.children ?? []) countLevels(child, depth + 1, sizes);
}

/** A tree's cut copy for the last budget and move it was cut to. */
const cutOf = new WeakMap<DocumentSymbol, { budget: number; delta: number; copy: DocumentSymbol }>();

/**
 * The first `budget` symbols of a tree in level order, as copies `delta` lines further down (a copy has children only
 * when one is kept).
 */
function cutTree(root: DocumentSymbol, budget: number, delta: number): DocumentSymbol {
  const cached = cutOf.get(root);
  if (cached?.budget === budget) {
    if (cached.delta === delta) return cached.copy;
    const copy = moved(cached.copy, delta - cached.delta);
    cutOf.set(root, { budget, delta, copy });
    return copy;
  }
  // Each kept symbol's copy with the children it may still take, in level order.
  const queue: Array<[children: DocumentSymbol[] | undefined, copy: DocumentSymbol]> = [];
  const keep = ({ children, ...copy }: DocumentSymbol): DocumentSymbol => {
    queue.push([children, copy]);
    return copy;
  };
  const cut = keep(root);
  let count = 1;
  for (let next = 0; next < queue.length && count < budget; next++) {
    const [children, parent] = queue[next];
    const keptChildren: DocumentSymbol[] = [];
    for (const child of children ?? []) {
      if (count === budget) break;
      keptChildren.push(keep(child));
      count++;
    }
    if (keptChildren.length) parent.children = keptChildren;
  }
  const copy = delta ? moved(cut, delta) : cut;
  cutOf.set(root, { budget, delta, copy });
  return copy;
}

function cableSymbol(cable: Cable, reader: CableReader): DocumentSymbol {
  const facts = reader.facts(cable);
  const children: DocumentSymbol[] = [];
  if (cable.headerRange) {
    const { startLine, endLine } = cable.headerRange;
    children.push(
      symbol(
        'Header',
        SymbolKind.Namespace,
        lineRange(cable, startLine, endLine, reader),
        undefined,
        facts.dtg?.value.date?.toISOString().slice(0, 16).replace('T', ' '),
        headerSymbols(cable, reader),
      ),
    );
  }
  if (cable.captionBlock) {
    const { startLine, endLine } = cable.captionBlock;
    children.push(
      symbol(
        'Captions',
        SymbolKind.Namespace,
        lineRange(cable, startLine, endLine, reader),
        undefined,
        [...new Set(facts.captions)].join(' '),
        captionSymbols(cable, reader),
      ),
    );
  }
  for (const body of bodySymbols(cable, reader)) children.push(body);
  if (cable.signer) {
    // On a line of its own, the whole line; run into the last line of the text (`... effects beyond. BURNS`), the name.
    const signer = cable.signer;
    children.push(
      symbol(
        reader.line(cable, signer.line).slice(signer.start, signer.end),
        SymbolKind.Constant,
        cable.signatureLine === undefined
          ? spanRange(cable, signer)
          : lineRange(cable, signer.line, signer.line, reader),
        undefined,
        'signature',
      ),
    );
  }
  const first = cable.headerRange?.startLine ?? cable.classificationLine ?? 0;
  const selectionLine = cable.classificationLine ?? first;
  return symbol(
    facts.identity.referenceId,
    SymbolKind.File,
    lineRange(cable, 0, reader.lastTextLine(cable), reader),
    lineRange(cable, selectionLine, selectionLine, reader),
    cable.subject?.text,
    children,
  );
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
