// The web extension: its bundles hold no Node modules, dist/browser/server.js answers LSP in a real web worker, and
// dist/browser/client.js loads in one (headless Chromium through playwright-core, page and workers served from a
// loopback HTTP server started here).
// The Chromium part is skipped, with a message, when /usr/bin/chromium is not installed; .ci/run installs it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type {
  DocumentSymbol,
  Hover,
  InitializeResult,
  MarkupContent,
  PublishDiagnosticsParams,
} from 'vscode-languageserver';
import type { CableAtResult, TablesParams } from '../../server/src/protocol';
import { readFixture } from '../support/fixtures';
import { projectRoot } from '../support/paths';

const browserClient = join(projectRoot, 'dist', 'browser', 'client.js');
const browserServer = join(projectRoot, 'dist', 'browser', 'server.js');

test('the browser bundles: a self-contained worker script, a web client that only requires vscode, both small', () => {
  const server = readFileSync(browserServer, 'utf8');
  assert.doesNotMatch(server, /\brequire\(/, 'the worker script requires nothing');
  assert.ok(server.includes('RUEHDBU'), 'the code tables are in the worker bundle');
  const requires = new Set(
    [...readFileSync(browserClient, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]),
  );
  assert.deepEqual([...requires], ['vscode']);
  for (const file of [browserServer, browserClient])
    assert.ok(statSync(file).size < 1_500_000, `${file} is ${statSync(file).size} bytes`);
});

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const skip = existsSync(CHROMIUM)
  ? false
  : `Chromium is not installed at ${CHROMIUM}: the web worker test is skipped (as root: apt-get install -y chromium; .ci/run does this)`;

describe('dist/browser/server.js in a web worker of headless Chromium', { skip, timeout: 120_000 }, () => {
  const seedUri = 'file:///fixtures/09DUSHANBE1151.cable';
  const seedText = readFixture('09DUSHANBE1151.cable');
  let http: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let initializeResult: InitializeResult;
  let firstDiagnostics: PublishDiagnosticsParams;

  /** A request from the page to the worker. */
  const request = <R>(method: string, params: unknown): Promise<R> =>
    page.evaluate(([m, p]) => (globalThis as any).lsp.request(m, p), [method, params] as const) as Promise<R>;

  /** Sends a notification and resolves with the next diagnostics published for `uri`. */
  const notifyForDiagnostics = (method: string, params: unknown, uri: string): Promise<PublishDiagnosticsParams> =>
    page.evaluate(
      ([m, p, u]) => {
        const lsp = (globalThis as any).lsp;
        const published = lsp.next('textDocument/publishDiagnostics', u);
        lsp.notify(m, p);
        return published;
      },
      [method, params, uri] as const,
    ) as Promise<PublishDiagnosticsParams>;

  const open = (uri: string, text: string) =>
    notifyForDiagnostics('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } }, uri);

  before(async () => {
    const pageHtml = readFileSync(join(projectRoot, 'test', 'web', 'page.html'));
    http = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml);
      } else if (req.url === '/server.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(browserServer));
      } else if (req.url === '/client.js' || req.url === '/clientCheck.js') {
        const file = req.url === '/client.js' ? browserClient : join(projectRoot, 'test', 'web', 'clientCheck.js');
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;

    // Loaded at run time from node_modules, not bundled into this test.
    const { chromium }: typeof import('playwright-core') = createRequire(__filename)('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    await page.goto(`http://127.0.0.1:${port}/`);

    initializeResult = await request<InitializeResult>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown'] },
        },
      },
    });
    await page.evaluate(() => (globalThis as any).lsp.notify('initialized', {}));
    firstDiagnostics = await open(seedUri, seedText);
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
  });

  test('initialize: the server announces itself and its features', () => {
    assert.equal(initializeResult.serverInfo?.name, 'cable-language-server');
    assert.ok(initializeResult.capabilities.hoverProvider && initializeResult.capabilities.documentSymbolProvider);
  });

  test('diagnostics are published on didOpen: the garbled paragraph signs of the seed', () => {
    assert.equal(firstDiagnostics.uri, seedUri);
    const garbled = firstDiagnostics.diagnostics
      .filter((d) => d.code === 'garbled-pilcrow')
      .map((d) => d.range.start.line);
    assert.deepEqual(garbled, [41, 45, 47]);
  });

  test('documentSymbol: the cable by its reference ID', async () => {
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
    assert.equal(symbols[0].name, '09DUSHANBE1151');
    assert.ok(symbols[0].children?.some((s) => s.name === 'Section 1 of 2'));
  });

  test('hover on the RUEHDBU routing indicator (line 4) names AMEMBASSY DUSHANBE', async () => {
    assert.equal(seedText.split('\n')[4].slice(3, 10), 'RUEHDBU');
    const hover = await request<Hover>('textDocument/hover', {
      textDocument: { uri: seedUri },
      position: { line: 4, character: 5 },
    });
    assert.match((hover.contents as MarkupContent).value, /AMEMBASSY DUSHANBE/);
  });

  test('cable/cableAt answers in the worker too', async () => {
    const result = await request<CableAtResult>('cable/cableAt', {
      textDocument: { uri: seedUri },
      position: { line: 30, character: 0 },
    });
    assert.deepEqual(
      [result.referenceId, result.classification?.level, result.precedence?.word],
      ['09DUSHANBE1151', 'CONFIDENTIAL', 'ROUTINE'],
    );
  });

  test('cable/tables: a user TAGS code becomes known and the diagnostics are published again', async () => {
    const uri = 'file:///work/own-tags.cable';
    const text = seedText.replace('[PREL](#) [PHUM](#)', '[PREL](#) [KXYZ](#)');
    const unknownTags = (params: PublishDiagnosticsParams) =>
      params.diagnostics.filter((d) => d.code === 'unknown-tag').length;
    assert.equal(unknownTags(await open(uri, text)), 1);
    const tables: TablesParams = { files: [{ name: 'tables/tags.tsv', text: 'code\tmeaning\nKXYZ\tOur program\n' }] };
    assert.equal(unknownTags(await notifyForDiagnostics('cable/tables', tables, uri)), 0);
  });

  test('the web client bundle loads in a worker without Node globals and exports activate and deactivate', async () => {
    const loaded = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const worker = new (globalThis as any).Worker('/clientCheck.js');
          worker.onmessage = ({ data }: { data: unknown }) => resolve(data);
          worker.onerror = (event: { message: string }) => resolve({ error: event.message });
        }),
    );
    assert.deepEqual(loaded, { activate: 'function', deactivate: 'function' });
  });

  test('no error in the page or the worker', async () => {
    const workerErrors = await page.evaluate(() => (globalThis as any).lsp.errors as string[]);
    assert.deepEqual([...pageErrors, ...workerErrors], []);
  });
});
