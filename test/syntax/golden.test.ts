// The model of every fixture cable, dumped and compared with its reviewed golden file.
import { join } from 'node:path';
import { test } from 'node:test';
import { dumpModel } from '../../server/src/syntax/dump';
import { CableModel } from '../../server/src/syntax/model';
import { fixtureNames, readFixture } from '../support/fixtures';
import { assertGolden } from '../support/golden';
import { fixturesDir } from '../support/paths';

for (const name of fixtureNames()) {
  test(`model of ${name}`, () => {
    const model = CableModel.parse(readFixture(name));
    assertGolden(join(fixturesDir, name.replace(/\.cable$/, '.model.txt')), dumpModel(model));
  });
}
