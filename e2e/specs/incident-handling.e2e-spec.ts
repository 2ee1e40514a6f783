import type { Browser, Page } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';

/** AUTH_COOKIES.csrf and CSRF_HEADER of libs/shared (auth.contract.ts); the e2e project does not resolve @helhet/*. */
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

/** Files a named avvik as the signed-in user through the API, the way the web app would (CSRF header from the cookie). */
const fileIncident = (page: Page, tag: string): Promise<{ id: string; number: string }> =>
  page.evaluate(
    async ({ csrfCookie, csrfHeader, tag }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { primaryOrgUnitId: string | null };
      const categories = (await (await fetch('/api/incidents/categories')).json()) as { id: string; code: string }[];
      const category = categories.find((c) => c.code === 'work_environment');
      if (!me.primaryOrgUnitId || !category) throw new Error('The employee needs a unit, and the work-environment category must exist');
      const token = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith(`${csrfCookie}=`))?.split('=')[1] ?? '');
      const response = await fetch('/api/incidents', {
        body: JSON.stringify({
          affectedPartyType: 'none',
          categoryId: category.id,
          description: 'E2E: nødutgangen i 2. etasje var sperret av en tralle under vaktskiftet.',
          kind: 'deviation',
          location: `Korridor 2. etasje (${tag})`,
          occurredAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
          orgUnitId: me.primaryOrgUnitId,
          reporterVisibility: 'named',
          severityActual: 'low',
          severityPotential: 'medium',
        }),
        headers: { 'Content-Type': 'application/json', [csrfHeader]: token },
        method: 'POST',
      });
      if (!response.ok) throw new Error(`Filing failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string; number: string };
    },
    { csrfCookie: CSRF_COOKIE, csrfHeader: CSRF_HEADER, tag },
  );

/** The unit leader takes an employee's avvik from "Mine saker" to closed, on a phone. */
describe('avvik handling in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should let the unit leader take the case, add and finish a measure, and close it with feedback', async () => {
    // The employee at Liavegen sykehjem reports; the leader of Liavegen sykehjem handles.
    const reporterContext = await newContext(browser);
    const reporterPage = await reporterContext.newPage();
    await signIn(reporterPage, 'ansatt');
    const filed = await fileIncident(reporterPage, 'håndtering');
    expect(filed.id).toBeTruthy();
    await reporterContext.close();

    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'enhetsleder.sykehjem');
    await page.goto(`${baseUrl}/nb/incidents/mine`);
    await page.getByRole('heading', { level: 2, name: 'Til behandling' }).waitFor();
    const caseLink = page.getByRole('link', { exact: true, name: filed.number });
    await caseLink.waitFor();
    expect(await scan(page, 'incident-my-cases-phone')).toEqual([]);

    await caseLink.click();
    await page.waitForURL(new RegExp(`/nb/incidents/${filed.id}$`));
    await page.getByRole('heading', { level: 1, name: filed.number }).waitFor();
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
      () => !document.querySelector('mat-progress-bar') && Array.from(document.querySelectorAll('main .status')).every((cell) => cell.textContent?.trim() === 'Under behandling'),
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
