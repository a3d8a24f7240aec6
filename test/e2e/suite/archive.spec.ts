// A cables.csv opened as a read-only folder of cables (issue 16, "In the editor"): the command on the sample folder's
// archive/cables.csv, the folder of scheme cablegate added to the workspace, a cable opened from it with its outline,
// its REF link and go to definition resolved inside the archive, workspace symbols finding archive cables, writes
// refused, a cable saved as a copy; the indexing of a large archive cancelled; an archive changed on disk while open
// indexed again. Last in the suite: the archives' folders are removed again, but the server indexed their cables
// meanwhile.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { samples } from '../samples';
import { eventually, lineStartingWith, sampleUri } from './helpers';
import { test } from './runner';

/** The archive's folder, opened once by the command (which builds the offset index) and shared by the tests. */
let opened: Promise<vscode.Uri> | undefined;

function archiveFolder(): Promise<vscode.Uri> {
  return (opened ??= (async () => {
    const folder = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'cable.openArchive',
      sampleUri(samples.archive),
    );
    assert.ok(folder, 'Cable: Open Cablegate Archive... opened nothing');
    return folder;
  })());
}

const inArchive = (folder: vscode.Uri, path: string) => vscode.Uri.joinPath(folder, path);

test(
  'Open Cablegate Archive: cables.csv shown as a workspace folder of scheme cablegate, by year and origin',
  async () => {
    const folder = await archiveFolder();
    assert.equal(folder.scheme, 'cablegate');
    assert.match(folder.authority, /^[0-9a-f]{8}$/);
    await eventually('the archive among the workspace folders', () =>
      vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === folder.toString()) ? true : undefined,
    );
    const years = await vscode.workspace.fs.readDirectory(folder);
    assert.ok(
      years.some(([name, type]) => name === '2009' && type === vscode.FileType.Directory),
      years.join(' '),
    );
    const doha = await vscode.workspace.fs.readDirectory(inArchive(folder, '2009/Embassy Doha'));
    assert.deepEqual(doha, [['09DOHA214.cable', vscode.FileType.File]]);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(inArchive(folder, '2009/Embassy Doha/x.cable'), new Uint8Array())),
      /read-only|NoPermissions/i,
    );
  },
  { timeoutMs: 60_000 },
);

test(
  'a cable of the archive: language cable, its outline, and SECSTATE 15113 resolving to the archive’s 09STATE15113',
  async () => {
    const folder = await archiveFolder();
    const citing = await vscode.workspace.openTextDocument(inArchive(folder, '2009/Embassy Doha/09DOHA214.cable'));
    await vscode.window.showTextDocument(citing);
    assert.equal(citing.languageId, 'cable');
    const symbols = await eventually('the outline of the archive’s 09DOHA214', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        citing.uri,
      );
      return found?.length ? found : undefined;
    });
    assert.equal(symbols[0].name.split(' ')[0], '09DOHA214');
    const line = lineStartingWith(citing, 'REF:');
    const position = new vscode.Position(line, citing.lineAt(line).text.indexOf('SECSTATE 15113') + 3);
    const cited = inArchive(folder, '2009/Secretary of State/09STATE15113.cable');
    const targets = await eventually('a definition of SECSTATE 15113 inside the archive', async () => {
      const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
        'vscode.executeDefinitionProvider',
        citing.uri,
        position,
      );
      const uris = (found ?? []).map((t) => ('targetUri' in t ? t.targetUri : t.uri).toString());
      return uris.includes(cited.toString()) ? uris : undefined;
    });
    assert.ok(targets.length >= 1);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', citing.uri);
    assert.ok(
      links.some((link) => link.target?.with({ fragment: '' }).toString() === cited.toString()),
      `links: ${links.map((l) => l.target?.toString()).join(' ')}`,
    );
    // Asked again while it finds nothing there: once in a CI run, the first answer was empty.
    await eventually('workspace symbols of 09STATE15113 inside the archive', async () => {
      const symbolsFound = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        '09STATE15113',
      );
      assert.ok(
        symbolsFound.some((s) => s.location.uri.toString() === cited.toString()),
        `found: ${symbolsFound.map((s) => s.location.uri.toString()).join(' ') || 'nothing'}`,
      );
      return true;
    });
  },
  { needs: 'definition', timeoutMs: 60_000 },
);

test('a folder of the site’s pages opens the same way: the same tree, a cable’s text from its page', async () => {
  const folder = await vscode.commands.executeCommand<vscode.Uri | undefined>(
    'cable.openArchive',
    sampleUri(samples.pages),
  );
  assert.ok(folder && folder.scheme === 'cablegate');
  await eventually('the pages among the workspace folders', () =>
    vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === folder.toString()) ? true : undefined,
  );
  const doha = await vscode.workspace.fs.readDirectory(inArchive(folder, '2009/Embassy Doha'));
  assert.deepEqual(doha, [['09DOHA214.cable', vscode.FileType.File]]);
  const fromPage = new TextDecoder().decode(
    await vscode.workspace.fs.readFile(inArchive(folder, '2009/Embassy Doha/09DOHA214.cable')),
  );
  assert.match(fromPage, /^REF: A\. SECSTATE 15113/m);
});

