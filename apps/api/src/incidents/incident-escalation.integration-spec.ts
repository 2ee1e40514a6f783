import type { FileIncidentResponse, IncidentCategoryResponse, IncidentResponse } from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { type Job, Queue } from 'bullmq';

import { filingPayload, makeUnitTree, signIn } from '../../test/factories';
import { startSmtp, type TestSmtp } from '../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp, testEnvironment } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';
import { JobName, QueueName } from '../core/queue/queue-names';
import { type DeadlineJobData, deadlineJobId } from '../escalations/deadline-job';

/**
 * Escalation with the real worker and Redis: an untouched case climbs the management line one level per
 * missed deadline (the delayed jobs are promoted instead of waiting days), acting on it removes the
 * pending job, and a stale job that still fires changes nothing. The unit, reporter, unit and sector
 * leaders are this spec's own (factories); the line ends at the demo municipality's kommunedirektør.
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
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Eskalering' });
    const reporter = await signIn(testApp.baseUrl, tree.employee);
    const leader = await signIn(testApp.baseUrl, tree.leaders.unit);
    const categories = (await reporter.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
    const filed = await reporter.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      filingPayload(
        { categoryId: categories.find((c) => c.code === 'service_quality')!.id, orgUnitId: tree.unit.id },
        { description: 'Medisinrom stod ulåst over natten.', occurredAt: new Date().toISOString(), severityActual: 'low' },
      ),
    );
    const id = filed.body.id!;

    // Filing: the handler (the unit leader) gets an e-mail; the acknowledge deadline waits as a delayed job.
    await waitFor(mailTo(tree.leaders.unit.email, /ny avvikssak til behandling/i), { timeout: 60_000, what: 'mail to the handler' });
    const first = await waitFor(() => jobFor(id, 'acknowledge', 1, 0), { timeout: 10_000, what: 'the acknowledge deadline job' });
    expect(await first.getState()).toBe('delayed');
    const detail = (await leader.get<IncidentResponse>(`/api/incidents/${id}`)).body;
    expect(first.timestamp + first.delay).toBeGreaterThanOrEqual(new Date(detail.acknowledgeDueAt).getTime() - 1000);

    // Deadline passes (promoted): the sector leader becomes co-handler and is told.
    await first.promote();
    await waitFor(async () => ((await incident(id)).escalation_level === 1 ? true : undefined), {
      timeout: 60_000,
      what: 'first escalation',
    });
    await waitFor(mailTo(tree.leaders.sector.email, /sendt videre til deg/i), { timeout: 60_000, what: 'mail to the sector leader' });
    const sector = await signIn(testApp.baseUrl, tree.leaders.sector);
    expect((await sector.get<IncidentResponse>(`/api/incidents/${id}`)).body.escalationLevel).toBe(1);

    // Still untouched after the same interval again: the kommunedirektør.
    const second = await waitFor(() => jobFor(id, 'acknowledge', 2, 1), { timeout: 10_000, what: 'the second deadline job' });
    expect(await second.getState()).toBe('delayed');
    expect(second.delay).toBeGreaterThan(first.delay);
    await second.promote();
    await waitFor(async () => ((await incident(id)).escalation_level === 2 ? true : undefined), {
      timeout: 60_000,
      what: 'second escalation',
    });
    await waitFor(mailTo('kommunedirektor@fjordvik.kommune.no', /sendt videre til deg/i), {
      timeout: 60_000,
      what: 'mail to the kommunedirektør',
    });
    const escalated = await incident(id);
    expect(escalated.escalated_to_user_ids).toHaveLength(2);

    // The unit leader acts: the pending escalation is removed, the close deadline takes its place.
    const third = await waitFor(() => jobFor(id, 'acknowledge', 3, 2), { timeout: 10_000, what: 'the third deadline job' });
    expect(await third.getState()).toBe('delayed');
    const acted = await leader.request<IncidentResponse>('POST', `/api/incidents/${id}/transitions`, { action: 'acknowledge' });
    expect(acted.body.status).toBe('in_progress');
    expect(await jobFor(id, 'acknowledge', 3, 2)).toBeUndefined();
    const now = await incident(id);
    expect(now).toMatchObject({ escalation_level: 0, status: 'in_progress', version: 4 });
    expect(await (await jobFor(id, 'close', 4, 0))?.getState()).toBe('delayed');

    // A job for the old state that fires anyway (e.g. it was already running) is a no-op.
    const stale = await queue.add(JobName.deadlineDue, third.data, { jobId: `stale-${id}` });
    await waitFor(async () => ((await stale.getState()) === 'completed' ? true : undefined), { timeout: 15_000, what: 'the stale job' });
    expect((await queue.getJob(stale.id!))?.returnvalue).toBe('stale');
    expect(await incident(id)).toEqual(now);
    const events = (await leader.get<IncidentResponse>(`/api/incidents/${id}`)).body.events;
    expect(events.map((e) => e.type)).toEqual(['filed', 'notified', 'escalated', 'escalated', 'transition']);
  }, 180_000);
});
