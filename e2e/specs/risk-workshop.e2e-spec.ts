import { join } from 'node:path';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { baseUrl, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';

/** AUTH_COOKIES.csrf and CSRF_HEADER of libs/shared (auth.contract.ts); the e2e project does not resolve @helhet/*. */
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const WIDE = { height: 900, width: 1280 };
const screenshotDir = join(__dirname, '../../tmp/e2e');

interface Seeded {
  analysisId: string;
  title: string;
  scenarios: string[];
}

/** A tjeneste-ROS with two scenarios, created through the API the way the web app would. */
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
      const title = `E2E workshop-ROS ${tag}`;
      const analysis = await post<{ id: string }>('/api/risk/analyses', { scopeOrgUnitId: root.id, title, type: 'service_ros' });
      const scenarios = [`E2E langvarig strømbrudd ${tag}`, `E2E brann i kjøkken ${tag}`];
      for (const scenario of scenarios) {
        await post(`/api/risk/analyses/${analysis.id}/scenarios`, {
          description: 'Vinter, tre døgn uten strøm i hele kommunen.',
          title: scenario,
        });
      }
      return { analysisId: analysis.id, scenarios, title };
    },
    { csrfCookie: CSRF_COOKIE, csrfHeader: CSRF_HEADER, tag },
  );

/** Screenshot at another width, then back (the scan helper shoots at the context's own size). */
const shootAt = async (page: Page, name: string, viewport: { width: number; height: number }): Promise<void> => {
  const before = page.viewportSize();
  await page.setViewportSize(viewport);
  await page.waitForTimeout(200);
  await page.screenshot({ fullPage: true, path: join(screenshotDir, `${name}.png`) });
  if (before) await page.setViewportSize(before);
};

const connection = (page: Page): Locator => page.getByRole('status').filter({ hasText: /Tilkoblet|Mistet forbindelsen|Kobler til/ });

