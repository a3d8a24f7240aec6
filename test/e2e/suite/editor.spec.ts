// The extension as VS Code sees it: installed, activated by cable files, language `cable`.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { samples } from '../samples';
import { cableExtension, extensionId, openSample, sampleUri } from './helpers';
import { test } from './runner';

test('a .cable file opens with language id "cable"', async () => {
  const document = await openSample(samples.seed);
  assert.equal(document.languageId, 'cable');
});

test('the extension is installed, activates on a cable and contributes the language', async () => {
  await openSample(samples.seed);
  const extension = await cableExtension();
  assert.ok(extension.isActive, `${extensionId} did not activate`);
  const languages = (extension.packageJSON.contributes?.languages ?? []) as Array<{ id: string; aliases?: string[] }>;
  const cable = languages.find((language) => language.id === 'cable');
  assert.ok(cable, 'no contributed language "cable"');
  assert.equal(cable.aliases?.[0], 'Diplomatic Cable');
  assert.ok((await vscode.languages.getLanguages()).includes('cable'));
});

test('a file without extension whose first line is a VZCZC transmission line is a cable', async () => {
  const document = await vscode.workspace.openTextDocument(sampleUri(samples.noExtension));
  assert.match(document.lineAt(0).text, /^VZCZC/);
  assert.equal(document.languageId, 'cable');
});

test('a .txt file whose first non-blank line is a VZCZC transmission line becomes a cable', async () => {
  const document = await vscode.workspace.openTextDocument(sampleUri(samples.plainText));
  await vscode.window.showTextDocument(document);
  const deadline = Date.now() + 10_000;
  while (vscode.window.activeTextEditor?.document.languageId !== 'cable' && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(vscode.window.activeTextEditor?.document.languageId, 'cable');
});

test('a cable gets the reading defaults: word wrap, no ambiguous-character boxes, encoding guessing', async () => {
  const document = await openSample(samples.seed);
  const editor = vscode.workspace.getConfiguration('editor', document);
  assert.equal(editor.get('wordWrap'), 'on');
  assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
  assert.equal(editor.get('unicodeHighlight.invisibleCharacters'), false);
  assert.equal(vscode.workspace.getConfiguration('files', document).get('autoGuessEncoding'), true);
});

test('a cable saved in Latin-1 (06NEWDELHI5135) opens with its paragraph signs, not replacement characters', async () => {
  const document = await openSample('06NEWDELHI5135.cable');
  assert.match(document.getText(), /^¶1\. {2}\(C\) Summary:/m);
  assert.ok(!document.getText().includes('\ufffd'), 'a replacement character in the text');
});
