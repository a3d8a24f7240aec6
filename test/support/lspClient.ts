// A minimal LSP client for tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it.
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import {
  createMessageConnection,
  InitializeResult,
  MessageConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { serverBundle } from './paths';

export class StdioLspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly diagnosticsWaiters: Array<(params: PublishDiagnosticsParams) => boolean> = [];
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [serverBundle, '--stdio']);
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      for (let i = this.diagnosticsWaiters.length - 1; i >= 0; i--) {
        if (this.diagnosticsWaiters[i](params)) this.diagnosticsWaiters.splice(i, 1);
      }
    });
    this.connection.listen();
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  async initialize(initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions,
      capabilities: {
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the first diagnostics published for `uri` (and `version`, when given). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      this.diagnosticsWaiters.push((params) => {
        if (params.uri !== uri || (version !== undefined && params.version !== version)) return false;
        resolve(params);
        return true;
      });
    });
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'cable', version, text },
    });
  }

  async shutdown(): Promise<void> {
    if (this.alive) {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
      await new Promise((resolve) => this.process.once('exit', resolve));
    }
    this.connection.dispose();
  }
}
