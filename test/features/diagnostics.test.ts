// Diagnostics of every fixture cable as `line:col code severity message`, against reviewed golden files.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { CableModel } from '../../server/src/syntax/model';
import { fixtureNames, readFixture } from '../support/fixtures';
import { assertGolden } from '../support/golden';
import { fixturesDir } from '../support/paths';
import { documentContext } from '../support/context';

const SEVERITY_NAME = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

for (const name of fixtureNames()) {
  test(`diagnostics of ${name}`, () => {
    const diagnostics = documentDiagnostics(documentContext(CableModel.parse(readFixture(name))));
    const lines = diagnostics.map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character}-${d.range.end.character} ${d.code} ${SEVERITY_NAME[d.severity!]} ${d.message}`,
    );
    assertGolden(join(fixturesDir, name.replace(/\.cable$/, '.diagnostics.txt')), lines.join('\n') + '\n');
  });
}

test('an unspaced CONFIDENTIAL classification line, as many sources write it, is no warning', () => {
  for (const written of ['CONFIDENTIAL SECTION 01 OF 02 DUSHANBE 001151', 'SECRET SECTION 01 OF 02 DUSHANBE 001151']) {
    const seed = readFixture('09DUSHANBE1151.cable');
    const text = seed.replace('C O N F I D E N T I A L SECTION 01 OF 02 DUSHANBE 001151', written);
    assert.notEqual(text, seed);
    const line = text.split('\n').findIndex((l) => l.startsWith(written));
    const onLine = documentDiagnostics(documentContext(CableModel.parse(text))).filter(
      (d) => d.range.start.line === line && d.severity! < DiagnosticSeverity.Information,
    );
    // SECRET under the seed's ZNY CCCCC line is a mismatch (reported on the ZNY line), not a form problem.
    assert.deepEqual(
      onLine.map((d) => d.code),
      [],
      written,
    );
  }
});
