// npm run generate: rewrites what package.json derives from the rule files (bundled and run by esbuild.mjs --generate).
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../server/src/features/diagnostics/rules';
import { manifestWithRules } from './manifest';

const path = 'package.json';
const before = readFileSync(path, 'utf8');
const after = manifestWithRules(before, RULES);
if (after === before) console.log(`${path}: up to date with the ${RULES.length} rules`);
else {
  writeFileSync(path, after);
  console.log(`${path}: rewrote the settings of the ${RULES.length} rules (cable.diagnostics.rules)`);
}
