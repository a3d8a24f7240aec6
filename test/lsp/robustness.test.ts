// The server under abuse, over stdio as any editor runs it: binary input, a 50 MB document, a 1 MB line, CRLF and
// Latin-1 mojibake, positions past the end, unknown documents, malformed params and malformed JSON. Every request is
// answered (a result, or an LSP error with a code) within a deadline, results lie inside the document as the client
// holds it, and the server is alive at the end.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { DocumentSymbol, FoldingRange, Hover, ResponseError, SemanticTokens } from 'vscode-languageserver/node';
import { corpusOfSize } from '../support/corpus';
import { readFixture } from '../support/fixtures';
import {
  assertDiagnosticsInside,
  assertFoldingInside,
  assertHoverInside,
  assertSemanticTokensInside,
  assertSymbolsInside,
  linesOf,
} from '../support/inside';
import { StdioLspClient } from '../support/lspClient';
import { seededRandom } from '../support/random';
import { applyToText } from '../support/textEdits';

let client: StdioLspClient;

before(async () => {
  client = new StdioLspClient();
  await client.initialize();
});

after(async () => {
  if (client.alive) await client.shutdown();
  else client.kill();
});

/** The promise's value, or a failure when it does not settle in time (a server that died answers nothing). */
async function within<T>(promise: Promise<T>, what: string, deadline = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(
        () => reject(new Error(`${what}: nothing within ${deadline} ms (server alive: ${client.alive})`)),
        deadline,
      )),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A request's answer: its result, or the LSP error it was answered with. Fails when no answer comes in time. */
async function answer<T>(
  method: string,
  params: unknown,
  deadline = 20_000,
): Promise<{ result?: T; error?: ResponseError<unknown> }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => reject(new Error(`${method}: no answer within ${deadline} ms`)), deadline)),
  );
  try {
    const result = await Promise.race([client.connection.sendRequest<T>(method, params), timeout]);
    return { result };
  } catch (error) {
    if (error instanceof ResponseError) {
      assert.equal(typeof error.code, 'number');
      return { error };
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function result<T>(method: string, params: unknown): Promise<T> {
  const { result: value, error } = await answer<T>(method, params);
  assert.equal(error, undefined, `${method} failed: ${error?.message}`);
  return value as T;
}

/** Opens a document (version 1) and waits for its first diagnostics; checks them against the text as sent. */
async function open(uri: string, text: string): Promise<void> {
  const diagnostics = client.nextDiagnostics(uri, 1);
  await client.open(uri, text, 1);
  assertDiagnosticsInside(linesOf(text), (await within(diagnostics, `diagnostics of ${uri}`)).diagnostics);
}

/** Every request the server offers on a document, at positions in it and past its end; every result inside it. */
async function askEverything(uri: string, text: string): Promise<void> {
  const lines = linesOf(text);
  const textDocument = { uri };
  assertSymbolsInside(lines, await result<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument }));
  assertFoldingInside(lines, await result<FoldingRange[]>('textDocument/foldingRange', { textDocument }));
  const full = await result<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
  assertSemanticTokensInside(lines, full.data);
  const delta = await result<{ edits?: unknown[] }>('textDocument/semanticTokens/full/delta', {
    textDocument,
    previousResultId: full.resultId,
  });
  assert.deepEqual(delta.edits, []);
  const last = lines.lineCount - 1;
  for (const range of [
    { start: { line: 0, character: 0 }, end: { line: last, character: 0 } },
    { start: { line: last, character: 5 }, end: { line: last + 1000, character: 10 ** 9 } },
  ]) {
    assertSemanticTokensInside(
      lines,
      (await result<SemanticTokens>('textDocument/semanticTokens/range', { textDocument, range })).data,
    );
  }
  const random = seededRandom(text.length);
  const positions = [
    { line: 0, character: 0 },
    { line: last, character: lines.lineText(last).length },
    { line: last + 1, character: 0 },
    { line: 10 ** 9, character: 10 ** 9 },
    { line: 0, character: 10 ** 9 },
    ...Array.from({ length: 20 }, () => {
      const line = Math.floor(random() * lines.lineCount);
      return { line, character: Math.floor(random() * (lines.lineText(line).length + 1)) };
    }),
  ];
  for (const position of positions)
    assertHoverInside(lines, await result<Hover | null>('textDocument/hover', { textDocument, position }), position);
}

