// Where the report goes: standard output or --output FILE, written through a 64 KB buffer.
import { closeSync, openSync, writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export class ReportWriter {
  private buffer = '';

  private constructor(
    private readonly fd: number,
    private readonly ownsFd: boolean,
    /** Called before text reaches a terminal (the progress bar erases itself). */
    private readonly beforeWrite: () => void,
  ) {}

  static toStdout(beforeWrite: () => void = () => {}): ReportWriter {
    return new ReportWriter(1, false, beforeWrite);
  }

  /** Opens (creates or truncates) `path`; throws with the system's reason when it cannot. */
  static toFile(path: string): ReportWriter {
    return new ReportWriter(openSync(path, 'w'), true, () => {});
  }

  write(text: string): void {
    if (!text) return;
    this.buffer += text;
    if (this.buffer.length >= 65536) this.flush();
  }

  flush(): void {
    if (!this.buffer) return;
    this.beforeWrite();
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        // A non-blocking standard output (some terminals, pipes) may refuse for a moment: wait 1 ms, try again.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  }

  close(): void {
    this.flush();
    if (this.ownsFd) closeSync(this.fd);
  }
}
