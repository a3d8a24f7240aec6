// The layers of ARCHITECTURE.md as data, which test/architecture/layers.test.ts checks every import against.
// Paths are from the repository root; one ending in '/' is a folder and everything below it.
import { builtinModules } from 'node:module';

export interface Layer {
  name: string;
  paths: readonly string[];
  /** The layers this one may import besides itself. */
  mayImport: readonly string[];
}

/** Packages that only some files may import (the files that import those files are held to the same rule). */
export interface PackageRule {
  packages: string;
  matches(specifier: string): boolean;
  onlyIn: readonly string[];
}

export interface Boundaries {
  layers: readonly Layer[];
  packageRules: readonly PackageRule[];
}

/** An import that breaks the rules today, tolerated until the code is fixed; the test fails once it is gone. */
export interface KnownViolation {
  violation: string;
  reason: string;
}

const BELOW_FRONT_ENDS = [
  'util',
  'vocabulary',
  'cableFiles',
  'protocol',
  'syntax',
  'facts',
  'workspace',
  'features',
  'service',
];

/** Bottom to top. */
export const LAYERS: readonly Layer[] = [
  { name: 'util', paths: ['server/src/util/'], mayImport: [] },
  {
    name: 'vocabulary',
    // dataFiles.d.ts: the type of the server/data/*.tsv imports.
    paths: ['server/src/vocabulary/', 'server/data/', 'server/src/dataFiles.d.ts'],
    mayImport: ['util'],
  },
  { name: 'cableFiles', paths: ['server/src/cableFiles/'], mayImport: ['util'] },
  { name: 'protocol', paths: ['server/src/protocol.ts'], mayImport: ['util'] },
  // The published forms of Cablegate (cables.csv, the site's pages) read into cable texts.
  { name: 'archive', paths: ['server/src/archive/'], mayImport: ['util', 'cableFiles'] },
  { name: 'syntax', paths: ['server/src/syntax/'], mayImport: ['util', 'vocabulary'] },
  {
    name: 'facts',
    paths: ['server/src/facts/'],
    // protocol: the shape of the facts as data is a message shape (`cable/facts`), written once, there.
    mayImport: ['util', 'vocabulary', 'syntax', 'protocol'],
  },
  { name: 'workspace', paths: ['server/src/workspace/'], mayImport: ['util', 'vocabulary', 'syntax', 'facts'] },
  {
    name: 'features',
    paths: ['server/src/features/'],
    // archive: the publisher's metadata of a cable from an archive, which a rule checks against the text.
    mayImport: ['util', 'vocabulary', 'syntax', 'facts', 'workspace', 'protocol', 'archive'],
  },
  {
    name: 'service',
    paths: ['server/src/service/'],
    mayImport: ['util', 'vocabulary', 'syntax', 'facts', 'workspace', 'protocol', 'features', 'cableFiles', 'archive'],
  },
  // The front ends, which may import everything below them but not each other.
  {
    name: 'server',
    paths: ['server/src/server.ts', 'server/src/main.ts', 'server/src/browserMain.ts'],
    // archive: main.ts reads the Cablegate archives open in the editor (nodeArchive.ts).
    mayImport: [...BELOW_FRONT_ENDS, 'archive'],
  },
  // cable-lint --version reads the manifest.
  { name: 'cli', paths: ['server/src/cli/'], mayImport: [...BELOW_FRONT_ENDS, 'archive', 'manifest'] },
  // archive: the desktop extension shows a Cablegate archive as a folder (archives.ts over nodeArchive.ts).
  { name: 'client', paths: ['client/src/'], mayImport: ['protocol', 'cableFiles', 'archive'] },
  { name: 'manifest', paths: ['package.json'], mayImport: [] },
];

export const PACKAGE_RULES: readonly PackageRule[] = [
  {
    // Anything else runs in a web worker too (dist/browser).
    packages: 'Node built-ins and the Node flavour of the LSP libraries',
    matches: (specifier) =>
      specifier.startsWith('node:') ||
      builtinModules.includes(specifier) ||
      /^vscode-language(server|client)(-protocol)?\/node$/.test(specifier),
    onlyIn: [
      'server/src/main.ts',
      'server/src/cableFiles/nodeFiles.ts',
      'server/src/archive/nodeArchive.ts',
      'server/src/archive/indexFile.ts',
      'server/src/cli/',
      'client/src/extension.ts',
      'client/src/archives.ts',
    ],
  },
  {
    packages: 'the LSP connection (vscode-languageserver)',
    matches: (specifier) => /^vscode-languageserver(\/|$)/.test(specifier),
    onlyIn: ['server/src/server.ts', 'server/src/main.ts', 'server/src/browserMain.ts'],
  },
  {
    packages: 'the VS Code API (vscode, vscode-languageclient)',
    matches: (specifier) => /^vscode(-languageclient)?(\/|$)/.test(specifier),
    onlyIn: ['client/src/'],
  },
];

export const BOUNDARIES: Boundaries = { layers: LAYERS, packageRules: PACKAGE_RULES };

/** Each the exact message of the check, with why it is tolerated. */
export const KNOWN_VIOLATIONS: readonly KnownViolation[] = [];
