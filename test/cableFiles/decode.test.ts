// The shared decoder: UTF-8 when valid (byte order mark dropped), else Latin-1, byte for byte.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeCableText } from '../../server/src/cableFiles/decode';
import { fixtureNames } from '../support/fixtures';
import { fixturesDir } from '../support/paths';

test('valid UTF-8 is decoded as UTF-8, without a byte order mark', () => {
  assert.equal(decodeCableText(Buffer.from('¶1. (C) PROVINCE’S', 'utf8')), '¶1. (C) PROVINCE’S');
  assert.equal(decodeCableText(Buffer.from([0xef, 0xbb, 0xbf, 0x56, 0x5a])), 'VZ');
  assert.equal(decodeCableText(new Uint8Array([0x56, 0x5a, 0x43])), 'VZC');
  assert.equal(decodeCableText(Buffer.alloc(0)), '');
});

test('bytes that are not valid UTF-8 are Latin-1, one character per byte', () => {
  const bytes = Buffer.from([0xb6, 0x31, 0x2e, 0x20, 0xe9, 0x0a]);
  assert.equal(decodeCableText(bytes), '¶1. é\n');
  // A Uint8Array view into a larger buffer decodes only its own bytes.
  const whole = Buffer.from([0x41, 0xb6, 0x42, 0x43]);
  const view = new Uint8Array(whole.buffer, whole.byteOffset + 1, 2);
  assert.equal(decodeCableText(view), '¶B');
});

test('every fixture decodes as the fatal TextDecoder rule says (UTF-8, else Latin-1)', () => {
  let latin1 = 0;
  for (const name of fixtureNames()) {
    const bytes = readFileSync(join(fixturesDir, name));
    let expected: string;
    try {
      expected = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      expected = bytes.toString('latin1');
      latin1++;
    }
    assert.equal(decodeCableText(bytes), expected, name);
  }
  assert.ok(latin1 > 0, 'some fixtures are Latin-1');
});

test('Latin-1 longer than one chunk of the decoder: every byte value, across the chunk ends', () => {
  const bytes = new Uint8Array(20_000).map((_, i) => (i * 7) % 256);
  bytes[0] = 0xff; // not UTF-8 from the first byte
  assert.equal(decodeCableText(bytes), Buffer.from(bytes).toString('latin1'));
  // A view that starts within a buffer and ends in its middle.
  const view = bytes.subarray(8191, 16_500);
  assert.equal(decodeCableText(view), Buffer.from(view).toString('latin1'));
});
