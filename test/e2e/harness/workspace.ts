// The folder of sample cables the editor opens: a copy of test/fixtures plus cables made for the
// tests, so nothing a test or a person does in the editor touches the repository.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cablesCsv, publishedFixtures, writeCablePages } from '../../support/archives';
import { fixturesDir } from '../../support/paths';
import { defectiveSeed, samples, seedName } from '../samples';

/** Fills `folder` with the fixture cables and the test cables of `samples`; returns `folder`. */
export function makeSampleFolder(folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(fixturesDir)) {
    if (name.endsWith('.cable') || name === 'SOURCES.md') copyFileSync(join(fixturesDir, name), join(folder, name));
  }
  const seedText = readFileSync(join(fixturesDir, seedName), 'utf8');
  write(join(folder, samples.defective), defectiveSeed(seedText));
  write(join(folder, samples.noExtension), seedText.replace(/^\s*\n/, ''));
  write(join(folder, samples.plainText), seedText);
  write(join(folder, samples.archive), cablesCsv(publishedFixtures()));
  writeCablePages(join(folder, samples.pages), publishedFixtures());
  return folder;
}

/**
 * A workspace file holding only `folder`: opened instead of the folder, so that the suite may add a folder (a Cablegate
 * archive) to the workspace. From a folder, VS Code would enter a new workspace, which it refuses in tests.
 */
export function makeSampleWorkspace(folder: string): string {
  const file = `${folder}.code-workspace`;
  writeFileSync(file, JSON.stringify({ folders: [{ path: folder }] }));
  return file;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
