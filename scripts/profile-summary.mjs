// Self time of V8 CPU profiles (node --cpu-prof) by source file and by function, mapped through the bundle's source map
// (a .map beside it, or inline): where the time goes, for BENCHMARKS.md.
//   node scripts/profile-summary.mjs BUNDLE PROFILE... [--top N]
// Several profiles (a worker thread's each: cable-lint --jobs 2 writes one per thread) are added up.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
const [bundle, ...profiles] = args;
if (!bundle || profiles.length === 0)
  throw new Error('usage: node scripts/profile-summary.mjs BUNDLE PROFILE... [--top N]');

function sourceMapOf(file) {
  if (existsSync(file + '.map')) return new SourceMap(JSON.parse(readFileSync(file + '.map', 'utf8')));
  const inline = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(readFileSync(file, 'utf8'));
  return inline ? new SourceMap(JSON.parse(Buffer.from(inline[1], 'base64').toString('utf8'))) : undefined;
}
const map = sourceMapOf(bundle);
const bundleName = basename(bundle);

const byFunction = new Map();
const byFile = new Map();
let total = 0;
const add = (table, key, micros) => table.set(key, (table.get(key) ?? 0) + micros);
for (const path of profiles) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    total += micros;
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    let file = url ? basename(url) : '(native)';
    let name = functionName || '(anonymous)';
    if (map && url.endsWith(bundleName)) {
      const entry = map.findEntry(lineNumber, columnNumber);
      if (entry.originalSource) {
        file = entry.originalSource.replace(/^.*?((?:server|bench|test)\/|node_modules\/)/, '$1');
        name = `${name} (${file}:${(entry.originalLine ?? 0) + 1})`;
      }
    } else if (!url) {
      name = functionName || '(program)';
      file = name.startsWith('(') ? name : '(native)';
    }
    add(byFunction, name, micros);
    add(byFile, file, micros);
  });
}
const rows = (table, count) =>
  [...table]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, micros]) =>
        `  ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    );
console.log(`${profiles.length} profile(s), ${(total / 1000).toFixed(0)} ms sampled`);
console.log(
  ['self time by source file:', ...rows(byFile, 12), 'self time by function:', ...rows(byFunction, top)].join('\n'),
);
