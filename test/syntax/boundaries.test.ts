// Cable boundaries survive damage: in a file of several cables, a transmission or DTG line damaged by one character
// still opens its cable (no two cables merge, none splits), and the damaged line gets a diagnostic of its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { CableModel } from '../../server/src/syntax/model';
import { documentContext } from '../support/context';
import { readFixture } from '../support/fixtures';

/** Full headers (VZCZC first) and short ones (the DTG first), in turns. */
const CABLES = ['09DUSHANBE1151', '01PRETORIA1173', '06ANKARA4688', '08BRASILIA93', '09BERLIN1273'];
const FILE = CABLES.map((name) => readFixture(`${name}.cable`).replace(/\r/g, '').trimEnd()).join('\n\n');

function starts(text: string): number[] {
  return CableModel.parse(text).cables.map((c) => c.startLine);
}

/** Damage to the opener's keyword (VZCZC) or to the DTG's precedence, zone letter and month. */
function damages(line: string): string[] {
  if (line.startsWith('VZCZC'))
    return [1, 2, 4].flatMap((k) => [
      line.slice(0, k) + line.slice(k + 1),
      line.slice(0, k) + 'X' + line.slice(k + 1),
      line.slice(0, k) + 'Q' + line.slice(k),
    ]);
  const zone = line.indexOf('Z ');
  return [
    line.slice(1),
    line.slice(2),
    'X' + line.slice(1),
    line.slice(0, zone) + line.slice(zone + 1),
    line.slice(0, zone) + ' ' + line.slice(zone + 1),
    line.replace(/ [A-Z]{3} /, (month) => month.slice(0, 3) + ' '),
  ];
}

test('a damaged opener still opens its cable, and is reported on its line', () => {
  const lines = FILE.split('\n');
  const expected = starts(FILE);
  assert.equal(expected.length, CABLES.length);
  for (const at of expected.slice(1)) {
    for (const damaged of damages(lines[at])) {
      const mutant = [...lines];
      mutant[at] = damaged;
      const text = mutant.join('\n');
      assert.deepEqual(starts(text), expected, `${JSON.stringify(damaged)} moved a cable boundary`);
      const onLine = documentDiagnostics(documentContext(CableModel.parse(text))).filter(
        (d) => d.range.start.line === at && d.severity! <= 2,
      );
      assert.ok(onLine.length > 0, `${JSON.stringify(damaged)} has no diagnostic on its line`);
    }
  }
});

test('a line shaped like a damaged opener inside a text opens nothing before the text has a body', () => {
  const lines = FILE.split('\n');
  const [, second] = starts(FILE);
  // Between a header and its body: an unrecognised header line, not a new cable.
  const mutant = [...lines.slice(0, second + 1), 'VZCZXRO1864', ...lines.slice(second + 1)];
  assert.deepEqual(starts(mutant.join('\n')).length, CABLES.length);
});
