import { addDays, zonedDate } from '@helhet/domain';
import type {
  FileIncidentResponse,
  InboxNotificationKind,
  InboxNotificationResponse,
  IncidentCategoryResponse,
  IncidentResponse,
  RiskAnalysisResponse,
  ScenarioLinksResponse,
} from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { type Job, Queue } from 'bullmq';

import { filingPayload, makeUnitTree, signIn, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startSmtp, type TestSmtp } from '../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp, testEnvironment } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';
import { JobName, QueueName } from '../core/queue/queue-names';
import { type DeadlineJobData, deadlineJobId } from '../escalations/deadline-job';
import { MEASURE_REMINDER_LEAD_MS, measureDueAt, measureEscalationRepeatMs } from './measure-deadline';
import { MeasureDeadlines } from './measure-deadlines.service';

/**
 * Measure deadlines with the real worker and Redis (the delayed jobs are promoted instead of waiting days):
 * the owner is reminded before the deadline and told when it has passed, then the owner's management line
 * hears of it level by level; finishing the measure removes the pending job, a stale job changes nothing,
 * and a new deadline replaces the job. The owner and their line (unit and sector leader) are this spec's own
 * (factories); above them is the demo municipality's kommunedirektør. Every measure made here is finished at
 * the end, so no later suite's worker finds it overdue.
 */