/** The HMS adviser runs a live workshop; a guest takes part from a phone. */
describe('live ROS workshop in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  afterAll(() => browser.close());

  it('should run a round from join to consensus live, and come back after a reload and a dropped connection', async () => {
    const facilitatorContext = await newContext(browser, WIDE);
    contexts.push(facilitatorContext);
    const facilitator = await facilitatorContext.newPage();
    await signIn(facilitator, 'hms');
    const seeded = await seedAnalysis(facilitator, `${Date.now()}`);
    const [scenario] = seeded.scenarios;
    if (!scenario) throw new Error('no scenario');

    // The facilitator starts the workshop and reads the code off the wall.
    await facilitator.goto(`${baseUrl}/nb/risk/analyses/${seeded.analysisId}/workshop`);
    await facilitator.getByRole('heading', { level: 1, name: seeded.title }).waitFor();
    await facilitator.getByRole('heading', { name: 'Start en workshop' }).waitFor();
    await facilitator.getByRole('button', { name: 'Start workshop' }).click();
    const codeElement = facilitator.getByTestId('join-code');
    await codeElement.waitFor();
    const code = (await codeElement.textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await facilitator.getByRole('img', { name: `QR-kode som åpner workshopen med koden ${code}` }).waitFor();
    await connection(facilitator).filter({ hasText: 'Tilkoblet' }).waitFor();
    await facilitator.getByText('Ingen har blitt med ennå').waitFor();

    // A guest on a phone joins by code (prefilled from the QR link) with a name.
    const guestContext = await newContext(browser, PHONE);
    contexts.push(guestContext);
    const guest = await guestContext.newPage();
    await guest.goto(`${baseUrl}/nb/workshop?code=${code}`);
    await guest.getByRole('heading', { name: 'Skriv koden fra skjermen' }).waitFor();
    expect(await guest.getByRole('textbox', { exact: true, name: 'Kode' }).inputValue()).toBe(code);
    await guest.getByRole('button', { name: 'Bli med' }).click();
    await guest.getByText('Skriv navnet ditt.').waitFor();
    await guest.getByLabel('Navnet ditt').fill('Kari Gjest');
    await guest.getByLabel('Virksomhet').fill('Fjordvik brannvesen');
    await guest.getByRole('button', { name: 'Bli med' }).click();
    await guest.getByRole('heading', { name: 'Venter på neste avstemning' }).waitFor();
    await connection(guest).filter({ hasText: 'Tilkoblet' }).waitFor();
    await guest.getByText('Du deltar som Kari Gjest').waitFor();
    expect(new URL(guest.url()).pathname).toBe('/nb/workshop');
    expect(await overflowsHorizontally(guest)).toBe(false);
    expect(await scan(guest, 'workshop-participant-waiting-360')).toEqual([]);

    // The facilitator sees the guest arrive, live.
    const people = facilitator.locator('.people');
    await people.getByText('Kari Gjest').waitFor();
    await people.getByText('tilkoblet', { exact: true }).waitFor();

    // Open voting on the first scenario for likelihood and deaths only.
    await facilitator.getByRole('button', { name: `Velg ${scenario} for avstemning` }).click();
    const dims = facilitator.getByRole('group', { name: new RegExp(`^Stem over «${scenario}»`) });
    for (const box of await dims.getByRole('checkbox').all()) {
      const label = (await box.locator('xpath=..').textContent())?.trim() ?? '';
      if (label !== 'Sannsynlighet' && label !== 'Dødsfall') await box.uncheck();
    }
    await facilitator.getByRole('button', { name: 'Åpne avstemning' }).click();
    await facilitator.getByRole('heading', { name: `Avstemning pågår: ${scenario}` }).waitFor();
    expect(await facilitator.getByTestId('voted-count').allTextContents()).toEqual(['0 av 1 har stemt', '0 av 1 har stemt']);
    expect(await scan(facilitator, 'workshop-facilitator-voting-1280')).toEqual([]);

    // The guest's page follows, with focus on the round; votes likelihood and a consequence.
    const roundHeading = guest.getByRole('heading', { name: `Stem nå: ${scenario}` });
    await roundHeading.waitFor();
    await guest.waitForFunction(() => document.activeElement?.id === 'round-heading');
    const likelihood = guest.getByRole('group', { name: 'Sannsynlighet' });
    const deaths = guest.getByRole('group', { name: 'Dødsfall' });
    await likelihood.getByRole('radio', { name: /^4 – / }).check();
    await likelihood.getByText('Stemme registrert').waitFor();
    await deaths.getByRole('radio', { name: /^3 – / }).check();
    await deaths.getByText('Stemme registrert').waitFor();
    await guest.getByText('Du har stemt på alt').waitFor();
    expect(await overflowsHorizontally(guest)).toBe(false);
    expect(await scan(guest, 'workshop-participant-voting-360')).toEqual([]);

    // The facilitator sees who voted, live, and no values before reveal.
    await facilitator.getByTestId('voted-count').filter({ hasText: '1 av 1 har stemt' }).nth(1).waitFor();
    const round = facilitator.locator('section.round');
    expect(await round.locator('.names').allTextContents()).toEqual(['Kari Gjest', 'Kari Gjest']);
    expect(await round.locator('hh-vote-distribution').count()).toBe(0);
    expect(await round.textContent()).not.toMatch(/\b[1-5] – /);

    // Reveal: distribution with the median, consensus preselected with it.
    await facilitator.getByRole('button', { name: 'Vis resultat' }).click();
    await facilitator.getByRole('heading', { name: `Resultat: ${scenario}` }).waitFor();
    await facilitator.getByRole('img', { name: /^Stemmer for Sannsynlighet/ }).waitFor();
    await round.getByText(/^Median 4 – .+ av 1 stemmer$/).waitFor();
    expect(await facilitator.getByLabel('Konsensusverdi for Sannsynlighet').inputValue()).toBe('4');
    expect(await facilitator.getByLabel('Konsensusverdi for Dødsfall').inputValue()).toBe('3');
    // The rationale is required.
    await facilitator.getByRole('button', { name: 'Registrer konsensus for Sannsynlighet' }).click();
    await facilitator.getByText('Skriv en begrunnelse for verdien.').waitFor();
    const likelihoodArticle = round.locator('article').filter({ has: facilitator.getByRole('heading', { name: 'Sannsynlighet' }) });
    await likelihoodArticle.getByLabel(/^Begrunnelse/).fill('Strømbrudd over døgnet skjer hver vinter i regionen.');
    await likelihoodArticle.getByLabel(/^Dissens/).fill('Brannvesenet mener 3.');
    await facilitator.getByRole('button', { name: 'Registrer konsensus for Sannsynlighet' }).click();
    await likelihoodArticle.getByText('Konsensus registrert:').waitFor();
    await facilitator
      .locator('.decided')
      .getByText(/^\s*Sannsynlighet:/)
      .waitFor();
    expect(await scan(facilitator, 'workshop-facilitator-revealed-1280')).toEqual([]);

    // The guest sees the result and the consensus.
    await guest.getByRole('heading', { name: `Resultat: ${scenario}` }).waitFor();
    await guest.getByText('Strømbrudd over døgnet skjer hver vinter i regionen.').waitFor();
    await guest.getByText(/^Din stemme: 4 – /).waitFor();
    expect(await scan(guest, 'workshop-participant-result-360')).toEqual([]);
    await shootAt(guest, 'workshop-participant-result-1280', WIDE);

    // A reload comes back to the same state without a new join.
    await guest.reload();
    await guest.getByText('Du deltar som Kari Gjest').waitFor();
    await guest.getByText('Strømbrudd over døgnet skjer hver vinter i regionen.').waitFor();
    expect(await guest.getByRole('heading', { name: 'Skriv koden fra skjermen' }).count()).toBe(0);
    await connection(guest).filter({ hasText: 'Tilkoblet' }).waitFor();

    // A dropped connection is shown, comes back by itself, and catches up with what happened meanwhile.
    await guestContext.setOffline(true);
    await connection(guest).filter({ hasText: 'Mistet forbindelsen – kobler til igjen …' }).waitFor({ timeout: 30_000 });
    const deathsArticle = round.locator('article').filter({ has: facilitator.getByRole('heading', { name: 'Dødsfall' }) });
    await deathsArticle.getByLabel(/^Begrunnelse/).fill('Få døde ventet; hjemmetjenesten har aggregat.');
    await facilitator.getByRole('button', { name: 'Registrer konsensus for Dødsfall' }).click();
    await deathsArticle.getByText('Konsensus registrert:').waitFor();
    await guestContext.setOffline(false);
    await connection(guest).filter({ hasText: 'Tilkoblet' }).waitFor({ timeout: 30_000 });
    await guest.getByText('Få døde ventet; hjemmetjenesten har aggregat.').waitFor();

    // A proposal from the guest reaches the facilitator live.
    await guest.getByRole('radio', { name: 'Tiltak' }).check();
    await guest.getByLabel('Forslaget ditt').fill('Aggregat på sykehjemmet');
    await guest.getByRole('button', { name: 'Send forslag' }).click();
    await guest.getByText('Forslaget er sendt til prosesslederen.').waitFor();
    await facilitator.locator('section.proposals').getByText('Aggregat på sykehjemmet').waitFor();
    await facilitator.getByRole('button', { name: 'Godta forslaget «Aggregat på sykehjemmet»' }).click();
    await guest.locator('.mine').getByText('Godtatt').waitFor();

    // The facilitator's page on a phone, in a new tab: it resumes the open workshop with a fresh token.
    const facilitatorPhone = await facilitatorContext.newPage();
    await facilitatorPhone.setViewportSize(PHONE);
    await facilitatorPhone.goto(`${baseUrl}/nb/risk/analyses/${seeded.analysisId}/workshop`);
    await facilitatorPhone.getByRole('heading', { name: `Resultat: ${scenario}` }).waitFor();
    expect(await facilitatorPhone.getByText('Konsensus registrert:').count()).toBe(2);
    expect(await overflowsHorizontally(facilitatorPhone)).toBe(false);
    expect(await scan(facilitatorPhone, 'workshop-facilitator-revealed-360')).toEqual([]);

    // Closing (here from the phone) ends the guest's access, with a clear message.
    await facilitatorPhone.getByRole('button', { name: 'Avslutt workshop' }).click();
    await facilitatorPhone.getByRole('button', { name: 'Ja, avslutt' }).click();
    await facilitatorPhone.getByRole('heading', { name: 'Workshopen er avsluttet' }).waitFor();
    await guest
      .getByRole('heading', { name: /Workshopen er avsluttet/ })
      .first()
      .waitFor();
    expect(await scan(guest, 'workshop-participant-closed-360')).toEqual([]);
  }, 240_000);
});
