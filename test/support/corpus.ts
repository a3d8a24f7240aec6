// Corpus dumps as users open them: fixture cables concatenated, one blank line between.
import { fixtureNames, readFixture } from './fixtures';

/** Fixture cables concatenated (one blank line between) until the text reaches `megabytes`. */
export function corpusOfSize(megabytes: number): string {
  const cables = fixtureNames().map(readFixture);
  const target = megabytes * 1024 * 1024;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const cable = cables[i % cables.length];
    parts.push(cable);
    size += cable.length + 1;
  }
  return parts.join('\n');
}
