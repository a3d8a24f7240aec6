// Everything the editor tests start is registered here, so that it is stopped on every way out:
// the normal end (`runCleanups()` in a finally block), Ctrl+C / SIGTERM / SIGHUP, an uncaught
// error, and finally process exit (synchronous kills only).

interface Entry {
  what: string;
  fn: () => void | Promise<void>;
  atExit?: () => void;
}

const entries: Entry[] = [];
let running: Promise<void> | undefined;

/**
 * Registers `fn` to run at cleanup (last registered runs first), and `atExit` (default: `fn`) to
 * run synchronously if the process exits before that: only its synchronous part runs then, so
 * kill with signals rather than awaiting. Returns a function that unregisters both (call it when
 * the thing was stopped the normal way).
 */
export function onCleanup(what: string, fn: () => void | Promise<void>, atExit?: () => void): () => void {
  const entry: Entry = { what, fn, atExit };
  entries.push(entry);
  return () => {
    const index = entries.indexOf(entry);
    if (index >= 0) entries.splice(index, 1);
  };
}

/** Runs every registered cleanup once, newest first, each with a deadline. Never throws. */
export function runCleanups(timeoutMs = 15_000): Promise<void> {
  running ??= (async () => {
    while (entries.length > 0) {
      const entry = entries.pop()!;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(entry.fn),
          new Promise<void>((resolve) => {
            timer = setTimeout(() => {
              console.error(`[e2e] cleanup of ${entry.what} took longer than ${timeoutMs} ms, going on`);
              resolve();
            }, timeoutMs);
          }),
        ]);
      } catch (error) {
        console.error(`[e2e] cleanup of ${entry.what} failed: ${error instanceof Error ? error.message : error}`);
      } finally {
        clearTimeout(timer);
      }
    }
  })();
  const done = running;
  return done.finally(() => {
    if (running === done) running = undefined;
  });
}

let installed = false;

/**
 * Signals and crashes stop what was started, then exit (130 for SIGINT as shells do, 143 for
 * SIGTERM, 129 for SIGHUP, 1 for an uncaught error). A second Ctrl+C exits at once.
 */
export function installExitHandlers(onInterrupted?: (reason: string) => void): void {
  if (installed) return;
  installed = true;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  let stopping = false;
  for (const signal of Object.keys(codes) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (stopping) process.exit(codes[signal]);
      stopping = true;
      console.error(`\n[e2e] ${signal}: stopping everything that was started...`);
      void runCleanups(5_000).finally(() => {
        console.error('[e2e] stopped');
        onInterrupted?.(`interrupted by ${signal}`);
        process.exit(codes[signal]);
      });
    });
  }
  const crash = (error: unknown) => {
    console.error('[e2e] unexpected error:', error);
    if (stopping) return;
    stopping = true;
    void runCleanups(5_000).finally(() => {
      onInterrupted?.(`unexpected error: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    });
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Last resort: synchronous parts of the remaining cleanups (signals to process groups).
  process.on('exit', () => {
    for (const entry of entries.splice(0).reverse()) {
      try {
        void (entry.atExit ?? entry.fn)();
      } catch {
        // exiting anyway
      }
    }
  });
}
