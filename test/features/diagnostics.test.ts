// Diagnostics of every fixture cable as `line:col code severity message`, against reviewed golden files.
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
