// Types only: the e2e project has no path mapping to the libraries.
import type { MeResponse, SsoSettingsRequest } from '@helhet/shared';
import type { Browser } from 'playwright-core';

import { startOidcProvider, type TestOidcProvider } from '../../apps/api/test/utils/oidc-provider';
import {
  baseUrl,
  DEMO_PASSWORD,
  demoEmail,
  launchBrowser,
  newContext,
  overflowsHorizontally,
  PHONE,
  scan,
  signIn,
} from '../support/browser';

const CLIENT = {
  client_id: 'helhet-e2e',
  client_secret: 'e2e-client-secret-0123456789',
  redirect_uris: [`${baseUrl}/api/auth/oidc/callback`],
};

/** Configures the demo municipality's SSO as its tenant admin, through the API (cookies + CSRF header by hand). */
const configureSso = async (settings: SsoSettingsRequest): Promise<void> => {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    body: JSON.stringify({ email: demoEmail('admin'), password: DEMO_PASSWORD }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
  const cookies = new Map(login.headers.getSetCookie().map((line) => (line.split(';')[0] ?? '').split('=') as [string, string]));
  const response = await fetch(`${baseUrl}/api/sso-settings`, {
    body: JSON.stringify(settings),
    headers: {
      'content-type': 'application/json',
      cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      'x-xsrf-token': decodeURIComponent(cookies.get('XSRF-TOKEN') ?? ''),
    },
    method: 'PUT',
  });
  if (response.status !== 200) throw new Error(`PUT /api/sso-settings: ${response.status} ${await response.text()}`);
};

describe('single sign-on with the municipality account (real OpenID Connect provider)', () => {
  let browser: Browser;
  let provider: TestOidcProvider;
  const settings = (enabled: boolean): SsoSettingsRequest => ({
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    emailDomains: ['fjordvik.kommune.no'],
    enabled,
    issuerUrl: provider.issuer,
    localPasswordsDisabled: false,
    matchBy: 'email',
    matchClaim: 'email',
    provider: 'microsoft',
    scopes: 'openid email profile',
  });

  beforeAll(async () => {
    provider = await startOidcProvider([CLIENT]);
    await configureSso(settings(true));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    // Other specs see the demo municipality as it was.
    if (provider) await configureSso(settings(false));
    await provider?.stop();
  });

  it('should offer the Microsoft button on an accessible login page at phone and desktop sizes', async () => {
    for (const [viewport, name] of [
      [PHONE, 'sso-login-phone'],
      [undefined, 'sso-login-desktop'],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/nb/login`);
      await page.getByLabel('E-post').fill(demoEmail('hms'));
      const button = page.getByRole('link', { name: 'Logg inn med kommunens konto (Microsoft)' });
      await button.waitFor({ timeout: 10_000 });
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await scan(page, name)).toEqual([]);
      await context.close();
    }
  });

  it('should sign in at the provider and land on the start page signed in as the matched user', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/nb/login`);
    await page.getByLabel('E-post').fill(demoEmail('hms'));
    await page.getByRole('link', { name: 'Logg inn med kommunens konto (Microsoft)' }).click();
    // The provider's own login page (the e-mail comes as login_hint) and its consent page.
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name=login]').fill(demoEmail('hms'));
    await page.locator('input[name=password]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.href.startsWith(baseUrl) && !url.pathname.includes('/login') && !url.pathname.startsWith('/api'));
    await expect(page.locator('main#main').waitFor()).resolves.toBeUndefined();
    expect(new URL(page.url()).pathname).toBe('/nb/');
    const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as MeResponse);
    expect(me.email).toBe(demoEmail('hms'));
    await context.close();
  });

  it('should explain in Norwegian when the provider knows the person but Helhet does not', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/api/auth/oidc/3199/start`);
    await page.locator('input[name=login]').fill('ukjent.person@fjordvik.kommune.no');
    await page.locator('input[name=password]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.pathname === '/nb/login');
    await expect(page.getByText('Vi fant ingen aktiv bruker i Helhet').waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    expect(await scan(page, 'sso-login-failed')).toEqual([]);
    await context.close();
  });

  it('should show the tenant admin the settings form without the secret', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Innlogging (SSO)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innlogging fra kommunen (SSO)' }).waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#sso-client-id')?.value ?? '') !== '');
    expect(await page.inputValue('#sso-issuer')).toBe(provider.issuer);
    expect(await page.inputValue('#sso-client-secret')).toBe('');
    await expect(page.getByText('En hemmelighet er lagret.').isVisible()).resolves.toBe(true);
    expect(await scan(page, 'sso-settings-desktop')).toEqual([]);
    await context.close();
  });
});
