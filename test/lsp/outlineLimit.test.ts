// cable.outline.maxSymbols over stdio: from the client's configuration (VS Code) or initializationOptions (other
// editors); a cut outline is told once in a message and in the log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentSymbol, LogMessageParams, ShowMessageParams } from 'vscode-languageserver/node';
import { readFixture } from '../support/fixtures';
import { StdioLspClient } from '../support/lspClient';

const corpus = ['09DUSHANBE1151.cable', '08BERLIN643.cable', '00HARARE6677.cable'].map(readFixture).join('\n');

async function outlineWith(settings: { configuration?: unknown; initializationOptions?: unknown }, uris: string[]) {
  const client = new StdioLspClient();
  const shown: ShowMessageParams[] = [];
  const logged: LogMessageParams[] = [];
  client.connection.onNotification('window/showMessage', (params: ShowMessageParams) => void shown.push(params));
  client.connection.onNotification('window/logMessage', (params: LogMessageParams) => void logged.push(params));
  client.connection.onRequest('workspace/configuration', () => [settings.configuration]);
  await client.initialize({
    initializationOptions: settings.initializationOptions,
    capabilities: settings.configuration ? { workspace: { configuration: true } } : {},
  });
  const outlines: DocumentSymbol[][] = [];
  for (const uri of uris) {
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, corpus);
    await published;
    for (let request = 0; request < 2; request++)
      outlines.push(
        await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
      );
  }
  await client.shutdown();
  return { outlines, shown, cut: logged.filter((m) => m.message.includes('cable.outline.maxSymbols')) };
}

const count = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);

test('cable.outline.maxSymbols from the configuration: three cables and their first parts, told once', async () => {
  const { outlines, shown, cut } = await outlineWith({ configuration: { outline: { maxSymbols: 12 } } }, [
    'file:///a/dump.cable',
    'file:///a/other.cable',
  ]);
  for (const outline of outlines) {
    assert.equal(count(outline), 12);
    assert.deepEqual(
      outline.map((s) => s.name),
      ['09DUSHANBE1151', '08BERLIN643', '00HARARE6677'],
    );
  }
  assert.equal(shown.length, 1, 'one message to the user in a session');
  assert.match(
    shown[0].message,
    /^The outline of dump\.cable shows 12 of its \d+ symbols, taken level by level: the cables, then their parts/,
  );
  assert.equal(cut.length, 2, 'one log line a document');
});

test('cable.outline.maxSymbols from initializationOptions; the default keeps a small file whole', async () => {
  const limited = await outlineWith({ initializationOptions: { outline: { maxSymbols: 3 } } }, [
    'file:///b/dump.cable',
  ]);
  assert.deepEqual(
    limited.outlines[0].map((s) => [s.name, s.children]),
    [
      ['09DUSHANBE1151', undefined],
      ['08BERLIN643', undefined],
      ['00HARARE6677', undefined],
    ],
  );
  const total = Number(/of its (\d+) symbols/.exec(limited.cut[0].message)![1]);
  const whole = await outlineWith({}, ['file:///c/dump.cable']);
  assert.equal(count(whole.outlines[0]), total);
  assert.deepEqual([whole.shown, whole.cut], [[], []]);
});
