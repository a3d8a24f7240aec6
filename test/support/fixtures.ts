// Fixture cables as an editor would show them: UTF-8, or Latin-1 when the bytes are not valid UTF-8.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from './paths';

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir).filter((name) => name.endsWith('.cable')).sort();
}

/** Cable bytes as text: UTF-8 when valid, otherwise Latin-1 (raw cables.csv copies, pilcrow as byte 0xB6). */
export function decodeCable(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}

export function readFixture(name: string): string {
  return decodeCable(readFileSync(join(fixturesDir, name)));
}
