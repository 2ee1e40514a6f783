import type { Browser } from 'playwright-core';

import { baseUrl, demoEmail, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';

describe('sign-in (phone and desktop)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should show an accessible Norwegian sign-in page that fits a 360 px phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/nb\/login/);
    expect(await page.getAttribute('html', 'lang')).toMatch(/^nb/);
    await expect(page.getByRole('button', { name: 'Logg inn' }).isVisible()).resolves.toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'sign-in-phone')).toEqual([]);
    await context.close();
  });

  it('should explain a wrong password in Norwegian and stay on the page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/nb/login`);
    await page.getByLabel('E-post').fill(demoEmail('hms'));
    await page.getByLabel('Passord', { exact: true }).fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(page.getByText('Feil e-post eller passord').first().waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    expect(new URL(page.url()).pathname).toBe('/nb/login');
    await context.close();
  });

  it('should sign in and out again', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'kommunedirektor');
    await expect(page.locator('main#main').waitFor()).resolves.toBeUndefined();
    expect(await scan(page, 'home-desktop')).toEqual([]);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(200);
    await context.close();
  });
});
