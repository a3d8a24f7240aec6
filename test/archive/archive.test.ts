// The readers of the published forms: the fixture cables written as cables.csv and as the site's pages (test/support/
// archives.ts) read back to the same texts, with their metadata, byte offsets and file lines; broken rows skipped.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cableText } from '../../server/src/archive/archive';
import { csvFileLine, CsvCable, CsvReader, CsvRow, readCablesCsv } from '../../server/src/archive/csv';
import { readCablePage } from '../../server/src/archive/pages';
import { cablesCsv, csvField, csvRow, publishedFixtures, splitCable, writeCablePages } from '../support/archives';

const cables = publishedFixtures();
const csv = Buffer.from(cablesCsv(cables), 'utf8');

/** `bytes` as a stream of chunks of `size` bytes. */
async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of readCablesCsv(chunks)) rows.push(row);
  return rows;
}

const onlyCables = (rows: CsvRow[]) => rows.filter((row): row is CsvCable => row.kind === 'cable');

setFlagsFromString('--expose-gc');
/** A full garbage collection (node --test runs without --expose-gc): what is measured after it is what is held. */
const gc = runInNewContext('gc') as () => void;

/** The heap and array buffers held: after a collection, and another once the buffers freed have been swept. */
async function held(): Promise<number> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

test('the generator: every fixture splits into a header and a body that make its text again', () => {
  for (const cable of cables) assert.equal(cableText(cable.header, cable.body), cable.text, cable.metadata.id);
  // The split is at the blank line after the routing header, not at a blank line inside it.
  const ankara = cables.find((c) => c.metadata.id === '06ANKARA4688')!;
  assert.match(ankara.header, /^VZCZCXYZ0015\nPP RUEHWEB\n\nDE RUEHAK/);
  assert.match(ankara.body, /^C O N F I D E N T I A L ANKARA 004688/);
  // Texts in the raw cables.csv style (CRLF, header run into the body) have no header of their own.
  assert.deepEqual(splitCable('VZCZC\r\nDE X\r\n\r\nBODY'), { header: '', body: 'VZCZC\r\nDE X\r\n\r\nBODY' });
});

test('cables.csv: every fixture read back, whatever the chunk size, with its metadata', async () => {
  for (const size of [65536, 1000, 3]) {
    const rows = await readAll(chunksOf(csv, size));
    assert.equal(rows.length, cables.length, `chunks of ${size}`);
    rows.forEach((row, i) => {
      assert.equal(row.kind, 'cable');
      const { metadata, text } = row as CsvCable;
      assert.equal(text, cables[i].text, `${cables[i].metadata.id}, chunks of ${size}`);
      const { released: _, ...published } = cables[i].metadata;
      assert.deepEqual(metadata, { ...published, created: metadata.created, row: i + 1 });
      assert.match(metadata.created, /^\d\d?\/\d\d?\/\d{4} \d\d?:\d\d$/);
    });
  }
});

test('cables.csv: read through one buffer filled again and again (as the offset index reads), every row whole', () => {
  // A row going on into the next chunk is kept as a copy: once, a Buffer's slice() kept a view of the buffer instead,
  // and such rows came out malformed.
  for (const size of [65536, 1000]) {
    const reader = new CsvReader();
    const buffer = Buffer.alloc(size);
    const read: string[] = [];
    const take = (rows: CsvRow[]) => {
      for (const row of rows) read.push(row.kind === 'cable' ? row.text : `malformed: ${row.message}`);
    };
    for (let at = 0; at < csv.length; at += size) {
      const length = csv.copy(buffer, 0, at, at + size);
      take(reader.push(buffer.subarray(0, length)));
    }
    take(reader.end());
    assert.deepEqual(
      read,
      cables.map((c) => c.text),
      `chunks of ${size}`,
    );
  }
});

