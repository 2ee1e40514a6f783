import type { Browser } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, PHONE, scan, signIn } from '../support/browser';

/** The administrator changes the tree through the UI; refusals come back in Norwegian. */
describe('organisation administration in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should add a subunit, refuse to close a unit with subunits, and create a user with the unit picker', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    const sectorId = await page.evaluate(async () => {
      const response = await fetch('/api/org-units?q=Kultur%20og%20fritid');
      return ((await response.json()) as { items: { id: string; levelType: string }[] }).items.find((u) => u.levelType === 'sector')!.id;
    });
    await page.goto(`${baseUrl}/nb/organisation/${sectorId}`);
    await page.getByRole('heading', { level: 1, name: 'Kultur og fritid' }).waitFor();

    await page.getByRole('button', { name: 'Legg til underenhet' }).click();
    await page.locator('#child-name').fill('Fjordvik frivilligsentral');
    await page.locator('#child-code').fill('E2E-77');
    await page.getByRole('button', { name: 'Opprett' }).click();
    await page.getByText('Underenheten er opprettet.').waitFor();
    await page.getByRole('link', { name: 'Fjordvik frivilligsentral' }).waitFor();
    expect(await scan(page, 'organisation-admin-panel')).toEqual([]);

    await page.getByRole('button', { name: 'Avslutt enheten' }).click();
    await page.getByRole('button', { name: 'Avslutt Kultur og fritid' }).click();
    await page.getByText('Enheten har aktive underenheter. Flytt eller avslutt dem først.').waitFor();

    await page.goto(`${baseUrl}/nb/admin/users/new`);
    await page.locator('#new-name').fill('Per E2E');
    await page.locator('#new-email').fill('per.e2e@fjordvik.kommune.no');
    await page.locator('#new-unit').fill('frivillig');
    await page.getByRole('option', { name: /Fjordvik frivilligsentral/ }).click();
    await page.getByRole('button', { name: 'Opprett og send invitasjon' }).click();
    await page.waitForURL(/\/nb\/admin\/users\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: 'Per E2E' }).waitFor();
    await expect(page.getByText('Invitert').first().isVisible()).resolves.toBe(true);
    expect(await scan(page, 'admin-user-created')).toEqual([]);
    await context.close();
  });

  it('should register an acting leader and show it in the management line', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    const unit = await page.evaluate(async () => {
      const response = await fetch('/api/org-units?q=bibliotek');
      return ((await response.json()) as { items: { id: string; name: string; levelType: string }[] }).items.find(
        (u) => u.levelType === 'unit',
      )!;
    });
    await page.goto(`${baseUrl}/nb/organisation/${unit.id}`);
    await page.getByRole('button', { name: 'Konstituer eller registrer stedfortreder' }).click();
    await page.locator('#stand-in').fill('kommunal');
    await page.getByRole('option').first().click();
    await page.locator('#delegation-to').fill('2099-12-31');
    await page.getByRole('button', { exact: true, name: 'Registrer' }).click();
    await page.getByText('Stedfortreder er registrert og vises i lederlinjen.').waitFor();
    const first = page.getByTestId('management-line').locator('li').first();
    await expect(first.textContent()).resolves.toContain('Konstituert');
    await expect(first.textContent()).resolves.toMatch(/til 31\.? des\.? 2099/);
    expect(await scan(page, 'organisation-acting-leader')).toEqual([]);
    await context.close();
  });

  it('should keep the unit page usable for an administrator on a phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.goto(`${baseUrl}/nb/organisation`);
    await page.getByRole('treeitem').first().waitFor();
    await page.getByRole('treeitem').first().press('Enter');
    await page.getByTestId('management-line').waitFor();
    await page.getByRole('button', { name: 'Endre navn, kode og type' }).click();
    expect(await scan(page, 'organisation-admin-phone')).toEqual([]);
    await context.close();
  });
});
