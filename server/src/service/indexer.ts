// Indexing whole folders: find the cable files, read and index them in batches, report progress, and give the
// event loop back between batches so that requests and edits are answered while thousands of files are indexed.
import { CableIndex } from '../workspace/cableIndex';
import { FileRefused, WorkspaceFiles } from '../cableFiles/files';

/** Progress as the LSP reports it (window/workDoneProgress), without the connection. */
export interface IndexProgress {
  begin(title: string, message?: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

export interface IndexingResult {
  files: number;
  cables: number;
  /** Characters read (UTF-16 code units: about bytes for cables). */
  characters: number;
  milliseconds: number;
}

/** Files read at once; the index is updated one file at a time. */
const BATCH = 16;
/** Longest stretch of indexing without giving the event loop back, in milliseconds (a large file yields within). */
const SLICE_MS = 20;
/** A progress report every this many files. */
const REPORT_EVERY = 100;

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export interface IndexingOptions {
  /** The folders whose files may be read, links followed (all the workspace folders); default: those indexed. */
  within?: readonly string[];
  /** A file that was not read (a FIFO, a device, too large, outside the folders), and why. */
  refused?: (uri: string, reason: string) => void;
}

export async function indexFolders(
  folderUris: readonly string[],
  files: WorkspaceFiles,
  index: CableIndex,
  progress: IndexProgress,
  options: IndexingOptions = {},
): Promise<IndexingResult> {
  const started = Date.now();
  progress.begin('Indexing cables', 'finding cable files');
  const result: IndexingResult = { files: 0, cables: 0, characters: 0, milliseconds: 0 };
  try {
    const reading = { ...options, within: options.within ?? folderUris };
    const uris = (await Promise.all(folderUris.map((folder) => files.findCableFiles(folder)))).flat();
    let reported = 0;
    let sliceStart = Date.now();
    /** Gives the event loop back when indexing has held it for a while. */
    const breathe = async (force = false): Promise<void> => {
      if (!force && Date.now() - sliceStart < SLICE_MS) return;
      await yieldToEventLoop();
      sliceStart = Date.now();
    };
    for (let at = 0; at < uris.length; at += BATCH) {
      const batch = uris.slice(at, at + BATCH);
      const texts = await Promise.all(batch.map((uri) => readWorkspaceFile(files, uri, reading)));
      for (let k = 0; k < batch.length; k++) {
        const text = texts[k];
        if (text === undefined) continue;
        const steps = index.setFileInSteps(batch[k], text);
        let step = steps.next();
        for (; !step.done; step = steps.next()) await breathe();
        result.cables += step.value;
        result.files++;
        result.characters += text.length;
        await breathe();
      }
      const done = Math.min(at + BATCH, uris.length);
      if (done - reported >= REPORT_EVERY || done === uris.length) {
        reported = done;
        progress.report(Math.floor((done / uris.length) * 100), `${done}/${uris.length} files`);
      }
      await breathe(true);
    }
  } finally {
    result.milliseconds = Date.now() - started;
    progress.done();
  }
  return result;
}

/** A file's text as the index reads it: within the folders; a file refused (or failing) is told, and no cable. */
export async function readWorkspaceFile(
  files: WorkspaceFiles,
  uri: string,
  { within, refused }: IndexingOptions,
): Promise<string | undefined> {
  try {
    return await files.readCableFile(uri, within);
  } catch (error) {
    refused?.(uri, error instanceof FileRefused ? error.message : `cannot read it: ${error}`);
    return undefined;
  }
}
