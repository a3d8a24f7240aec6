// Helpers for tests that run inside VS Code's extension host.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const extensionId = 'cable-tools.cable-language';

/** The sample folder the editor has open (see harness/workspace.ts). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no folder is open: start the editor on a folder of sample cables');
  return folder.uri;
}

export function sampleUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a sample file in an editor (activating the extension on the first cable). */
export async function openSample(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(sampleUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The installed cable extension, activated. */
export async function cableExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed`);
  await extension.activate();
  return extension;
}

/** Runs `fn` on an untitled cable holding `content`, in an editor; then reverts and closes it. */
export async function withUntitledCable<T>(content: string, fn: (editor: vscode.TextEditor) => Promise<T>): Promise<T> {
  const document = await vscode.workspace.openTextDocument({ language: 'cable', content });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  try {
    return await fn(editor);
  } finally {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** 0-based number of the first line whose text starts with `prefix`. */
export function lineStartingWith(document: vscode.TextDocument, prefix: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.startsWith(prefix)) return line;
  }
  throw new Error(`no line of ${document.uri.path} starts with ${JSON.stringify(prefix)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries `probe` (which throws or returns undefined while the answer is not there yet) until it
 * returns a value; after `timeoutMs` rethrows its last error. The language server answers
 * asynchronously, and the first answers may come before it has read the document.
 */
export async function eventually<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? lastError.message : 'no answer';
      throw new Error(`${what}: ${reason} (still so after ${timeoutMs} ms)`);
    }
    await sleep(250);
  }
}

/** Diagnostics of the cable language server for `uri`. */
export function cableDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'cable');
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map(
      (d) =>
        `${vscode.DiagnosticSeverity[d.severity]} line ${d.range.start.line + 1}: ${d.message} [${d.source ?? 'no source'}]`,
    )
    .join('\n');
}

/** Plain text of hover contents, whatever shape they come in. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/**
 * Process ids of the cable language servers of this extension host: its child processes running the extension's
 * dist/server.js (vscode-languageclient forks it for the IPC transport). Reads /proc, so Linux only; the product
 * needs no hook for tests.
 */
function serverPids(): number[] {
  if (process.platform !== 'linux')
    throw new Error(`finding the language server process needs /proc (Linux), not ${process.platform}`);
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed`);
  const serverScript = join(extension.extensionPath, 'dist', 'server.js');
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat is "pid (comm) state ppid ...", and comm may contain spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(serverScript)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** The pid of the one running cable language server; throws while there is none or more than one. */
export function serverPid(): number {
  const pids = serverPids();
  if (pids.length !== 1)
    throw new Error(`${pids.length} cable language server processes (${pids.join(', ')}), not one`);
  return pids[0];
}
