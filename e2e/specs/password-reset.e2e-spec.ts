import type { Browser } from 'playwright-core';

import { baseUrl, demoEmail, DESKTOP, launchBrowser, newContext, overflowsHorizontally, PHONE, scan } from '../support/browser';
import { waitForMail } from '../support/mail';

/** A demo login no other spec signs in with: its password changes here. */
const LOCAL = 'verneombud';
const NEW_PASSWORD = 'Verneombudet-sitt-nye-passord';

describe('forgot password (phone and desktop)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should reset the password through the e-mailed link and sign in with the new one', async () => {
    // Phone: from the sign-in page to "Glemt passord".
    const phone = await newContext(browser, PHONE);
    const page = await phone.newPage();
    await page.goto(`${baseUrl}/nb/login`);
    await page.getByRole('link', { name: 'Glemt passord?' }).click();
    await page.waitForURL(/\/nb\/password-reset$/);
    await page.getByRole('heading', { name: 'Glemt passord' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'password-reset-request-phone')).toEqual([]);
    const requestedAt = Date.now();
    await page.getByLabel('E-post').fill(demoEmail(LOCAL));
    await page.getByRole('button', { name: 'Send lenke' }).click();
    await page.getByRole('status').getByText('Hvis adressen hører til en konto hos oss').waitFor({ timeout: 10_000 });
    expect(await scan(page, 'password-reset-sent-phone')).toEqual([]);

    const mail = await waitForMail(demoEmail(LOCAL), (m) => m.subject.startsWith('Nytt passord i Helhet'));
    expect(mail.text).toContain('Lenken kan brukes én gang');
    const link = /(http\S+\/nb\/password-reset\/confirm\?token=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    expect(Date.now() - requestedAt).toBeLessThan(30_000);
    await phone.close();

    // Desktop: the link opens the page to choose a new password.
    const desktop = await newContext(browser, DESKTOP);
    const tab = await desktop.newPage();
    await tab.goto(link!);
    await tab.getByRole('heading', { name: 'Velg nytt passord' }).waitFor();
    expect(await scan(tab, 'password-reset-confirm-desktop')).toEqual([]);
    await tab.getByLabel('Nytt passord', { exact: true }).fill('for-kort');
    await tab.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await tab.getByText('Passordet må ha minst 12 tegn.').waitFor();
    await tab.getByLabel('Nytt passord', { exact: true }).fill(NEW_PASSWORD);
    await tab.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await tab.getByRole('status').getByText('Passordet er endret').waitFor({ timeout: 10_000 });
    expect(await scan(tab, 'password-reset-done-desktop')).toEqual([]);

    // Sign in with the new password.
    await tab.getByRole('link', { name: 'Gå til innlogging' }).click();
    await tab.waitForURL(/\/nb\/login/);
    await tab.getByLabel('E-post').fill(demoEmail(LOCAL));
    await tab.getByLabel('Passord', { exact: true }).fill(NEW_PASSWORD);
    await tab.getByRole('button', { name: 'Logg inn' }).click();
    await tab.waitForURL((url) => !url.pathname.endsWith('/login'));
    expect(await tab.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(200);

    // The link was single-use.
    const again = await desktop.newPage();
    await again.goto(link!);
    await again.getByLabel('Nytt passord', { exact: true }).fill('et-helt-annet-passord');
    await again.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await again.getByText('Lenken for nytt passord er ugyldig, brukt eller utløpt').waitFor({ timeout: 10_000 });
    expect(await scan(again, 'password-reset-used-desktop')).toEqual([]);
    await desktop.close();
  });
});
