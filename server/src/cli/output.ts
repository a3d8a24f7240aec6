// Where the report goes: standard output or --output FILE, written through a 64 KB buffer. A file report is written to
// a temporary file beside it and renamed when complete: a full disk or a failed run leaves no truncated report.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export class ReportWriter {
  private buffer = '';

  private constructor(
    private readonly fd: number,
    private readonly ownsFd: boolean,
    /** Called before text reaches a terminal (the progress bar erases itself). */
    private readonly beforeWrite: () => void,
    /** For a file report: the temporary file written, and the report's path it becomes. */
    private readonly file?: { temporary: string; path: string },
  ) {}

  static toStdout(beforeWrite: () => void = () => {}): ReportWriter {
    return new ReportWriter(1, false, beforeWrite);
  }

  /** Creates a temporary file beside `path` (renamed to it by close); throws with the system's reason when it cannot. */
  static toFile(path: string): ReportWriter {
    const temporary = `${path}.${process.pid}.tmp`;
    return new ReportWriter(openSync(temporary, 'wx'), true, () => {}, { temporary, path });
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

  /** Writes what is left; a file report then takes its place. */
  close(): void {
    try {
      this.flush();
    } finally {
      if (this.ownsFd) closeSync(this.fd);
    }
    if (this.file) renameSync(this.file.temporary, this.file.path);
  }

  /** A run that failed: the temporary file goes, and any earlier report stays as it was. */
  discard(): void {
    if (!this.file) return;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.file.temporary, { force: true });
  }
}
