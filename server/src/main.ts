// Node entry point (dist/server.js): `node dist/server.js --stdio`, or --node-ipc as VS Code starts it;
// createConnection picks the transport from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { nodeWorkspaceFiles } from './workspace/nodeFiles';

startServer(createConnection(ProposedFeatures.all), { files: nodeWorkspaceFiles });