test('binary input: random bytes as Latin-1, control characters, lone surrogates', async () => {
  const random = seededRandom(7);
  const bytes = Buffer.from(Array.from({ length: 20_000 }, () => Math.floor(random() * 256)));
  const text =
    bytes.toString('latin1') +
    '\ud800\udfff\ud83d' +
    String.fromCharCode(...Array.from({ length: 32 }, (_, k) => k)) +
    '\uFFFE\uFFFF';
  await open('file:///binary.cable', text);
  await askEverything('file:///binary.cable', text);
});

test('a 50 MB corpus document: opened, asked, edited in the middle', async () => {
  const uri = 'file:///corpus-50.cable';
  const text = corpusOfSize(50);
  await open(uri, text);
  const lines = linesOf(text);
  const middle = Math.floor(lines.lineCount / 2);
  assertHoverInside(
    lines,
    await result<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: middle, character: 3 },
    }),
    { line: middle, character: 3 },
  );
  assertSemanticTokensInside(
    lines,
    (
      await result<SemanticTokens>('textDocument/semanticTokens/range', {
        textDocument: { uri },
        range: { start: { line: middle, character: 0 }, end: { line: middle + 200, character: 0 } },
      })
    ).data,
  );
  assert.ok((await result<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).length > 3000);
  const edited = client.nextDiagnostics(uri, 2);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: 'VZCZCXRO1864\n' },
    ],
  });
  await within(edited, 'diagnostics after the edit');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('a 1 MB single line, edited in its middle', async () => {
  const uri = 'file:///one-line.cable';
  const text = '¶1. (C) ' + 'The minister said XXXXXX and SIPDIS (Note: x) End Note. '.repeat(18_000);
  await open(uri, text);
  await askEverything(uri, text);
  const edited = client.nextDiagnostics(uri, 2);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: { line: 0, character: 500_000 }, end: { line: 0, character: 500_010 } }, text: '\n¶2. ' },
    ],
  });
  await within(edited, 'diagnostics after the edit');
  await askEverything(uri, text.slice(0, 500_000) + '\n¶2. ' + text.slice(500_010));
});

test('CRLF and Latin-1 mojibake (Â¶, Ã©, U+FFFD) documents', async () => {
  const crlf = readFixture('09DUSHANBE1151.cable').replace(/\r?\n/g, '\r\n');
  await open('file:///crlf.cable', crlf);
  await askEverything('file:///crlf.cable', crlf);
  const mojibake =
    Buffer.from(readFixture('09DUSHANBE1151.cable'), 'utf8').toString('latin1').replace(/\n/g, '\r\n') +
    '\rÃ©tÃ© \uFFFD5. (C) text\r';
  await open('file:///mojibake.cable', mojibake);
  await askEverything('file:///mojibake.cable', mojibake);
});

test('edits past the end, reversed, and huge pastes keep the server in step with the text', async () => {
  const uri = 'file:///edits.cable';
  let text = readFixture('07BERN881.cable');
  await open(uri, text);
  const changes = [
    { range: { start: { line: 10 ** 6, character: 0 }, end: { line: 10 ** 6, character: 5 } }, text: '\nTAGS: PREL\n' },
    { range: { start: { line: 3, character: 10 ** 6 }, end: { line: 3, character: 10 ** 6 } }, text: ' END' },
    { range: { start: { line: 6, character: 0 }, end: { line: 4, character: 0 } }, text: '' },
    { range: { start: { line: -3, character: 4 }, end: { line: 0, character: 2 } }, text: 'VZ' },
    { range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, text: 'x\n'.repeat(150_000) },
  ];
  let version = 1;
  for (const change of changes) {
    version++;
    const pushed = client.nextDiagnostics(uri, version);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    assertDiagnosticsInside(
      linesOf((text = applyToText(text, change))),
      (await within(pushed, `diagnostics of version ${version}`)).diagnostics,
    );
  }
  await askEverything(uri, text);
});

test('requests for unknown documents are answered with InvalidParams, notifications for them ignored', async () => {
  const textDocument = { uri: 'file:///nowhere.cable' };
  for (const [method, params] of [
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/hover', { textDocument, position: { line: 0, character: 0 } }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/semanticTokens/full', { textDocument }],
    ['textDocument/semanticTokens/full/delta', { textDocument, previousResultId: '1' }],
    [
      'textDocument/semanticTokens/range',
      { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } },
    ],
  ] as const) {
    const { error } = await answer(method, params);
    assert.equal(error?.code, -32602, `${method}: ${error?.message}`);
  }
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { ...textDocument, version: 2 },
    contentChanges: [{ text: 'x' }],
  });
  await client.connection.sendNotification('textDocument/didClose', { textDocument });
  assert.ok(client.alive, client.stderr);
});

