// The status bar item's text, tooltip and colour for the cable under the cursor (client/src/statusText.ts, pure).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentCable } from '../../client/src/statusText';
import { cableAt } from '../../server/src/features/cableAt';
import { CableReader } from '../../server/src/facts/facts';
import type { CableAtResult } from '../../server/src/protocol';
import { CableModel } from '../../server/src/syntax/model';
import { readFixture } from '../support/fixtures';
import { documentContext } from '../support/context';

function atStart(name: string): CableAtResult {
  const result = cableAt(documentContext(new CableReader(CableModel.parse(readFixture(name)))), {
    line: 0,
    character: 0,
  });
  assert.ok(result, name);
  return result;
}

test('the seed: shield, level, captions, precedence; the warning colour for CONFIDENTIAL; the reference ID in the tooltip', () => {
  const shown = presentCable(atStart('09DUSHANBE1151.cable'));
  assert.equal(shown.text, '$(shield) CONFIDENTIAL · SIPDIS · ROUTINE');
  assert.equal(shown.background, 'statusBarItem.warningBackground');
  assert.equal(
    shown.tooltip,
    '09DUSHANBE1151\nClassification: CONFIDENTIAL\nCaptions: SIPDIS\nPrecedence: ROUTINE (R)\n\nClick to reveal the classification line.',
  );
  assert.equal(shown.accessibilityLabel, 'Cable 09DUSHANBE1151: CONFIDENTIAL, captions SIPDIS, precedence ROUTINE');
});

test('colours by level: the error colour for SECRET and TOP SECRET, none for unclassified and LIMITED OFFICIAL USE', () => {
  assert.equal(presentCable(atStart('09NAIROBI2497.cable')).background, 'statusBarItem.errorBackground');
  const secret = atStart('09NAIROBI2497.cable');
  const at = (level: string, rank: number) =>
    presentCable({ ...secret, classification: { level, rank, written: level } }).background;
  assert.equal(at('TOP SECRET', 4), 'statusBarItem.errorBackground');
  assert.equal(at('LIMITED OFFICIAL USE', 1), undefined);
  assert.equal(presentCable(atStart('07PARIS1791.cable')).background, undefined);
});

test('a written form that differs is in the tooltip; many or long captions are shortened in the text only', () => {
  const nairobi = presentCable(atStart('09NAIROBI2497.cable'));
  assert.equal(nairobi.text, '$(shield) SECRET · NOFORN · SIPDIS · IMMEDIATE/ROUTINE');
  assert.match(nairobi.tooltip, /Classification: SECRET \(written "S e c r e t"\)/);
  const paris = presentCable(atStart('07PARIS1791.cable'));
  assert.equal(
    paris.text,
    '$(shield) UNCLASSIFIED · SIPDIS · SENSITIVE BUT UNCLASSIF… · HANDLE ACCORDINGLY · IMMEDIATE',
  );
  assert.match(paris.tooltip, /Captions: SIPDIS, SENSITIVE BUT UNCLASSIFIED, HANDLE ACCORDINGLY/);
  const many = presentCable({
    ...atStart('09DUSHANBE1151.cable'),
    captions: ['SIPDIS', 'NOFORN', 'EXDIS', 'STADIS', 'NODIS'],
  });
  assert.equal(many.text, '$(shield) CONFIDENTIAL · SIPDIS · NOFORN · EXDIS · +2 · ROUTINE');
});

test('a cable without a classification line or precedence says so, and offers nothing to reveal', () => {
  const bern = presentCable(atStart('07BERN881.cable'));
  assert.equal(bern.text, '$(shield) no classification line · SIPDIS · IMMEDIATE');
  assert.equal(bern.background, undefined);
  assert.doesNotMatch(bern.tooltip, /Click/);
  const rangoon = presentCable(atStart('04RANGOON88.cable'));
  assert.equal(rangoon.text, '$(shield) SECRET · SIPDIS · NOFORN');
  assert.match(rangoon.tooltip, /Precedence: not given/);
});
