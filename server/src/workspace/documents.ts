// Open documents: their text, kept up to date from incremental edits. Knows nothing of the connection.
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export class OpenDocuments {
  private readonly byUri = new Map<string, TextDocument>();

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const document = TextDocument.create(uri, languageId, version, text);
    this.byUri.set(uri, document);
    return document;
  }

  update(uri: string, changes: TextDocumentContentChangeEvent[], version: number): TextDocument | undefined {
    const document = this.byUri.get(uri);
    if (!document) return undefined;
    TextDocument.update(document, changes, version);
    return document;
  }

  close(uri: string): void {
    this.byUri.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.byUri.get(uri);
  }
}
