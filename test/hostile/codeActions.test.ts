// Documents built to hurt the quick fixes, over stdio as VS Code asks for them (code actions at every cursor move,
// "Fix all" on save): a TAGS line followed by 160 000 capitals, TAGS lines of thousands of unknown codes, 100 000
// false paragraph signs. Every request within a time and a memory bound, the server answering afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { Bounds, reportMeasured, withinBounds } from '../support/bounds';
import { StdioLspClient } from '../support/lspClient';
import { HEADER as ROUTING_HEADER } from '../support/pathological';
import { seededRandom } from '../support/random';

/**
 * For all the requests of a case (up to 214): quadratic work on these documents took minutes and gigabytes (V8 out of
 * memory after 39 s, 20 s a request); linear work answers each in well under 100 ms.
 */
const BOUNDS: Bounds = { ms: 25_000, mb: 600 };
const FIX_ALL = 'source.fixAll.cable';

const HEADER = [ROUTING_HEADER, 'C O N F I D E N T I A L DUSHANBE 001151', '', 'E.O. 12958: DECL: 10/16/2019'].join(
  '\n',
);

let client: StdioLspClient;

before(async () => {
  client = new StdioLspClient();
  // As VS Code: "Fix all" actions come without their edits, resolved when chosen.
  await client.initialize({
    capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
  });
});

after(async () => {
  reportMeasured();
  if (client.alive) await client.shutdown();
  else client.kill();
});

async function open(uri: string, text: string): Promise<Diagnostic[]> {
  const diagnostics = client.nextDiagnostics(uri, 1);
  await client.open(uri, text);
  return (await diagnostics).diagnostics;
}

const codeActions = (uri: string, line: number, only?: string[]) =>
  client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 200 } },
    context: { diagnostics: [], ...(only ? { only } : {}) },
  });

/** Code actions at each of `lines`, then "Fix all" for the file: every answer within the bounds. */
async function askEverywhere(what: string, uri: string, lines: number[]): Promise<CodeAction[]> {
  return withinBounds(what, client.pid, BOUNDS, async () => {
    for (const line of lines) await codeActions(uri, line);
    return codeActions(uri, 0, [FIX_ALL]);
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const title = (actions: CodeAction[]) => actions.map((a) => a.title);

test('160 000 capitals after a TAGS line: code actions at every line, no fix for a code too long to be one', async () => {
  const uri = 'file:///capitals.cable';
  const text = `${HEADER}\nTAGS: PREL PHUMBA\n${'A'.repeat(160_000)}\nSUBJECT: X\n\n1. (C) Text.`;
  await open(uri, text);
  const fixAll = await askEverywhere('code actions on a 160 000-capital TAGS line', uri, range(0, 15));
  assert.deepEqual(title(fixAll), ['Fix all certain cable problems']);
  assert.deepEqual(title(await codeActions(uri, 10)), ['Split into PHUM BA']);
  assert.deepEqual(await codeActions(uri, 11), []);
});

test('200 TAGS lines of 100 unknown codes: code actions at every line and "Fix all" within the bounds', async () => {
  const uri = 'file:///codes.cable';
  const random = seededRandom(18);
  const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + random() * 26)).join('');
  const lines = Array.from({ length: 200 }, () =>
    Array.from({ length: 100 }, (_, k) => (k % 3 ? letters(5 + (k % 36)) : `PHUM${letters(2)}`)).join(' '),
  );
  const text = `${HEADER}\nTAGS: ${lines.join('\n')}\nSUBJECT: X\n\n1. (C) Text.`;
  const diagnostics = await open(uri, text);
  assert.ok(diagnostics.filter((d) => d.code === 'unknown-tag').length > 15_000);
  await askEverywhere('code actions on 200 lines of unknown TAGS codes', uri, range(0, 213));
});

test('100 000 false paragraph signs: code actions at lines across the file, and "Fix all" in one pass', async () => {
  const uri = 'file:///pilcrows.cable';
  const count = 100_000;
  const body = Array.from({ length: count }, () => '¶16. the minister said more on October').join('\n');
  const text = `${HEADER}\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The minister met him on October\n${body}`;
  const diagnostics = await open(uri, text);
  assert.equal(diagnostics.filter((d) => d.code === 'false-paragraph-sign').length, count);
  const first = 15;
  const lines = [...range(0, first + 20), ...range(0, 50).map((k) => first + k * 2000)];
  const fixAll = await askEverywhere('code actions on 100 000 false paragraph signs', uri, lines);
  assert.equal(fixAll[0]?.edit?.changes?.[uri]?.length, count);
  const atSign = await codeActions(uri, first);
  assert.deepEqual(title(atSign), [
    'Remove the false paragraph sign',
    `Fix all false-paragraph-sign problems in the file (${count})`,
  ]);
  const resolved = await withinBounds('resolving "Fix all false-paragraph-sign"', client.pid, BOUNDS, () =>
    client.connection.sendRequest<CodeAction>('codeAction/resolve', atSign[1]),
  );
  assert.equal(resolved.edit?.changes?.[uri]?.length, count);
});

test('the server still answers', async () => {
  const uri = 'file:///after.cable';
  await open(uri, `${HEADER}\nTAGS: PREL PHUX\n`);
  assert.equal(title(await codeActions(uri, 10))[0], 'Change to PHUM');
  assert.ok(client.alive, client.stderr);
});
