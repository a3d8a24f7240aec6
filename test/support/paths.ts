// Paths for tests, which run bundled from out/test/: find the project root by its package.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(__dirname);
export const fixturesDir = join(projectRoot, 'test', 'fixtures');
export const serverBundle = join(projectRoot, 'dist', 'server.js');
export const cliBundle = join(projectRoot, 'dist', 'cable-lint.js');
