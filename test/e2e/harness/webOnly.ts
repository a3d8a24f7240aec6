// A second code-server whose extension is the web-only variant of the packaged one: the manifest
// without `main` (VS Code can then run it only in the web worker extension host, as on vscode.dev)
// and without the Node bundles; `browser`, contributions and everything else as packaged.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installVsix, makeEditorDirs, RunningEditor, startEditor } from './codeServer';
import { makeSampleFolder } from './workspace';

/** Turns the installed extension in `extensionFolder` into a web-only one. */
export function makeWebOnly(extensionFolder: string): void {
  const manifestFile = join(extensionFolder, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (!manifest.browser || !existsSync(join(extensionFolder, manifest.browser))) {
    throw new Error(
      `the packaged extension has no browser entry (package.json "browser": ${JSON.stringify(manifest.browser)})`,
    );
  }
  // Nothing in the browser bundles may need the Node ones: remove them with `main`.
  for (const bundle of [manifest.main, 'dist/server.js'])
    if (bundle) rmSync(join(extensionFolder, bundle), { force: true });
  delete manifest.main;
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * Installs `vsix` into an extensions folder of its own, makes it web-only and starts code-server
 * (own user data, own port) for a fresh folder of sample cables.
 */
export async function startWebOnlyEditor(
  vsix: string,
  logFile: string,
): Promise<{ editor: RunningEditor; folder: string }> {
  const dirs = makeEditorDirs('cable-e2e-web-');
  makeWebOnly(await installVsix(dirs, vsix));
  const folder = makeSampleFolder(join(dirs.root, 'cables'));
  return { editor: await startEditor(dirs, { logFile }), folder };
}
