import { type ApiError, AUTH_COOKIES } from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { simpleParser } from 'mailparser';

import { FACTORY_PASSWORD, makeTenant, makeUnitTree, signIn, type TestUser } from '../../../test/factories';
import { Session } from '../../../test/utils/session';
import { startSmtp, type TestSmtp } from '../../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp } from '../../../test/utils/test-app';
import { waitFor } from '../../../test/utils/wait-for';

const NEW_PASSWORD = 'et-nytt-og-langt-passord';

/** "Forgot password": API → outbox row → Redis → worker → SMTP, for real (ADR 4). */
describe('password reset', () => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  let worker: INestApplicationContext;

  const post = (path: string, body: unknown) =>
    fetch(`${testApp.baseUrl}${path}`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, method: 'POST' });

  /** Requests a reset for `user` and returns the token of the link that arrives by e-mail. */
  const requestLink = async (user: TestUser): Promise<{ token: string; subject: string; text: string }> => {
    const before = smtp.received.filter((m) => m.to.includes(user.email)).length;
    expect((await post('/api/auth/password-reset', { email: user.email.toUpperCase() })).status).toBe(202);
    const mail = await waitFor(() => smtp.received.filter((m) => m.to.includes(user.email))[before], {
      timeout: 30_000,
      what: 'reset mail',
    });
    const parsed = await simpleParser(mail.raw);
    const token = /http:\/\/helhet\.test\/nb\/password-reset\/confirm\?token=([A-Za-z0-9_-]+)/.exec(parsed.text ?? '')?.[1];
    if (!token) throw new Error(`no link in ${parsed.text}`);
    return { subject: parsed.subject ?? '', text: parsed.text ?? '', token };
  };

  beforeAll(async () => {
    await obliterateQueues();
    smtp = await startSmtp();
    const overrides = { PUBLIC_URL: 'http://helhet.test', SMTP_URL: smtp.url };
    testApp = await startTestApp(overrides);
    worker = await startTestWorker(overrides);
  });

  afterAll(async () => {
    await worker?.close();
    await testApp?.close();
    await smtp?.close();
  });

  it('should answer an unknown address exactly like a known one, and mail only the known one', async () => {
    const { employee } = await makeUnitTree(testApp.dataSource, { label: 'Glemt' });
    const unknown = `ingen.${Date.now()}@tester.helhet.no`;
    const answers = [];
    for (const email of [unknown, employee.email]) {
      const started = Date.now();
      const response = await post('/api/auth/password-reset', { email });
      answers.push({ body: await response.text(), elapsed: Date.now() - started, status: response.status });
    }
    expect(answers.map(({ body, status }) => ({ body, status }))).toEqual([
      { body: '', status: 202 },
      { body: '', status: 202 },
    ]);
    // Both wait for the same floor, so timing does not tell them apart.
    for (const { elapsed } of answers) expect(elapsed).toBeGreaterThanOrEqual(390);
    await waitFor(() => smtp.received.find((m) => m.to.includes(employee.email)), { timeout: 30_000 });
    expect(smtp.received.some((m) => m.to.includes(unknown))).toBe(false);
  });

  it('should name the field when the address is malformed', async () => {
    const response = await post('/api/auth/password-reset', { email: 'nope' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiError).details).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('should set the password once, end every session at once and write an audit row', async () => {
    const { employee } = await makeUnitTree(testApp.dataSource, { label: 'Nytt passord' });
    const session = await signIn(testApp.baseUrl, employee);
    const access = session.cookie(AUTH_COOKIES.accessToken)!;
    const { subject, text, token } = await requestLink(employee);
    expect(subject).toMatch(/^Nytt passord i Helhet – /);
    expect(text).toContain(`Hei ${employee.name}`);
    expect(text).toContain('Lenken kan brukes én gang');
    const [row] = (await testApp.dataSource.query(
      `SELECT token_hash, sent_at, expires_at - created_at AS ttl FROM password_reset_token WHERE user_id = $1`,
      [employee.id],
    )) as { token_hash: string; sent_at: Date | null; ttl: { minutes: number } }[];
    expect(row!.sent_at).not.toBeNull();
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).not.toContain(token);
    expect(row!.ttl).toMatchObject({ minutes: 30 });

    const tooShort = await post('/api/auth/password-reset/confirm', { password: 'kort', token });
    expect(tooShort.status).toBe(400);
    expect(((await tooShort.json()) as ApiError).details).toEqual([expect.objectContaining({ field: 'password' })]);

    expect((await post('/api/auth/password-reset/confirm', { password: NEW_PASSWORD, token })).status).toBe(204);

    // Every session ended at once: the old access token and the refresh token.
    const me = await fetch(`${testApp.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${access}` } });
    expect(me.status).toBe(401);
    expect((await session.request('POST', '/api/auth/refresh')).status).toBe(401);
    // The new password works, the old does not.
    await expect(Session.login(testApp.baseUrl, employee.email, FACTORY_PASSWORD)).rejects.toThrow(/401/);
    expect((await Session.login(testApp.baseUrl, employee.email, NEW_PASSWORD)).me.id).toBe(employee.id);

    const reused = await post('/api/auth/password-reset/confirm', { password: 'enda-et-langt-passord', token });
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as ApiError).code).toBe('AUTH_PASSWORD_RESET_INVALID');

    const audit = (await testApp.dataSource.query(
      `SELECT actor_user_id, action FROM audit_log_entry WHERE entity_type = 'user' AND entity_id = $1 AND changes::text LIKE '%reset by e-mail link%'`,
      [employee.id],
    )) as { actor_user_id: string; action: string }[];
    expect(audit).toEqual([{ action: 'update', actor_user_id: employee.id }]);
  });

  it('should refuse an expired link and an unknown token with a stable code', async () => {
    const { employee } = await makeUnitTree(testApp.dataSource, { label: 'Utløpt' });
    const { token } = await requestLink(employee);
    await testApp.dataSource.query(`UPDATE password_reset_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      employee.id,
    ]);
    for (const candidate of [token, 'x'.repeat(43)]) {
      const response = await post('/api/auth/password-reset/confirm', { password: NEW_PASSWORD, token: candidate });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ApiError).code).toBe('AUTH_PASSWORD_RESET_INVALID');
    }
    expect((await signIn(testApp.baseUrl, employee)).me.id).toBe(employee.id);
  });

  it('should spend every open link of the user when one is used', async () => {
    const { employee } = await makeUnitTree(testApp.dataSource, { label: 'To lenker' });
    const first = await requestLink(employee);
    const second = await requestLink(employee);
    expect((await post('/api/auth/password-reset/confirm', { password: NEW_PASSWORD, token: second.token })).status).toBe(204);
    const older = await post('/api/auth/password-reset/confirm', { password: 'et-tredje-langt-passord', token: first.token });
    expect(older.status).toBe(400);
  });

  it('should record nothing for a municipality that signs in only through its own provider', async () => {
    const tenant = await makeTenant(testApp.dataSource, 'Bare SSO');
    const { employee } = await makeUnitTree(testApp.dataSource, { label: 'SSO', tenantId: tenant.id });
    await testApp.dataSource.query(
      `INSERT INTO tenant_sso_settings (tenant_id, enabled, issuer_url, client_id, local_passwords_disabled) VALUES ($1, true, 'https://idp.test', 'helhet', true)`,
      [tenant.id],
    );
    expect((await post('/api/auth/password-reset', { email: employee.email })).status).toBe(202);
    const [count] = (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM password_reset_token WHERE user_id = $1`, [
      employee.id,
    ])) as { n: number }[];
    expect(count!.n).toBe(0);
  });

  it('should send nothing for a deactivated account', async () => {
    const { employee } = await makeUnitTree(testApp.dataSource, { label: 'Sluttet' });
    await testApp.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [employee.id]);
    expect((await post('/api/auth/password-reset', { email: employee.email })).status).toBe(202);
    const [count] = (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM password_reset_token WHERE user_id = $1`, [
      employee.id,
    ])) as { n: number }[];
    expect(count!.n).toBe(0);
  });
});

describe('password reset throttle', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    // Own key prefix and a small budget; no worker: the queued mails are never sent.
    testApp = await startTestApp({
      LOGIN_RATE_LIMIT_MAX: '2',
      REDIS_KEY_PREFIX: `${process.env['HELHET_IT_REDIS_PREFIX'] ?? 'helhet-it'}-rl-${Date.now().toString(36)}`,
    });
  });

  afterAll(() => testApp.close());

  it('should answer 429 with a stable code when one address is asked for too often from one IP', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(`${testApp.baseUrl}/api/auth/password-reset`, {
        body: JSON.stringify({ email: 'ingen.konto@tester.helhet.no' }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      });
      statuses.push(response.status);
      if (response.status === 429) expect(((await response.json()) as ApiError).code).toBe('AUTH_RATE_LIMITED');
    }
    expect(statuses).toEqual([202, 202, 429]);
  });
});
