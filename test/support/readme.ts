// The README's sample outputs: fenced `console` blocks whose first line is a command (`$ cable-lint ...`), the rest
// what it prints. Tests run the commands and compare, so that the samples are the commands' own output. And the
// README's editor setups, which tests run in the editor.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths';

export interface Sample {
  /** The arguments after the command's name. */
  args: string[];
  /** What the command prints, as the README shows it (indentation of the block removed). */
  output: string;
}

const readme = () => readFileSync(join(projectRoot, 'README.md'), 'utf8');

/** The samples of `command` in README.md, in order. */
export function readmeSamples(command: string): Sample[] {
  const block = /^( *)```console\n\1\$ (\S+)(.*)\n([\s\S]*?)^\1```$/gm;
  return [...readme().matchAll(block)]
    .filter((m) => m[2] === command)
    .map(([, indent, , args, body]) => ({
      args: args.trim().split(/\s+/),
      output: body.replace(new RegExp(`^${indent}`, 'gm'), ''),
    }));
}

/** The text of the first fenced block in `language` after the README's text `after` (a setup that tests run). */
export function readmeBlock(language: string, after: string): string {
  const text = readme();
  const start = text.indexOf(after);
  const block = new RegExp(`^\`\`\`${language}\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(text.slice(start));
  if (start < 0 || !block) throw new Error(`README.md has no ${language} block after "${after}"`);
  return block[1];
}

/** Asserts that `printed` is the sample's output: the same text, or for JSON the same value (the README wraps it). */
export function assertSample(printed: string, sample: Sample): void {
  if (/^[[{]/.test(sample.output)) assert.deepEqual(JSON.parse(printed), JSON.parse(sample.output));
  else assert.equal(printed, sample.output);
}
