// Fixture cables as an editor would show them: UTF-8, or Latin-1 when the bytes are not valid UTF-8
// (the one decoder of server/src/cableFiles/decode.ts, which the command-line linter uses too).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCableText } from '../../server/src/cableFiles/decode';
import { fixturesDir } from './paths';

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.cable'))
    .sort();
}

export function readFixture(name: string): string {
  return decodeCableText(readFileSync(join(fixturesDir, name)));
}