test('Save a Copy as .cable: the archive’s 09DOHA214 written to the file given, the same bytes as the fixture', async () => {
  const folder = await archiveFolder();
  const dir = mkdtempSync(join(tmpdir(), 'cable-save-copy-'));
  try {
    const target = vscode.Uri.file(join(dir, '09DOHA214.cable'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'cable.saveArchivedCableCopy',
      inArchive(folder, '2009/Embassy Doha/09DOHA214.cable'),
      target,
    );
    assert.equal(written?.toString(), target.toString());
    assert.deepEqual(readFileSync(target.fsPath), readFileSync(sampleUri('09DOHA214.cable').fsPath));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'Cancel Cablegate Archive Indexing: a large archive being indexed is not opened, and nothing is left indexing',
  async () => {
    // The sample cables.csv repeated to 128 MiB: its index takes long enough to be cancelled on the way.
    const dir = mkdtempSync(join(tmpdir(), 'cable-cancel-indexing-'));
    try {
      const rows = readFileSync(sampleUri(samples.archive).fsPath);
      const large = join(dir, 'cables.csv');
      writeFileSync(large, Buffer.concat(Array.from({ length: Math.ceil((128 << 20) / rows.length) }, () => rows)));
      const opening = vscode.commands.executeCommand<vscode.Uri | undefined>(
        'cable.openArchive',
        vscode.Uri.file(large),
      );
      // Asked again and again until the indexing is under way (the command's first steps are asynchronous).
      const cancel = () => vscode.commands.executeCommand<boolean>('cable.cancelArchiveIndexing');
      for (const deadline = Date.now() + 30_000; !(await cancel());) {
        assert.ok(Date.now() < deadline, 'no indexing under way to cancel');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      assert.equal(await opening, undefined, 'the archive was opened all the same');
      assert.equal(await vscode.commands.executeCommand<boolean>('cable.cancelArchiveIndexing'), false);
      assert.ok(
        !vscode.workspace.workspaceFolders?.some((f) => f.name.startsWith('Cablegate: cables.csv (cable-cancel')),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  { timeoutMs: 60_000 },
);

test(
  'an archive changed on disk while open: indexed again, its folder and the workspace symbols follow the change',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-archive-changed-'));
    try {
      const csv = join(dir, 'cables.csv');
      writeFileSync(csv, readFileSync(sampleUri(samples.archive).fsPath));
      const folder = await vscode.commands.executeCommand<vscode.Uri | undefined>(
        'cable.openArchive',
        vscode.Uri.file(csv),
      );
      assert.ok(folder, 'the copy of the archive was not opened');
      await eventually('the copy among the workspace folders', () =>
        vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === folder.toString()) ? true : undefined,
      );
      const before = inArchive(folder, '2009/Embassy Doha/09DOHA214.cable').toString();
      const after = inArchive(folder, '2009/Embassy Doha/09DOHA999.cable').toString();
      const symbolsOf09DOHA214 = async () =>
        (
          await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
            'vscode.executeWorkspaceSymbolProvider',
            '09DOHA214',
          )
        ).map((s) => s.location.uri.toString());
      await eventually(
        '09DOHA214 of the copy among the workspace symbols',
        async () => ((await symbolsOf09DOHA214()).includes(before) ? true : undefined),
        30_000,
      );
      // The publisher's reference ID of the cable changed in its row: the cable has another path in the folder.
      const text = readFileSync(csv, 'utf8');
      const changed = text.replace(',"09DOHA214","Embassy Doha",', ',"09DOHA999","Embassy Doha",');
      assert.notEqual(changed, text, 'no row of 09DOHA214 to change');
      writeFileSync(csv, changed);
      await eventually(
        'the folder of the changed archive listing 09DOHA999.cable',
        async () => {
          const listed = await vscode.workspace.fs.readDirectory(inArchive(folder, '2009/Embassy Doha'));
          return listed.some(([name]) => name === '09DOHA999.cable') ? true : undefined;
        },
        30_000,
      );
      await eventually(
        'the language server reading the changed archive again',
        async () => {
          const found = await symbolsOf09DOHA214();
          assert.ok(found.includes(after) && !found.includes(before), `found: ${found.join(' ')}`);
          return true;
        },
        30_000,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  { needs: 'workspace symbols', timeoutMs: 120_000 },
);

test('the archives’ folders removed from the workspace again', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const folders = vscode.workspace.workspaceFolders ?? [];
  const first = folders.findIndex((f) => f.uri.scheme === 'cablegate');
  assert.ok(first > 0, 'no archive among the later workspace folders');
  assert.ok(folders.slice(first).every((f) => f.uri.scheme === 'cablegate'));
  // Refused (false) while the addition of the pages' folder is still under way: tried again until it is done.
  await eventually('the archives removed', () =>
    vscode.workspace.updateWorkspaceFolders(first, folders.length - first) ? true : undefined,
  );
  await eventually('no archive among the workspace folders', () =>
    vscode.workspace.workspaceFolders?.every((f) => f.uri.scheme !== 'cablegate') ? true : undefined,
  );
});
