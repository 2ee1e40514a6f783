import { effectiveLeaders, filingRecipients, type IncidentStatus, type Severity, worstSeverity } from '@helhet/domain';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

import { JobName, QueueName } from '../../core/queue/queue-names';
import { workerOptions } from '../../core/queue/worker-options';
import { TenantSettingsService } from '../../core/settings/tenant-settings.service';
import { DeadlineScheduler } from '../../escalations/deadline-scheduler';
import { NotificationDeliveryProducer } from '../../notifications/jobs/notification-delivery.producer';
import { NotificationsService } from '../../notifications/notifications.service';
import { ManagementLineReader } from '../../organisation/management-line.reader';
import { pendingDeadline } from '../incident-deadline';
import type { IncidentFiledJobData } from './incident-filed.producer';

/**
 * After filing: notify the handler (inbox + e-mail) and whoever else the tenant's severity policy names
 * (by default `high` also the next level up, `critical` also the sector leader and the kommunedirektør,
 * domain.md §3.3); then schedule the first deadline.
 * Runs once per case (`filing_processed_at`); notification dedupe keys make a retry harmless.
 */
@Processor(QueueName.incidents, workerOptions())
export class IncidentFiledProcessor extends WorkerHost {
  private readonly logger = new Logger(IncidentFiledProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lines: ManagementLineReader,
    private readonly notifications: NotificationsService,
    private readonly deliveries: NotificationDeliveryProducer,
    private readonly scheduler: DeadlineScheduler,
    private readonly settings: TenantSettingsService,
  ) {
    super();
  }

  async process(job: Job<IncidentFiledJobData>): Promise<'processed' | 'skipped'> {
    if (job.name !== JobName.incidentFiled) throw new Error(`Unknown job ${job.name} on ${QueueName.incidents}`);
    const { incidentId, tenantId } = job.data;
    const result = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT i.id, i.number, i.status, i.version, i.escalation_level, i.org_unit_id, i.handler_user_id, i.severity_actual, i.severity_potential,
                i.reported_at, i.acknowledge_due_at, i.close_due_at, i.filing_processed_at, c.label AS category_label
           FROM incident i JOIN incident_category c ON c.id = i.category_id WHERE i.id = $1 AND i.tenant_id = $2 FOR UPDATE OF i`,
        [incidentId, tenantId],
      )) as {
        id: string;
        number: string;
        status: IncidentStatus;
        version: number;
        escalation_level: number;
        org_unit_id: string;
        handler_user_id: string | null;
        severity_actual: Severity | null;
        severity_potential: Severity | null;
        reported_at: Date;
        acknowledge_due_at: Date;
        close_due_at: Date;
        filing_processed_at: Date | null;
        category_label: string;
      }[];
      if (!row || row.filing_processed_at) return null;
      const { line } = await this.lines.forUnit(manager, tenantId, row.org_unit_id);
      const severity = worstSeverity(row.severity_actual, row.severity_potential);
      const handler = row.handler_user_id ?? effectiveLeaders(line)[0] ?? null;
      const recipients = filingRecipients(line, handler, severity, await this.settings.incidentSeverities(manager, tenantId));
      const title = `${row.number} – ${row.category_label}`;
      const deliveryIds: string[] = [];
      const [first, ...others] = recipients;
      if (first) {
        deliveryIds.push(
          ...(await this.notifications.notify(manager, {
            dedupeKey: `incident:${row.id}:filed`,
            incidentId: row.id,
            kind: 'incident_assigned',
            tenantId,
            title,
            userIds: [first],
          })),
        );
      }
      if (others.length > 0) {
        const kind = severity === 'critical' ? 'incident_filed_critical' : 'incident_filed_high';
        deliveryIds.push(
          ...(await this.notifications.notify(manager, {
            dedupeKey: `incident:${row.id}:filed`,
            incidentId: row.id,
            kind,
            tenantId,
            title,
            userIds: others,
          })),
        );
      }
      await manager.query(
        `INSERT INTO incident_event (tenant_id, incident_id, type, actor_user_id, details) VALUES ($1, $2, 'notified', NULL, $3::jsonb)`,
        [tenantId, row.id, JSON.stringify({ userIds: recipients })],
      );
      await manager.query(`UPDATE incident SET filing_processed_at = now() WHERE id = $1`, [row.id]);
      const deadline = pendingDeadline({
        acknowledgeDueAt: row.acknowledge_due_at,
        closeDueAt: row.close_due_at,
        escalationLevel: row.escalation_level,
        id: row.id,
        reportedAt: row.reported_at,
        status: row.status,
        tenantId,
        version: row.version,
      });
      return { deadline, deliveryIds };
    });
    if (!result) return 'skipped';
    await this.deliveries.enqueue(tenantId, result.deliveryIds);
    if (result.deadline) await this.scheduler.schedule(result.deadline.data, result.deadline.runAt);
    this.logger.log({ incidentId, msg: 'filing processed' });
    return 'processed';
  }
}