test('malformed params: every request answered with a result or an LSP error, and the server survives', async () => {
  const uri = 'file:///good.cable';
  const text = readFixture('09DUSHANBE1151.cable');
  await open(uri, text);
  const methods = [
    'textDocument/documentSymbol',
    'textDocument/foldingRange',
    'textDocument/semanticTokens/full',
    'textDocument/semanticTokens/full/delta',
    'textDocument/semanticTokens/range',
    'textDocument/hover',
    'textDocument/completion',
    'textDocument/codeAction',
    'textDocument/documentLink',
    'textDocument/definition',
    'textDocument/references',
    'cable/cableAt',
  ];
  const needPosition = ['/range', '/hover', '/completion', '/codeAction', '/definition', '/references', '/cableAt'];
  for (const method of methods) {
    for (const params of [
      undefined,
      null,
      42,
      'x',
      [],
      {},
      { textDocument: null },
      { textDocument: 42 },
      { textDocument: { uri: 42 } },
      { textDocument: { url: uri } },
    ]) {
      const { error } = await answer(method, params);
      assert.equal(
        error?.code,
        -32602,
        `${method} ${JSON.stringify(params)}: ${error?.message ?? 'answered with a result'}`,
      );
    }
    // A good document without the other params: a result, or InvalidParams for what is missing.
    const { error } = await answer(method, { textDocument: { uri } });
    assert.equal(
      error?.code,
      needPosition.some((suffix) => method.endsWith(suffix)) ? -32602 : undefined,
      `${method}: ${error?.message}`,
    );
  }
  // Positions anywhere, for the requests that take one: answered, never an internal error.
  for (const method of [
    'textDocument/completion',
    'textDocument/definition',
    'textDocument/references',
    'cable/cableAt',
  ]) {
    for (const position of [
      { line: 0, character: 0 },
      { line: 10 ** 9, character: 10 ** 9 },
      { line: -1, character: -1 },
      { line: 4, character: 10 ** 6 },
      { line: 1.5, character: 0.5 },
    ]) {
      const { error } = await answer(method, {
        textDocument: { uri },
        position,
        context: { includeDeclaration: true },
      });
      assert.ok(!error || error.code === -32602, `${method} at ${JSON.stringify(position)}: ${error?.message}`);
    }
  }
  for (const params of [undefined, null, {}, { query: 42 }, { query: 'MADRID' }, { query: '' }]) {
    const { error } = await answer('workspace/symbol', params);
    assert.ok(!error || error.code === -32602, `workspace/symbol ${JSON.stringify(params)}: ${error?.message}`);
  }
  for (const params of [undefined, null, 42, { tables: 'x' }, { tables: [null, 42, { name: 1 }] }])
    await client.connection.sendNotification('cable/tables', params);
  for (const position of [
    'x',
    null,
    {},
    { line: 'a', character: 'b' },
    { line: -1, character: -1 },
    { line: 1.5, character: 2.5 },
    { line: NaN },
    [1, 2],
  ]) {
    const { result: value, error } = await answer<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position,
    });
    if (!error) assertHoverInside(linesOf(text), value ?? null, { line: 0, character: 0 });
  }
  for (const range of [
    'x',
    null,
    { start: 'x', end: 'y' },
    { start: { line: 5, character: 0 }, end: { line: 2, character: 0 } },
    { start: { line: -4, character: -1 }, end: { line: 1e9, character: 1e9 } },
  ]) {
    const { result: value, error } = await answer<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range,
    });
    if (!error) assertSemanticTokensInside(linesOf(text), value!.data);
  }
  // Malformed notifications: no answer is due, but the document must stay as it was.
  for (const params of [
    undefined,
    null,
    {},
    { textDocument: { uri } },
    { textDocument: { uri, version: 9 }, contentChanges: 'garbage' },
    { textDocument: { uri, version: 9 }, contentChanges: [{ range: 'x', text: 5 }, null, 7] },
    { contentChanges: [] },
  ]) {
    await client.connection.sendNotification('textDocument/didChange', params);
  }
  for (const params of [
    undefined,
    null,
    {},
    { textDocument: { uri: 'file:///x.cable' } },
    { textDocument: { uri: 'file:///x.cable', text: 42 } },
  ]) {
    await client.connection.sendNotification('textDocument/didOpen', params);
    await client.connection.sendNotification('textDocument/didClose', params);
  }
  const { error } = await answer('cable/noSuchRequest', {});
  assert.equal(error?.code, -32601);
  await askEverything(uri, text);
  assert.ok(client.alive, client.stderr);
});

