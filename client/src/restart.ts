// The restart command's logic, apart from VS Code so that a test can drive it with a fake client.
import type { BaseLanguageClient } from 'vscode-languageclient';

/**
 * cable.restartServer. Stopping fails when the server has just died (the shutdown request dies with the connection) and
 * while the client restarts a dead server (a starting client refuses to stop): start all the same, or wait for that start.
 */
export async function restartServer(client: Pick<BaseLanguageClient, 'stop' | 'start'>): Promise<void> {
  try {
    await client.stop();
  } catch {
    // No server to stop politely (it died, or the client is starting one), or it did not answer in time: the client
    // kills a server process on a timeout (the web client ends its worker when it starts the next one).
  }
  await client.start();
}
