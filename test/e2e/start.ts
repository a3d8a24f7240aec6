// `npm start`: the real VS Code (code-server) with the freshly packaged extension installed and a
// folder of sample cables open, for a person with a browser. Ctrl+C stops it and removes the
// throwaway folders.
//   npm start                    a free port
//   npm start -- --port 8080     that port (or PORT=8080 npm start)
//   npm start -- --folder DIR    open DIR instead of a copy of test/fixtures
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../support/paths';
import { installExitHandlers, onCleanup, runCleanups } from './harness/cleanup';
import { ensureEditor, installVsix, makeEditorDirs, startEditor } from './harness/codeServer';
import { makeSampleFolder } from './harness/workspace';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  installExitHandlers();
  const { name, version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const vsix = join(projectRoot, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (\`npm start\` does)`);
  await ensureEditor();
  const dirs = makeEditorDirs('cable-start-');
  await installVsix(dirs, vsix);
  const folderOption = option('folder');
  const folder = folderOption ? resolve(folderOption) : makeSampleFolder(join(dirs.root, 'cables'));
  const portOption = option('port') ?? process.env.PORT;
  const editor = await startEditor(dirs, { port: portOption ? Number(portOption) : undefined });
  const url = editor.url(folder);
  console.log('');
  console.log(`  VS Code (code-server) with ${name} ${version} is running:`);
  console.log('');
  console.log(`    ${url}`);
  console.log('');
  console.log(`  folder:        ${folder}${folderOption ? '' : ' (a copy of test/fixtures, removed on exit)'}`);
  console.log(`  editor log:    ${editor.logFile}`);
  console.log('  Ctrl+C stops it.');
  console.log('');
  // Keep running until a signal; harness/cleanup.ts then stops code-server and removes the temp folders.
  const keepAlive = setInterval(() => undefined, 60_000);
  onCleanup('npm start', () => clearInterval(keepAlive));
}

main().catch(async (error) => {
  console.error(`[start] ${error instanceof Error ? error.message : error}`);
  await runCleanups();
  process.exit(1);
});
