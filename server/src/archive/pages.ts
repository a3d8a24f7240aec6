// The Cablegate site, one page per cable (cable/YYYY/MM/<ID>.html): a metadata table (reference ID, created, released,
// classification, origin), then two <pre> blocks, the routing header and the body. The cable text is the header block,
// a blank line, the body block and a line end, the blocks with their link markup reduced to its text (the paragraph
// anchors to their ¶) and their entities decoded (&#x000A; a line end). Pure: the page's text in, the cable out.
import { CableMetadata, cableText } from './archive';

/** Where a page sits in the site: cable/<year>/<month>/<reference ID>.html. */
// A name with a control character (a line end) is none: the index stores a page's path on a line.
// eslint-disable-next-line no-control-regex
export const PAGE_PATH = /(?:^|\/)cable\/\d{4}\/\d{2}\/[^/\u0000-\u001f]+\.html$/;

export interface CablePage {
  metadata: CableMetadata;
  text: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text between the tags (a `<` never closed is text). A loop: a pattern would rescan the rest at every `<`. */
function withoutMarkup(html: string): string {
  let text = '';
  let from = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', from)) {
    const close = html.indexOf('>', open);
    if (close === -1) break;
    text += html.slice(from, open);
    from = close + 1;
  }
  return text + html.slice(from);
}

/** Markup dropped (its text kept), entities decoded. */
function pageText(html: string): string {
  return withoutMarkup(html).replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi,
    (entity, hex?: string, decimal?: string, name?: string) => {
      if (name !== undefined) return NAMED[name.toLowerCase()] ?? entity;
      const code = parseInt(hex ?? decimal!, hex === undefined ? 10 : 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    },
  );
}

/** The metadata table: each heading's cell, by heading. */
function metadataTable(html: string): Map<string, string> {
  const cells = new Map<string, string>();
  const table = /<table[^>]*class=['"]cable['"][^>]*>([\s\S]*?)<\/table>/i.exec(html);
  if (!table) return cells;
  const text = (pattern: RegExp) => [...table[1].matchAll(pattern)].map((m) => pageText(m[1]).trim());
  const headings = text(/<th[^>]*>([\s\S]*?)<\/th>/gi);
  const values = text(/<td[^>]*>([\s\S]*?)<\/td>/gi);
  headings.forEach((heading, i) => cells.set(heading.toLowerCase(), values[i] ?? ''));
  return cells;
}

/** A page -> its cable, or why it is not a cable page. */
export function readCablePage(html: string): CablePage | string {
  const blocks = [...html.matchAll(/<pre[^>]*>([\s\S]*?)<\/pre>/gi)].map((m) => pageText(m[1]));
  if (blocks.length < 2)
    return `${blocks.length} <pre> block${blocks.length === 1 ? '' : 's'}, expected 2 (header and body)`;
  const table = metadataTable(html);
  const metadata: CableMetadata = {
    id: table.get('reference id') ?? '',
    created: table.get('created') ?? '',
    released: table.get('released'),
    classification: table.get('classification') ?? '',
    origin: table.get('origin') ?? '',
  };
  return { metadata, text: cableText(blocks[0], blocks[1]) + '\n' };
}
