// Cables saved as .txt: VS Code's .txt association wins over the manifest's `firstLine`, so a plain-text
// document whose first non-blank line is a VZCZC transmission line is switched to the cable language here.
import * as vscode from 'vscode';
import { isCableText } from '../../server/src/cableFiles/files';

function detect(document: vscode.TextDocument): void {
  // Ten lines: blank lines may come before the transmission line.
  if (document.languageId === 'plaintext' && isCableText(document.getText(new vscode.Range(0, 0, 10, 0))))
    void vscode.languages.setTextDocumentLanguage(document, 'cable');
}

/** Switches open and later opened plain-text cables to the cable language. */
export function detectPlainTextCables(): vscode.Disposable {
  vscode.workspace.textDocuments.forEach(detect);
  return vscode.workspace.onDidOpenTextDocument(detect);
}

/** Resolves once a cable document is open (at once if one is). */
export function firstCableDocument(): Promise<void> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'cable')) return Promise.resolve();
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId !== 'cable') return;
      subscription.dispose();
      resolve();
    });
  });
}
