// What a person sees in the browser: VS Code (code-server) with the installed extension and a
// folder of sample cables. Each test leaves a screenshot; the README shows five of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { fixturesDir } from '../../support/paths';
import { samples } from '../samples';
import { sleep, waitFor } from '../harness/util';
import {
  activeEditor,
  goToLine,
  hoverWord,
  openFile,
  renderedLines,
  runCommand,
  tokenColor,
  wordBox,
} from './workbench';

export interface UiContext {
  page: Page;
  /** Saves a screenshot of the page as `<name>.png` (and into docs/images with --update-screenshots). */
  screenshot(name: string): Promise<void>;
}

export interface UiTest {
  name: string;
  needs?: string;
  timeoutMs?: number;
  run(context: UiContext): Promise<void>;
}

const cableName = samples.seed.replace(/\.cable$/, '');

export const uiTests: UiTest[] = [
  {
    name: 'the status bar shows the language mode "Diplomatic Cable" for a .cable file',
    async run({ page }) {
      await openFile(page, samples.seed);
      const mode = page.locator('[id="status.editor.mode"]');
      await waitFor(
        'the language mode in the status bar',
        async () => (await mode.innerText()).trim() === 'Diplomatic Cable',
        15_000,
      ).catch(async (error) => {
        throw new Error(`${error.message}; it says ${JSON.stringify(await mode.innerText().catch(() => '?'))}`);
      });
    },
  },
  {
    name: 'highlighting: header tokens (VZCZC line, routing indicator, classification) are coloured differently from prose',
    async run({ page, screenshot }) {
      await openFile(page, samples.seed);
      // [line start, word] of header tokens; each must differ from the colour of prose.
      const headerTokens: Array<[string, string]> = [
        ['VZCZC', 'VZCZCXRO1864'],
        ['DE RUEHDBU', 'RUEHDBU'],
        ['C O N F I D E N T I A L', 'C O N F'],
      ];
      // Tokenizing (TextMate, then semantic tokens from the server) is asynchronous: poll.
      let seen = '';
      await waitFor(
        'header tokens in colours of their own',
        async () => {
          const prose = await tokenColor(page, '¶1.', 'Deputy');
          const colors = await Promise.all(headerTokens.map(([line, word]) => tokenColor(page, line, word)));
          seen = `prose (Deputy) ${prose}; ${headerTokens.map(([, word], i) => `${word} ${colors[i]}`).join('; ')}`;
          return colors.every((color) => color !== prose);
        },
        15_000,
      ).catch((error) => {
        throw new Error(`${error.message}; last seen: ${seen || '(nothing)'}`);
      });
      await screenshot('editor');
    },
  },
  {
    name: 'the Outline view lists the cable, its sections and its paragraphs',
    needs: 'document symbols',
    async run({ page, screenshot }) {
      await openFile(page, samples.seed);
      await runCommand(page, 'Explorer: Focus on Outline View');
      const outlinePane = page.locator('.pane', { has: page.locator('.pane-header[aria-label^="Outline"]') });
      // Give the outline the whole side bar: collapse the folder above it.
      const explorerHeader = page.locator('.pane-header[aria-label^="Explorer Section"]');
      if ((await explorerHeader.getAttribute('aria-expanded')) === 'true') {
        await explorerHeader.click();
        await page
          .locator('.explorer-folders-view')
          .waitFor({ state: 'hidden', timeout: 5_000 })
          .catch(() => undefined);
      }
      const rows = outlinePane.locator('.monaco-list-row');
      const labels = await waitFor(
        'the outline of the seed',
        async () => {
          const all = (await rows.allInnerTexts()).map((text) => text.trim());
          const wanted = [cableName, 'Section 1 of 2', '¶1'];
          return wanted.every((prefix) => all.some((label) => label.startsWith(prefix))) ? all : undefined;
        },
        20_000,
      ).catch(async (error) => {
        throw new Error(
          `${error.message}; the Outline view shows: ${JSON.stringify(await outlinePane.innerText().catch(() => '?'))}`,
        );
      });
      assert.ok(labels.length >= 3);
      await screenshot('outline');
    },
  },
  {
    name: 'the Problems panel counts the diagnostics of a defective cable',
    needs: 'diagnostics',
    async run({ page, screenshot }) {
      await runCommand(page, 'View: Close All Editors');
      await openFile(page, samples.defective);
      const [folder, file] = samples.defective.split('/');
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      const rowLabels = () =>
        panel
          .locator('.monaco-list-row')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
      const count = await waitFor(
        'the defective cable in the Problems panel with the header problem and the three paragraph notes',
        async () => {
          const labels = await rowLabels();
          // "5 problems in file 09DUSHANBE1151.cable of folder defects", then one row per marker.
          const fileLabel = labels.find((label) => label.includes(`in file ${file} of folder ${folder}`)) ?? '';
          const total = Number(/^(\d+) problems?/.exec(fileLabel)?.[1] ?? 0);
          const problems = labels.filter((label) => /^(Error|Warning)\b.*generated by cable$/.test(label)).length;
          return total >= 4 && problems >= 1 ? total : undefined;
        },
        20_000,
      ).catch(async (error) => {
        throw new Error(
          `${error.message}; the Problems panel shows: ${JSON.stringify(await rowLabels().catch(() => []))} ${JSON.stringify(await panel.innerText())}`,
        );
      });
      const badge = await page.locator('.badge[aria-label*="Problems"]').first().getAttribute('aria-label');
      const badgeTotal = Number(/Total (\d+) Problems/.exec(badge ?? '')?.[1] ?? -1);
      assert.ok(badgeTotal >= count, `the Problems badge says ${JSON.stringify(badge)}, the file row ${count}`);
      await activeEditor(page).click({ position: { x: 200, y: 100 } });
      await screenshot('problems');
    },
  },
  {
    name: 'hovering the routing indicator RUEHDBU shows its post, AMEMBASSY DUSHANBE',
    needs: 'hover',
    async run({ page, screenshot }) {
      await runCommand(page, 'View: Hide Panel').catch(() => page.keyboard.press('Escape'));
      await openFile(page, samples.seed);
      await hoverWord(page, 'DE RUEHDBU', 'RUEHDBU', /AMEMBASSY DUSHANBE/);
      await screenshot('hover');
    },
  },
  {
    name: 'the status bar item shows the classification of the cable, and clicking it selects the classification line',
    needs: 'cable/cableAt',
    async run({ page, screenshot }) {
      await openFile(page, samples.seed);
      // The DOM id of an extension's status bar item is `<extension id>.<item id>`.
      const item = page.locator('[id="cable-tools.cable-language.cable.classification"]');
      const cursor = page.locator('[id="status.editor.selection"]');
      const says = (locator: Locator) =>
        locator.innerText().then(
          (text) => text.trim(),
          () => '(not shown)',
        );
      const showing = async (locator: Locator, expected: RegExp, what: string) =>
        waitFor(what, async () => expected.test(await says(locator)), 15_000).catch(async (error) => {
          throw new Error(`${error.message}; it says ${JSON.stringify(await says(locator))}`);
        });
      await showing(item, /^CONFIDENTIAL · SIPDIS · ROUTINE$/, 'the classification of the seed in the status bar');
      // The colour of the classification: the warning background for CONFIDENTIAL, the error one for SECRET.
      const kind = async () => /\b(\w+)-kind\b/.exec((await item.getAttribute('class')) ?? '')?.[1];
      assert.equal(await kind(), 'warning');

      // Where the click must take the cursor: the whole classification line, selected.
      const lines = readFileSync(join(fixturesDir, samples.seed), 'utf8').split(/\r?\n/);
      const classification = lines.findIndex((line) => line.startsWith('C O N F I D E N T I A L'));
      const length = lines[classification].trimEnd().length;
      const box = await wordBox(page, '¶1.', 'Deputy');
      await page.mouse.click(box.x + 2, box.y + box.height / 2);
      await showing(
        cursor,
        new RegExp(`^Ln ${lines.findIndex((line) => line.startsWith('¶1.')) + 1}, Col \\d+$`),
        'the cursor on ¶1',
      );
      await item.click();
      await showing(
        cursor,
        new RegExp(`^Ln ${classification + 1}, Col ${length + 1} \\(${length} selected\\)$`),
        'the classification line selected',
      );
      await screenshot('status-bar');

      await openFile(page, '09STATE15113.cable');
      await showing(
        item,
        /^SECRET · NOFORN · NOT FOR INTERNET .*… · PRIORITY$/,
        'the classification of 09STATE15113 in the status bar',
      );
      assert.equal(await kind(), 'error');
    },
  },
  {
    name: 'a cable reads as prose on first open: long lines wrap, no box around typographic quotes, a Latin-1 file shows ¶',
    async run({ page, screenshot }) {
      // 00HARARE6677: paragraphs of 200 to 900 characters on one line each, with “ ” and ’ in them (lines 40 to 73).
      await openFile(page, '00HARARE6677.cable');
      await goToLine(page, 73);
      await waitFor(
        'the quoted words of line 73 on screen',
        async () => (await renderedLines(page)).some((line) => line.includes('“NOTHING TO VOTE FOR”')),
        15_000,
      );
      const widths = await activeEditor(page).evaluate((element) => ({
        visible: element.querySelector('.editor-scrollable')?.getBoundingClientRect().width ?? 0,
        widest: Math.max(
          ...[...element.querySelectorAll('.view-lines .view-line > span')].map((s) => s.getBoundingClientRect().width),
        ),
      }));
      assert.ok(widths.visible > 0, 'the editor has a width');
      assert.ok(
        widths.widest <= widths.visible,
        `a rendered line is ${widths.widest} px wide in an editor of ${widths.visible} px: not wrapped`,
      );
      // The unicode highlighter decorates from a worker, shortly after the text shows: give it time, then count.
      await sleep(2_000);
      const boxes = await activeEditor(page).locator('.unicode-highlight').count();
      assert.equal(boxes, 0, `${boxes} characters highlighted as ambiguous or invisible`);
      await screenshot('prose');

      // 06NEWDELHI5135 is saved in Latin-1: its paragraph signs are the byte 0xB6.
      await openFile(page, '06NEWDELHI5135.cable');
      await goToLine(page, 48);
      const lines = await waitFor(
        'the paragraph sign of ¶1 decoded',
        async () => {
          const lines = await renderedLines(page);
          return lines.some((line) => line.startsWith('¶1.')) ? lines : undefined;
        },
        15_000,
      ).catch(async (error) => {
        throw new Error(
          `${error.message}; the editor shows ${JSON.stringify((await renderedLines(page)).slice(0, 5))}`,
        );
      });
      assert.ok(!lines.some((line) => line.includes('\ufffd')), 'a replacement character on screen');
    },
  },
];
