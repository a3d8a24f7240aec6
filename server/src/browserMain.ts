// Web worker entry point (dist/browser/server.js, for the web extension): the LSP connection over the worker's
// postMessage, the same wiring as on Node (server.ts). Nothing here or below may import a Node module.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { CONNECTION_OPTIONS, startServer } from './server';

/** The worker's global scope (`self`); the server's tsconfig has no WebWorker library. */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(
  new BrowserMessageReader(scope),
  new BrowserMessageWriter(scope),
  CONNECTION_OPTIONS,
);
// After shutdown and exit the worker ends itself (a restart of the client starts a new one).
connection.onExit(() => (globalThis as unknown as { close(): void }).close());
startServer(connection);
