// Fixture cables as an editor would show them: UTF-8, or Latin-1 when the bytes are not valid UTF-8.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from './paths';

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir).filter((name) => name.endsWith('.cable')).sort();
}

export function readFixture(name: string): string {
  const bytes = readFileSync(join(fixturesDir, name));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}
