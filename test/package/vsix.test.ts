// The .vsix a user installs: built with vsce, bundled, small, nothing but what the extension needs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../support/paths';

/** Names of the entries in a zip file, read from its central directory. */
function zipEntryNames(zip: Buffer): string[] {
  const endOfCentralDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOfCentralDirectory >= 0, 'not a zip file');
  const count = zip.readUInt16LE(endOfCentralDirectory + 10);
  let offset = zip.readUInt32LE(endOfCentralDirectory + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// `npm test` runs `npm run package` before the tests, so the .vsix here is the one just built.
test('the packaged .vsix is small and holds the desktop and web bundles and the grammar, no sources', () => {
  const { name, version, main, browser } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  assert.deepEqual([main, browser], ['./dist/client.js', './dist/browser/client.js']);
  const vsix = readFileSync(join(projectRoot, `${name}-${version}.vsix`));
  const files = zipEntryNames(vsix).filter((name) => name.startsWith('extension/'));
  for (const required of [
    'extension/package.json',
    'extension/dist/client.js',
    'extension/dist/server.js',
    'extension/dist/browser/client.js',
    'extension/dist/browser/server.js',
    'extension/syntaxes/cable.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
    'extension/images/icon.png',
  ]) {
    assert.ok(files.includes(required), `${required} missing from ${files.join(', ')}`);
  }
  const unwanted = files.filter((name) =>
    /node_modules|\.ts$|\.map$|\/test\/|\/server\/src\/|\/client\/src\//.test(name),
  );
  assert.deepEqual(unwanted, []);
  assert.ok(vsix.length < 2_000_000, `vsix is ${vsix.length} bytes`);
});
