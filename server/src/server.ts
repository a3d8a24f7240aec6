// The only file that knows the LSP connection: capabilities, document sync, request -> provider.
// `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it) picks the transport from argv.
import { createConnection, InitializeResult, ProposedFeatures, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { OpenDocuments } from './workspace/documents';

const connection = createConnection(ProposedFeatures.all);
const documents = new OpenDocuments();

connection.onInitialize(
  (): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    },
    serverInfo: { name: 'cable-language-server', version: '0.1.0' },
  }),
);

connection.onDidOpenTextDocument(({ textDocument }) => {
  documents.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
});
connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  documents.update(textDocument.uri, contentChanges, textDocument.version);
});
connection.onDidCloseTextDocument(({ textDocument }) => documents.close(textDocument.uri));

connection.listen();
