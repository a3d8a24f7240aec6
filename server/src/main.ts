// Node entry point (dist/server.js): `node dist/server.js --stdio`, or --node-ipc as VS Code starts it;
// createConnection picks the other transports from the command line.
import { format } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import {
  Connection,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { CONNECTION_OPTIONS, startServer } from './server';
import { nodeWorkspaceFiles } from './cableFiles/nodeFiles';
import { ArchiveShelf } from './archive/nodeArchive';

/**
 * Over stdio the reader is ours, so that a frame it cannot read (a header without Content-Length) is said on stderr:
 * the library's own reader stops reading there without a word. What the library does for --stdio is done here too:
 * console output goes to the client's log (stdout carries the protocol), and the end of stdin ends the server.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) =>
    process.stderr.write(
      `cable-language-server: a message from the client cannot be read (${error.message.replace(/\s+/g, ' ')}); nothing after it can be.\n`,
    ),
  );
  const connection = createConnection(
    ProposedFeatures.all,
    reader,
    new StreamMessageWriter(process.stdout),
    CONNECTION_OPTIONS,
  );
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(shutdown ? 0 : 1));
  return connection;
}

// V8 learns at the first parse that the model's objects live long (the whole document's lines, tokens, paragraphs) and
// from then on allocates them straight in the old generation. A keystroke rebuilds one cable with the same code, and
// the cable it replaces is garbage at once: made in the old generation, it costs a full collection of the whole heap
// (the document's model) to reclaim. Without that guess a keystroke costs half as much (BENCHMARKS.md, issue 19); the
// parse and the lint do not change.
setFlagsFromString('--no-allocation-site-pretenuring');

const connection = process.argv.includes('--stdio')
  ? stdioConnection()
  : createConnection(ProposedFeatures.all, CONNECTION_OPTIONS);
// Folders of scheme cablegate are the archives the extension shows (nodeArchive.ts); every other folder is read from disk.
const archives = new ArchiveShelf((message) => connection.console.error(message));
startServer(connection, {
  files: archives.workspaceFiles(nodeWorkspaceFiles),
  setArchives: (list) => archives.setArchives(list),
  archiveMetadata: (uri) => archives.metadataOf(uri),
});

// Last resort: a promise nobody waited for must not take the server down (Node ends the process on an unhandled rejection).
process.on('unhandledRejection', (reason) =>
  console.error(`Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`),
);
