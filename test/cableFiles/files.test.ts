// package.json cannot import TypeScript: its language contribution must say what the cableFiles module says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CABLE_EXTENSIONS, isCableHead, isSkippedFolder, TRANSMISSION_LINE } from '../../server/src/cableFiles/files';
import { projectRoot } from '../support/paths';

test("package.json's extensions and firstLine are the cableFiles module's", () => {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const [language] = manifest.contributes.languages;
  assert.deepEqual(language.extensions, CABLE_EXTENSIONS);
  assert.equal(language.firstLine, TRANSMISSION_LINE.source);
});

test('a file head with a byte order mark, or blank lines, before the transmission line is a cable', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  assert.equal(isCableHead(bytes('\uFEFFVZCZCXRO1864\nRR RUEHDBU')), true);
  assert.equal(isCableHead(bytes('\n  VZCZCXYZ0000\n')), true);
  assert.equal(
    isCableHead(bytes('\uFEFFVZCZCXRO1864\n' + '¶'.repeat(30)).subarray(0, 64)),
    true,
    'a cut UTF-8 character',
  );
  assert.equal(isCableHead(bytes('Notes on VZCZC lines\n')), false);
});

test('skipped folders: hidden ones and node_modules', () => {
  assert.deepEqual(['.git', '.history', 'node_modules', 'cables', 'a.b'].map(isSkippedFolder), [
    true,
    true,
    true,
    false,
    false,
  ]);
});
