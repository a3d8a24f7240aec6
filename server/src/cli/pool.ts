// Spreads files over worker threads and hands the outcomes back in file order, whatever the timing.
// Workers take batches of files from a queue (two batches in flight each, so none waits idle), read and
// lint them, and send back only each file's report part and counts: the corpus is never in memory, and
// no worker runs more than a bounded window ahead of the next file to report.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { checkJob, FileJob, FileOutcome, PendingRead, readAhead, TextChecker } from './lint';

interface BatchMessage {
  id: number;
  files: FileJob[];
}

interface ResultMessage {
  id: number;
  outcomes: FileOutcome[];
}

/**
 * The largest file after which the next file is read ahead. A read fails after READ_TIMEOUT_MS of wall time, and a read
 * started ahead runs its clock while the file before it is checked: only after a file checked in far less than that.
 */
const READ_AHEAD_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Processes files one after the other, in their order, each file's read started (once the file before it is read, and
 * when that one is small) before the work on the file before it: the disk reads while the checker thinks, and an
 * outcome waits on its read only when the read is slower.
 */
async function processInTurn(
  files: readonly FileJob[],
  checker: TextChecker,
  each: (outcome: FileOutcome) => void,
): Promise<void> {
  let next: PendingRead | undefined;
  for (let i = 0; i < files.length; i++) {
    const pending = next ?? readAhead(files[i]);
    const read = pending && (await pending);
    next =
      i + 1 < files.length && read && 'bytes' in read && read.bytes.length <= READ_AHEAD_MAX_BYTES
        ? readAhead(files[i + 1])
        : undefined;
    each(await checkJob(checker, files[i], pending));
  }
}

/** The worker side: check every batch that arrives with the checker `make` makes, answer with the outcomes. */
export function runWorker(make: (config: never) => TextChecker): void {
  const checker = make(workerData as never);
  // Batches are linted one after the other, in the order they came: a read that waits must not let the next one pass.
  let queue = Promise.resolve();
  parentPort!.on('message', (message: BatchMessage | null) => {
    queue = queue.then(async () => {
      if (message === null) {
        parentPort!.close();
        return;
      }
      const outcomes: FileOutcome[] = [];
      await processInTurn(message.files, checker, (outcome) => outcomes.push(outcome));
      parentPort!.postMessage({ id: message.id, outcomes } satisfies ResultMessage);
    });
  });
}

export type Deliver = (outcome: FileOutcome) => void;

/** Lints in this thread, one file after the other (--jobs 1). */
export async function lintHere(files: readonly FileJob[], checker: TextChecker, deliver: Deliver): Promise<void> {
  await processInTurn(files, checker, deliver);
}

/** Files per batch: small batches for small runs (every worker gets work), up to 32 for large ones. */
export function batchSize(files: number, jobs: number): number {
  return Math.max(1, Math.min(32, Math.ceil(files / (jobs * 16))));
}

/**
 * Lints with `jobs` workers started from `script` (this bundle, re-entered off the main thread), calling
 * `deliver` for every file in the order of `files`.
 */
export function lintWithWorkers(
  files: readonly FileJob[],
  jobs: number,
  config: unknown,
  script: string,
  deliver: Deliver,
): Promise<void> {
  const size = batchSize(files.length, jobs);
  const window = jobs * size * 8;
  const ready = new Map<number, FileOutcome>();
  let nextFile = 0; // first file not yet sent to a worker
  let nextToDeliver = 0;
  let batchId = 0;
  const workerCount = Math.min(jobs, Math.ceil(files.length / size));
  const workers: Array<{ worker: Worker; inFlight: number }> = [];

  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const { worker } of workers) {
        if (error) void worker.terminate();
        else worker.postMessage(null);
      }
      if (error) reject(error);
      else resolve();
    };

    const dispatch = () => {
      for (const slot of workers) {
        while (slot.inFlight < 2 && nextFile < files.length && nextFile - nextToDeliver < window) {
          const batch = files.slice(nextFile, nextFile + size);
          nextFile += batch.length;
          slot.inFlight++;
          slot.worker.postMessage({ id: batchId++, files: batch } satisfies BatchMessage);
        }
      }
    };

    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(script, { workerData: config });
      const slot = { worker, inFlight: 0 };
      workers.push(slot);
      worker.on('message', (message: ResultMessage) => {
        slot.inFlight--;
        for (const outcome of message.outcomes) ready.set(outcome.index, outcome);
        try {
          while (ready.has(nextToDeliver)) {
            const outcome = ready.get(nextToDeliver)!;
            ready.delete(nextToDeliver);
            nextToDeliver++;
            deliver(outcome);
          }
        } catch (error) {
          finish(error as Error);
          return;
        }
        if (nextToDeliver === files.length) finish();
        else dispatch();
      });
      worker.on('error', (error) => finish(new Error(`worker thread failed: ${error.stack ?? error.message}`)));
      worker.on('exit', (code) => {
        if (!finished) finish(new Error(`worker thread stopped (exit code ${code}) before the work was done`));
      });
    }
    dispatch();
  });
}
