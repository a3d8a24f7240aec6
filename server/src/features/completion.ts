// Completion where the line says what belongs there: TAGS codes, routing indicators with their posts,
// captions, portion markings, classification words, E.O. numbers, and a new-cable skeleton.
import { CompletionItem, CompletionItemKind, InsertTextFormat, Position, Range } from 'vscode-languageserver-types';
import {
  allExecutiveOrders,
  allPortionMarkings,
  classificationLevels,
  CodeTables,
  countryOfPost,
  TAG_FAMILIES,
} from '../vocabulary';
import { CableReader, dayOfYear } from '../facts/facts';
import { MONTHS } from '../vocabulary/months';
import { DocumentContext } from './context';
import { CableIndex, cableTags } from '../workspace/cableIndex';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Longest word completion replaces; the patterns below read only this many characters before the cursor. */
const WORD_WINDOW = 64;

/** The word being typed: the run of letters, digits and the characters of codes before the cursor. */
function wordRange(text: string, position: Position, pattern = /[A-Za-z0-9¶(/]*$/): Range {
  const prefix = pattern.exec(text.slice(Math.max(0, position.character - WORD_WINDOW), position.character))?.[0] ?? '';
  return { start: { line: position.line, character: position.character - prefix.length }, end: position };
}

/**
 * TAGS codes, the most likely first: the country of the cable's post (CH in a Beijing cable), then the codes the
 * file's TAGS lines already use, then those of the workspace's other cables, then the rest (the user's own codes, then
 * the most used in the sample). A code whose
 * meaning no table gives (most organization codes: PETROBRAS, PHALANAGE PARTY) is offered only once the file uses it:
 * it stays known to the diagnostics and hover, but a list of bare names helps nobody choose.
 */
function tagItems(
  tables: CodeTables,
  range: Range,
  origin: string | undefined,
  used: ReadonlySet<string>,
  index: CableIndex,
): CompletionItem[] {
  const tier = (code: string) => (code === origin ? 0 : used.has(code) ? 1 : index.usesTag(code) ? 2 : 3);
  return tables.allTagCodes().flatMap((t, k) => {
    const meaning = t.meaning ?? t.name;
    if (!meaning && !used.has(t.code)) return [];
    return {
      label: t.code,
      kind: t.family === 'geographic' ? CompletionItemKind.Constant : CompletionItemKind.EnumMember,
      detail: `${meaning ?? ''}${meaning ? ' — ' : ''}${TAG_FAMILIES[t.family]}`,
      sortText: `${tier(t.code)}${pad(k, 5)}`,
      textEdit: { range, newText: t.code },
    };
  });
}

/** The TAGS codes written on the TAGS lines of every cable of the document. */
function tagsInDocument(reader: CableReader): Set<string> {
  return new Set(reader.model.cables.flatMap((cable) => cableTags(reader, cable)));
}

function routingItems(tables: CodeTables, range: Range, withAddress: boolean): CompletionItem[] {
  return tables.allRoutingIndicators().map((ri, k) => ({
    label: ri.ri,
    kind: CompletionItemKind.Reference,
    detail: ri.name,
    filterText: `${ri.ri} ${ri.name ?? ''}`,
    sortText: pad(k, 5),
    textEdit: { range, newText: withAddress && ri.name ? `${ri.ri}/${ri.name}` : ri.ri },
  }));
}

function captionItems(tables: CodeTables, range: Range): CompletionItem[] {
  return tables
    .allCaptions()
    .filter((c) => !c.prefix)
    .map((c) => ({
      label: c.caption,
      kind: CompletionItemKind.Keyword,
      detail: c.kind,
      documentation: c.meaning,
      textEdit: { range, newText: c.caption },
    }));
}

function classificationItems(range: Range): CompletionItem[] {
  return classificationLevels().map((level, k) => ({
    label: level.classificationWord,
    kind: CompletionItemKind.Keyword,
    detail: level.level,
    sortText: String(k),
    textEdit: { range, newText: level.classificationWord },
  }));
}

/** A cable skeleton dated now: the DTG and the DE Julian date-time agree. */
function newCableSnippet(now: Date, range: Range): CompletionItem {
  const dtg = `${pad(now.getUTCDate())}${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}Z ${MONTHS[now.getUTCMonth()]} ${pad(now.getUTCFullYear() % 100)}`;
  const julian = `${pad(dayOfYear(now), 3)}${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}`;
  const decl = `${pad(now.getUTCMonth() + 1)}/${pad(now.getUTCDate())}/${now.getUTCFullYear() + 10}`;
  const body = [
    'VZCZCXRO${1:0001}',
    'RR ${2:RUEHDBU}',
    `DE \${2:RUEHDBU} #\${3:0001} ${julian}`,
    'ZNY CCCCC ZZH',
    `R ${dtg}`,
    'FM ${4:AMEMBASSY DUSHANBE}',
    'TO RUEHC/SECSTATE WASHDC ${5:0001}',
    '',
    'C O N F I D E N T I A L ${6:DUSHANBE} 00${3:0001}',
    '',
    'SIPDIS',
    '',
    `E.O. 12958: DECL: ${decl}`,
    'TAGS: ${7:PREL}',
    'SUBJECT: ${8:SUBJECT}',
    '',
    'Classified By: ${9:Ambassador}, reasons 1.4 (b) and (d)',
    '',
    '¶1. (C) ${0}',
  ].join('\n');
  return {
    label: 'New cable',
    kind: CompletionItemKind.Snippet,
    detail: `Cable skeleton dated ${dtg}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: body },
  };
}

export function completions(
  { reader, tables, index }: DocumentContext,
  at: Position,
  now = new Date(),
): CompletionItem[] {
  const model = reader.model;
  // A position past the end of its line or of the document completes at the end: the edits stay inside the document.
  const line = Math.min(Math.max(0, Math.floor(at.line)), model.lineCount - 1);
  const position = { line, character: Math.min(Math.max(0, Math.floor(at.character)), model.lineText(line).length) };
  const text = model.lineText(position.line);
  const before = text.slice(0, position.character);
  const cable = model.cableAt(position.line);
  const rel = cable ? position.line - cable.startLine : 0;
  const kind = cable?.lines[rel]?.kind ?? 'blank';
  const range = wordRange(text, position);

  if (kind === 'tags' || /^\s*TAGS?\b:?\s/i.test(before)) {
    const post = cable && reader.facts(cable).identity.post;
    return tagItems(
      tables,
      wordRange(text, position, /[A-Za-z]*$/),
      post ? countryOfPost(post) : undefined,
      tagsInDocument(reader),
      index,
    );
  }
  if (/^\s*E\.?O\.?\s*\d*$/i.test(before)) {
    const r = wordRange(text, position, /\d*$/);
    return allExecutiveOrders().map((eo) => ({
      label: eo.eo,
      kind: CompletionItemKind.Value,
      detail: eo.years,
      textEdit: { range: r, newText: eo.eo },
    }));
  }
  if (/^\s*(?:¶|\uFFFD)?\d{1,3}\.\s*\(?[A-Za-z/]*$/.test(before)) {
    const r = wordRange(text, position, /\(?[A-Za-z/]*$/);
    return allPortionMarkings().map((m, k) => ({
      label: m,
      kind: CompletionItemKind.EnumMember,
      detail: 'portion marking',
      sortText: pad(k),
      textEdit: { range: r, newText: m },
    }));
  }
  const routing = wordRange(text, position, /R?[A-Z]*$/);
  if (
    /^([A-Z])\1(?: +R[A-Z]*)+$/.test(before) ||
    /^R[A-Z]{3,6}(?: +R[A-Z]*)+$/.test(before) ||
    /^DE +R?[A-Z]*$/.test(before)
  )
    return routingItems(tables, routing, false);
  if (/^(?:TO|INFO|XMT) +R?[A-Z]*$/.test(before) || (/^R?[A-Z]*$/.test(before) && inAddressList(reader, position.line)))
    return routingItems(tables, routing, true);

  if (!before.trim() && cable) {
    const afterClassification =
      cable.classificationLine !== undefined &&
      rel > cable.classificationLine &&
      (cable.paragraphs[0]?.startLine ?? Infinity) > rel;
    if (afterClassification) return captionItems(tables, range);
    const afterHeader = cable.headerRange && rel > cable.headerRange.endLine && cable.classificationLine === undefined;
    if (afterHeader) return classificationItems(range);
  }
  return !text.trim() ? [newCableSnippet(now, range)] : [];
}

/** The line continues a TO/INFO/XMT list: the line above is an addressee line. */
function inAddressList(reader: CableReader, line: number): boolean {
  const cable = reader.model.cableAt(line - 1);
  const kind = cable?.lines[line - 1 - cable.startLine]?.kind;
  return kind === 'to' || kind === 'info' || kind === 'exempt' || kind === 'address';
}
