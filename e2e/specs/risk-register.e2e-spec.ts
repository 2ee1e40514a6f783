import type { Browser, Page } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';

/** AUTH_COOKIES.csrf and CSRF_HEADER of libs/shared (auth.contract.ts); the e2e project does not resolve @helhet/*. */
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

interface Seeded {
  analysisId: string;
  titles: { high: string[]; low: string };
}

/** Creates a tjeneste-ROS with three scenarios at known cells through the API, the way the web app would. */
const seedAnalysis = (page: Page, tag: string): Promise<Seeded> =>
  page.evaluate(
    async ({ csrfCookie, csrfHeader, tag }) => {
      const token = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith(`${csrfCookie}=`))
          ?.split('=')[1] ?? '',
      );
      const post = async <T>(url: string, body: unknown): Promise<T> => {
        const response = await fetch(url, {
          body: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json', [csrfHeader]: token },
          method: 'POST',
        });
        if (!response.ok) throw new Error(`POST ${url} failed: ${response.status} ${await response.text()}`);
        return (await response.json()) as T;
      };
      const roots = (await (await fetch('/api/org-units')).json()) as { items: { id: string }[] };
      const root = roots.items[0];
      if (!root) throw new Error('The HMS adviser needs a unit in scope');
      const analysis = await post<{ id: string }>('/api/risk/analyses', {
        scopeOrgUnitId: root.id,
        title: `E2E tjeneste-ROS ${tag}`,
        type: 'service_ros',
      });
      const high = [`E2E brann på kjøkken ${tag}`, `E2E strømbrudd i vinterkulde ${tag}`];
      const low = `E2E vannlekkasje i kjeller ${tag}`;
      for (const title of high)
        await post(`/api/risk/analyses/${analysis.id}/scenarios`, {
          consequences: [{ rank: 4, typeCode: 'deaths' }],
          likelihoodRank: 4,
          title,
        });
      await post(`/api/risk/analyses/${analysis.id}/scenarios`, {
        consequences: [{ rank: 1, typeCode: 'deaths' }],
        likelihoodRank: 2,
        title: low,
      });
      return { analysisId: analysis.id, titles: { high, low } };
    },
    { csrfCookie: CSRF_COOKIE, csrfHeader: CSRF_HEADER, tag },
  );

/** The HMS adviser reads the risk register: heat map, drill-down to a cell, and an analysis. */
describe('risk register in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should show the heat map from the API, drill down to a cell, and open the analysis', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'hms');
    const tag = `${Date.now()}`;
    const seeded = await seedAnalysis(page, tag);

    await page.goto(`${baseUrl}/nb/risk`);
    await page.getByRole('heading', { level: 1, name: 'Risikoregister' }).waitFor();
    const cell = page.locator('button.cell[data-likelihood="4"][data-consequence="4"]');
    await cell.waitFor();
    await page.getByRole('status').filter({ hasText: 'Antall risikoer' }).waitFor();
    expect(Number(await cell.locator('.cell-count').textContent())).toBeGreaterThanOrEqual(2);
    // The accessible name is the text alternative of the cell: position, count and band.
    expect(await page.getByRole('button', { name: /^Sannsynlighet .+, konsekvens .+: \d+ risiko(er)?, .+ risiko$/ }).count()).toBe(25);
    expect(await scan(page, 'risk-register')).toEqual([]);

    await cell.click();
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    await page.getByText('Viser celle sannsynlighet').waitFor();
    const list = page.locator('ul.items');
    for (const title of seeded.titles.high) await list.getByRole('heading', { name: title }).waitFor();
    expect(await list.getByRole('heading', { name: seeded.titles.low }).count()).toBe(0);

    await list
      .getByRole('link', { name: `E2E tjeneste-ROS ${tag}` })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname.endsWith(`/risk/analyses/${seeded.analysisId}`));
    await page.getByRole('heading', { level: 1, name: `E2E tjeneste-ROS ${tag}` }).waitFor();
    await page.getByRole('cell', { name: seeded.titles.low }).waitFor();
    expect(await page.getByText('Tjeneste-ROS').count()).toBeGreaterThan(0);
    expect(await scan(page, 'risk-analysis-detail')).toEqual([]);
    await context.close();
  });

  it('should fit the register on a phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'hms');
    await page.goto(`${baseUrl}/nb/risk`);
    await page.locator('button.cell').first().waitFor();
    await page.getByRole('status').filter({ hasText: 'Antall risikoer' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'risk-register-phone')).toEqual([]);
    await context.close();
  });
});
