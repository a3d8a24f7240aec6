// Open documents and their models, kept up to date from incremental edits. Knows nothing of the connection.
import type { CableMetadata } from '../archive/archive';
import { CableReader } from '../facts/facts';
import { CableModel, TextChange } from '../syntax/model';

export class CableDocument {
  reader: CableReader;

  constructor(
    readonly uri: string,
    public version: number,
    text: string,
    /** The publisher's metadata of a text read from an archive. */
    public metadata?: CableMetadata,
  ) {
    this.reader = new CableReader(CableModel.parse(text), uri);
  }

  get model(): CableModel {
    return this.reader.model;
  }

  update(changes: readonly TextChange[], version: number): void {
    this.version = version;
    for (const change of changes) {
      try {
        this.model.applyChange(change);
      } catch {
        // Never expected (the randomized tests say so). The model takes an edit's text before anything that could
        // fail, so a full parse of its text recovers, and the next changes apply to it.
        this.reader = new CableReader(CableModel.parse(this.model.getText()), this.uri);
      }
    }
  }
}

export class OpenDocuments {
  private readonly byUri = new Map<string, CableDocument>();

  open(uri: string, version: number, text: string, metadata?: CableMetadata): CableDocument {
    const document = new CableDocument(uri, version, text, metadata);
    this.byUri.set(uri, document);
    return document;
  }

  update(uri: string, changes: readonly TextChange[], version: number): CableDocument | undefined {
    const document = this.byUri.get(uri);
    document?.update(changes, version);
    return document;
  }

  close(uri: string): void {
    this.byUri.delete(uri);
  }

  get(uri: string): CableDocument | undefined {
    return this.byUri.get(uri);
  }

  all(): IterableIterator<CableDocument> {
    return this.byUri.values();
  }
}
