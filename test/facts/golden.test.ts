// The facts of every fixture cable, as `cable/facts` answers them, against reviewed golden files (<name>.facts.json;
// ranges written `line:column-line:column`, 1-based lines).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { Range } from 'vscode-languageserver-types';
import { CableReader } from '../../server/src/facts/facts';
import { cableFacts } from '../../server/src/features/facts';
import { CableModel } from '../../server/src/syntax/model';
import { documentContext } from '../support/context';
import { fixtureNames, readFixture } from '../support/fixtures';
import { assertGolden } from '../support/golden';
import { fixturesDir } from '../support/paths';

/** `12:5-12:17` for a range. */
function compactRanges(_key: string, value: unknown): unknown {
  const range = value as Range;
  if (range && typeof range === 'object' && range.start && range.end && typeof range.start.line === 'number')
    return `${range.start.line + 1}:${range.start.character}-${range.end.line + 1}:${range.end.character}`;
  return value;
}

for (const name of fixtureNames()) {
  test(`facts of ${name}`, () => {
    // Under the fixture's own name, as the editor opens it: a lone undated cable takes its year from it.
    const uri = pathToFileURL(join(fixturesDir, name)).toString();
    const { cables } = cableFacts(documentContext(new CableReader(CableModel.parse(readFixture(name)), uri), { uri }));
    assertGolden(
      join(fixturesDir, name.replace(/\.cable$/, '.facts.json')),
      JSON.stringify(cables, compactRanges, 1) + '\n',
    );
  });
}
