// Cable: Restart Language Server (client/src/restart.ts) with a fake client: the states vscode-languageclient is in
// just after its server died, while it restarts one, and in the ordinary case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CloseAction, ErrorAction } from 'vscode-languageclient';
import { restartingErrorHandler, restartServer } from '../../client/src/restart';

function fakeClient(stop: () => Promise<void>, start: () => Promise<void> = async () => undefined) {
  const calls: string[] = [];
  return {
    calls,
    stop: () => (calls.push('stop'), stop()),
    start: () => (calls.push('start'), start()),
  };
}

test('a running server is stopped, then started', async () => {
  const client = fakeClient(async () => undefined);
  await restartServer(client);
  assert.deepEqual(client.calls, ['stop', 'start']);
});

test('a server that just died (the shutdown request fails) or a client still starting one: started all the same', async () => {
  for (const failure of [
    'Pending response rejected since connection got disposed',
    "Client is not running and can't be stopped. It's current state is: starting",
  ]) {
    const client = fakeClient(() => Promise.reject(new Error(failure)));
    await restartServer(client);
    assert.deepEqual(client.calls, ['stop', 'start'], failure);
  }
});

test('a start that fails reaches the user', async () => {
  const client = fakeClient(
    async () => undefined,
    () => Promise.reject(new Error('the server script is missing')),
  );
  await assert.rejects(restartServer(client), /the server script is missing/);
});

test('a failed write (a server that just died) continues, so that the close event restarts the server', async () => {
  // The enums' values (vscode-languageclient loads `vscode`, which a Node test does not have).
  const [Continue, Shutdown, Restart] = [
    1 as ErrorAction.Continue,
    2 as ErrorAction.Shutdown,
    2 as CloseAction.Restart,
  ];
  const defaults = { error: () => ({ action: Shutdown }), closed: () => ({ action: Restart }) };
  const handler = restartingErrorHandler(() => defaults, Continue);
  const pipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  assert.equal((await handler.error(pipe, undefined, undefined)).action, Continue);
  // Read errors keep the default (shut down after the fourth), and so does the close event.
  assert.equal((await handler.error(new Error('bad header'), undefined, 4)).action, Shutdown);
  assert.equal((await handler.closed()).action, Restart);
});
