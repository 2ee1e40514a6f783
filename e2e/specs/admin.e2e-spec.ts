import type { Browser } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, PHONE, scan, signIn } from '../support/browser';

describe('administration (users, roles, audit log)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should let the administrator browse users and the audit log', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.goto(`${baseUrl}/nb/admin/users`);
    await page.getByRole('table').waitFor();
    await page.getByRole('row').nth(1).waitFor();
    expect(await scan(page, 'admin-users')).toEqual([]);

    await page.goto(`${baseUrl}/nb/admin/audit-log`);
    await page.getByRole('table').waitFor();
    expect(await scan(page, 'admin-audit-log')).toEqual([]);
    await context.close();
  });

  it('should keep administration out of reach of an employee', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'ansatt');
    const status = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(status).toBe(403);
    await expect(page.locator('a[href$="/admin/users"]').count()).resolves.toBe(0);
    expect(await scan(page, 'employee-home-phone')).toEqual([]);
    await context.close();
  });
});
