import type { ChildProcess } from 'node:child_process';

import type { DeliveryFailureResponse, FileIncidentResponse, IncidentCategoryResponse } from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';

import { Session } from '../../test/utils/session';
import { startSmtp, type TestSmtp, waitFor } from '../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp } from '../../test/utils/test-app';
import { spawnWorker } from '../../test/utils/worker-process';

/** The killed worker's lock: its job is free again this long after the kill. */
const CHILD_LOCK_MS = '1500';

/**
 * At-most-once e-mail: a worker process killed (SIGKILL) after the mail server got the message but before
 * the delivery was recorded. The job runs again on another worker once its lock expires; that worker finds
 * the delivery `sending`, marks it `uncertain` for administrators, and does not send it a second time.
 */
describe('notification delivery when the worker dies mid-send', () => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  let child: ChildProcess | undefined;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    await obliterateQueues();
    smtp = await startSmtp();
    testApp = await startTestApp({ SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close();
    await testApp.close();
    await smtp.close();
  });

  it('should not send the same notification twice', async () => {
    smtp.hold(true);
    child = await spawnWorker({ SMTP_URL: smtp.url, WORKER_LOCK_DURATION_MS: CHILD_LOCK_MS });
    const reporter = await Session.login(testApp.baseUrl, 'ansatt@fjordvik.kommune.no');
    const categories = (await reporter.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
    const filed = await reporter.request<FileIncidentResponse>('POST', '/api/incidents', {
      affectedPartyType: 'none',
      categoryId: categories.find((c) => c.code === 'material_damage')!.id,
      description: 'Rullestol med defekt brems.',
      kind: 'deviation',
      occurredAt: new Date().toISOString(),
      orgUnitId: reporter.me.primaryOrgUnitId,
      reporterVisibility: 'named',
      severityActual: 'low',
    });
    expect(filed.status).toBe(201);

    // The mail server has the message, but the worker never hears "250 OK": kill it now.
    const held = await waitFor(
      () => smtp.received.find((mail) => mail.to.includes('enhetsleder.sykehjem@fjordvik.kommune.no')),
      120_000,
      'the held mail',
    );
    const [delivery] = (await testApp.dataSource.query(
      `SELECT d.id, d.status FROM notification_delivery d JOIN notification n ON n.id = d.notification_id JOIN incident i ON i.id = n.incident_id WHERE i.id = $1`,
      [filed.body.id],
    )) as { id: string; status: string }[];
    expect(delivery!.status).toBe('sending');
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    smtp.hold(false);

    // Another worker (in this process: normal lock, stall check every second) picks the job up once the lock expires.
    worker = await startTestWorker({ SMTP_URL: smtp.url });
    await waitFor(
      async () => {
        const [row] = (await testApp.dataSource.query(`SELECT status FROM notification_delivery WHERE id = $1`, [delivery!.id])) as {
          status: string;
        }[];
        return row!.status === 'uncertain' ? true : undefined;
      },
      90_000,
      'the delivery to be marked uncertain',
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(smtp.received.filter((mail) => mail.messageId === held.messageId)).toHaveLength(1);

    const admin = await Session.login(testApp.baseUrl, 'admin@fjordvik.kommune.no');
    const problems = await admin.get<DeliveryFailureResponse[]>('/api/notification-deliveries/problems');
    expect(problems.body).toContainEqual(
      expect.objectContaining({ id: delivery!.id, recipient: expect.objectContaining({ name: 'Åse Lunde' }), status: 'uncertain' }),
    );
    expect((await reporter.get('/api/notification-deliveries/problems')).status).toBe(403);
  }, 300_000);
});
