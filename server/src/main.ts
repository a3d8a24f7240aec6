// Node entry point (dist/server.js): `node dist/server.js --stdio`, or --node-ipc as VS Code starts it;
// createConnection picks the transport from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CONNECTION_OPTIONS, startServer } from './server';
import { nodeWorkspaceFiles } from './cableFiles/nodeFiles';

startServer(createConnection(ProposedFeatures.all, CONNECTION_OPTIONS), { files: nodeWorkspaceFiles });

// Last resort: a promise nobody waited for must not take the server down (Node ends the process on an unhandled rejection).
process.on('unhandledRejection', (reason) =>
  console.error(`Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`),
);