test('cables.csv: each row found again alone at its byte offset; every cable line on the file line given for it', async () => {
  const rows = onlyCables(await readAll(chunksOf(csv, 65536)));
  const fileLines = csv.toString('utf8').split('\n');
  let line = 1;
  for (const row of rows) {
    assert.equal(row.place.line, line, row.metadata.id);
    line +=
      csv
        .subarray(row.place.offset, row.place.offset + row.place.length)
        .toString()
        .split('\n').length - 1;
    const again = new CsvReader(row.place).push(csv.subarray(row.place.offset, row.place.offset + row.place.length));
    assert.deepEqual(again, [row]);
    row.text.split('\n').forEach((cableLine, k) => {
      const fileLine = fileLines[csvFileLine(row, k) - 1].replace(/\\(.)/g, '$1');
      assert.ok(fileLine.includes(cableLine), `${row.metadata.id} line ${k + 1}: "${cableLine}" not in "${fileLine}"`);
    });
  }
  assert.equal(rows.at(-1)!.place.offset + rows.at(-1)!.place.length, csv.length);
});

test('cables.csv: malformed rows are reported with their file line and skipped, the rest read', async () => {
  const [a, b, c] = cables;
  const rowA = csvRow(a, 1);
  const sevenFields = '"2","01/01/2009 00:00","09X1","Embassy X","SECRET","","HEADER"\n';
  const afterTheQuote = '"3","01/01/2009 00:00"x,"09X2","","","","",""\n';
  const unterminated = '"4","01/01/2009 00:00","09X3","Embassy X","SECRET","","HEADER","BODY \\\nGOES ON\n';
  const text = [rowA, sevenFields, afterTheQuote, unterminated, '\n', csvRow(b, 5), csvRow(c, 6).trimEnd()].join('');
  const rows = await readAll(chunksOf(Buffer.from(text), 7));
  const lineOf = (prefix: string) => text.slice(0, text.indexOf(prefix)).split('\n').length;
  assert.deepEqual(
    rows.map((row) => (row.kind === 'cable' ? row.metadata.id : `${row.place.line}: ${row.message}`)),
    [
      a.metadata.id,
      `${lineOf(sevenFields)}: 7 fields, expected 8`,
      `${lineOf(afterTheQuote)}: a character after the closing quote of field 2`,
      `${lineOf(unterminated)}: unterminated quote in field 8`,
      b.metadata.id,
      c.metadata.id, // the last row without its line end
    ],
  );
  assert.equal((rows[4] as CsvCable).text, b.text);
  assert.equal(rows[4].place.line, lineOf(csvRow(b, 5)));
});

test('cables.csv: a row longer than a cable file may be is counted, not held, reported, and reading goes on', async () => {
  const [a, b] = cables;
  const reader = new CsvReader();
  const rows = reader.push(Buffer.from(csvRow(a, 1) + '"2","'));
  // No row end for 65 MB (a quote opened, then text without a line end): the same 1 MB chunk pushed again and again.
  // The reader keeps copies of them up to 64 MB, then drops them and only counts: nothing of the row is held after.
  const chunk = Buffer.alloc(1048576, 'x');
  chunk[100] = 0x0a; // an escaped line end: part of the row, counted in its lines
  chunk[99] = 0x5c;
  const before = await held();
  for (let i = 0; i < 65; i++) rows.push(...reader.push(chunk));
  const grown = (await held()) - before;
  rows.push(...reader.push(Buffer.from('"\n' + csvRow(b, 3))), ...reader.end());
  assert.ok(grown < 16 * 1048576, `memory grew by ${(grown / 1048576).toFixed(0)} MB`);
  const lineOfB = csvRow(a, 1).split('\n').length + 65 + 1;
  assert.deepEqual(
    rows.map((row) =>
      row.kind === 'cable' ? `${row.place.line}: ${row.metadata.id}` : `${row.place.line}: ${row.message}`,
    ),
    [
      `1: ${a.metadata.id}`,
      `${lineOfB - 66}: a row of more than 64 MB, the most a cable file may have (a quote or a backslash out of place?)`,
      `${lineOfB}: ${b.metadata.id}`,
    ],
  );
  assert.equal((rows[2] as CsvCable).text, b.text);
  assert.equal(rows[2].place.offset, Buffer.byteLength(csvRow(a, 1)) + 5 + 65 * 1048576 + 2);
});

