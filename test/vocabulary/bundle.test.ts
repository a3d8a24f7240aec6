// The server bundle stays small with the code tables (about 280 KB of TSV) inside.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { serverBundle } from '../support/paths';

test('dist/server.js holds the code tables and stays under 1.5 MB', () => {
  // `npm test` runs `npm run package` first, so dist/server.js is the minified production bundle.
  const bundle = readFileSync(serverBundle, 'utf8');
  assert.ok(bundle.includes('RUEHDBU') && bundle.includes('KNNP'), 'the tables are in the bundle');
  assert.ok(statSync(serverBundle).size < 1_500_000, `dist/server.js is ${statSync(serverBundle).size} bytes`);
});
