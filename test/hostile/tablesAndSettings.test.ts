// User tables and settings built to hurt: 125 000 TAGS codes (once a stack overflow in Math.max(...codes)), header
// cells that are names of Object.prototype, and rule levels such as "toString". Each within a time bound.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { createCableService } from '../../server/src/service/service';
import { StdioLspClient } from '../support/lspClient';
import { readFixture } from '../support/fixtures';

const URI = 'file:///09DUSHANBE1151.cable';
const CABLE = readFixture('09DUSHANBE1151.cable');

test('a table of 125 000 TAGS codes: diagnostics for every document, suggestions from it, within 10 s', () => {
  const started = performance.now();
  const service = createCableService();
  const rows = Array.from(
    { length: 125_000 },
    (_, k) => `Q${k.toString(36).toUpperCase().padStart(4, 'A')}\tUser ${k}`,
  );
  assert.deepEqual(service.setUserTables([{ name: 'huge.tsv', text: `code\tmeaning\n${rows.join('\n')}` }]), []);
  service.openDocument(URI, 1, CABLE.replace(/^TAGS: .*$/m, 'TAGS: PREL QAAAB QAAAAX'));
  const messages = service.diagnostics(URI).map((d) => String(d.message));
  assert.ok(
    messages.some((m) => /"QAAAAX": nearest known codes QAAAA/.test(m)),
    messages.join('\n'),
  );
  assert.ok(!messages.some((m) => m.includes('"QAAAB"')), 'a code of the user table is known');
  assert.ok(performance.now() - started < 10_000, `${performance.now() - started} ms`);
});

test('header cells named constructor or __proto__ name no column; the file is said to be ignored', () => {
  const service = createCableService();
  for (const header of ['constructor\tname', '__proto__\tmeaning', 'toString\tname']) {
    const problems = service.setUserTables([{ name: 't.tsv', text: `${header}\nRUEHAAA\tX\n` }]);
    assert.equal(problems.length, 1, header);
    assert.match(problems[0].message, /^the header row is .* The file is ignored\.$/);
  }
});

test('rule levels that are no level ("toString", "constructor") are ignored: every diagnostic keeps a severity', async () => {
  const client = new StdioLspClient();
  try {
    await client.connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions: {
        diagnostics: { rules: { 'unknown-tag': 'toString', 'missing-subject': 'constructor', 'header-order': 'off' } },
      },
    });
    await client.connection.sendNotification('initialized', {});
    const published = client.nextDiagnostics(URI, 1);
    await client.open(URI, CABLE.replace(/^TAGS: .*$/m, 'TAGS: PHUX'));
    const { diagnostics } = await published;
    const unknown = diagnostics.find((d) => d.code === 'unknown-tag');
    assert.equal(unknown?.severity, 2, JSON.stringify(unknown));
    assert.ok(diagnostics.every((d) => d.severity !== undefined));
  } finally {
    await client.shutdown();
  }
});
