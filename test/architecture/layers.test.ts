// The layers of ARCHITECTURE.md, checked on every import of server/src and client/src (see layers.ts), and the check
// checked on files made up for it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../support/paths';
import { checkBoundaries, importsOf, unexpectedViolations } from './check';
import { BOUNDARIES, KNOWN_VIOLATIONS } from './layers';

/** The .ts files below a folder of the project, by path from the project root. */
function sources(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('every import of server/src and client/src keeps to the layers (test/architecture/layers.ts)', () => {
  const files = new Map(
    [...sources('server/src'), ...sources('client/src')].map((path) => [
      path,
      readFileSync(join(projectRoot, path), 'utf8'),
    ]),
  );
  assert.ok(files.size > 50, 'the walk finds the sources');
  assert.deepEqual(unexpectedViolations(checkBoundaries(files, BOUNDARIES), KNOWN_VIOLATIONS), []);
});

test('the import scan finds every kind of import, and none in comments or strings', () => {
  const text = [
    "import { a } from './a';",
    "import type {\n  B,\n} from './b';",
    "export * from './c';",
    "export { d } from './d';",
    "import './e';",
    "const f = () => import('./f');",
    "const g = require('./g');",
    "type H = typeof import('./h');",
    "// import { x } from './comment';",
    'const s = "import { y } from \'./string\'";',
  ].join('\n');
  assert.deepEqual(importsOf(text), ['./a', './b', './c', './d', './e', './f', './g', './h']);
});

test('the check reports a forbidden import, an unknown file and a Node module, and passes allowed imports', () => {
  const files = new Map([
    [
      'server/src/syntax/lexer.ts',
      "import { hover } from '../features/hover';\nimport { MONTHS } from '../vocabulary/months';",
    ],
    [
      'server/src/syntax/model.ts',
      "import type { CableIndex } from '../workspace/cableIndex';\nimport { lexLine } from './lexer';",
    ],
    [
      'server/src/features/hover.ts',
      "import { CableAtResult } from '../protocol';\nimport { Cable } from '../syntax/types';",
    ],
    ['server/src/service/service.ts', "import { nodeWorkspaceFiles } from '../cableFiles/nodeFiles';"],
    [
      'server/src/facts/dates.ts',
      "import { readFileSync } from 'node:fs';\nimport { Connection } from 'vscode-languageserver';",
    ],
    ['server/src/cli/lint.ts', "import { readFileSync } from 'node:fs';\nimport { startServer } from '../server';"],
    [
      'client/src/common.ts',
      "import * as vscode from 'vscode';\nimport { CableModel } from '../../server/src/syntax/model';",
    ],
    ['server/src/stray.ts', ''],
  ]);
  assert.deepEqual(checkBoundaries(files, BOUNDARIES), [
    'server/src/syntax/lexer.ts: imports ../features/hover (layer syntax may not import layer features)',
    'server/src/syntax/model.ts: imports ../workspace/cableIndex (layer syntax may not import layer workspace)',
    'server/src/service/service.ts: imports ../cableFiles/nodeFiles (Node built-ins and the Node flavour of the LSP libraries: only in server/src/main.ts, server/src/cableFiles/nodeFiles.ts, server/src/archive/nodeArchive.ts, server/src/archive/indexFile.ts, server/src/cli/, client/src/extension.ts, client/src/archives.ts, and imported only there)',
    'server/src/facts/dates.ts: imports node:fs (Node built-ins and the Node flavour of the LSP libraries: only in server/src/main.ts, server/src/cableFiles/nodeFiles.ts, server/src/archive/nodeArchive.ts, server/src/archive/indexFile.ts, server/src/cli/, client/src/extension.ts, client/src/archives.ts, and imported only there)',
    'server/src/facts/dates.ts: imports vscode-languageserver (the LSP connection (vscode-languageserver): only in server/src/server.ts, server/src/main.ts, server/src/browserMain.ts, and imported only there)',
    'server/src/cli/lint.ts: imports ../server (the LSP connection (vscode-languageserver): only in server/src/server.ts, server/src/main.ts, server/src/browserMain.ts, and imported only there)',
    'server/src/cli/lint.ts: imports ../server (layer cli may not import layer server)',
    'client/src/common.ts: imports ../../server/src/syntax/model (layer client may not import layer syntax)',
    'server/src/stray.ts: in no layer (give it one in test/architecture/layers.ts)',
  ]);
});

test('known violations: a new one and one that no longer occurs both fail', () => {
  const known = [
    { violation: 'a.ts: imports ./b (layer a may not import layer b)', reason: 'moves in issue 12' },
    { violation: 'c.ts: imports ./d (layer c may not import layer d)', reason: 'fixed already' },
  ];
  const found = [known[0].violation, 'e.ts: imports ./f (layer e may not import layer f)'];
  assert.deepEqual(unexpectedViolations(found, known), [
    'e.ts: imports ./f (layer e may not import layer f)',
    'no longer occurs, take it off KNOWN_VIOLATIONS: c.ts: imports ./d (layer c may not import layer d)',
  ]);
});