test('malformed JSON on the wire, then a well-formed request: answered', async () => {
  const body = '{"jsonrpc":"2.0","id":9999,"method":"textDocument/hover","params":{not json}}';
  client.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const wrong = '{"jsonrpc":"2.0","id":"abc","method":42}';
  client.writeRaw(`Content-Length: ${Buffer.byteLength(wrong)}\r\n\r\n${wrong}`);
  await askEverything('file:///good.cable', readFixture('09DUSHANBE1151.cable'));
  assert.ok(client.alive, client.stderr);
});

/** A server of its own, written to by hand (the test client cannot send a literal null, nor a broken header). */
function rawServer() {
  const server = spawn(process.execPath, ['dist/server.js', '--stdio']);
  const frame = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };
  const read = (stream: NodeJS.ReadableStream, done: (seen: string) => boolean) =>
    new Promise<string>((resolve) => {
      let seen = '';
      stream.on('data', (chunk) => {
        seen += chunk;
        if (done(seen)) resolve(seen);
      });
    });
  server.stdin.write(frame({ id: 1, method: 'initialize', params: { capabilities: {} } }));
  return { server, frame, read };
}

test(
  '"params": null on the wire (as a client may write it): InvalidParams, never an internal error',
  { timeout: 20_000 },
  async () => {
    const { server, frame, read } = rawServer();
    const methods = ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/codeAction', 'cable/cableAt'];
    const answered = read(server.stdout, (seen) => methods.every((_, k) => seen.includes(`"id":${k + 2},`)));
    methods.forEach((method, k) => server.stdin.write(frame({ id: k + 2, method, params: null })));
    try {
      const output = await answered;
      const codes = new Map(
        [...output.matchAll(/{"jsonrpc":"2.0","id":(\d+),"error":{"code":(-?\d+)/g)].map((m) => [
          Number(m[1]),
          Number(m[2]),
        ]),
      );
      for (const [k, method] of methods.entries()) assert.equal(codes.get(k + 2), -32602, `${method}: ${output}`);
    } finally {
      server.kill();
    }
  },
);

test('a header without Content-Length: said on stderr, where the editor logs it', { timeout: 20_000 }, async () => {
  const { server, read } = rawServer();
  const said = read(server.stderr, (seen) => seen.includes('\n'));
  server.stdin.write('Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}');
  try {
    assert.match(
      await said,
      /a message from the client cannot be read \(Header must provide a Content-Length property/,
    );
  } finally {
    server.kill();
  }
});

test('a burst of pipelined edits and requests: every request answered, diagnostics of the last version pushed', async () => {
  const uri = 'file:///burst.cable';
  const text = readFixture('09STATE119085.cable');
  await open(uri, text);
  const pending: Array<Promise<unknown>> = [];
  const last = client.nextDiagnostics(uri, 201);
  for (let version = 2; version <= 201; version++) {
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line: 30, character: 0 }, end: { line: 30, character: 0 } },
          text: version % 10 === 9 ? '\n' : 'x',
        },
      ],
    });
    pending.push(
      answer('textDocument/hover', { textDocument: { uri }, position: { line: 30, character: 1 } }),
      answer('textDocument/documentSymbol', { textDocument: { uri } }),
    );
  }
  await within(Promise.all(pending), 'answers to the burst');
  await within(last, 'diagnostics of the last version');
  assert.ok(client.alive, client.stderr);
});

test('a client whose configuration requests fail or return garbage: the server keeps running', async () => {
  const other = new StdioLspClient();
  try {
    let configurationRequests = 0;
    other.connection.onRequest('client/registerCapability', () => null);
    other.connection.onRequest('workspace/configuration', () => {
      configurationRequests++;
      if (configurationRequests % 2 === 1) throw new ResponseError(-32603, 'no configuration here');
      return ['garbage', { diagnostics: { rules: 'x' } }];
    });
    await within(
      other.connection.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
        initializationOptions: { diagnostics: { rules: 42 } },
      }),
      'initialize',
    );
    await other.connection.sendNotification('initialized', {});
    for (let k = 0; k < 4; k++)
      await other.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///configured.cable';
    const diagnostics = other.nextDiagnostics(uri, 1);
    await other.open(uri, readFixture('09DUSHANBE1151.cable'));
    assert.ok((await within(diagnostics, 'diagnostics with failing configuration requests')).diagnostics.length > 0);
    await within(other.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), 'outline');
    assert.ok(configurationRequests >= 2, `${configurationRequests} configuration requests`);
    assert.ok(other.alive, other.stderr);
  } finally {
    if (other.alive) await other.shutdown();
    else other.kill();
  }
});
