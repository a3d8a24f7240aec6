// A one-line progress bar on standard error: files done / total, MB read, MB/s, time left. Shown only
// when standard error is a terminal (never in CI logs or redirected output), redrawn at most 10 times
// a second, erased before anything else is written to the terminal and when the run ends.
export interface ProgressTarget {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Should a progress bar be drawn on `stream`? Not when asked not to, not off a terminal, not in CI, not on a dumb terminal. */
export function progressWanted(
  stream: ProgressTarget,
  requested: boolean,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return requested && stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private shown = false;
  private files = 0;
  private bytes = 0;

  constructor(
    private readonly stream: ProgressTarget,
    private readonly total: number,
  ) {}

  /** One more file done. */
  advance(bytes: number): void {
    this.files++;
    this.bytes += bytes;
    const now = Date.now();
    if (now - this.lastDraw >= 100 || this.files === this.total) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  /** Rate so far, in MB/s (1 MB = 2^20 bytes). */
  rate(now = Date.now()): number {
    const seconds = Math.max(1e-3, (now - this.started) / 1000);
    return this.bytes / 1048576 / seconds;
  }

  line(now = Date.now()): string {
    const width = Math.max(20, Math.min(120, (this.stream.columns ?? 80) - 1));
    const fraction = this.total ? this.files / this.total : 1;
    const seconds = (now - this.started) / 1000;
    const left = this.files ? (seconds / this.files) * (this.total - this.files) : Infinity;
    const text = ` ${this.files}/${this.total} files  ${(this.bytes / 1048576).toFixed(1)} MB  ${this.rate(now).toFixed(1)} MB/s  ${this.files === this.total ? 'done' : `${formatSeconds(left)} left`}`;
    const barWidth = Math.max(10, Math.min(40, width - text.length - 2));
    const filled = Math.round(fraction * barWidth);
    return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${text}`.slice(0, width);
  }

  private draw(now: number): void {
    this.stream.write(`\r${this.line(now)}\x1b[K`);
    this.shown = true;
  }

  /** Erases the bar (it comes back with the next update). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