describe('measure deadlines', () => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  let worker: INestApplicationContext;
  let queue: Queue<DeadlineJobData>;
  let owner: Session & { me: { id: string; primaryOrgUnitId: string | null } };
  let leader: Session;
  let tree: UnitTree;
  let ownerEmail: string;
  let unitLeaderEmail: string;
  let sectorLeaderEmail: string;
  let categories: IncidentCategoryResponse[];
  const openMeasures: { path: string; session: Session }[] = [];

  beforeAll(async () => {
    await obliterateQueues();
    smtp = await startSmtp();
    testApp = await startTestApp({ SMTP_URL: smtp.url });
    worker = await startTestWorker({ SMTP_URL: smtp.url });
    const env = testEnvironment();
    queue = new Queue(QueueName.escalations, { connection: { url: env.REDIS_URL }, prefix: env.REDIS_KEY_PREFIX });
    tree = await makeUnitTree(testApp.dataSource, { label: 'Tiltak', serviceType: 'nursing_home' });
    [ownerEmail, unitLeaderEmail, sectorLeaderEmail] = [tree.employee.email, tree.leaders.unit.email, tree.leaders.sector.email];
    owner = await signIn(testApp.baseUrl, tree.employee);
    leader = await signIn(testApp.baseUrl, tree.leaders.unit);
    categories = (await owner.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
  });

  afterAll(async () => {
    for (const { path, session } of openMeasures) await session.request('PATCH', path, { status: 'cancelled' }).catch(() => undefined);
    await queue.close();
    await worker.close();
    await testApp.close();
    await smtp.close();
  });

  /** A day relative to today in Norway, as the API takes deadlines. */
  const day = (offset: number) => addDays(zonedDate(new Date()), offset);
  const measureRow = async (id: string) =>
    (
      (await testApp.dataSource.query(`SELECT status, version, escalation_level, reminded_at, escalated_at FROM measure WHERE id = $1`, [
        id,
      ])) as {
        status: string;
        version: number;
        escalation_level: number;
        reminded_at: Date | null;
        escalated_at: Date | null;
      }[]
    )[0]!;
  /** When a delayed job falls due, compared to the millisecond-exact expectation (the job's delay counts from when it was added). */
  const expectRunAt = (job: Job, expected: number) => expect(Math.abs(job.timestamp + job.delay - expected)).toBeLessThan(1000);
  const jobFor = (id: string, deadline: 'remind' | 'due', version: number, level: number): Promise<Job<DeadlineJobData> | undefined> =>
    queue.getJob(deadlineJobId({ deadline, level, subjectId: id, subjectType: 'measure', version }));
  const waitForJob = (id: string, deadline: 'remind' | 'due', version: number, level: number) =>
    waitFor(() => jobFor(id, deadline, version, level), { timeout: 10_000, what: `the ${deadline} job v${version} l${level}` });
  /** The notifications of a measure's kinds to one person about one avvik or analysis, oldest first. */
  const notifications = async (email: string, kind: InboxNotificationKind, about: string) =>
    (await testApp.dataSource.query(
      `SELECT n.id, n.title, n.incident_id, n.risk_analysis_id FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE u.email = $1 AND n.kind = $2 AND (n.incident_id = $3 OR n.risk_analysis_id = $3) ORDER BY n.created_at`,
      [email, kind, about],
    )) as { id: string; title: string; incident_id: string | null; risk_analysis_id: string | null }[];
  /** Waits for the one notification and its e-mail (the delivery ledger names the message after the notification). */
  const notified = async (email: string, kind: InboxNotificationKind, about: string) => {
    const [notification] = await waitFor(
      async () => {
        const rows = await notifications(email, kind, about);
        return rows.length > 0 ? rows : undefined;
      },
      { timeout: 60_000, what: `${kind} to ${email}` },
    );
    const mail = await waitFor(() => smtp.received.find((m) => m.messageId === `<notification-${notification!.id}@helhet>`), {
      timeout: 60_000,
      what: `the ${kind} e-mail to ${email}`,
    });
    expect(mail.to).toEqual([email]);
    return { mail, notification: notification! };
  };
  const fileIncident = async () => {
    const filed = await owner.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      filingPayload(
        { categoryId: categories.find((c) => c.code === 'service_quality')!.id, orgUnitId: tree.unit.id },
        { description: 'Rutinen for legemiddelgjennomgang ble ikke fulgt.', occurredAt: new Date().toISOString(), severityActual: 'low' },
      ),
    );
    expect(filed.status).toBe(201);
    return filed.body.id!;
  };
  const addMeasure = async (incidentId: string, body: Record<string, unknown>) => {
    const added = await leader.request<IncidentResponse>('POST', `/api/incidents/${incidentId}/measures`, body);
    expect(added.status).toBe(201);
    const measure = added.body.measures.at(-1)!;
    const path = `/api/incidents/${incidentId}/measures/${measure.id}`;
    openMeasures.push({ path, session: leader });
    return { id: measure.id, path };
  };

  it('should remind the owner, tell them when it is overdue, climb the line, and stop when the measure is done', async () => {
    const incidentId = await fileIncident();
    const deadline = day(10);
    const measure = await addMeasure(incidentId, { deadline, ownerUserId: owner.me.id, title: 'Gjennomgå rutinen med alle på avdelingen' });

    // Created: the reminder waits as a delayed job, three days before the end of the deadline day.
    const remind = await waitForJob(measure.id, 'remind', 1, 0);
    expect(await remind.getState()).toBe('delayed');
    expectRunAt(remind, measureDueAt(deadline).getTime() - MEASURE_REMINDER_LEAD_MS);

    // Three days before: the owner is reminded, in the inbox and by e-mail, with a link to the avvik.
    await remind.promote();
    const reminder = await notified(ownerEmail, 'measure_due_soon', incidentId);
    expect(reminder.notification.incident_id).toBe(incidentId);
    expect(reminder.mail.raw.replace(/=\r?\n/g, '')).toContain(`/incidents/${incidentId}`);
    const inbox = (await owner.get<InboxNotificationResponse[]>('/api/notifications')).body;
    expect(inbox.find((n) => n.id === reminder.notification.id)).toMatchObject({
      incidentId,
      kind: 'measure_due_soon',
      riskAnalysisId: null,
    });
    expect(await measureRow(measure.id)).toMatchObject({ escalation_level: 0, reminded_at: expect.any(Date), version: 2 });

    // The deadline passes: the owner hears it is overdue.
    const due = await waitForJob(measure.id, 'due', 2, 0);
    expect(await due.getState()).toBe('delayed');
    expectRunAt(due, measureDueAt(deadline).getTime());
    await due.promote();
    await notified(ownerEmail, 'measure_overdue', incidentId);
    expect(await measureRow(measure.id)).toMatchObject({ escalation_level: 1, version: 3 });

    // One interval (the time the measure was given) after each notice: the owner's leader (the unit leader),
    // then the next level (the sector leader).
    const [created] = (await testApp.dataSource.query(`SELECT created_at FROM measure WHERE id = $1`, [measure.id])) as {
      created_at: Date;
    }[];
    const interval = measureEscalationRepeatMs(created!.created_at, measureDueAt(deadline));
    expect(interval).toBeGreaterThan(9 * 86_400_000);
    const first = await waitForJob(measure.id, 'due', 3, 1);
    expectRunAt(first, (await measureRow(measure.id)).escalated_at!.getTime() + interval);
    await first.promote();
    await notified(unitLeaderEmail, 'measure_escalated', incidentId);
    const second = await waitForJob(measure.id, 'due', 4, 2);
    expectRunAt(second, (await measureRow(measure.id)).escalated_at!.getTime() + interval);
    await second.promote();
    const sector = await notified(sectorLeaderEmail, 'measure_escalated', incidentId);
    expect(sector.notification.title).toMatch(/^\d{4}-\d+ – /);
    expect(await measureRow(measure.id)).toMatchObject({ escalation_level: 3, version: 5 });
    expect(await notifications(unitLeaderEmail, 'measure_escalated', incidentId)).toHaveLength(1);

    // Done: the pending job (the kommunedirektør's turn) is removed.
    const third = await waitForJob(measure.id, 'due', 5, 3);
    expect(await third.getState()).toBe('delayed');
    const done = await leader.request<IncidentResponse>('PATCH', measure.path, { status: 'done' });
    expect(done.status).toBe(200);
    expect(await jobFor(measure.id, 'due', 5, 3)).toBeUndefined();
    const finished = await measureRow(measure.id);
    expect(finished).toMatchObject({ escalation_level: 3, status: 'done', version: 6 });

    // A job for the old state that fires anyway (it was already running) is a no-op.
    const stale = await queue.add(JobName.deadlineDue, third.data, { jobId: `stale-${measure.id}` });
    await waitFor(async () => ((await stale.getState()) === 'completed' ? true : undefined), { timeout: 15_000, what: 'the stale job' });
    expect((await queue.getJob(stale.id!))?.returnvalue).toBe('stale');
    expect(await measureRow(measure.id)).toEqual(finished);
    expect(await notifications('kommunedirektor@fjordvik.kommune.no', 'measure_escalated', incidentId)).toEqual([]);
  }, 240_000);

  it('should replace the job when the deadline changes, leave it on other changes, and restart on reopening', async () => {
    const incidentId = await fileIncident();
    const measure = await addMeasure(incidentId, { deadline: day(30), ownerUserId: owner.me.id, title: 'Oppdater prosedyren' });
    const first = await waitForJob(measure.id, 'remind', 1, 0);

    // A later deadline: the old job goes, the new one runs later.
    await leader.request('PATCH', measure.path, { deadline: day(60) });
    expect(await jobFor(measure.id, 'remind', 1, 0)).toBeUndefined();
    const later = await waitForJob(measure.id, 'remind', 2, 0);
    expect(later.timestamp + later.delay - (first.timestamp + first.delay)).toBeGreaterThan(29 * 86_400_000);

    // Planned → in progress does not touch the deadline.
    await leader.request('PATCH', measure.path, { status: 'in_progress' });
    expect(await measureRow(measure.id)).toMatchObject({ status: 'in_progress', version: 2 });
    expect(await (await jobFor(measure.id, 'remind', 2, 0))?.getState()).toBe('delayed');

    // A deadline already past: no reminder, the overdue notice goes out at once.
    await leader.request('PATCH', measure.path, { deadline: day(-2) });
    expect(await jobFor(measure.id, 'remind', 2, 0)).toBeUndefined();
    await notified(ownerEmail, 'measure_overdue', incidentId);
    expect(await measureRow(measure.id)).toMatchObject({
      escalated_at: expect.any(Date),
      escalation_level: 1,
      reminded_at: null,
      version: 4,
    });
    expect(await (await waitForJob(measure.id, 'due', 4, 1)).getState()).toBe('delayed');
    expect(await notifications(ownerEmail, 'measure_due_soon', incidentId)).toEqual([]);

    // Cancelled, then reopened: the escalation starts over and the owner is told again.
    await leader.request('PATCH', measure.path, { status: 'cancelled' });
    expect(await jobFor(measure.id, 'due', 4, 1)).toBeUndefined();
    expect(await measureRow(measure.id)).toMatchObject({ status: 'cancelled', version: 5 });
    await leader.request('PATCH', measure.path, { status: 'planned' });
    await waitFor(async () => ((await notifications(ownerEmail, 'measure_overdue', incidentId)).length === 2 ? true : undefined), {
      timeout: 60_000,
      what: 'the second overdue notice',
    });
    expect(await measureRow(measure.id)).toMatchObject({ escalation_level: 1, status: 'planned', version: 7 });
  }, 180_000);

  it('should link a ROS measure’s notices to its analysis, and the sweep should re-queue a lost deadline', async () => {
    const home = tree.unit.id;
    const analysis = (
      await leader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: home,
        title: 'ROS legemiddelhåndtering 2027',
        type: 'service_ros',
      })
    ).body;
    const scenarioId = (
      await leader.request<RiskAnalysisResponse>('POST', `/api/risk/analyses/${analysis.id}/scenarios`, { title: 'Feil legemiddel gitt' })
    ).body.scenarios[0]!.id;
    const measuresPath = `/api/risk/analyses/${analysis.id}/scenarios/${scenarioId}/measures`;

    // A measure due far ahead whose job Redis lost: the maintenance sweep puts it back.
    const ahead = await leader.request<ScenarioLinksResponse>('POST', measuresPath, {
      deadline: day(90),
      ownerUserId: owner.me.id,
      title: 'Dobbeltkontroll ved utdeling',
    });
    expect(ahead.status).toBe(201);
    const aheadId = ahead.body.measures[0]!.id;
    const lost = await waitForJob(aheadId, 'remind', 1, 0);
    await lost.remove();
    await worker.get(MeasureDeadlines).requeueOpen();
    expect(await (await jobFor(aheadId, 'remind', 1, 0))?.getState()).toBe('delayed');

    // An overdue one: its notice names the analysis and links to it.
    const overdue = await leader.request<ScenarioLinksResponse>('POST', measuresPath, {
      deadline: day(-1),
      ownerUserId: owner.me.id,
      title: 'Ny rutine for legemiddelrom',
    });
    const overdueId = overdue.body.measures.find((m) => m.title === 'Ny rutine for legemiddelrom')!.id;
    const notice = await notified(ownerEmail, 'measure_overdue', analysis.id);
    expect(notice.notification).toMatchObject({
      incident_id: null,
      risk_analysis_id: analysis.id,
      title: 'ROS legemiddelhåndtering 2027 – Ny rutine for legemiddelrom',
    });
    expect(notice.mail.raw.replace(/=\r?\n/g, '')).toContain(`/risk/analyses/${analysis.id}`);
    const inbox = (await owner.get<InboxNotificationResponse[]>('/api/notifications')).body;
    expect(inbox.find((n) => n.id === notice.notification.id)).toMatchObject({
      incidentId: null,
      kind: 'measure_overdue',
      riskAnalysisId: analysis.id,
    });

    // ROS measures have no status endpoint yet: finish them in the database so no later suite's worker finds them.
    await testApp.dataSource.query(`UPDATE measure SET status = 'cancelled', version = version + 1 WHERE id = ANY($1::uuid[])`, [
      [aheadId, overdueId],
    ]);
  }, 120_000);
});
