import type { FileIncidentResponse, IncidentCategoryResponse, IncidentResponse } from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { type Job, Queue } from 'bullmq';

import { Session } from '../../test/utils/session';
import { startSmtp, type TestSmtp, waitFor } from '../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp, testEnvironment } from '../../test/utils/test-app';
import { JobName, QueueName } from '../core/queue/queue-names';
import { type DeadlineJobData, deadlineJobId } from '../escalations/deadline-job';

/**
 * Escalation with the real worker and Redis: an untouched case climbs the management line one level per
 * missed deadline (the delayed jobs are promoted instead of waiting days), acting on it removes the
 * pending job, and a stale job that still fires changes nothing.
 */
describe('avvik escalation', () => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  let worker: INestApplicationContext;
  let queue: Queue<DeadlineJobData>;

  beforeAll(async () => {
    await obliterateQueues();
    smtp = await startSmtp();
    testApp = await startTestApp({ SMTP_URL: smtp.url });
    worker = await startTestWorker({ SMTP_URL: smtp.url });
    const env = testEnvironment();
    queue = new Queue(QueueName.escalations, { connection: { url: env.REDIS_URL }, prefix: env.REDIS_KEY_PREFIX });
  });

  afterAll(async () => {
    await queue.close();
    await worker.close();
    await testApp.close();
    await smtp.close();
  });

  const incident = async (id: string) =>
    (
      (await testApp.dataSource.query(`SELECT status, version, escalation_level, escalated_to_user_ids FROM incident WHERE id = $1`, [
        id,
      ])) as {
        status: string;
        version: number;
        escalation_level: number;
        escalated_to_user_ids: string[];
      }[]
    )[0]!;
  const mailTo = (email: string, kind: RegExp) => () => smtp.received.find((mail) => mail.to.includes(email) && kind.test(mail.raw));
  const jobFor = async (id: string, deadline: string, version: number, level: number): Promise<Job<DeadlineJobData> | undefined> =>
    queue.getJob(deadlineJobId({ deadline, level, subjectId: id, subjectType: 'incident', version }));

  it('should climb the line level by level, stop when the unit leader acts, and ignore a stale job', async () => {
    const reporter = await Session.login(testApp.baseUrl, 'ansatt@fjordvik.kommune.no');
    const leader = await Session.login(testApp.baseUrl, 'enhetsleder.sykehjem@fjordvik.kommune.no');
    const categories = (await reporter.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
    const filed = await reporter.request<FileIncidentResponse>('POST', '/api/incidents', {
      affectedPartyType: 'none',
      categoryId: categories.find((c) => c.code === 'service_quality')!.id,
      description: 'Medisinrom stod ulåst over natten.',
      kind: 'deviation',
      occurredAt: new Date().toISOString(),
      orgUnitId: reporter.me.primaryOrgUnitId,
      reporterVisibility: 'named',
      severityActual: 'low',
    });
    const id = filed.body.id!;

    // Filing: the handler (the unit leader) gets an e-mail; the acknowledge deadline waits as a delayed job.
    await waitFor(mailTo('enhetsleder.sykehjem@fjordvik.kommune.no', /ny avvikssak til behandling/i), 60_000, 'mail to the handler');
    const first = await waitFor(() => jobFor(id, 'acknowledge', 1, 0), 10_000, 'the acknowledge deadline job');
    expect(await first.getState()).toBe('delayed');
    const detail = (await leader.get<IncidentResponse>(`/api/incidents/${id}`)).body;
    expect(first.timestamp + first.delay).toBeGreaterThanOrEqual(new Date(detail.acknowledgeDueAt).getTime() - 1000);

    // Deadline passes (promoted): the sector leader becomes co-handler and is told.
    await first.promote();
    await waitFor(async () => ((await incident(id)).escalation_level === 1 ? true : undefined), 60_000, 'first escalation');
    await waitFor(mailTo('kommunalsjef.helse@fjordvik.kommune.no', /sendt videre til deg/i), 60_000, 'mail to the sector leader');
    const sector = await Session.login(testApp.baseUrl, 'kommunalsjef.helse@fjordvik.kommune.no');
    expect((await sector.get<IncidentResponse>(`/api/incidents/${id}`)).body.escalationLevel).toBe(1);

    // Still untouched after the same interval again: the kommunedirektør.
    const second = await waitFor(() => jobFor(id, 'acknowledge', 2, 1), 10_000, 'the second deadline job');
    expect(await second.getState()).toBe('delayed');
    expect(second.delay).toBeGreaterThan(first.delay);
    await second.promote();
    await waitFor(async () => ((await incident(id)).escalation_level === 2 ? true : undefined), 60_000, 'second escalation');
    await waitFor(mailTo('kommunedirektor@fjordvik.kommune.no', /sendt videre til deg/i), 60_000, 'mail to the kommunedirektør');
    const escalated = await incident(id);
    expect(escalated.escalated_to_user_ids).toHaveLength(2);

    // The unit leader acts: the pending escalation is removed, the close deadline takes its place.
    const third = await waitFor(() => jobFor(id, 'acknowledge', 3, 2), 10_000, 'the third deadline job');
    expect(await third.getState()).toBe('delayed');
    const acted = await leader.request<IncidentResponse>('POST', `/api/incidents/${id}/transitions`, { action: 'acknowledge' });
    expect(acted.body.status).toBe('in_progress');
    expect(await jobFor(id, 'acknowledge', 3, 2)).toBeUndefined();
    const now = await incident(id);
    expect(now).toMatchObject({ escalation_level: 0, status: 'in_progress', version: 4 });
    expect(await (await jobFor(id, 'close', 4, 0))?.getState()).toBe('delayed');

    // A job for the old state that fires anyway (e.g. it was already running) is a no-op.
    const stale = await queue.add(JobName.deadlineDue, third.data, { jobId: `stale-${id}` });
    await waitFor(async () => ((await stale.getState()) === 'completed' ? true : undefined), 15_000, 'the stale job');
    expect((await queue.getJob(stale.id!))?.returnvalue).toBe('stale');
    expect(await incident(id)).toEqual(now);
    const events = (await leader.get<IncidentResponse>(`/api/incidents/${id}`)).body.events;
    expect(events.map((e) => e.type)).toEqual(['filed', 'notified', 'escalated', 'escalated', 'transition']);
  }, 180_000);
});
