import type { HealthResponse, UserResponse } from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { simpleParser } from 'mailparser';

import { makeUnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startSmtp, type TestSmtp } from '../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';

/** API → Redis → worker → SMTP, for real; a temporary SMTP failure is retried with backoff. */
describe('invitation e-mail', () => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    await obliterateQueues();
    smtp = await startSmtp({ failFirst: 1 });
    const overrides = { PUBLIC_URL: 'http://helhet.test', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    testApp = await startTestApp(overrides);
  });

  afterAll(async () => {
    await worker?.close();
    await testApp.close();
    await smtp.close();
  });

  it('should report the queue as down while no worker is connected', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/health`);
    const body = (await response.json()) as HealthResponse;
    expect(response.status).toBe(503);
    expect(body.components.queues).toMatchObject({ error: 'no worker is connected', state: 'down' });
    expect(body.components.database.state).toBe('up');
    expect(body.components.redis.state).toBe('up');
  });

  it('should deliver the invitation after a failed first attempt, and the link should set a working password', async () => {
    worker = await startTestWorker({ PUBLIC_URL: 'http://helhet.test', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    const health = await fetch(`${testApp.baseUrl}/api/health`);
    expect(health.status).toBe(200);

    const admin = await Session.login(testApp.baseUrl, 'admin@fjordvik.kommune.no');
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Invitasjon' });
    const unit = tree.unit;
    const created = await admin.request<UserResponse>('POST', '/api/users', {
      email: 'Ny.Ansatt@Fjordvik.Kommune.no',
      name: 'Ny Ansatt',
      primaryOrgUnitId: unit.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'ny.ansatt@fjordvik.kommune.no', status: 'invited' });

    const mail = await waitFor(() => smtp.received.find((m) => m.to.includes('ny.ansatt@fjordvik.kommune.no')), { timeout: 30_000 });
    expect(smtp.attempts()).toBe(2);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('Invitasjon til Helhet – Fjordvik kommune');
    expect(parsed.text).toContain('Hei Ny Ansatt');
    const token = /http:\/\/helhet\.test\/nb\/invitation\?token=([A-Za-z0-9_-]+)/.exec(parsed.text ?? '')?.[1];
    expect(token).toBeDefined();
    const [invitation] = (await testApp.dataSource.query(`SELECT sent_at FROM invitation WHERE user_id = $1`, [created.body.id])) as {
      sent_at: Date | null;
    }[];
    expect(invitation!.sent_at).not.toBeNull();

    const accept = await fetch(`${testApp.baseUrl}/api/auth/accept-invitation`, {
      body: JSON.stringify({ password: 'et-langt-og-godt-passord', token }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    });
    expect(accept.status).toBe(204);
    const session = await Session.login(testApp.baseUrl, 'ny.ansatt@fjordvik.kommune.no', 'et-langt-og-godt-passord');
    expect(session.me.name).toBe('Ny Ansatt');

    const reused = await fetch(`${testApp.baseUrl}/api/auth/accept-invitation`, {
      body: JSON.stringify({ password: 'et-annet-langt-passord', token }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    });
    expect(reused.status).toBe(400);
  });

  it('should refuse a duplicate e-mail with 409 and write nothing', async () => {
    const admin = await Session.login(testApp.baseUrl, 'admin@fjordvik.kommune.no');
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Invitasjon' });
    const unit = tree.unit;
    const before = (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM audit_log_entry`)) as { n: number }[];
    const result = await admin.request('POST', '/api/users', {
      email: tree.employee.email,
      name: 'Dobbel',
      primaryOrgUnitId: unit.id,
    });
    expect(result.status).toBe(409);
    const after = (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM audit_log_entry`)) as { n: number }[];
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
