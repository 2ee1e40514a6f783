import { randomUUID } from 'node:crypto';

import { type ApiError, AUTH_COOKIES, CSRF_HEADER } from '@helhet/shared';

import { makeUnitTree, makeUser, type SignedIn, signIn, type UnitTree } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/** Raw calls with exactly the credentials given (no cookie jar). */
const call = (
  baseUrl: string,
  path: string,
  options: { method?: string; cookies?: Record<string, string>; headers?: Record<string, string> },
) =>
  fetch(`${baseUrl}${path}`, {
    headers: {
      ...(options.cookies
        ? {
            cookie: Object.entries(options.cookies)
              .map(([k, v]) => `${k}=${v}`)
              .join('; '),
          }
        : {}),
      ...options.headers,
    },
    method: options.method ?? 'GET',
  });

const codeOf = async (response: Response): Promise<string> => ((await response.json()) as ApiError).code;

/** ADR 4: logout, refresh-token reuse and deactivation end access at once; the CSRF token is bound to the session. */
describe('sessions end when they should', () => {
  let testApp: TestApp;
  let tree: UnitTree;

  beforeAll(async () => {
    testApp = await startTestApp();
    tree = await makeUnitTree(testApp.dataSource, { label: 'Økter' });
  });

  afterAll(() => testApp.close());

  const accessOf = (session: SignedIn): string => session.cookie(AUTH_COOKIES.accessToken)!;
  const meWithCookie = (token: string) => call(testApp.baseUrl, '/api/auth/me', { cookies: { [AUTH_COOKIES.accessToken]: token } });
  const meWithBearer = (token: string) => call(testApp.baseUrl, '/api/auth/me', { headers: { authorization: `Bearer ${token}` } });

  it('should refuse a logged-out access token at once, as cookie and as Bearer', async () => {
    const session = await signIn(testApp.baseUrl, tree.employee);
    const access = accessOf(session);
    expect((await meWithCookie(access)).status).toBe(200);
    expect((await meWithBearer(access)).status).toBe(200);

    expect((await session.request('POST', '/api/auth/logout')).status).toBe(204);

    const byCookie = await meWithCookie(access);
    expect(byCookie.status).toBe(401);
    expect(await codeOf(byCookie)).toBe('AUTH_UNAUTHENTICATED');
    expect((await meWithBearer(access)).status).toBe(401);
  });

  it('should end only the session that logged out', async () => {
    const phone = await signIn(testApp.baseUrl, tree.employee);
    const laptop = await signIn(testApp.baseUrl, tree.employee);
    expect((await phone.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await meWithCookie(accessOf(laptop))).status).toBe(200);
  });

  it('should refuse the access tokens of a family revoked for reuse at once', async () => {
    const { employee } = await makeUnitTree(testApp.dataSource, { label: 'Gjenbruk' });
    const session = await signIn(testApp.baseUrl, employee);
    const firstRefresh = session.cookie(AUTH_COOKIES.refreshToken)!;
    const firstAccess = accessOf(session);
    expect((await session.request('POST', '/api/auth/refresh')).status).toBe(200);
    const newerAccess = accessOf(session);
    expect((await meWithBearer(newerAccess)).status).toBe(200);
    await testApp.dataSource.query(
      `UPDATE refresh_token SET rotated_at = now() - interval '1 minute' WHERE rotated_at IS NOT NULL AND user_id = $1`,
      [employee.id],
    );
    // A thief replays the stolen first refresh token (with the cookies stolen alongside it).
    const replay = await call(testApp.baseUrl, '/api/auth/refresh', {
      cookies: { [AUTH_COOKIES.refreshToken]: firstRefresh, [AUTH_COOKIES.csrf]: session.cookie(AUTH_COOKIES.csrf)! },
      headers: { [CSRF_HEADER]: session.cookie(AUTH_COOKIES.csrf)! },
      method: 'POST',
    });
    expect(replay.status).toBe(401);
    for (const token of [firstAccess, newerAccess]) {
      expect((await meWithBearer(token)).status).toBe(401);
      expect((await meWithCookie(token)).status).toBe(401);
    }
  });

  it("should refuse a deactivated user's access token at once", async () => {
    const { employee } = await makeUnitTree(testApp.dataSource, { label: 'Deaktivert' });
    const session = await signIn(testApp.baseUrl, employee);
    const access = accessOf(session);
    expect((await meWithBearer(access)).status).toBe(200);
    await testApp.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [employee.id]);
    expect((await meWithBearer(access)).status).toBe(401);
    expect((await meWithCookie(access)).status).toBe(401);
    expect((await session.request('POST', '/api/auth/refresh')).status).toBe(401);
  });

  it('should not bring back old sessions when a user deactivated through the API is activated again', async () => {
    const { employee, municipality, tenantId } = await makeUnitTree(testApp.dataSource, { label: 'Reaktivert' });
    const admin = await makeUser(testApp.dataSource, {
      roles: [{ includeDescendants: true, orgUnitId: municipality.id, role: 'tenant_admin' }],
      tenantId,
    });
    const adminSession = await signIn(testApp.baseUrl, admin);
    const session = await signIn(testApp.baseUrl, employee);
    const access = accessOf(session);
    expect((await adminSession.request('PATCH', `/api/users/${employee.id}`, { active: false })).status).toBe(200);
    expect((await meWithBearer(access)).status).toBe(401);
    expect((await adminSession.request('PATCH', `/api/users/${employee.id}`, { active: true })).status).toBe(200);
    expect((await meWithBearer(access)).status).toBe(401);
    expect((await session.request('POST', '/api/auth/refresh')).status).toBe(401);
  });

  describe('CSRF token bound to the session', () => {
    const markRead = (session: SignedIn, csrf: string) =>
      call(testApp.baseUrl, `/api/notifications/${randomUUID()}/read`, {
        cookies: { [AUTH_COOKIES.accessToken]: accessOf(session), [AUTH_COOKIES.csrf]: csrf },
        headers: { [CSRF_HEADER]: csrf },
        method: 'POST',
      });

    it("should accept the session's own token", async () => {
      const session = await signIn(testApp.baseUrl, tree.employee);
      expect((await markRead(session, session.cookie(AUTH_COOKIES.csrf)!)).status).toBe(204);
    });

    it('should refuse a cookie and header pair that an attacker made up', async () => {
      const session = await signIn(testApp.baseUrl, tree.employee);
      const forged = await markRead(session, 'attacker-chosen-value-attacker-chosen-x');
      expect(forged.status).toBe(403);
      expect(await codeOf(forged)).toBe('CSRF_TOKEN_INVALID');
    });

    it("should refuse another session's valid token", async () => {
      const victim = await signIn(testApp.baseUrl, tree.employee);
      const attacker = await signIn(testApp.baseUrl, tree.leaders.unit);
      const response = await markRead(victim, attacker.cookie(AUTH_COOKIES.csrf)!);
      expect(response.status).toBe(403);
      expect(await codeOf(response)).toBe('CSRF_TOKEN_INVALID');
    });

    it('should bind refresh and logout to the session of the refresh token, and keep the token across a refresh', async () => {
      const session = await signIn(testApp.baseUrl, tree.employee);
      const before = session.cookie(AUTH_COOKIES.csrf);
      const forged = await call(testApp.baseUrl, '/api/auth/refresh', {
        cookies: { [AUTH_COOKIES.refreshToken]: session.cookie(AUTH_COOKIES.refreshToken)!, [AUTH_COOKIES.csrf]: 'made-up' },
        headers: { [CSRF_HEADER]: 'made-up' },
        method: 'POST',
      });
      expect(forged.status).toBe(403);
      expect(await codeOf(forged)).toBe('CSRF_TOKEN_INVALID');
      expect((await session.request('POST', '/api/auth/refresh')).status).toBe(200);
      // Two tabs share the cookie: a refresh in one must not break the other's token.
      expect(session.cookie(AUTH_COOKIES.csrf)).toBe(before);
      expect((await session.request('POST', '/api/auth/logout', undefined, { csrf: false })).status).toBe(403);
      expect((await session.request('POST', '/api/auth/logout')).status).toBe(204);
    });
  });
});
