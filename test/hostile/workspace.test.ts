// A workspace built to hurt, indexed by the server as VS Code runs it: a FIFO and a link to /dev/zero named like
// cables, links leaving the folder, 1 GB sparse files, watcher events for files outside every folder. Each case within
// a time and a memory bound (test/support/bounds.ts), and navigation still answering afterwards.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType, SymbolInformation } from 'vscode-languageserver/node';
import { Bounds, reportMeasured, withinBounds } from '../support/bounds';
import { StdioLspClient } from '../support/lspClient';
import { syntheticCable } from '../support/synthetic';

/** Reading 1 GB, or /dev/zero for a second, costs far more; the server idles at about 60 MB. */
const BOUNDS: Bounds = { ms: 10_000, mb: 300 };

const root = mkdtempSync(join(tmpdir(), 'cable-hostile-'));
const workspace = join(root, 'workspace');
const outside = join(root, 'outside');
const uriOf = (...path: string[]) => pathToFileURL(join(...path)).href;
const cable = (serial: number, subject: string) => syntheticCable({ year: '09', post: 'MADRID', serial, subject });
let client: StdioLspClient;

before(
  async () => {
    mkdirSync(join(workspace, 'store'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(workspace, '09MADRID1.cable'), cable(1, 'SPAIN: AN ORDINARY CABLE'));
    writeFileSync(join(outside, '09MADRID666.cable'), cable(666, 'SPAIN: A SECRET OUTSIDE THE WORKSPACE'));
    // A link inside the folder is followed: a cable stored under another name.
    writeFileSync(join(workspace, 'store', 'cable.data'), cable(2, 'SPAIN: LINKED INSIDE'));
    symlinkSync(join(workspace, 'store', 'cable.data'), join(workspace, 'linked.cable'));
    // Present at start-up: each would hang or exhaust the indexing.
    execFileSync('mkfifo', [join(workspace, 'pipe.cable')]);
    symlinkSync('/dev/zero', join(workspace, 'zero.cable'));
    symlinkSync(join(outside, '09MADRID666.cable'), join(workspace, 'leak.cable'));
    truncateSync(join(writeEmpty(workspace, 'huge.cable')), 2 ** 30);
    writeFileSync(join(workspace, 'huge.txt'), 'VZCZCXRO1864\n');
    truncateSync(join(workspace, 'huge.txt'), 2 ** 30);
    client = new StdioLspClient();
    await client.initialize({
      workspaceFolder: pathToFileURL(workspace).href,
      capabilities: { window: { workDoneProgress: true } },
    });
    await withinBounds('start-up indexing', client.pid, BOUNDS, () => client.progressEnd());
  },
  { timeout: 30_000 },
);

after(async () => {
  reportMeasured();
  if (client.alive) await client.shutdown();
  else client.kill();
  rmSync(root, { recursive: true, force: true });
});

function writeEmpty(folder: string, name: string): string {
  writeFileSync(join(folder, name), '');
  return join(folder, name);
}

const symbols = (query: string) =>
  client.connection
    .sendRequest<SymbolInformation[]>('workspace/symbol', { query })
    .then((found) => found.map((s) => s.name.split(' ')[0]));
const watched = (uri: string, type = FileChangeType.Changed) =>
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

/** Sends watcher events, then asks for workspace symbols (which wait for the index): answered within the bounds. */
async function afterEvents(what: string, uris: string[], query: string): Promise<string[]> {
  return withinBounds(what, client.pid, BOUNDS, async () => {
    for (const uri of uris) await watched(uri);
    return symbols(query);
  });
}

test('start-up: the cables and the link inside the folder are indexed; the FIFO, /dev/zero, the link out and 1 GB files are not', async () => {
  assert.deepEqual((await symbols('09MADRID')).sort(), ['09MADRID1', '09MADRID2']);
  const warnings = client.logs.filter((line) => line.startsWith('2: Not indexed'));
  assert.ok(
    warnings.some((line) => /huge\.cable is 1024\.0 MB, more than the 64\.0 MB/.test(line)),
    warnings.join('\n'),
  );
});

test('watcher events for a FIFO and a link to /dev/zero: refused, and navigation answers', async () => {
  const found = await afterEvents(
    'events for pipe.cable and zero.cable',
    [uriOf(workspace, 'pipe.cable'), uriOf(workspace, 'zero.cable')],
    '09MADRID',
  );
  assert.deepEqual(found.sort(), ['09MADRID1', '09MADRID2']);
  assert.ok(client.logs.some((line) => /zero\.cable leads to \/dev\/zero, outside the workspace folders/.test(line)));
});

test('a FIFO that a new link inside the folder points to: no regular file, refused at once', async () => {
  execFileSync('mkfifo', [join(workspace, 'store', 'fifo')]);
  symlinkSync(join(workspace, 'store', 'fifo'), join(workspace, 'fifo-link.cable'));
  await afterEvents('event for a link to a FIFO', [uriOf(workspace, 'fifo-link.cable')], '09MADRID');
  assert.ok(
    client.logs.some((line) => /fifo-link\.cable is no regular file/.test(line)),
    client.logs.join('\n'),
  );
});

test('1 GB sparse files changed: the .cable refused by size, the .txt by size after its first bytes', async () => {
  const found = await afterEvents(
    'events for 1 GB files',
    [uriOf(workspace, 'huge.cable'), uriOf(workspace, 'huge.txt')],
    '09MADRID',
  );
  assert.deepEqual(found.sort(), ['09MADRID1', '09MADRID2']);
  // A 1 GB .txt that is no cable is never read beyond its head: no message, no time.
  writeFileSync(join(workspace, 'zeros.txt'), '');
  truncateSync(join(workspace, 'zeros.txt'), 2 ** 30);
  await afterEvents('event for a 1 GB .txt of zeros', [uriOf(workspace, 'zeros.txt')], '09MADRID');
  assert.ok(!client.logs.some((line) => line.includes('zeros.txt')), 'zeros.txt is no cable: nothing to say');
});

test('links leaving the folder, events outside every folder and paths with ..: never indexed', async () => {
  const escapes = [
    uriOf(workspace, 'leak.cable'),
    uriOf(outside, '09MADRID666.cable'),
    `${pathToFileURL(workspace).href}/../outside/09MADRID666.cable`,
    `${pathToFileURL(workspace).href}/%2E%2E/outside/09MADRID666.cable`,
    `${pathToFileURL(workspace).href}/store/../../outside/09MADRID666.cable`,
  ];
  assert.deepEqual(await afterEvents('events that leave the folder', escapes, '09MADRID666'), []);
  // The same cable copied into the folder is indexed: the events themselves work.
  writeFileSync(join(workspace, 'copy.cable'), cable(666, 'SPAIN: COPIED IN'));
  assert.deepEqual(await afterEvents('event for a copy inside', [uriOf(workspace, 'copy.cable')], '09MADRID666'), [
    '09MADRID666',
  ]);
  assert.ok(client.alive, client.stderr);
});
