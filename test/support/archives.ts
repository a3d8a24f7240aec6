// Writes the fixture cables in the forms Cablegate is published in: one cables.csv (eight quoted fields a row,
// backslash escapes, a line end inside a field escaped, cited IDs separated by |) and the site's pages (cable/YYYY/MM/<ID>.html: the metadata
// table, the header and the body in two <pre> blocks, line ends as &#x000A;, paragraph signs as anchors).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CableMetadata } from '../../server/src/archive/archive';
import { CSV_COLUMNS } from '../../server/src/archive/csv';
import { CableModel } from '../../server/src/syntax/model';
import { fixtureNames, readFixture } from './fixtures';
import { fixturesDir } from './paths';

export interface PublishedCable {
  /** The fixture's text, as the .cable file holds it. */
  text: string;
  header: string;
  body: string;
  metadata: CableMetadata;
  /** Whether the metadata is the site's (else made up from the file name, for the forms only: no check reads it). */
  fromSite: boolean;
}

/**
 * Header and body of a cable text, split at the blank line after its routing header; all body when there is none
 * (texts in the raw cables.csv style, the header run into the body). `cableText(header, body)` gives the text back.
 */
export function splitCable(text: string): { header: string; body: string } {
  const headerRange = CableModel.parse(text).cables[0]?.headerRange;
  if (headerRange) {
    let lineEnd = -1;
    for (let line = 0; line <= headerRange.endLine && lineEnd < text.length; line++)
      lineEnd = text.indexOf('\n', lineEnd + 1);
    const blank = lineEnd === -1 ? -1 : text.indexOf('\n\n', lineEnd);
    if (blank > 0) return { header: text.slice(0, blank), body: text.slice(blank + 2) };
  }
  return { header: '', body: text };
}

interface SiteMetadata {
  created: string;
  released: string;
  classification: string;
  origin: string;
}

/** A metadata.json entry: test/fixtures nests the site's metadata (`{}` when none), test/fixtures/audit has it flat. */
type FixtureMetadata = { file: string; cablegate_metadata?: SiteMetadata } & Partial<SiteMetadata>;

/**
 * The fixture cables of `folder` (test/fixtures or a folder below it) with the metadata the site gave them (its
 * metadata.json), in file name order.
 */
export function publishedFixtures(folder = ''): PublishedCable[] {
  const dir = join(fixturesDir, folder);
  const known = new Map(
    (JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as FixtureMetadata[]).map((m) => [m.file, m]),
  );
  const names = folder
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.cable'))
        .sort()
    : fixtureNames();
  return names.map((name) => {
    const text = readFixture(join(folder, name));
    const entry = known.get(name);
    const site = [entry?.cablegate_metadata, entry].find((m) => m?.created) as SiteMetadata | undefined;
    const id = name.replace(/\.cable$/, '');
    return {
      text,
      ...splitCable(text),
      fromSite: site !== undefined,
      metadata: {
        id,
        created: site?.created ?? `20${id.slice(0, 2)}-01-01 00:00`,
        released: site?.released ?? '2010-12-01 00:00',
        classification: site?.classification ?? '',
        origin: site?.origin ?? '',
        references: [],
      },
    };
  });
}

/** A field: in double quotes, a backslash before a backslash, a quote and a line end. */
export function csvField(value: string): string {
  return `"${value.replace(/[\\"\n]/g, '\\$&')}"`;
}

/** `2009-02-05 09:09` as cables.csv writes it: `2/5/2009 9:09` (no leading zeros but the minutes'). */
function csvDate(created: string): string {
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(created)!;
  return `${Number(month)}/${Number(day)}/${year} ${Number(hour)}:${minute}`;
}

/** One row of cables.csv (with its line end). */
export function csvRow(cable: PublishedCable, row: number): string {
  const { metadata: m } = cable;
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    row: String(row),
    created: csvDate(m.created),
    id: m.id,
    origin: m.origin,
    classification: m.classification,
    references: (m.references ?? []).join('|'),
    header: cable.header,
    body: cable.body,
  };
  return CSV_COLUMNS.map((column) => csvField(values[column])).join(',') + '\n';
}

/** The whole cables.csv of `cables`, rows numbered from 1. */
export function cablesCsv(cables: readonly PublishedCable[]): string {
  return cables.map((cable, i) => csvRow(cable, i + 1)).join('');
}

function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#x000D;')
    .replace(/\n/g, '&#x000A;');
}

/** The site's page of a cable: the body's paragraph signs as anchors, as the site has them. */
export function cablePage(cable: PublishedCable): string {
  const { metadata: m } = cable;
  let paragraph = 0;
  const body = html(cable.body.replace(/\n$/, '')).replace(/¶/g, () => {
    paragraph++;
    return `<a id='par${paragraph}' href='#par${paragraph}'>¶</a>`;
  });
  const cells = [m.id, m.created, m.released ?? '', m.classification, m.origin].map(
    (value) => `<td>\n<a href='/x.html'>${html(value)}</a>\n</td>`,
  );
  return `<html>\n<body>\n<h3>Viewing cable ${m.id}</h3>\n<table class='cable'>\n<tr>\n<th>Reference ID</th>\n<th>Created</th>\n<th>Released</th>\n<th>Classification</th>\n<th>Origin</th>\n</tr>\n<tr>\n${cells.join('\n')}\n</tr>\n</table>\n<code><pre>${html(cable.header)}</pre></code>\n<code><pre>${body}</pre></code>\n</body>\n</html>\n`;
}

/** Where the site puts a cable's page: cable/YYYY/MM/<ID>.html, by its creation date. */
export function pagePath(cable: PublishedCable): string {
  const [year, month] = cable.metadata.created.split('-');
  return `cable/${year}/${month}/${cable.metadata.id}.html`;
}

/** Writes the pages of `cables` below `folder`; their paths. */
export function writeCablePages(folder: string, cables: readonly PublishedCable[]): string[] {
  return cables.map((cable) => {
    const path = join(folder, pagePath(cable));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, cablePage(cable));
    return path;
  });
}
