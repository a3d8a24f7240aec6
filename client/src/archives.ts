// Cablegate as published, in the editor (desktop only: the archive is read with Node's fs): a cables.csv or a folder
// of the site's pages shown as a read-only folder of cables, `cablegate://<authority>/<year>/<origin>/<ID>.cable`,
// the authority a hash of the archive's path (archiveAuthority). The offset index is built once, with its progress in
// the status bar (a click, or Cable: Cancel Cablegate Archive Indexing, stops it), into the extension's global storage
// (archives/<authority>.tsv) and reused while the archive is unchanged; the language server is told of the archives
// (cable/archives) and indexes their cables through the same file. An archive changed on disk while open (a file
// watcher) is indexed again, and the language server reads its cables again.
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { archiveAuthority, ARCHIVE_SCHEME } from '../../server/src/archive/offsetIndex';
import { OpenArchive, openArchive, readArchivedCable } from '../../server/src/archive/nodeArchive';
import type { ArchiveParams } from '../../server/src/protocol';

const OPEN_ARCHIVE_COMMAND = 'cable.openArchive';
const SAVE_COPY_COMMAND = 'cable.saveArchivedCableCopy';
const CANCEL_INDEXING_COMMAND = 'cable.cancelArchiveIndexing';
/** A context key, true while an offset index is being built: the cancel command is offered then. */
const INDEXING_CONTEXT = 'cable.archiveIndexing';

/** globalState: the archives opened so far, path by authority, so that a folder restored with the window reads. */
const KNOWN_ARCHIVES = 'cable.archives';

const readOnly = (uri: vscode.Uri) =>
  vscode.FileSystemError.NoPermissions(`${uri.toString(true)} is read-only: a cable of a Cablegate archive`);

/** How long an archive stays unchanged on disk before it is indexed again (a copy over it comes in many writes). */
const SETTLE_MS = 500;

/** An archive being opened: its name, the share of its index built so far (-1: none yet), and whether to stop. */
interface Indexing {
  authority: string;
  name: string;
  percent: number;
  cancelled: boolean;
}

