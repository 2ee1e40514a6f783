import { type ApiError, AUTH_COOKIES, type MeResponse } from '@helhet/shared';

import { makeUnitTree, signIn } from '../../test/factories';
import { DEMO_PASSWORD_FOR_TESTS, Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

const DEMO = [
  'admin',
  'kommunedirektor',
  'kommunalsjef.helse',
  'kommunalsjef.oppvekst',
  'enhetsleder.sykehjem',
  'hms',
  'kvalitet',
  'verneombud',
  'ansatt',
].map((local) => `${local}@fjordvik.kommune.no`);

const post = (baseUrl: string, path: string, body: unknown) =>
  fetch(`${baseUrl}${path}`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, method: 'POST' });

describe('sign-in', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    // Own key prefix: earlier suites' failed logins from 127.0.0.1 must not eat this suite's budget.
    testApp = await startTestApp({
      LOGIN_RATE_LIMIT_MAX: '5',
      REDIS_KEY_PREFIX: `${process.env['HELHET_IT_REDIS_PREFIX'] ?? 'helhet-it'}-auth`,
    });
  });

  afterAll(() => testApp.close());

  it.each(DEMO)('should sign in %s through POST /api/auth/login', async (email) => {
    const response = await post(testApp.baseUrl, '/api/auth/login', { email, password: DEMO_PASSWORD_FOR_TESTS });
    expect(response.status).toBe(200);
    const me = (await response.json()) as MeResponse;
    expect(me.email).toBe(email);
    expect(me.roles.length).toBeGreaterThan(0);
    const cookies = response.headers.getSetCookie();
    const access = cookies.find((c) => c.startsWith(`${AUTH_COOKIES.accessToken}=`));
    expect(access).toMatch(/HttpOnly/);
    expect(access).toMatch(/SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith(`${AUTH_COOKIES.refreshToken}=`))).toMatch(/Path=\/api\/auth/);
  });

  it('should answer 401 with a stable code for a wrong password and for an unknown e-mail', async () => {
    for (const email of ['hms@fjordvik.kommune.no', 'nobody@fjordvik.kommune.no']) {
      const response = await post(testApp.baseUrl, '/api/auth/login', { email, password: 'wrong-password' });
      expect(response.status).toBe(401);
      expect(((await response.json()) as ApiError).code).toBe('AUTH_INVALID_CREDENTIALS');
    }
  });

  it('should name the field when the login body is malformed', async () => {
    const response = await post(testApp.baseUrl, '/api/auth/login', { email: 'x', password: '' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ApiError;
    expect((body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['email', 'password']);
  });

  it('should rate-limit repeated failed attempts for one account with 429, but not successful ones', async () => {
    for (let attempt = 0; attempt < 7; attempt++) {
      expect(
        (await post(testApp.baseUrl, '/api/auth/login', { email: 'kvalitet@fjordvik.kommune.no', password: DEMO_PASSWORD_FOR_TESTS }))
          .status,
      ).toBe(200);
    }
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await post(testApp.baseUrl, '/api/auth/login', { email: 'kvalitet@fjordvik.kommune.no', password: 'guess' })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('should refuse protected routes without a session', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/org-units`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as ApiError).code).toBe('AUTH_UNAUTHENTICATED');
  });

  it('should rotate the refresh token, and revoke the session when a used token is replayed', async () => {
    // A user of this spec's own (factories): revoking the token family touches no one else's sessions.
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Innlogging' });
    const session = await signIn(testApp.baseUrl, tree.employee);
    const first = session.cookie(AUTH_COOKIES.refreshToken)!;
    expect((await session.request('POST', '/api/auth/refresh')).status).toBe(200);
    const second = session.cookie(AUTH_COOKIES.refreshToken)!;
    expect(second).not.toBe(first);
    // Replay the first token after the grace period: simulate by back-dating its rotation.
    await testApp.dataSource.query(
      `UPDATE refresh_token SET rotated_at = now() - interval '1 minute' WHERE rotated_at IS NOT NULL AND user_id = $1`,
      [tree.employee.id],
    );
    const replay = await fetch(`${testApp.baseUrl}/api/auth/refresh`, {
      // The CSRF token is bound to the session (ADR 4): a thief replays it along with the refresh token.
      headers: {
        cookie: `${AUTH_COOKIES.refreshToken}=${first}; ${AUTH_COOKIES.csrf}=${session.cookie(AUTH_COOKIES.csrf)}`,
        [`x-xsrf-token`]: session.cookie(AUTH_COOKIES.csrf)!,
      },
      method: 'POST',
    });
    expect(replay.status).toBe(401);
    // The whole family is revoked: the legitimate holder's newer token is dead too.
    expect((await session.request('POST', '/api/auth/refresh')).status).toBe(401);
  });

  it('should end the session on logout', async () => {
    const session = await Session.login(testApp.baseUrl, 'ansatt@fjordvik.kommune.no');
    expect((await session.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });
});
