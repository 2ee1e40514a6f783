import {
  type ApiError,
  AUTH_COOKIES,
  type MeResponse,
  type SsoOption,
  type SsoSettingsRequest,
  type SsoSettingsResponse,
} from '@helhet/shared';

import { FACTORY_PASSWORD, makeTenant, makeUser, type SignedIn, signIn, type TestTenant, type TestUser } from '../../../test/factories';
import { Browser, formAction, startOidcProvider, type TestOidcProvider } from '../../../test/utils/oidc-provider';
import { startTestApp, type TestApp } from '../../../test/utils/test-app';
import { OIDC_BINDING_COOKIE } from './oidc.controller';

/** The PUBLIC_URL of the app under test; the browser maps it to the app's random port. */
const PUBLIC_URL = 'http://helhet.test';
const CALLBACK = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT = { client_id: 'helhet-it', client_secret: 'it-client-secret-0123456789', redirect_uris: [CALLBACK] };

describe('single sign-on with OpenID Connect (real provider, code + PKCE)', () => {
  let provider: TestOidcProvider;
  let testApp: TestApp;
  let tenant: TestTenant;
  let admin: SignedIn;
  let employee: TestUser;

  const settings = (overrides: Partial<SsoSettingsRequest> = {}): SsoSettingsRequest => ({
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    emailDomains: ['tester.helhet.no'],
    enabled: true,
    issuerUrl: provider.issuer,
    localPasswordsDisabled: false,
    matchBy: 'email',
    matchClaim: 'email',
    provider: 'microsoft',
    scopes: 'openid email profile',
    ...overrides,
  });

  const browser = () => new Browser((url) => url.replace(PUBLIC_URL, testApp.baseUrl));

  /**
   * Clicks the SSO button and signs in at the provider as `login` (its login and consent pages, submitted like a
   * browser without JavaScript). Stops before the callback when `stopAtCallback`, else at the first page of the web app.
   */
  const ssoSignIn = async (login: string, options: { stopAtCallback?: boolean; tenantRef?: string; using?: Browser } = {}) => {
    const user = options.using ?? browser();
    const hops: string[] = [];
    let step = await user.follow(`${PUBLIC_URL}/api/auth/oidc/${options.tenantRef ?? tenant.municipalityNumber}/start`);
    hops.push(...step.hops);
    for (let page = 0; page < 4 && step.url.startsWith(provider.issuer) && step.response.status === 200; page++) {
      const html = await step.response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'consent';
      const form: Record<string, string> = prompt === 'login' ? { login, password: 'any', prompt } : { prompt };
      step = await user.follow(formAction(html, step.url), { form }, (url) => Boolean(options.stopAtCallback) && url.startsWith(CALLBACK));
      hops.push(...step.hops);
    }
    return { browser: user, hops, url: step.url };
  };

  const me = async (user: Browser) => {
    const response = await user.request(`${testApp.baseUrl}/api/auth/me`);
    return { body: (await response.json()) as MeResponse & ApiError, status: response.status };
  };

  const saveSettings = (body: Partial<SsoSettingsRequest>) =>
    admin.request<SsoSettingsResponse & ApiError>('PUT', '/api/sso-settings', body);

  beforeAll(async () => {
    provider = await startOidcProvider([CLIENT]);
    testApp = await startTestApp({ PUBLIC_URL });
    tenant = await makeTenant(testApp.dataSource, 'SSO-kommune');
    admin = await signIn(testApp.baseUrl, tenant.admin);
    employee = await makeUser(testApp.dataSource, { primaryOrgUnitId: tenant.root.id, tenantId: tenant.id });
    const saved = await saveSettings(settings());
    expect(saved.status).toBe(200);
  });

  afterAll(async () => {
    await testApp?.close();
    await provider?.stop();
  });

  it('should sign a matched user in through the provider and give the usual session cookies', async () => {
    const result = await ssoSignIn(employee.email);

    const authorize = result.hops.find((url) => url.startsWith(provider.issuer));
    expect(authorize).toBeDefined();
    const request = new URL(authorize as string).searchParams;
    expect(request.get('code_challenge_method')).toBe('S256');
    expect(request.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.get('redirect_uri')).toBe(CALLBACK);
    expect(result.hops.some((url) => url.startsWith(`${CALLBACK}?code=`))).toBe(true);
    expect(result.url).toBe(`${PUBLIC_URL}/nb/`);

    const jar = result.browser.cookies(testApp.baseUrl);
    expect(jar.has(AUTH_COOKIES.accessToken)).toBe(true);
    expect(jar.has(AUTH_COOKIES.refreshToken)).toBe(true);
    expect(jar.has(AUTH_COOKIES.csrf)).toBe(true);
    expect(jar.has(OIDC_BINDING_COOKIE)).toBe(false);
    const session = await me(result.browser);
    expect(session.status).toBe(200);
    expect(session.body.id).toBe(employee.id);
    expect(session.body.tenant.id).toBe(tenant.id);
    const [row] = (await testApp.dataSource.query(`SELECT last_login_at FROM app_user WHERE id = $1`, [employee.id])) as {
      last_login_at: Date | null;
    }[];
    expect(row?.last_login_at).not.toBeNull();
  });

  it('should refuse a replayed callback, an unknown state and a callback in another browser than the one that started', async () => {
    const first = await ssoSignIn(employee.email);
    const callback = first.hops.find((url) => url.startsWith(`${CALLBACK}?code=`)) as string;
    const replay = await first.browser.follow(callback);
    expect(replay.url).toBe(`${PUBLIC_URL}/nb/login?sso=expired`);

    const forged = await browser().follow(`${CALLBACK}?code=abc&state=${'x'.repeat(43)}`);
    expect(forged.url).toBe(`${PUBLIC_URL}/nb/login?sso=expired`);

    // Login CSRF: an attacker's finished flow handed to a victim's browser must not sign the victim in.
    const attacker = await ssoSignIn(employee.email, { stopAtCallback: true });
    expect(attacker.url.startsWith(`${CALLBACK}?code=`)).toBe(true);
    const victim = browser();
    const landed = await victim.follow(attacker.url);
    expect(landed.url).toBe(`${PUBLIC_URL}/nb/login?sso=failed`);
    expect(victim.cookies(testApp.baseUrl).has(AUTH_COOKIES.accessToken)).toBe(false);
  });

  it('should not sign in someone the provider knows but the tenant does not, nor a deactivated user, and create no account', async () => {
    const stranger = `stranger.${Date.now()}@tester.helhet.no`;
    const unknown = await ssoSignIn(stranger);
    expect(unknown.url).toBe(`${PUBLIC_URL}/nb/login?sso=unknown_user`);
    expect(unknown.browser.cookies(testApp.baseUrl).has(AUTH_COOKIES.accessToken)).toBe(false);
    const [count] = (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [stranger])) as {
      n: number;
    }[];
    expect(count?.n).toBe(0);

    const leaver = await makeUser(testApp.dataSource, { primaryOrgUnitId: tenant.root.id, tenantId: tenant.id });
    await testApp.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [leaver.id]);
    expect((await ssoSignIn(leaver.email)).url).toBe(`${PUBLIC_URL}/nb/login?sso=unknown_user`);
  });

  it('should match only users of the tenant whose provider it is', async () => {
    const other = await makeTenant(testApp.dataSource, 'Nabokommune');
    const neighbour = await makeUser(testApp.dataSource, { primaryOrgUnitId: other.root.id, tenantId: other.id });
    expect((await ssoSignIn(neighbour.email)).url).toBe(`${PUBLIC_URL}/nb/login?sso=unknown_user`);
    // The neighbour municipality has no SSO: its start URL goes back to the login page.
    expect((await browser().follow(`${PUBLIC_URL}/api/auth/oidc/${other.municipalityNumber}/start`)).url).toBe(
      `${PUBLIC_URL}/nb/login?sso=not_configured`,
    );
    expect((await browser().follow(`${PUBLIC_URL}/api/auth/oidc/${other.municipalityNumber}/start?locale=en`)).url).toBe(
      `${PUBLIC_URL}/en/login?sso=not_configured`,
    );
  });

  it('should match by employee number when the tenant says so', async () => {
    const worker = await makeUser(testApp.dataSource, { primaryOrgUnitId: tenant.root.id, tenantId: tenant.id });
    const employeeNumber = String(100000 + Math.floor(Math.random() * 800000));
    await testApp.dataSource.query(`UPDATE app_user SET employee_number = $1 WHERE id = $2`, [employeeNumber, worker.id]);
    try {
      expect(
        (
          await saveSettings(
            settings({ clientSecret: undefined, matchBy: 'employee_number', matchClaim: 'employeeid', scopes: 'openid email employee' }),
          )
        ).status,
      ).toBe(200);
      // The provider's e-mail for this person differs from ours: only the employee number links them.
      const result = await ssoSignIn(`private.${employeeNumber}@example.org#${employeeNumber}`);
      expect(result.url).toBe(`${PUBLIC_URL}/nb/`);
      expect((await me(result.browser)).body.id).toBe(worker.id);
    } finally {
      await saveSettings(settings({ clientSecret: undefined }));
    }
  });

  it('should keep the client secret sealed, never return it, and let only the tenant admin configure', async () => {
    const read = await admin.get<SsoSettingsResponse>('/api/sso-settings');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ clientId: CLIENT.client_id, clientSecretSet: true, enabled: true, redirectUri: CALLBACK });
    expect(JSON.stringify(read.body)).not.toContain(CLIENT.client_secret);
    const [row] = (await testApp.dataSource.query(`SELECT client_secret_sealed FROM tenant_sso_settings WHERE tenant_id = $1`, [
      tenant.id,
    ])) as {
      client_secret_sealed: Buffer;
    }[];
    expect(row?.client_secret_sealed.toString('latin1')).not.toContain(CLIENT.client_secret);
    const audit = (await testApp.dataSource.query(
      `SELECT changes::text AS changes FROM audit_log_entry WHERE entity_type = 'tenant_sso_settings' AND entity_id = $1`,
      [tenant.id],
    )) as { changes: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.map((entry) => entry.changes).join()).not.toContain(CLIENT.client_secret);

    const quality = await signIn(testApp.baseUrl, tenant.quality);
    expect((await quality.get<ApiError>('/api/sso-settings')).status).toBe(403);

    const invalid = await saveSettings({
      ...settings(),
      enabled: false,
      issuerUrl: 'ftp://idp',
      localPasswordsDisabled: true,
      scopes: 'email',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect((invalid.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['issuerUrl', 'scopes']);
    const rule = await saveSettings({ ...settings(), enabled: false, localPasswordsDisabled: true });
    expect(rule.status).toBe(400);
    expect((rule.body.details as { field: string }[]).map((d) => d.field)).toEqual(['localPasswordsDisabled']);
  });

  it('should list the SSO button for addresses of the configured domain only', async () => {
    const options = await fetch(`${testApp.baseUrl}/api/auth/oidc/options?domain=tester.helhet.no`);
    expect(options.status).toBe(200);
    const list = (await options.json()) as SsoOption[];
    expect(list).toContainEqual(
      expect.objectContaining({
        municipalityNumber: tenant.municipalityNumber,
        provider: 'microsoft',
        startUrl: `/api/auth/oidc/${tenant.municipalityNumber}/start`,
      }),
    );
    const none = await fetch(`${testApp.baseUrl}/api/auth/oidc/options?domain=elsewhere.example`);
    expect((await none.json()) as SsoOption[]).toEqual([]);
  });

  it('should refuse local passwords with AUTH_LOCAL_LOGIN_DISABLED once the tenant turns them off, and still sign in through SSO', async () => {
    const login = (password: string) =>
      fetch(`${testApp.baseUrl}/api/auth/login`, {
        body: JSON.stringify({ email: employee.email, password }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      });
    expect((await login(FACTORY_PASSWORD)).status).toBe(200);
    expect((await saveSettings(settings({ clientSecret: undefined, localPasswordsDisabled: true }))).status).toBe(200);
    try {
      const refused = await login(FACTORY_PASSWORD);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as ApiError).code).toBe('AUTH_LOCAL_LOGIN_DISABLED');
      // A wrong password gets the usual answer: the code tells nothing to someone who does not know the password.
      const wrong = await login('not-the-password');
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as ApiError).code).toBe('AUTH_INVALID_CREDENTIALS');
      expect((await ssoSignIn(employee.email)).url).toBe(`${PUBLIC_URL}/nb/`);
    } finally {
      await saveSettings(settings({ clientSecret: undefined }));
    }
  });
});
