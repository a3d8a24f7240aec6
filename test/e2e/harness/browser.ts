// Debian's Chromium driven by playwright-core (Playwright's own browser download is out of reach).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { onCleanup } from './cleanup';
import { chromiumPath } from './codeServer';
import { withTimeout } from './util';

/** Without the background-networking flags Chromium keeps dialing Google, which this network refuses. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-breakpad',
  '--disable-crash-reporter',
];

/** Headless Chromium, closed at cleanup (Playwright also kills it if this process exits). */
export async function launchBrowser(): Promise<Browser> {
  // Chromium writes crash-report settings under ~/.config whatever its profile: give it a home of its own.
  const home = mkdtempSync(join(tmpdir(), 'cable-e2e-chromium-'));
  onCleanup(`temp folder ${home}`, () => rmSync(home, { recursive: true, force: true }));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
    headless: true,
    args: chromiumArgs,
    timeout: 60_000,
    // Signals are handled by harness/cleanup.ts, which closes the browser with everything else.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup('Chromium', () => withTimeout(browser.close(), 10_000, 'closing Chromium').catch(() => undefined));
  return browser;
}

/** A page of the size the screenshots in docs/images have. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: 'dark',
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(60_000);
  return context.newPage();
}
