// The status bar item: classification (coloured), captions and precedence of the cable under the cursor, from the
// server's cable/cableAt request; clicking it runs cable.revealClassification.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CABLE_AT_METHOD, CableAtParams, CableAtResult } from '../../server/src/protocol';
import { presentCable } from './statusText';

export const REVEAL_CLASSIFICATION_COMMAND = 'cable.revealClassification';

/** Cursor moves and keystrokes within this many milliseconds make one request. */
const DEBOUNCE_MS = 120;

/** Asks the server about the cable at the cursor of `editor`; null when there is none or the server cannot say. */
async function cableAtCursor(
  client: BaseLanguageClient,
  editor: vscode.TextEditor,
  token?: vscode.CancellationToken,
): Promise<CableAtResult | null> {
  const params: CableAtParams = {
    textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(editor.document),
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  };
  return client.sendRequest<CableAtResult | null>(CABLE_AT_METHOD, params, token);
}

export class CableStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'cable.classification',
    vscode.StatusBarAlignment.Left,
    100,
  );
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly selector: vscode.DocumentSelector,
  ) {
    this.item.name = 'Cable Classification';
    this.item.command = { command: REVEAL_CLASSIFICATION_COMMAND, title: 'Reveal the classification line' };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.onDidChangeTextEditorSelection(
        (e) => e.textEditor === vscode.window.activeTextEditor && this.schedule(),
      ),
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.document === vscode.window.activeTextEditor?.document && this.schedule(),
      ),
      vscode.workspace.onDidCloseTextDocument(() => this.schedule()),
      client.onDidChangeState(() => this.schedule(0)),
    );
  }

  /** Updates after `delay` ms of quiet. */
  schedule(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  async update(): Promise<void> {
    this.timer = undefined;
    this.pending?.cancel();
    this.pending = undefined;
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(this.selector, editor.document) === 0 || !this.client.isRunning()) {
      this.item.hide();
      return;
    }
    const pending = (this.pending = new vscode.CancellationTokenSource());
    let result: CableAtResult | null;
    try {
      result = await cableAtCursor(this.client, editor, pending.token);
    } catch {
      result = null; // cancelled by a newer update, or the server is restarting
    }
    const cancelled = pending.token.isCancellationRequested;
    pending.dispose();
    if (cancelled) return;
    this.pending = undefined;
    if (!result) {
      this.item.hide();
      return;
    }
    const presentation = presentCable(result);
    this.item.text = presentation.text;
    this.item.tooltip = presentation.tooltip;
    this.item.accessibilityInformation = { label: presentation.accessibilityLabel };
    this.item.backgroundColor = presentation.background && new vscode.ThemeColor(presentation.background);
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending?.cancel();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** cable.revealClassification: selects the classification line of the cable at the cursor and scrolls to it. */
export async function revealClassification(client: BaseLanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') return;
  const result = await cableAtCursor(client, editor);
  if (!result?.classificationRange) {
    void vscode.window.showInformationMessage(
      result ? `${result.referenceId} has no classification line.` : 'No cable at the cursor.',
    );
    return;
  }
  const range = client.protocol2CodeConverter.asRange(result.classificationRange);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
}
