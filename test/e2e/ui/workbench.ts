// What a person does in the VS Code workbench, as Playwright steps with deadlines: open a file by
// name, run a command from the palette, find a word on screen, hover it.
import { Locator, Page } from 'playwright-core';

/** The text editor of the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** Waits for the workbench to be up and idle enough to take keyboard input. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer shows the folder once the file service answers: then quick open can find files.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
}

async function quickInput(page: Page, key: string, text: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
  await input.fill(text);
  return input;
}

/**
 * Ctrl+P, the path relative to the folder, Enter on the matching entry; resolves once its tab is
 * the active one and its text is on screen.
 */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const parts = relativePath.split('/');
  const name = parts.pop()!;
  const dir = parts.join('/');
  await quickInput(page, 'Control+P', relativePath);
  // Quick open searches the folder on the server: wait for the entry rather than for luck, and
  // pick the one in the right folder (recently opened files of the same name are listed too).
  let entry = page.locator('.quick-input-list .monaco-list-row', { hasText: name });
  if (dir) entry = entry.filter({ has: page.locator('.label-description', { hasText: dir }) });
  else entry = entry.filter({ hasNot: page.locator('.label-description', { hasText: /\S/ }) });
  await entry.first().waitFor({ state: 'visible', timeout: 15_000 });
  await entry.first().click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 15_000 });
  if (dir)
    await page
      .locator('.breadcrumbs-control', { hasText: parts[parts.length - 1] })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
  await activeEditor(page).locator('.view-lines .view-line').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Ctrl+G, the line number, Enter: the line (1-based) in the middle of the active editor. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await quickInput(page, 'Control+G', `:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The text of the rendered lines of the active editor (a wrapped line is several), no-break spaces as spaces. */
export async function renderedLines(page: Page): Promise<string[]> {
  return activeEditor(page)
    .locator('.view-lines .view-line')
    .evaluateAll((lines) => lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')));
}

/** F1, the command's title, Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'F1', `>${title}`);
  const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await entry.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

interface RenderedWord {
  box: { x: number; y: number; width: number; height: number };
  /** Computed text colour of the word's first character (a word may be split over several token spans). */
  color: string;
}

/** The first `word` on the first rendered line of the active editor that starts with `lineStart`, as drawn. */
async function renderedWord(page: Page, lineStart: string, word: string): Promise<RenderedWord | null> {
  // Runs in the page: self-contained.
  return activeEditor(page).evaluate(
    (element, { lineStart, word }) => {
      for (const line of element.querySelectorAll('.view-lines .view-line')) {
        const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
        if (!text.startsWith(lineStart) || !text.includes(word)) continue;
        let offset = text.indexOf(word);
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (offset < length) {
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, Math.min(length, offset + word.length));
            const rect = range.getBoundingClientRect();
            const color = node.parentElement ? getComputedStyle(node.parentElement).color : '';
            return { box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height }, color };
          }
          offset -= length;
        }
      }
      return null;
    },
    { lineStart, word },
  );
}

/** Box on screen of the first `word` on the first rendered line of the active editor that starts with `lineStart`. */
export async function wordBox(page: Page, lineStart: string, word: string): Promise<RenderedWord['box']> {
  const rendered = await renderedWord(page, lineStart, word);
  if (!rendered)
    throw new Error(`no rendered line starting with ${JSON.stringify(lineStart)} shows ${JSON.stringify(word)}`);
  return rendered.box;
}

/**
 * Computed text colour of the first character of `word` on the first rendered line of the active
 * editor that starts with `lineStart` (a word may be split over several token spans).
 */
export async function tokenColor(page: Page, lineStart: string, word: string): Promise<string> {
  const color = (await renderedWord(page, lineStart, word))?.color;
  if (!color)
    throw new Error(`no rendered ${JSON.stringify(word)} on a line starting with ${JSON.stringify(lineStart)}`);
  return color;
}

/**
 * Moves the mouse onto `word` until a hover containing `expected` shows (the language server may
 * not have answered the first time); returns the hover's text.
 */
export async function hoverWord(
  page: Page,
  lineStart: string,
  word: string,
  expected: RegExp,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const box = await wordBox(page, lineStart, word);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expected }).first();
    try {
      await hover.waitFor({ state: 'visible', timeout: 3_000 });
      return (await hover.innerText()).trim();
    } catch {
      last = (
        await page
          .locator('.monaco-hover:not(.hidden)')
          .allInnerTexts()
          .catch(() => [])
      ).join(' | ');
    }
  }
  throw new Error(
    `no hover matching ${expected} over ${word} within ${timeoutMs} ms; hover seen: ${JSON.stringify(last || '(none)')}`,
  );
}
