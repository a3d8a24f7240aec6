// Cables saved as .txt: VS Code's .txt association wins over the manifest's `firstLine`, so a plain-text
// document whose first non-blank line is a VZCZC transmission line is switched to the cable language here.
import * as vscode from 'vscode';

const TRANSMISSION_LINE = /^\s*VZCZC[A-Z]{3}[0-9]*\s*$/;

function startsWithTransmissionLine(document: vscode.TextDocument): boolean {
  for (let line = 0; line < Math.min(document.lineCount, 10); line++) {
    const text = document.lineAt(line).text;
    if (text.trim()) return TRANSMISSION_LINE.test(text);
  }
  return false;
}

function detect(document: vscode.TextDocument): void {
  if (document.languageId === 'plaintext' && startsWithTransmissionLine(document))
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
