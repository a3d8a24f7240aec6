// The user's own code tables (setting cable.tables.extra): read with workspace.fs, so that they work in a virtual
// workspace on vscode.dev too; read again when the setting, the workspace folders or the files change. The server
// parses them (see server/src/vocabulary/extra.ts): the client only hands over names and text.
import * as vscode from 'vscode';
import type { TableFile } from '../../server/src/protocol';

const TABLES_SETTING = 'tables.extra';

/** Changes within this many milliseconds (a save that touches several files, a branch switch) make one reload. */
const DEBOUNCE_MS = 200;

/** Larger table files are not read (125 000 codes are about 3 MB). */
const MAX_TABLE_BYTES = 64 * 1024 * 1024;

/** A path inside a workspace folder: relative, and never stepping up out of it (`../../etc/passwd`, `/etc/passwd`). */
function staysInFolder(path: string): boolean {
  return !/^([a-z]:)?\//i.test(path) && !path.split('/').includes('..');
}

/** The configured paths: strings, trimmed, without empties and repeats. */
function configuredTablePaths(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const paths = value
    .filter((path): path is string => typeof path === 'string')
    .map((path) => path.trim().replace(/\\/g, '/').replace(/^\.\//, ''));
  return [...new Set(paths.filter((path) => path !== ''))];
}

export class UserTables implements vscode.Disposable {
  /** The files as last read, in the order of the setting (later files win in the server). */
  files: TableFile[] = [];
  private readonly emitter = new vscode.EventEmitter<TableFile[]>();
  /** Fires with the complete new set after a reload. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private watchers: vscode.Disposable[] = [];
  private watched: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`cable.${TABLES_SETTING}`)) this.schedule();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
      // Watchers may not report saves on every virtual file system; a save made in the editor is reported here.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.watched.includes(document.uri.toString())) this.schedule();
      }),
    );
  }

  /** The configured paths that stay inside the workspace folders (the others said in the log). */
  private paths(): string[] {
    const paths = configuredTablePaths(vscode.workspace.getConfiguration('cable').get(TABLES_SETTING));
    for (const path of paths.filter((p) => !staysInFolder(p)))
      this.log.warn(`cable.${TABLES_SETTING}: ${path} is not read: table paths stay inside the workspace folders.`);
    return paths.filter(staysInFolder);
  }

  /** Every workspace folder's copy of every configured path, in setting order. */
  private candidates(): { uri: vscode.Uri; name: string; folder: vscode.WorkspaceFolder; path: string }[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return this.paths().flatMap((path) =>
      folders.map((folder) => ({
        uri: vscode.Uri.joinPath(folder.uri, path),
        name: folders.length > 1 ? `${folder.name}/${path}` : path,
        folder,
        path,
      })),
    );
  }

  private watch(): void {
    for (const watcher of this.watchers) watcher.dispose();
    const candidates = this.candidates();
    this.watched = candidates.map((c) => c.uri.toString());
    this.watchers = candidates.map(({ folder, path }) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, path));
      watcher.onDidCreate(() => this.schedule());
      watcher.onDidChange(() => this.schedule());
      watcher.onDidDelete(() => this.schedule());
      return watcher;
    });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), DEBOUNCE_MS);
  }

  /** Reads the files now (and watches them); fires onDidChange unless a newer reload overtook this one. */
  async reload(): Promise<TableFile[]> {
    this.timer = undefined;
    const generation = ++this.generation;
    this.watch();
    const files = await this.read();
    if (generation === this.generation) {
      this.files = files;
      this.emitter.fire(files);
    }
    return files;
  }

  private async read(): Promise<TableFile[]> {
    const files: TableFile[] = [];
    // A workspace could name any file of the user's as a table: read none until the user trusts it.
    if (!vscode.workspace.isTrusted) {
      if (this.paths().length)
        this.log.warn(
          `cable.${TABLES_SETTING}: not read in an untrusted workspace (trust the workspace to read them).`,
        );
      return files;
    }
    const found = new Set<string>();
    const decoder = new TextDecoder('utf-8');
    for (const candidate of this.candidates()) {
      try {
        // A link could lead out of the folder, a huge file exhaust the memory: neither is read.
        const stats = await vscode.workspace.fs.stat(candidate.uri);
        if (stats.type !== vscode.FileType.File || stats.size > MAX_TABLE_BYTES) {
          this.log.warn(
            `cable.${TABLES_SETTING}: ${candidate.name} is not read: ${stats.type & vscode.FileType.SymbolicLink ? 'a link' : stats.type !== vscode.FileType.File ? 'not a file' : 'larger than 64 MB'}.`,
          );
          continue;
        }
        const bytes = await vscode.workspace.fs.readFile(candidate.uri);
        files.push({ name: candidate.name, text: decoder.decode(bytes) });
        found.add(candidate.path);
      } catch {
        // Not in this folder; reported below when it is in none.
      }
    }
    const folders = vscode.workspace.workspaceFolders?.length ?? 0;
    for (const path of this.paths()) {
      if (!found.has(path))
        this.log.warn(
          `cable.${TABLES_SETTING}: ${path} not found in ${folders ? 'the workspace folder(s)' : 'a workspace (no folder is open)'}`,
        );
    }
    if (files.length) this.log.info(`Code tables: ${files.map((f) => f.name).join(', ')}`);
    return files;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
