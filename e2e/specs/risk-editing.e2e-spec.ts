import type { Browser, Page } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';

/** The name of the first unit the signed-in user sees (the municipality for the HMS adviser). */
const firstUnitName = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    const units = (await (await fetch('/api/org-units')).json()) as { items: { name: string }[] };
    const unit = units.items[0];
    if (!unit) throw new Error('The HMS adviser needs a unit in scope');
    return unit.name;
  });

/** Opens the mat-select with this id and picks the first option matching `option`. */
const pickOption = async (page: Page, id: string, option: RegExp): Promise<void> => {
  await page.locator(`#${id}`).click();
  await page.getByRole('option', { name: option }).first().click();
  await page
    .locator('.cdk-overlay-backdrop')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
};

/** Creates a tjeneste-ROS through the UI and returns its id. */
const createAnalysis = async (page: Page, title: string): Promise<string> => {
  await page.goto(`${baseUrl}/nb/risk/analyses`);
  await page.getByRole('heading', { level: 1, name: 'Risikoanalyser' }).waitFor();
  await page.getByRole('link', { name: 'Ny analyse' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ny risikoanalyse' }).waitFor();
  await pickOption(page, 'analysis-type', /^Tjeneste-ROS$/);
  // The default revision date and DSB's scale are proposed for the type.
  expect(await page.getByLabel('Neste revisjon').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.locator('#analysis-scale').getByText('Samfunnssikkerhet (DSB').waitFor();
  await page.getByLabel('Tittel').fill(title);
  const unit = await firstUnitName(page);
  await page.getByLabel('Enhet analysen gjelder').fill(unit.slice(0, 5));
  await page
    .getByRole('option', { name: new RegExp(unit) })
    .first()
    .click();
  await page.getByLabel('Mandat').fill('Vurdere risiko i tjenesten ved bortfall av strøm og vann.');
  await page.getByRole('button', { name: 'Opprett analyse' }).click();
  await page.waitForURL((url) => /\/risk\/analyses\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return new URL(page.url()).pathname.split('/').pop() as string;
};

/** The HMS adviser creates and works on a tjeneste-ROS in the browser. */
describe('risk analysis editing in the browser', () => {
  let browser: Browser;
  let analysisId = '';
  const tag = `${Date.now()}`;
  const title = `E2E redigering tjeneste-ROS ${tag}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should create an analysis, add and edit a scenario, show it in the matrix and change the status', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'hms');

    await page.goto(`${baseUrl}/nb/risk/analyses`);
    await page.getByRole('status').filter({ hasText: 'Antall analyser' }).waitFor();
    expect(await scan(page, 'risk-analyses')).toEqual([]);
    await page.getByRole('link', { name: 'Ny analyse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny risikoanalyse' }).waitFor();
    // Saving an empty form names the fields, in Norwegian.
    await page.getByRole('button', { name: 'Opprett analyse' }).click();
    await page.getByText('Velg en enhet fra listen.').waitFor();
    expect(await scan(page, 'risk-analysis-new')).toEqual([]);

    analysisId = await createAnalysis(page, title);
    expect(await page.locator('[data-status]').textContent()).toContain('Planlagt');
    await page.getByText('Analysen har ingen uønskede hendelser ennå.').waitFor();

    // Add a scenario: likelihood, consequences, the mandatory questions and residual values.
    await page.getByRole('link', { name: 'Legg til hendelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny uønsket hendelse' }).waitFor();
    await page.getByLabel('Uønsket hendelse', { exact: true }).waitFor();
    // The mandatory questions show that they are not answered yet.
    expect(await page.getByText('Ikke besvart').count()).toBe(2);
    await page.getByLabel('Uønsket hendelse', { exact: true }).fill(`Langvarig strømbrudd ${tag}`);
    await page.getByRole('radiogroup', { name: 'Hvor sannsynlig er hendelsen?' }).getByRole('radio', { name: /^Høy/ }).check();
    await pickOption(page, 'sf-c-deaths', /^Store/);
    await page.locator('[data-preview="current"]').filter({ hasText: 'Høy risiko' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Behov for å varsle befolkningen?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('radiogroup', { name: 'Behov for å evakuere?' }).getByRole('radio', { name: 'Nei' }).check();
    expect(await page.getByText('Ikke besvart').count()).toBe(0);
    await page.getByRole('radiogroup', { name: 'Usikkerhet' }).getByRole('radio', { name: 'Høy' }).check();
    await pickOption(page, 'sf-residual-likelihood', /^Lav/);
    await pickOption(page, 'sf-rc-deaths', /^Middels/);
    await page.locator('[data-preview="residual"]').filter({ hasText: 'Middels risiko' }).waitFor();
    expect(await scan(page, 'risk-scenario-form')).toEqual([]);
    await page.getByRole('button', { name: 'Lagre hendelsen' }).click();

    // Back on the analysis: the scenario in the table and as marker 1 with an arrow in the matrices.
    await page.waitForURL((url) => url.pathname.endsWith(`/risk/analyses/${analysisId}`));
    await page.getByRole('cell', { name: `Langvarig strømbrudd ${tag}` }).waitFor();
    const overall = page.locator('hh-risk-matrix[data-group="overall"]');
    await overall.locator('.pcell[data-likelihood="4"][data-consequence="4"] [data-marker="1"]').waitFor();
    await overall.locator('.pcell[data-likelihood="2"][data-consequence="3"] [data-residual-marker="1"]').waitFor();
    expect(await overall.locator('line.arrow[data-arrow="1"]').count()).toBe(1);
    expect(await overall.locator('[data-marker="1"] .q').textContent()).toBe('?');
    expect(await page.locator('hh-risk-matrix[data-group="life_health"] [data-marker="1"]').count()).toBe(1);
    await overall.getByText('Vis som tabell').click();
    await overall.getByRole('cell', { name: 'Høy risiko' }).first().waitFor();
    expect(await scan(page, 'risk-analysis-edit-detail')).toEqual([]);

    // Edit the scenario.
    await page.getByRole('link', { name: `Langvarig strømbrudd ${tag}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre uønsket hendelse' }).waitFor();
    expect(await page.getByLabel('Uønsket hendelse', { exact: true }).inputValue()).toBe(`Langvarig strømbrudd ${tag}`);
    await page.getByLabel('Uønsket hendelse', { exact: true }).fill(`Langvarig strømbrudd om vinteren ${tag}`);
    await page.getByRole('button', { name: 'Lagre hendelsen' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/risk/analyses/${analysisId}`));
    await page.getByRole('cell', { name: `Langvarig strømbrudd om vinteren ${tag}` }).waitFor();

    // Edit the metadata and move the analysis through its life cycle; approval asks first.
    await page.getByRole('button', { name: 'Endre opplysninger' }).click();
    await page.getByLabel('Tittel').fill(`${title} (rev.)`);
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `${title} (rev.)` }).waitFor();
    await page.getByRole('button', { name: 'Sett til «Pågår»' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Pågår' }).waitFor();
    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Til godkjenning' }).waitFor();
    await page.getByRole('button', { name: 'Godkjenn analysen' }).click();
    await page.getByText('Godkjenne analysen?').waitFor();
    expect(await page.locator('[data-status]').textContent()).toContain('Til godkjenning');
    await page.getByRole('button', { name: 'Ja, godkjenn' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Godkjent' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Status er endret til Godkjent' }).waitFor();
    await context.close();
  });

  it('should fit the pages on a phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'hms');
    const id = analysisId || (await createAnalysis(page, `${title} mobil`));

    await page.goto(`${baseUrl}/nb/risk/analyses`);
    await page.getByRole('status').filter({ hasText: 'Antall analyser' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'risk-analyses-phone')).toEqual([]);

    await page.goto(`${baseUrl}/nb/risk/analyses/new`);
    await page.getByRole('heading', { level: 1, name: 'Ny risikoanalyse' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'risk-analysis-new-phone')).toEqual([]);

    await page.goto(`${baseUrl}/nb/risk/analyses/${id}`);
    await page.locator('[data-status]').waitFor();
    if (analysisId) await page.locator('hh-risk-matrix').first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'risk-analysis-edit-detail-phone')).toEqual([]);

    await page.goto(`${baseUrl}/nb/risk/analyses/${id}/scenarios/new`);
    await page.getByRole('heading', { level: 1, name: 'Ny uønsket hendelse' }).waitFor();
    await page.getByLabel('Uønsket hendelse', { exact: true }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await scan(page, 'risk-scenario-form-phone')).toEqual([]);
    await context.close();
  });
});
