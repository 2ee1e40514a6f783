import type { Browser } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';
import { chooseIncidentCategory, openIncidentForm, submitIncidentForm } from '../support/incident-form';

/** An employee files an avvik on a phone; the unit leader takes it from "Mine saker" to closed, on a phone; the reporter reads the feedback. */
describe('avvik handling in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should let the unit leader take the case, add and finish a measure, and close it with feedback', async () => {
    // The employee at Liavegen sykehjem files through the form on a 360 px phone; the leader of Liavegen sykehjem handles.
    const reporterContext = await newContext(browser, PHONE);
    const reporterPage = await reporterContext.newPage();
    await signIn(reporterPage, 'ansatt');
    await openIncidentForm(reporterPage);
    await reporterPage.getByRole('radio', { name: /^Avvik/ }).check();
    await reporterPage.locator('#incident-description').fill('Nødutgangen i 2. etasje var sperret av en tralle under vaktskiftet.');
    await chooseIncidentCategory(reporterPage, 'Arbeidsmiljø (HMS)');
    await reporterPage.getByRole('radiogroup', { name: 'Hvor alvorlig ble det?' }).getByRole('radio', { name: 'Lav' }).check();
    await reporterPage.locator('#incident-location').fill('Korridor 2. etasje');
    const number = await submitIncidentForm(reporterPage);
    expect(number).toMatch(/^\d{4}-\d{6}$/);

    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'enhetsleder.sykehjem');
    await page.goto(`${baseUrl}/nb/incidents/mine`);
    await page.getByRole('heading', { level: 2, name: 'Til behandling' }).waitFor();
    const caseLink = page.getByRole('link', { exact: true, name: number });
    await caseLink.waitFor();
    expect(await scan(page, 'incident-my-cases-phone')).toEqual([]);

    await caseLink.click();
    await page.waitForURL(/\/nb\/incidents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: number }).waitFor();
    await page.getByText('Status: Registrert').first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'incident-detail-phone')).toEqual([]);

    await page.getByRole('button', { exact: true, name: 'Ta saken' }).click();
    await page.getByText('Du har tatt saken. Status: Under behandling.').waitFor();

    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    await page.locator('#measure-title').fill('Merke rømningsvei og gå gjennom ryddingen ved vaktskiftet');
    await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await page.getByText('Tiltaket er lagt til.').waitFor();

    await page.getByRole('combobox', { name: /Endre status for «Merke rømningsvei/ }).click();
    await page.getByRole('option', { exact: true, name: 'Utført' }).click();
    await page.getByText(/har nå status Utført\./).waitFor();

    await page.getByRole('button', { exact: true, name: 'Lukk saken' }).click();
    await page.locator('#close-cause').click();
    await page.getByRole('option', { name: 'Rutine ikke fulgt' }).click();
    await page.locator('#close-summary').fill('Trallen er flyttet, rømningsveien er merket og rutinen er gjennomgått på personalmøtet.');
    await page.locator('#close-feedback').fill('Takk for meldingen. Rømningsveien er merket og rutinen for vaktskiftet er gjennomgått.');
    expect(await scan(page, 'incident-close-form-phone')).toEqual([]);
    await page.getByRole('button', { name: 'Lukk saken nå' }).click();
    await page.getByText(/Saken er lukket.*Status: Lukket\./).waitFor();

    await expect(page.getByText('Status: Lukket', { exact: true }).first().isVisible()).resolves.toBe(true);
    const timeline = (await page.getByTestId('incident-timeline').textContent()) ?? '';
    expect(timeline).toContain('Saken ble meldt');
    expect(timeline).toContain('Ta saken – status: Under behandling');
    expect(timeline).toContain('Tiltak lagt til: Merke rømningsvei');
    expect(timeline).toContain('fikk status Utført');
    expect(timeline).toContain('Lukk saken – status: Lukket');
    expect(timeline.indexOf('Saken ble meldt')).toBeLessThan(timeline.indexOf('Lukk saken – status: Lukket'));
    await expect(page.getByRole('button', { exact: true, name: 'Gjenåpne' }).isVisible()).resolves.toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'incident-closed-phone')).toEqual([]);
    await context.close();

    // The reporter finds the closed case under "Meldt av meg" and reads the feedback.
    await reporterPage.goto(`${baseUrl}/nb/incidents/mine`);
    await reporterPage.getByRole('heading', { level: 2, name: 'Meldt av meg' }).waitFor();
    await reporterPage.getByRole('link', { exact: true, name: number }).click();
    await reporterPage.getByRole('heading', { level: 3, name: 'Tilbakemelding fra behandleren' }).waitFor();
    await reporterPage.getByText('Takk for meldingen. Rømningsveien er merket og rutinen for vaktskiftet er gjennomgått.').waitFor();
    expect(await scan(reporterPage, 'incident-feedback-phone')).toEqual([]);
    await reporterContext.close();
  });

  it('should filter the list through the URL and show the statistics as a chart with a table', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'enhetsleder.sykehjem');
    await page.goto(`${baseUrl}/nb/incidents`);
    await page.getByRole('heading', { level: 1, name: 'Avvik' }).waitFor();
    await page.getByRole('table').waitFor();
    await page.locator('#filter-status').click();
    await page.getByRole('option', { exact: true, name: 'Under behandling' }).click();
    await page.waitForURL(/[?&]status=in_progress/);
    // Every row shown once the filtered page has loaded is in the chosen status.
    await page.waitForFunction(
      () =>
        !document.querySelector('mat-progress-bar') &&
        Array.from(document.querySelectorAll('main .status')).every((cell) => cell.textContent?.trim() === 'Under behandling'),
    );
    await page.getByText(/Antall saker: \d+/).waitFor();
    await expect(page.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href')).resolves.toContain('status=in_progress');
    expect(await scan(page, 'incident-list-filtered')).toEqual([]);

    await page.getByRole('link', { name: 'Statistikk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avviksstatistikk' }).waitFor();
    await page.getByRole('table', { name: 'Antall avvik per kategori og måned' }).waitFor();
    await expect(page.getByRole('img').first().getAttribute('aria-label')).resolves.toMatch(/^Stolpediagram over avvik per måned/);
    expect(await scan(page, 'incident-stats')).toEqual([]);
    await context.close();
  });
});
