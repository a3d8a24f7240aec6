// Restarts of the language server: by "Cable: Restart Language Server", and by the client when the server dies
// (vscode-languageclient's default error handler restarts it up to 4 times in 3 minutes). The tests kill the server
// process with SIGKILL, as a crash or the OOM killer would.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { samples, seedName } from '../samples';
import {
  cableDiagnostics,
  cableExtension,
  describeDiagnostics,
  eventually,
  lineStartingWith,
  openSample,
  sampleUri,
  serverPid,
  withUntitledCable,
} from './helpers';
import { test } from './runner';

const cableName = seedName.replace(/\.cable$/, '');

/** True once the server answers the outline of `document` with its cable; throws before. */
async function outlineAnswered(document: vscode.TextDocument): Promise<true> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
    'vscode.executeDocumentSymbolProvider',
    document.uri,
  );
  assert.deepEqual(
    symbols?.map((symbol) => symbol.name),
    [cableName],
    'the outline is not the seed cable',
  );
  return true;
}

/** Waits for a server process other than `oldPid`, the only one. */
function newServer(oldPid: number): Promise<number> {
  return eventually(
    `a new language server process instead of ${oldPid}`,
    () => {
      const pid = serverPid();
      assert.notEqual(pid, oldPid, 'still the killed server');
      return pid;
    },
    20_000,
  );
}

test(
  '"Cable: Restart Language Server" is a command and replaces the server process; the outline answers again',
  async () => {
    const document = await openSample(samples.seed);
    await cableExtension(); // activated: its commands are registered
    assert.ok(
      (await vscode.commands.getCommands(true)).includes('cable.restartServer'),
      'cable.restartServer is not registered',
    );
    await eventually('the outline before the restart', () => outlineAnswered(document));
    const before = serverPid();
    await vscode.commands.executeCommand('cable.restartServer');
    await newServer(before);
    await eventually('the outline from the new server', () => outlineAnswered(document));
  },
  { needs: 'a restart of the language server' },
);

test(
  'a killed language server is restarted: the outline comes back and an edit reaches the new server',
  async () => {
    const seedText = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(samples.seed)));
    await withUntitledCable(seedText, async (editor) => {
      const document = editor.document;
      const securityLine = lineStartingWith(document, 'ZNY CCCCC');
      const securityProblems = () => cableDiagnostics(document.uri).filter((d) => d.range.start.line === securityLine);
      await eventually('the outline before the kill', () => outlineAnswered(document));
      const killed = await eventually('the language server process', serverPid);
      process.kill(killed, 'SIGKILL');

      await newServer(killed);
      await eventually('the outline from the restarted server', () => outlineAnswered(document), 20_000);
      await eventually(
        'diagnostics after the restart',
        () => (cableDiagnostics(document.uri).length > 0 ? true : undefined),
        20_000,
      );
      assert.equal(describeDiagnostics(securityProblems()), '(none)', 'the seed has a problem on its security line');

      // The new server has the document (re-sent on restart) and follows edits: a SECRET security line under the
      // CONFIDENTIAL classification line is reported.
      assert.ok(
        await editor.edit((edit) => edit.replace(new vscode.Range(securityLine, 4, securityLine, 9), 'SSSSS')),
        'the edit was not applied',
      );
      await eventually('a diagnostic on the edited security line', () =>
        securityProblems().length > 0 ? true : undefined,
      );
    });
  },
  { needs: 'a restart of the language server', timeoutMs: 60_000 },
);

test(
  '"Cable: Restart Language Server" just after the server died: no error, and one server answers',
  async () => {
    const document = await openSample(samples.seed);
    await eventually('the outline before the kill', () => outlineAnswered(document));
    // At once, before the client has noticed the death: stopping the server politely fails on the dead connection.
    const killed = serverPid();
    process.kill(killed, 'SIGKILL');
    await vscode.commands.executeCommand('cable.restartServer');
    const second = await newServer(killed);
    await eventually('the outline after the first restart', () => outlineAnswered(document));
    // While the client restarts a killed server (its process is there, the client is usually still starting it): a
    // client that is starting refuses to stop.
    process.kill(second, 'SIGKILL');
    await newServer(second);
    await vscode.commands.executeCommand('cable.restartServer');
    await eventually('the outline after the second restart', () => outlineAnswered(document), 20_000);
    await eventually('one language server process', serverPid);
  },
  { needs: 'a restart of the language server', timeoutMs: 60_000 },
);