/** The read-only file system of scheme cablegate, and the archives it knows. */
export class CablegateArchives implements vscode.FileSystemProvider {
  private readonly opened = new Map<string, Promise<OpenArchive | undefined>>();
  private readonly indexing = new Set<Indexing>();
  /** The file watchers of the archives opened, by authority. */
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly status = vscode.window.createStatusBarItem(
    'cable.archiveIndexing',
    vscode.StatusBarAlignment.Left,
    99,
  );
  private statusShown = false;
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Called after an archive is opened (the language server is told); awaited before the folder is added. */
  onDidOpenArchive: () => Promise<void> = () => Promise.resolve();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.name = 'Cablegate Archive Indexing';
    this.status.command = CANCEL_INDEXING_COMMAND;
    this.status.tooltip = 'Building the offset index of a Cablegate archive: click to cancel';
  }

  private get known(): Record<string, string> {
    return this.context.globalState.get<Record<string, string>>(KNOWN_ARCHIVES) ?? {};
  }

  private indexFile(authority: string): string {
    return join(this.context.globalStorageUri.fsPath, 'archives', `${authority}.tsv`);
  }

  /** The archives the language server reads (their paths and index files). */
  archives(): ArchiveParams[] {
    return Object.entries(this.known).map(([authority, path]) => ({ path, index: this.indexFile(authority) }));
  }

  /**
   * Opens an archive (its index read, or built with progress in the status bar, which can cancel it); undefined when
   * cancelled. Remembered, so that its folder reads in later sessions too.
   */
  async open(path: string): Promise<OpenArchive | undefined> {
    const authority = archiveAuthority(path);
    // One build of an index at a time: one under way is stopped and waited for (two builds renaming the same file
    // break each other's open archive).
    const previous = this.opened.get(authority);
    this.cancelIndexing(authority);
    await previous?.catch(() => undefined);
    this.opened.delete(authority);
    const archive = await this.load(authority, path);
    if (!archive) return undefined;
    if (this.known[authority] !== path)
      await this.context.globalState.update(KNOWN_ARCHIVES, { ...this.known, [authority]: path });
    // Told every time, and the folder shown again: the index may have been built again (the archive changed).
    await this.onDidOpenArchive();
    this.changed.fire([
      { type: vscode.FileChangeType.Changed, uri: archiveFolderUri(path) },
      ...vscode.workspace.textDocuments
        .filter(({ uri }) => uri.scheme === ARCHIVE_SCHEME && uri.authority === authority)
        .map(({ uri }) => ({ type: vscode.FileChangeType.Changed, uri })),
    ]);
    return archive;
  }

  private load(authority: string, path: string): Promise<OpenArchive | undefined> {
    const loaded = this.opened.get(authority);
    if (loaded) return loaded;
    const indexing: Indexing = { authority, name: basename(path), percent: -1, cancelled: false };
    this.indexing.add(indexing);
    const loading = openArchive(
      { path, index: this.indexFile(authority) },
      {
        write: true,
        cancelled: () => indexing.cancelled,
        progress: (fraction) => {
          const percent = Math.floor(fraction * 100);
          if (percent === indexing.percent) return;
          indexing.percent = percent;
          this.showIndexing();
        },
      },
    );
    // A failure or a cancel is not kept (unless another opening has taken its place): the next look tries again.
    const done = (archive?: OpenArchive) => {
      this.indexing.delete(indexing);
      this.showIndexing();
      if (archive) this.watchOnDisk(archive);
      else if (this.opened.get(authority) === loading) this.opened.delete(authority);
    };
    loading.then(done, () => done());
    this.opened.set(authority, loading);
    return loading;
  }

  /**
   * Watches an archive opened (once): when it changes on disk (a cables.csv, or a page below a folder of pages), and
   * then stays unchanged for a moment, it is opened again: its index built again (the build under way stopped), the
   * language server told, its folder and open cables shown anew.
   */
  private watchOnDisk({ authority, path, form }: OpenArchive): void {
    if (this.watchers.has(authority)) return;
    // A cables.csv is watched through its folder, its own name compared: a name is no glob (`cables[1].csv`).
    const pattern =
      form === 'pages'
        ? new vscode.RelativePattern(vscode.Uri.file(path), '**/*.html')
        : new vscode.RelativePattern(vscode.Uri.file(dirname(path)), '*');
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = (uri: vscode.Uri) => {
      if (form !== 'pages' && uri.fsPath !== vscode.Uri.file(path).fsPath) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Gone or unreadable: its folder and cables say so when read (the change fired tells the Explorer).
        this.open(path).catch(() =>
          this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: archiveFolderUri(path) }]),
        );
      }, SETTLE_MS);
    };
    this.watchers.set(
      authority,
      vscode.Disposable.from(
        watcher,
        watcher.onDidChange(changed),
        watcher.onDidCreate(changed),
        watcher.onDidDelete(changed),
        new vscode.Disposable(() => clearTimeout(timer)),
      ),
    );
  }

  /** The status bar item: the archives whose index is being built, with their progress; hidden when there are none. */
  private showIndexing(): void {
    const building = [...this.indexing].filter((i) => i.percent >= 0);
    if (building.length > 0) {
      this.status.text = `$(sync~spin) Indexing ${building.map((i) => `${i.name} ${i.percent}%`).join(', ')}`;
      this.status.show();
    } else this.status.hide();
    if (this.statusShown === building.length > 0) return;
    this.statusShown = building.length > 0;
    void vscode.commands.executeCommand('setContext', INDEXING_CONTEXT, this.statusShown);
  }

  /**
   * Stops every archive being opened, or the one of an authority (the build gives up at its next chunk and stores
   * nothing: the archive is not opened). False when none was.
   */
  cancelIndexing(authority?: string): boolean {
    let cancelled = false;
    for (const indexing of this.indexing)
      if (authority === undefined || indexing.authority === authority) cancelled = indexing.cancelled = true;
    return cancelled;
  }

  private async archiveOf(uri: vscode.Uri): Promise<OpenArchive> {
    const path = this.known[uri.authority];
    const archive = path === undefined ? undefined : await this.load(uri.authority, path);
    if (!archive) throw vscode.FileSystemError.FileNotFound(uri);
    return archive;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const archive = await this.archiveOf(uri);
    const found = await archive.tree.find(uri.path);
    if (!found) throw vscode.FileSystemError.FileNotFound(uri);
    const common = {
      ctime: archive.stamp.mtimeMs,
      mtime: archive.stamp.mtimeMs,
      permissions: vscode.FilePermission.Readonly,
    };
    return 'cable' in found
      ? { type: vscode.FileType.File, size: found.cable.length, ...common }
      : { type: vscode.FileType.Directory, size: 0, ...common };
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const entries = await (await this.archiveOf(uri)).tree.list(uri.path);
    if (!entries) throw vscode.FileSystemError.FileNotADirectory(uri);
    return entries.map(({ name, folder }) => [name, folder ? vscode.FileType.Directory : vscode.FileType.File]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const archive = await this.archiveOf(uri);
    const found = await archive.tree.find(uri.path);
    if (!found || !('cable' in found)) throw vscode.FileSystemError.FileNotFound(uri);
    return new TextEncoder().encode(await readArchivedCable(archive, found.cable));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // nothing changes but through "Open Cablegate Archive" again
  }

  createDirectory(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  delete(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  rename(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  dispose(): void {
    this.cancelIndexing();
    this.changed.dispose();
    this.status.dispose();
    for (const watcher of this.watchers.values()) watcher.dispose();
  }
}

/** The folder of an archive in the workspace: `cablegate://<authority>/`. */
const archiveFolderUri = (path: string) =>
  vscode.Uri.from({ scheme: ARCHIVE_SCHEME, authority: archiveAuthority(path), path: '/' });

/**
 * cable.openArchive: a cables.csv or a folder of pages (the one clicked in the Explorer, or chosen in a dialog) opened,
 * and its folder added to the workspace. Returns the folder's URI (undefined when nothing was opened).
 */
async function openArchiveCommand(archives: CablegateArchives, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const chosen =
    target?.scheme === 'file'
      ? target
      : (
          await vscode.window.showOpenDialog({
            title: 'Open Cablegate Archive: a cables.csv or a folder of the site’s pages',
            canSelectFiles: true,
            canSelectFolders: true,
            filters: { 'Cablegate archive': ['csv'] },
          })
        )?.[0];
  if (!chosen) return undefined;
  let archive: OpenArchive | undefined;
  try {
    archive = await archives.open(chosen.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Cannot open ${chosen.fsPath} as a Cablegate archive: ${(error as Error).message}`,
    );
    return undefined;
  }
  if (!archive) return undefined;
  const folder = archiveFolderUri(archive.path);
  if (archive.skipped > 0)
    void vscode.window.showWarningMessage(
      `${archive.skipped} rows of ${basename(archive.path)} are not cables and are left out.`,
    );
  await addWorkspaceFolder(folder, `Cablegate: ${basename(archive.path)} (${basename(dirname(archive.path))})`);
  return folder;
}

/**
 * Adds a folder at the end of the workspace's, unless it is there. VS Code refuses (false) while an earlier change of
 * the folders is under way (an archive opened just before): tried again once that one is done, for up to 30 s.
 */
async function addWorkspaceFolder(uri: vscode.Uri, name: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.some((f) => f.uri.toString() === uri.toString())) return;
    if (vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri, name })) return;
    // The change under way, or a second (its event may have come before this): then try again.
    let listener: vscode.Disposable | undefined;
    await new Promise<void>((resolve) => {
      listener = vscode.workspace.onDidChangeWorkspaceFolders(() => resolve());
      setTimeout(resolve, 1000);
    });
    listener?.dispose();
  }
}

/**
 * cable.saveArchivedCableCopy: a cable of an archive (the editor tab's, from its context menu; else the active
 * editor's) written out as a .cable file: to `to` when given (a script's or a test's call), else where the user says.
 * Returns the file written (undefined when nothing was).
 */
async function saveCopy(tab?: vscode.Uri, to?: unknown): Promise<vscode.Uri | undefined> {
  const source = tab instanceof vscode.Uri ? tab : vscode.window.activeTextEditor?.document.uri;
  if (!source) return undefined;
  const home = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
  const name = basename(source.path);
  // From the tab's context menu the second argument is the editor group's, no URI.
  const target =
    to instanceof vscode.Uri
      ? to
      : await vscode.window.showSaveDialog({
          title: 'Save a Copy as .cable',
          defaultUri: home ? vscode.Uri.joinPath(home, name) : vscode.Uri.file(name),
          filters: { Cable: ['cable'] },
        });
  if (target) await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(source));
  return target;
}

/** Offers to open a cables.csv opened as text as a folder of cables instead. */
function offerArchive(document: vscode.TextDocument): void {
  if (document.uri.scheme !== 'file' || basename(document.uri.fsPath).toLowerCase() !== 'cables.csv') return;
  const open = 'Open as Cablegate Archive';
  void vscode.window
    .showInformationMessage(
      `${basename(document.uri.fsPath)} looks like the Cablegate release: show it as a folder of cables?`,
      open,
    )
    .then((answer) => answer === open && vscode.commands.executeCommand(OPEN_ARCHIVE_COMMAND, document.uri));
}

/** The file system, its commands and the offer on opening a cables.csv. */
export function registerArchives(context: vscode.ExtensionContext, archives: CablegateArchives): void {
  context.subscriptions.push(
    archives,
    vscode.workspace.registerFileSystemProvider(ARCHIVE_SCHEME, archives, { isCaseSensitive: true, isReadonly: true }),
    vscode.commands.registerCommand(OPEN_ARCHIVE_COMMAND, (target?: vscode.Uri) =>
      openArchiveCommand(archives, target),
    ),
    vscode.commands.registerCommand(SAVE_COPY_COMMAND, saveCopy),
    vscode.commands.registerCommand(CANCEL_INDEXING_COMMAND, () => archives.cancelIndexing()),
    vscode.workspace.onDidOpenTextDocument(offerArchive),
  );
  vscode.workspace.textDocuments.forEach(offerArchive);
}
