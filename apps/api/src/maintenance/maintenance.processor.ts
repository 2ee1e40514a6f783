import type { IncidentStatus } from '@helhet/domain';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

import { JobName, QueueName } from '../core/queue/queue-names';
import { DeadlineScheduler } from '../escalations/deadline-scheduler';
import { pendingDeadline } from '../incidents/incident-deadline';
import { IncidentFiledProducer } from '../incidents/jobs/incident-filed.producer';
import { MeasureDeadlines } from '../measures/measure-deadlines.service';
import { NotificationDeliveryProducer } from '../notifications/jobs/notification-delivery.producer';
import { InvitationMailProducer } from '../users/jobs/invitation-mail.producer';

/** Recurring housekeeping, driven by BullMQ job schedulers (maintenance-schedules.ts), once per cluster. */
@Processor(QueueName.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationMailProducer,
    private readonly filed: IncidentFiledProducer,
    private readonly deliveries: NotificationDeliveryProducer,
    private readonly deadlines: DeadlineScheduler,
    private readonly measureDeadlines: MeasureDeadlines,
  ) {
    super();
  }

  /**
   * Outbox sweep for work committed while Redis was unreachable (or a post-commit enqueue failed):
   * unprocessed new cases, pending e-mail deliveries, and the deadline job of every open case and open
   * measure. Job ids are deterministic, so whatever is already queued is left as it is.
   */
  private async requeueOutbox(): Promise<number> {
    const cases = (await this.dataSource.query(
      `SELECT id, tenant_id FROM incident WHERE filing_processed_at IS NULL AND created_at < now() - interval '1 minute' LIMIT 500`,
    )) as { id: string; tenant_id: string }[];
    for (const row of cases) await this.filed.enqueue({ incidentId: row.id, tenantId: row.tenant_id });
    const deliveries = (await this.dataSource.query(
      `SELECT id, tenant_id FROM notification_delivery WHERE status = 'pending' AND created_at < now() - interval '1 minute' LIMIT 1000`,
    )) as { id: string; tenant_id: string }[];
    const byTenant = new Map<string, string[]>();
    for (const row of deliveries) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row.id]);
    for (const [tenantId, ids] of byTenant) await this.deliveries.enqueue(tenantId, ids);
    const open = (await this.dataSource.query(
      `SELECT id, tenant_id, status, version, escalation_level, reported_at, acknowledge_due_at, close_due_at FROM incident
        WHERE status IN ('registered', 'in_progress', 'measures') AND filing_processed_at IS NOT NULL ORDER BY updated_at DESC LIMIT 5000`,
    )) as {
      id: string;
      tenant_id: string;
      status: IncidentStatus;
      version: number;
      escalation_level: number;
      reported_at: Date;
      acknowledge_due_at: Date;
      close_due_at: Date;
    }[];
    const due = open.flatMap((row) => {
      const next = pendingDeadline({
        acknowledgeDueAt: row.acknowledge_due_at,
        closeDueAt: row.close_due_at,
        escalationLevel: row.escalation_level,
        id: row.id,
        reportedAt: row.reported_at,
        status: row.status,
        tenantId: row.tenant_id,
        version: row.version,
      });
      return next ? [next] : [];
    });
    await this.deadlines.scheduleMany(due);
    const measures = await this.measureDeadlines.requeueOpen();
    return cases.length + deliveries.length + open.length + measures;
  }

  async process(job: Job): Promise<number> {
    switch (job.name) {
      case JobName.purgeExpiredSessions: {
        const [, deleted] = (await this.dataSource.query(
          `DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`,
        )) as [unknown, number];
        this.logger.log({ deleted, msg: 'expired sessions purged' });
        return deleted;
      }
      case JobName.resendUnsentInvitations: {
        // Outbox sweep: invitations committed while Redis was unreachable are queued now (job id dedupes).
        const rows = (await this.dataSource.query(
          `SELECT id, tenant_id FROM invitation WHERE sent_at IS NULL AND accepted_at IS NULL AND expires_at > now()
             AND created_at < now() - interval '1 minute' LIMIT 500`,
        )) as { id: string; tenant_id: string }[];
        for (const row of rows) await this.invitations.enqueue({ invitationId: row.id, tenantId: row.tenant_id });
        return rows.length;
      }
      case JobName.requeueStalledOutbox:
        return this.requeueOutbox();
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
