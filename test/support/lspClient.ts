// A minimal LSP client for tests: spawns `node dist/server.js --stdio` (or another command) and speaks JSON-RPC to it.
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import {
  ClientCapabilities,
  createMessageConnection,
  InitializeResult,
  MessageConnection,
  PublishDiagnosticsParams,
  Registration,
  RegistrationParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { serverBundle } from './paths';

/** A $/progress notification. */
export interface ProgressParams {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

export class StdioLspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly diagnosticsWaiters: Array<(params: PublishDiagnosticsParams) => boolean> = [];
  private readonly progressWaiters: Array<() => void> = [];
  stderr = '';
  /** Tokens the server created with window/workDoneProgress/create, and every $/progress it sent. */
  readonly progressTokens: Array<string | number> = [];
  readonly progress: ProgressParams[] = [];
  /** Capabilities the server registered dynamically. */
  readonly registrations: Registration[] = [];
  /** Every window/logMessage, as `level: message` (1 error, 2 warning, 3 info, 4 log). */
  readonly logs: string[] = [];

  /** `command` starts the server, which is given `--stdio`: node and a bundle (dist/server.js), or an installed bin. */
  constructor(command: string[] = [process.execPath, serverBundle]) {
    this.process = spawn(command[0], [...command.slice(1), '--stdio']);
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
    this.connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string | number }) => {
      this.progressTokens.push(token);
      return null;
    });
    this.connection.onNotification('$/progress', (params: ProgressParams) => {
      this.progress.push(params);
      for (const waiter of this.progressWaiters.splice(0)) waiter();
    });
    this.connection.onNotification('window/logMessage', ({ type, message }: { type: number; message: string }) => {
      this.logs.push(`${type}: ${message}`);
    });
    this.connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.listen();
  }

  /** Resolves when a work done progress has ended (`kind: 'end'`). */
  async progressEnd(): Promise<void> {
    while (!this.progress.some((p) => p.value.kind === 'end')) {
      await new Promise<void>((resolve) => this.progressWaiters.push(resolve));
    }
  }

  /** The server's process id (for its memory, test/support/bounds.ts). */
  get pid(): number {
    return this.process.pid!;
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Writes bytes to the server's stdin as they are: for malformed messages. */
  writeRaw(data: string | Buffer): void {
    this.process.stdin.write(data);
  }

  /** Ends the server process (tests that leave it unable to shut down cleanly). */
  kill(): void {
    if (this.alive) this.process.kill();
    this.connection.dispose();
  }

  /** Initializes without a workspace, or with `workspaceFolder` (a file: URI), initialization options and extra client capabilities. */
  async initialize(
    options: { workspaceFolder?: string; capabilities?: ClientCapabilities; initializationOptions?: unknown } = {},
  ): Promise<InitializeResult> {
    const folder = options.workspaceFolder;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folder ?? null,
      ...(folder ? { workspaceFolders: [{ uri: folder, name: 'workspace' }] } : {}),
      initializationOptions: options.initializationOptions,
      capabilities: {
        ...options.capabilities,
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          ...options.capabilities?.textDocument,
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
