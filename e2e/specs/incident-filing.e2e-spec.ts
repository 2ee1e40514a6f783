import type { Browser } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';
import { chooseIncidentCategory, openIncidentForm, submitIncidentForm } from '../support/incident-form';

/** An employee files an avvik on a phone: named, then anonymously with a receipt code to follow it. */
describe('filing an avvik in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should file a named avvik on a phone and show the case number', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'ansatt');
    await openIncidentForm(page);
    await expect(page.locator('#incident-unit').inputValue()).resolves.toBe('Liavegen sykehjem');

    await page.getByRole('radio', { name: /^Avvik/ }).check();
    const description = page.locator('#incident-description');
    await description.fill('Kari Hansen skled på gulvet');
    await page.getByText('Teksten ser ut til å inneholde et navn. Meld om saken, ikke personen.').waitFor();
    await description.fill('Glatt gulv ved inngangen etter vask, uten skilt. En ansatt skled, men falt ikke.');
    await page.getByText('Teksten ser ut til å inneholde et navn').waitFor({ state: 'detached' });
    await chooseIncidentCategory(page, 'Arbeidsmiljø (HMS)');
    await page.getByRole('radiogroup', { name: 'Hvor alvorlig ble det?' }).getByRole('radio', { name: 'Middels' }).check();
    await page.locator('#incident-location').fill('Inngangspartiet');
    // Keyboard: from the location field, Tab moves on to the date field in reading order.
    await page.locator('#incident-location').press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('incident-date');

    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'incident-file-form-phone')).toEqual([]);

    expect(await submitIncidentForm(page)).toMatch(/^\d{4}-\d{6}$/);
    await page.getByRole('main').getByRole('link', { name: 'Mine saker' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'incident-file-done-phone')).toEqual([]);
    await context.close();
  });

  it('should refuse a time in the future with a Norwegian message', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'ansatt');
    await openIncidentForm(page);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const date = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await page.locator('#incident-date').fill(date);
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.getByText('Tidspunktet kan ikke være fram i tid.').waitFor();
    await page.getByText('Beskriv hva som skjedde.').waitFor();
    expect(await scan(page, 'incident-file-errors-phone')).toEqual([]);
    await context.close();
  });

  it('should give an anonymous reporter a receipt code that shows the status', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'ansatt');
    await openIncidentForm(page);

    await page.getByRole('radio', { name: /^Nestenulykke/ }).check();
    await page.locator('#incident-description').fill('Medisinvogna sto ulåst i korridoren i ti minutter.');
    await chooseIncidentCategory(page, 'Bruker-/pasientsikkerhet');
    await expect(page.getByRole('radiogroup', { name: 'Hvor alvorlig ble det?' }).count()).resolves.toBe(0);
    await page.getByRole('radiogroup', { name: 'Hvor alvorlig kunne det blitt?' }).getByRole('radio', { name: 'Høy' }).check();
    await page.getByRole('radio', { name: /^Anonym/ }).check();
    await page.getByText('I små enheter er det ofte lett å gjette hvem som har meldt').waitFor();
    expect(await scan(page, 'incident-file-anonymous-phone')).toEqual([]);

    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kvitteringskoden din' }).waitFor();
    await expect(page.getByTestId('case-number').textContent()).resolves.toMatch(/^\d{4}-\d{6}$/);
    const code = ((await page.getByTestId('receipt-code').textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(8);
    await page.getByRole('link', { name: 'Følg en anonym melding med kvitteringskoden' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'incident-file-receipt-code-phone')).toEqual([]);

    await page.goto(`${baseUrl}/nb/incidents/receipt?code=${encodeURIComponent(code)}`);
    await page.getByTestId('receipt-status').waitFor();
    await expect(page.getByTestId('receipt-status').textContent()).resolves.toBe('Registrert');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'incident-receipt-phone')).toEqual([]);

    await page.locator('#receipt-code').fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: 'Vis status' }).click();
    await page.getByText('Fant ingen melding med denne koden.', { exact: false }).waitFor();
    await context.close();
  });
});
