import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const baseUrl = process.env['HELHET_E2E_BASE_URL'] ?? 'http://127.0.0.1:3000';
export const DEMO_PASSWORD = 'Helhet-demo-2026!';
export const demoEmail = (local: string): string => `${local}@fjordvik.kommune.no`;

export const PHONE = { height: 780, width: 360 };
export const DESKTOP = { height: 900, width: 1366 };

const screenshotDir = join(__dirname, '../../tmp/e2e');
mkdirSync(screenshotDir, { recursive: true });

/** Debian's chromium, never a downloaded browser. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  });

export const newContext = (browser: Browser, viewport = DESKTOP): Promise<BrowserContext> =>
  browser.newContext({ locale: 'nb-NO', viewport });

export const signIn = async (page: Page, local: string): Promise<void> => {
  await page.goto(`${baseUrl}/nb/login`);
  await page.getByLabel('E-post').fill(demoEmail(local));
  await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
};

/** Runs axe (WCAG 2.0/2.1 A+AA), saves a screenshot, and returns the serious/critical violations. */
export const scan = async (page: Page, name: string): Promise<{ id: string; impact: string; nodes: string[] }[]> => {
  // Let fades and expansions finish: half-transparent text mid-animation reads as a contrast failure.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  await page.waitForTimeout(150);
  await page.screenshot({ fullPage: true, path: join(screenshotDir, `${name}.png`) });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
};

/** True when the page is wider than the viewport (horizontal scrolling on a phone). */
export const overflowsHorizontally = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
