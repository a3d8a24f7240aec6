// The offset index of an archive written to its file in bounded memory, whatever the number of cables: an external
// merge sort. The cables come in archive order; every RUN_ENTRIES of them are sorted by path and written to a file of
// their own (a run) beside the index file; the runs are then merged, a small read buffer each, into the index's cables
// in path order, their lines written to a file of their own while the summary is made (a line per folder and per
// block); last, the first line and the summary, then those lines, go to a file renamed into the index's place.
// Duplicate IDs are numbered as uniquePaths numbers them all in memory: only the families of the paths that come twice
// (a few cables, found by a first merge) are held and numbered. The files made on the way are removed when done, failed
// or cancelled; the index file is written whole or not at all. Node's fs; for nodeArchive.ts.
import { FileHandle, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ArchiveStamp, byPath, familyOf, IndexedCable, IndexText, uniquePaths } from './offsetIndex';

/** The cables a run holds: about 2 MB of heap (a line of a hundred bytes or so each). */
const RUN_ENTRIES = 16384;

/** The runs merged at once; more are merged in groups first (a read buffer and a file open a run). */
const FAN_IN = 64;

/** The read buffers of a merge, all of them together; and the least one run gets. */
const MERGE_BUFFER_BYTES = 1 << 20;
const MIN_RUN_BUFFER_BYTES = 16 << 10;

/** Written out in pieces of about this size. */
const WRITE_BYTES = 1 << 20;

/**
 * A cable's line in a run: path, its place in archive order (SEQ_DIGITS digits), offset, length, line, page; no line
 * end. Compared whole, as strings, the lines are in the order of their paths, then of their places: no path holds a
 * tab or anything before it (cablePath), and the places are of one width.
 */
const SEQ_DIGITS = 10;

function runLine(cable: IndexedCable, seq: number): string {
  const line = `${cable.path}\t${String(seq).padStart(SEQ_DIGITS, '0')}\t${cable.offset}\t${cable.length}\t${cable.line}\t${cable.page}`;
  // Made flat now: a run holds a hundred bytes or so a cable, not the pieces the line was made of (three times that).
  line.charCodeAt(0);
  return line;
}

const pathOf = (line: string): string => line.slice(0, line.indexOf('\t'));

/** A cable of a run, with its place in archive order. */
interface Entry extends IndexedCable {
  seq: number;
}

function parseRunLine(line: string): Entry {
  const [path, seq, offset, length, fileLine, ...page] = line.split('\t');
  return {
    path,
    seq: Number(seq),
    offset: Number(offset),
    length: Number(length),
    line: Number(fileLine),
    page: page.join('\t'),
  };
}

/** The stored line of a run's line (the index's: its place in archive order left out, a line end added). */
function storedLine(line: string): string {
  const tab = line.indexOf('\t');
  return `${line.slice(0, tab + 1)}${line.slice(tab + SEQ_DIGITS + 2)}\n`;
}

/** Stops a merge: the build was cancelled. */
class Cancelled extends Error {}

/** Builds in this process: the temporary files of two builds of the same index (one being cancelled) are apart. */
let builds = 0;