test('cables.csv: an unterminated quote at the start of a file is its row only: the next row end closes it', async () => {
  const rest = cablesCsv(cables.slice(0, 3));
  const rows = await readAll(chunksOf(Buffer.from('"1","01/01/2009 00:00","09X1 never closed\n' + rest), 4096));
  assert.deepEqual(
    rows.map((row) => (row.kind === 'cable' ? row.metadata.id : `${row.place.line}: ${row.message}`)),
    ['1: unterminated quote in field 3', ...cables.slice(0, 3).map((c) => c.metadata.id)],
  );
});

test("cables.csv: the release's own shapes: unpadded dates, cited IDs separated by |", () => {
  const text =
    '"2","2/25/1972 9:30","72TEHRAN1164","Embassy Tehran","UNCLASSIFIED","72MOSCOW1603|72TEHRAN1091|72TEHRAN263","","R 250930Z FEB 72"\n';
  const [row] = new CsvReader().push(Buffer.from(text)) as CsvCable[];
  assert.equal(row.metadata.created, '2/25/1972 9:30');
  assert.deepEqual(row.metadata.references, ['72MOSCOW1603', '72TEHRAN1091', '72TEHRAN263']);
});

test('cables.csv: a backslash escapes the next byte, across chunk boundaries too', async () => {
  const fields = ['1', 'd', 'ID', 'o', 'c', 'r', 'A \\ B "q"\nC\\', 'end\\\\\n'];
  const text = fields.map(csvField).join(',') + '\n';
  for (let size = 1; size <= 4; size++) {
    const [row] = onlyCables(await readAll(chunksOf(Buffer.from(text), size)));
    assert.equal(row.text, 'A \\ B "q"\nC\\\n\nend\\\\\n');
    assert.equal(row.bodyLine, 2); // the header's one line end
  }
});

test('cables.csv: memory stays flat however long the file', async () => {
  async function* repeated(times: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < times; i++) yield* chunksOf(csv, 65536);
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let count = 0;
  for await (const row of readCablesCsv(repeated(40))) {
    if (row.kind === 'cable') count++;
    if (count % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  assert.equal(count, cables.length * 40);
  // 40 times the CSV (about 80 MB) read; far less than that ever held.
  assert.ok(peak - before < 48 * 1048576, `heap grew by ${((peak - before) / 1048576).toFixed(0)} MB`);
});

test("the site's pages: each page gives back the fixture's text (with a final line end) and the page's metadata", () => {
  const folder = mkdtempSync(join(tmpdir(), 'cable-pages-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const paths = writeCablePages(folder, cables);
  paths.forEach((path, i) => {
    const page = readCablePage(readFileSync(path, 'utf8'));
    assert.ok(typeof page !== 'string', page as string);
    const expected = cables[i].text.endsWith('\n') ? cables[i].text : cables[i].text + '\n';
    assert.equal(page.text, expected, cables[i].metadata.id);
    const { references: _, ...metadata } = cables[i].metadata;
    assert.deepEqual(page.metadata, metadata);
  });
  assert.match(paths[0], /cable\/2000\/11\/00HARARE6677\.html$/);
});

test("the site's pages: markup reduced to its text, entities decoded; a page without its two blocks is refused", () => {
  const page = readCablePage(
    "<pre>VZCZC&#x000A;DE RUEHC</pre><pre>TAGS: <a href='/tag/PREL_0.html'>PREL</a>&#x000A;" +
      "<a id='par1' href='#par1'>¶</a>1. A &amp; B &lt;C&gt; &#39;D&#39; &unknown;</pre>",
  );
  assert.ok(typeof page !== 'string');
  assert.equal(page.text, "VZCZC\nDE RUEHC\n\nTAGS: PREL\n¶1. A & B <C> 'D' &unknown;\n");
  assert.equal(readCablePage('<html><pre>only one</pre></html>'), '1 <pre> block, expected 2 (header and body)');
});
