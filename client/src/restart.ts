// The restart command's logic, apart from VS Code so that a test can drive it with a fake client.
import type { BaseLanguageClient, ErrorAction, ErrorHandler } from 'vscode-languageclient';

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

/**
 * The client's error handler: vscode-languageclient's own, but for a failed write (it has no count). A write fails when
 * the server has died and the close event is still to come; the default handler then shuts the client down, and a
 * client shutting down is not restarted. Continuing leaves the decision to the close event, which restarts the server
 * (up to 4 times in 3 minutes). `Continue` is `ErrorAction.Continue`, passed in: this module does not load `vscode`.
 */
export function restartingErrorHandler(defaults: () => ErrorHandler, Continue: ErrorAction.Continue): ErrorHandler {
  return {
    error: (error, message, count) =>
      count === undefined ? { action: Continue, handled: true } : defaults().error(error, message, count),
    closed: () => defaults().closed(),
  };
}
