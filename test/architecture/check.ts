// The boundary check: the imports of a set of source files (path -> text) that break the rules of a Boundaries value.
// Files come in as data so that the check can be tested on files made up for it.
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { Boundaries, KnownViolation } from './layers';

// Loaded at run time from node_modules, not bundled into the test.
const ts: typeof import('typescript') = createRequire(__filename)('typescript');

/** The module specifiers of a TypeScript source: imports (type-only too), re-exports, import() and require(). */
export function importsOf(text: string): string[] {
  // The compiler's own scan, which skips comments and strings.
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** True when an entry names `path` (which an import may write without '.ts') or a folder (ending in '/') above it. */
function covered(entries: readonly string[], path: string): boolean {
  return entries.some((entry) =>
    entry.endsWith('/') ? (path + '/').startsWith(entry) : entry === path || entry === path + '.ts',
  );
}

/** Each violation as `file: imports X (why not)`, or `file: ...` for a file outside every layer. */
export function checkBoundaries(files: ReadonlyMap<string, string>, { layers, packageRules }: Boundaries): string[] {
  const layerOf = (path: string) => layers.find((layer) => covered(layer.paths, path));
  const violations: string[] = [];
  for (const [file, text] of files) {
    const layer = layerOf(file);
    if (!layer) {
      violations.push(`${file}: in no layer (give it one in test/architecture/layers.ts)`);
      continue;
    }
    for (const specifier of importsOf(text)) {
      const why = (problem: string) => violations.push(`${file}: imports ${specifier} (${problem})`);
      const relative = specifier.startsWith('.');
      const target = relative ? posix.join(posix.dirname(file), specifier) : specifier;
      for (const rule of packageRules) {
        // A file that may use the packages is imported only by such files, so the packages reach no other file.
        const restricted = relative ? covered(rule.onlyIn, target) : rule.matches(specifier);
        if (restricted && !covered(rule.onlyIn, file))
          why(`${rule.packages}: only in ${rule.onlyIn.join(', ')}, and imported only there`);
      }
      if (!relative) continue;
      const imported = layerOf(target);
      if (!imported) why(`${target} is in no layer`);
      else if (imported !== layer && !layer.mayImport.includes(imported.name))
        why(`layer ${layer.name} may not import layer ${imported.name}`);
    }
  }
  return violations;
}

/** The violations that are not known, and the known ones that no longer occur (fixed: to be taken off the list). */
export function unexpectedViolations(found: readonly string[], known: readonly KnownViolation[]): string[] {
  const knownViolations = new Set(known.map((k) => k.violation));
  return [
    ...found.filter((violation) => !knownViolations.has(violation)),
    ...known
      .filter((k) => !found.includes(k.violation))
      .map((k) => `no longer occurs, take it off KNOWN_VIOLATIONS: ${k.violation}`),
  ];
}
