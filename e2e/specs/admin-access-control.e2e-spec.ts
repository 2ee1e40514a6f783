import type { Browser, Page } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';

const INFOSEC = 'Informasjonssikkerhet / personvern';
/** AUTH_COOKIES.csrf and CSRF_HEADER of libs/shared (auth.contract.ts); the e2e project does not resolve @helhet/*. */
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

/** Sets the information-security category's restriction from the category settings page (as the signed-in configurer). */
const setInfosecRestriction = async (page: Page, option: string): Promise<void> => {
  await page.goto(`${baseUrl}/nb/admin/incident-settings`);
  await page.getByRole('button', { name: `Endre ${INFOSEC}` }).click();
  await page.locator('#category-restriction').click();
  await page.getByRole('option', { name: option }).click();
  await page.getByRole('button', { name: 'Lagre', exact: true }).first().click();
};

/**
 * ADR 0015 in the browser: a loosened category restriction waits for the DPO (who finds it in the inbox and on the
 * approvals page), a content role shows what it opens before it is granted, and the HMS advisor's user list has
 * names and units only.
 */
describe('administration: access control (ADR 0015)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  it('should hold a loosened restriction until the DPO approves it', async () => {
    const quality = await newContext(browser);
    const qualityPage = await quality.newPage();
    await signIn(qualityPage, 'kvalitet');
    await setInfosecRestriction(qualityPage, 'Ingen ekstra tilgang');
    await qualityPage.getByText('Venter på godkjenning fra personvernombudet').first().waitFor();
    expect(await scan(qualityPage, 'incident-settings-pending')).toEqual([]);
    // The proposer follows it but cannot decide it.
    await qualityPage.goto(`${baseUrl}/nb/admin/restriction-approvals`);
    await qualityPage.getByText('Du kan ikke godkjenne denne endringen.').waitFor();
    await expect(qualityPage.getByRole('button', { name: 'Godkjenn' }).count()).resolves.toBe(0);

    // The DPO finds it through the inbox on a phone.
    const dpo = await newContext(browser, PHONE);
    const dpoPage = await dpo.newPage();
    await signIn(dpoPage, 'personvernombud');
    await dpoPage.goto(`${baseUrl}/nb/`);
    await dpoPage.getByRole('button', { name: /varsler/i }).click();
    await dpoPage
      .getByRole('menuitem', { name: /Venter på din godkjenning/ })
      .first()
      .click();
    await dpoPage.waitForURL(/\/admin\/restriction-approvals$/);
    const change = dpoPage.locator('li[data-change]').filter({ hasText: INFOSEC });
    await change.waitFor();
    expect(await overflowsHorizontally(dpoPage)).toBe(false);
    expect(await scan(dpoPage, 'restriction-approvals-phone')).toEqual([]);
    await change.getByRole('button', { name: 'Godkjenn' }).click();
    await dpoPage.getByText(/er godkjent og gjelder nå/).waitFor();
    await dpoPage.getByText('Ingen endringer venter på godkjenning.').waitFor();
    expect(await scan(dpoPage, 'restriction-approvals-decided-phone')).toEqual([]);
    await dpo.close();

    // Tightening back applies at once (no approval), so other specs see the demo as seeded.
    await setInfosecRestriction(qualityPage, 'Informasjonssikkerhet (personvernombud)');
    await qualityPage.getByText('Kategorien er lagret.').waitFor();
    await expect(qualityPage.getByText('Venter på godkjenning fra personvernombudet').count()).resolves.toBe(0);
    await quality.close();
  });

  it('should show what a role opens before it is granted, and refuse it to oneself', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    const me = await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { id: string }).id);
    const users = await page.evaluate(async () => (await (await fetch('/api/users?q=ansatt')).json()) as { items: { id: string }[] });
    const other = users.items.find((user) => user.id !== me)!;

    await page.goto(`${baseUrl}/nb/admin/users/${other.id}`);
    await page.locator('#new-role').click();
    await page.getByRole('option', { name: 'Kommunedirektør / ledergruppe' }).click();
    await page.getByText('Denne rollen gir tilgang til:').waitFor();
    await page.getByText(/avvik med personskade og brudd på personvernet/).waitFor();
    await page.getByText('Personvernombudet og kommunedirektøren blir varslet når rollen gis.').waitFor();
    expect(await scan(page, 'user-role-opens')).toEqual([]);

    // Granted (through the API, the way the form does): the kommunedirektør's inbox links to the user's page.
    const assignmentId = await page.evaluate(
      async ({ csrfCookie, csrfHeader, userId }) => {
        const token = decodeURIComponent(
          document.cookie
            .split('; ')
            .find((c) => c.startsWith(`${csrfCookie}=`))
            ?.split('=')[1] ?? '',
        );
        const roots = (await (await fetch('/api/org-units')).json()) as { items: { id: string }[] };
        const response = await fetch(`/api/users/${userId}/role-assignments`, {
          body: JSON.stringify({ includeDescendants: false, orgUnitId: roots.items[0]!.id, role: 'safety_rep' }),
          headers: { 'Content-Type': 'application/json', [csrfHeader]: token },
          method: 'POST',
        });
        if (response.status !== 201) throw new Error(`grant failed: ${response.status}`);
        return ((await response.json()) as { id: string }).id;
      },
      { csrfCookie: CSRF_COOKIE, csrfHeader: CSRF_HEADER, userId: other.id },
    );
    const executive = await newContext(browser);
    const executivePage = await executive.newPage();
    await signIn(executivePage, 'kommunedirektor');
    await executivePage.getByRole('button', { name: /varsler/i }).click();
    await executivePage
      .getByRole('menuitem', { name: /Rolle med tilgang til avvikssaker gitt/ })
      .first()
      .click();
    await executivePage.waitForURL(new RegExp(`/admin/users/${other.id}$`));
    await executivePage.getByRole('heading', { level: 1 }).waitFor();
    await expect(executivePage.getByText('Fant ikke').count()).resolves.toBe(0);
    await executivePage.getByText('Verneombud').first().waitFor();
    expect(await scan(executivePage, 'executive-granted-user')).toEqual([]);
    await executive.close();
    // The DPO has no user administration, yet the link opens the user's roles (not "no access").
    const dpo = await newContext(browser, PHONE);
    const dpoPage = await dpo.newPage();
    await signIn(dpoPage, 'personvernombud');
    await dpoPage.getByRole('button', { name: /varsler/i }).click();
    await dpoPage
      .getByRole('menuitem', { name: /Rolle med tilgang til avvikssaker gitt/ })
      .first()
      .click();
    await dpoPage.waitForURL(new RegExp(`/admin/users/${other.id}$`));
    await dpoPage.getByText('Verneombud').first().waitFor();
    await expect(dpoPage.getByText('Ingen tilgang').count()).resolves.toBe(0);
    expect(await overflowsHorizontally(dpoPage)).toBe(false);
    expect(await scan(dpoPage, 'dpo-granted-user-phone')).toEqual([]);
    await dpo.close();
    await page.evaluate(
      async ({ csrfCookie, csrfHeader, userId, assignmentId }) => {
        const token = decodeURIComponent(
          document.cookie
            .split('; ')
            .find((c) => c.startsWith(`${csrfCookie}=`))
            ?.split('=')[1] ?? '',
        );
        await fetch(`/api/users/${userId}/role-assignments/${assignmentId}`, { headers: { [csrfHeader]: token }, method: 'DELETE' });
      },
      { assignmentId, csrfCookie: CSRF_COOKIE, csrfHeader: CSRF_HEADER, userId: other.id },
    );

    await page.goto(`${baseUrl}/nb/admin/users/${me}`);
    await page.locator('#new-role').click();
    await page.getByRole('option', { name: 'Kommunedirektør / ledergruppe' }).click();
    await page.getByText('Du kan ikke gi deg selv en rolle som gir tilgang til avvikssaker.', { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: 'Legg til rolle' }).isDisabled()).resolves.toBe(true);
    expect(await scan(page, 'user-role-self')).toEqual([]);
    await context.close();
  });

  it('should give the HMS advisor names and units, not e-mail or roles', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, 'hms');
    await page.goto(`${baseUrl}/nb/admin/users`);
    await page.getByRole('table').waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await expect(page.getByRole('columnheader', { name: 'Roller' }).count()).resolves.toBe(0);
    expect(await page.getByRole('table').innerText()).not.toContain('@');
    const list = await page.evaluate(async () => (await (await fetch('/api/users?pageSize=5')).json()) as { items: object[] });
    for (const item of list.items) expect(Object.keys(item).sort()).toEqual(['id', 'name', 'primaryOrgUnit', 'view']);
    expect(await scan(page, 'hms-users-phone')).toEqual([]);
    await context.close();
  });
});