/**
 * Takes away the temporary files that builds of an index left when their process was killed (a window closed during
 * a build): `<index>.<pid>-<n>.<name>` of a process that is gone. Another process's files are left: two windows may
 * build at once.
 */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `${basename(file)}.`;
  for (const name of await readdir(dirname(file)).catch(() => [])) {
    const pid = name.startsWith(prefix) ? /^(\d+)-\d+\.\w+$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(dirname(file), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes text to a file in pieces of WRITE_BYTES, one write at a time. */
class TextWriter {
  private parts: string[] = [];
  private length = 0;
  /** The writes so far, one after the other. */
  private written: Promise<void> = Promise.resolve();

  constructor(private readonly handle: FileHandle) {}

  /** A promise (of every write so far) only when a piece was written out. */
  write(text: string): Promise<void> | undefined {
    this.parts.push(text);
    this.length += text.length;
    return this.length >= WRITE_BYTES ? this.flush() : undefined;
  }

  flush(): Promise<void> {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    if (text) this.written = this.written.then(() => this.handle.write(text).then(() => undefined));
    return this.written;
  }
}

const LF = 0x0a;

/** The lines of a run file, in order, read a buffer at a time. */
class RunReader {
  private lines: string[] = [];
  private next = 0;
  private position = 0;
  /** The bytes of a line that goes on into the next read. */
  private carry = Buffer.alloc(0);
  private ended = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly buffer: Buffer,
  ) {}

  static async open(file: string, bufferBytes: number): Promise<RunReader> {
    const reader = new RunReader(await open(file, 'r'), Buffer.alloc(bufferBytes));
    try {
      await reader.fill();
    } catch (error) {
      await reader.handle.close();
      throw error;
    }
    return reader;
  }

  /** The line at the front; undefined once all are read. */
  get head(): string | undefined {
    return this.lines[this.next];
  }

  /** A promise only when the buffer was read into again. */
  advance(): Promise<void> | undefined {
    return ++this.next < this.lines.length ? undefined : this.fill();
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /**
   * Reads on until it has lines again, or the file is read. Each line decoded alone: a string of its own, not a
   * slice of the buffer's text that would keep all of it while the line is held.
   */
  private async fill(): Promise<void> {
    this.lines = [];
    this.next = 0;
    while (this.lines.length === 0 && !this.ended) {
      const { bytesRead } = await this.handle.read(this.buffer, 0, this.buffer.length, this.position);
      this.position += bytesRead;
      this.ended = bytesRead === 0;
      const read = this.buffer.subarray(0, bytesRead);
      const bytes = this.carry.length ? Buffer.concat([this.carry, read]) : read;
      let start = 0;
      for (let end = bytes.indexOf(LF); end !== -1; end = bytes.indexOf(LF, start)) {
        this.lines.push(bytes.toString('utf8', start, end));
        start = end + 1;
      }
      // A copy: the buffer is read into again.
      this.carry = Buffer.from(bytes.subarray(start));
    }
  }
}

/**
 * The lines of `runs` merged into order (the order of their paths, then of their places in the archive), each given to
 * `visit` in turn (awaited when it returns a promise).
 */
async function mergeRuns(
  runs: readonly string[],
  visit: (line: string) => Promise<void> | undefined,
  cancelled: () => boolean,
): Promise<void> {
  const bufferBytes = Math.max(MIN_RUN_BUFFER_BYTES, Math.floor(MERGE_BUFFER_BYTES / Math.max(1, runs.length)));
  const readers: RunReader[] = [];
  try {
    for (const run of runs) readers.push(await RunReader.open(run, bufferBytes));
    for (let n = 1; ; n++) {
      if (n % 4096 === 0 && cancelled()) throw new Cancelled();
      let first: RunReader | undefined;
      let least: string | undefined;
      for (const reader of readers) {
        const head = reader.head;
        if (head !== undefined && (least === undefined || head < least)) [first, least] = [reader, head];
      }
      if (!first || least === undefined) break;
      const visited = visit(least);
      if (visited) await visited;
      const read = first.advance();
      if (read) await read;
    }
  } finally {
    await Promise.all(readers.map((reader) => reader.close()));
  }
}

/**
 * The index of an archive being built into `file`: the cables added in archive order (their paths as cablePath makes
 * them), then written. `remove()` takes away the files made on the way (call it when done, whatever the outcome).
 */
export class IndexFileBuilder {
  private run: string[] = [];
  private runs: string[] = [];
  private seq = 0;
  /** The runs written so far, merged ones too (each has a name of its own). */
  private written = 0;
  private readonly prefix: string;
  /** Every temporary file made (the runs, the cables' lines, the index before its rename). */
  private readonly made = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly runEntries = RUN_ENTRIES,
  ) {
    this.prefix = `${file}.${process.pid}-${++builds}`;
  }

  /** The next cable in archive order; a promise only when a run is written. */
  add(cable: IndexedCable): Promise<void> | undefined {
    this.run.push(runLine(cable, this.seq++));
    return this.run.length >= this.runEntries ? this.spill() : undefined;
  }

  /**
   * Writes the index of the cables added, built from the archive at `stamp` with `skipped` rows left out. False when
   * cancelled on the way (nothing written).
   */
  async write(stamp: ArchiveStamp, skipped: number, cancelled: () => boolean = () => false): Promise<boolean> {
    try {
      await this.spill();
      while (this.runs.length > FAN_IN) {
        const groups: string[][] = [];
        for (let i = 0; i < this.runs.length; i += FAN_IN) groups.push(this.runs.slice(i, i + FAN_IN));
        this.runs = [];
        for (const group of groups) await this.mergeGroup(group, cancelled);
      }
      const text = await this.writeLines(await this.renumbered(cancelled), cancelled);
      if (cancelled()) return false;
      return await this.store(text.head(stamp, skipped), cancelled);
    } catch (error) {
      if (error instanceof Cancelled) return false;
      throw error;
    }
  }

  /** Takes away the files made on the way. */
  async remove(): Promise<void> {
    await Promise.all([...this.made].map((file) => rm(file, { force: true })));
    this.made.clear();
  }

  /** A new temporary file beside the index, open for writing. */
  private async temporary(name: string): Promise<FileHandle> {
    const path = `${this.prefix}.${name}`;
    if (this.made.size === 0) {
      await mkdir(dirname(this.file), { recursive: true });
      await removeLeftovers(this.file);
    }
    this.made.add(path);
    return open(path, 'w');
  }

  /** Writes to a new temporary file, closed after. */
  private async writeTo(name: string, write: (writer: TextWriter) => Promise<void>): Promise<string> {
    const handle = await this.temporary(name);
    try {
      const writer = new TextWriter(handle);
      await write(writer);
      await writer.flush();
    } finally {
      await handle.close();
    }
    return `${this.prefix}.${name}`;
  }

  /** Writes the cables held to a run of their own, in order (sort() compares strings as `<` does). */
  private async spill(): Promise<void> {
    if (this.run.length === 0) return;
    const run = this.run.sort();
    this.run = [];
    this.runs.push(
      await this.writeTo(`run${this.written++}`, async (writer) => {
        for (const line of run) await writer.write(`${line}\n`);
      }),
    );
  }

  /** Merges runs into one, in their place. */
  private async mergeGroup(group: readonly string[], cancelled: () => boolean): Promise<void> {
    const merged = await this.writeTo(`run${this.written++}`, (writer) =>
      mergeRuns(group, (line) => writer.write(`${line}\n`), cancelled),
    );
    await Promise.all(group.map((run) => rm(run, { force: true })));
    for (const run of group) this.made.delete(run);
    this.runs.push(merged);
  }

  /**
   * The cables of the families with a duplicate path, numbered (uniquePaths, in archive order) and sorted by their
   * new paths; none when no path comes twice. A merge finds the duplicates (they meet in path order), a read of the
   * runs takes their families' cables.
   */
  private async renumbered(cancelled: () => boolean): Promise<Entry[]> {
    const families = new Set<string>();
    let previous: string | undefined;
    await mergeRuns(
      this.runs,
      (line) => {
        const path = pathOf(line);
        if (path === previous) families.add(familyOf(path));
        previous = path;
        return undefined;
      },
      cancelled,
    );
    if (families.size === 0) return [];
    const members: Entry[] = [];
    for (const run of this.runs) {
      const take = (line: string) => {
        if (families.has(familyOf(pathOf(line)))) members.push(parseRunLine(line));
        return undefined;
      };
      await mergeRuns([run], take, cancelled);
    }
    return uniquePaths(members.sort((a, b) => a.seq - b.seq)).sort(byPath);
  }

  /**
   * The stored lines of the cables, in path order, to a temporary file: the runs merged, the cables of `renumbered`
   * in place of their families'. Gives the summary of those lines.
   */
  private async writeLines(renumbered: readonly Entry[], cancelled: () => boolean): Promise<IndexText> {
    const text = new IndexText();
    const families = new Set(renumbered.map((entry) => familyOf(entry.path)));
    let next = 0;
    await this.writeTo('lines', async (writer) => {
      await mergeRuns(
        this.runs,
        (line) => {
          const path = pathOf(line);
          if (families.size > 0 && families.has(familyOf(path))) return undefined;
          // A write awaited is every write before it too.
          let written: Promise<void> | undefined;
          for (; next < renumbered.length && renumbered[next].path < path; next++)
            written = writer.write(text.line(renumbered[next])) ?? written;
          return writer.write(text.add(path, storedLine(line))) ?? written;
        },
        cancelled,
      );
      for (; next < renumbered.length; next++) await writer.write(text.line(renumbered[next]));
    });
    return text;
  }

  /**
   * The index file: the first line and the summary, then the cables' lines; whole, or not at all. False when cancelled
   * before the rename (a build stopped for another must not replace that one's file).
   */
  private async store(head: string, cancelled: () => boolean): Promise<boolean> {
    const lines = await open(`${this.prefix}.lines`, 'r');
    const partial = await this.temporary('partial').catch(async (error) => {
      await lines.close();
      throw error;
    });
    try {
      await partial.write(head);
      const buffer = Buffer.alloc(WRITE_BYTES);
      for (;;) {
        const { bytesRead } = await lines.read(buffer, 0, buffer.length);
        if (bytesRead === 0) break;
        await partial.write(buffer.subarray(0, bytesRead));
      }
    } finally {
      await Promise.all([partial.close(), lines.close()]);
    }
    if (cancelled()) return false;
    await rename(`${this.prefix}.partial`, this.file);
    this.made.delete(`${this.prefix}.partial`);
    return true;
  }
}
