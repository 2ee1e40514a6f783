import type { IncidentStatus } from '@helhet/domain';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

import { AttachmentStore } from '../attachments/attachment-store';
import { keysetPages } from '../core/database/keyset-pages';
import { JobName, QueueName } from '../core/queue/queue-names';
import { DeadlineScheduler } from '../escalations/deadline-scheduler';
import { pendingDeadline } from '../incidents/incident-deadline';
import { IncidentFiledProducer } from '../incidents/jobs/incident-filed.producer';
import { MeasureDeadlines } from '../measures/measure-deadlines.service';
import { NotificationDeliveryProducer } from '../notifications/jobs/notification-delivery.producer';
import { InvitationMailProducer } from '../users/jobs/invitation-mail.producer';

/** Staging files older than this belong to no request still running. */
export const STAGING_MAX_AGE_MS = 60 * 60_000;

interface OpenIncidentRow {
  id: string;
  tenant_id: string;
  status: IncidentStatus;
  version: number;
  escalation_level: number;
  reported_at: Date;
  acknowledge_due_at: Date;
  close_due_at: Date;
}

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
    private readonly store: AttachmentStore,
  ) {
    super();
  }

  /**
   * Outbox sweep for work committed while Redis was unreachable (or a post-commit enqueue failed):
   * unprocessed new cases, pending e-mail deliveries, and the deadline job of every open case and open
   * measure. Every table is paged through by id (keyset, SWEEP_BATCH rows per query and per Redis round trip),
   * so after a Redis data loss all of them come back, not a fixed first few thousand. Job ids are deterministic,
   * so whatever is already queued is left as it is.
   */
  private async requeueOutbox(): Promise<number> {
    let total = 0;
    // A worker killed mid-send whose job Redis then lost leaves the delivery `sending` with nothing to resume it: after
    // 15 minutes (far beyond an SMTP timeout) it is settled as the job's own retry would, `uncertain` for administrators.
    const [, settled] = (await this.dataSource.query(
      `UPDATE notification_delivery SET status = 'uncertain', last_error = 'worker stopped while sending', updated_at = now()
       WHERE status = 'sending' AND updated_at < now() - interval '15 minutes'`,
    )) as [unknown, number];
    total += settled;
    total += await keysetPages<{ id: string; tenant_id: string }>(
      this.dataSource,
      `SELECT id, tenant_id FROM incident WHERE filing_processed_at IS NULL AND created_at < now() - interval '1 minute'`,
      async (rows) => {
        for (const row of rows) await this.filed.enqueue({ incidentId: row.id, tenantId: row.tenant_id });
      },
    );
    total += await keysetPages<{ id: string; tenant_id: string }>(
      this.dataSource,
      `SELECT id, tenant_id FROM notification_delivery WHERE status = 'pending' AND created_at < now() - interval '1 minute'`,
      async (rows) => {
        const byTenant = new Map<string, string[]>();
        for (const row of rows) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row.id]);
        for (const [tenantId, ids] of byTenant) await this.deliveries.enqueue(tenantId, ids);
      },
    );
    total += await keysetPages<OpenIncidentRow>(
      this.dataSource,
      `SELECT id, tenant_id, status, version, escalation_level, reported_at, acknowledge_due_at, close_due_at FROM incident
        WHERE status IN ('registered', 'in_progress', 'measures') AND filing_processed_at IS NOT NULL`,
      (rows) =>
        this.deadlines.scheduleMany(
          rows.flatMap((row) => {
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
          }),
        ),
    );
    total += await this.measureDeadlines.requeueOpen();
    return total;
  }

  private async committedKeys(storageKeys: readonly string[]): Promise<Set<string>> {
    const rows = (await this.dataSource.query(`SELECT storage_key FROM attachment WHERE storage_key = ANY($1::text[])`, [storageKeys])) as {
      storage_key: string;
    }[];
    return new Set(rows.map((row) => row.storage_key));
  }

  async process(job: Job): Promise<number> {
    switch (job.name) {
      case JobName.purgeExpiredSessions: {
        const [, deleted] = (await this.dataSource.query(
          `DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`,
        )) as [unknown, number];
        // Idempotency keys of avvik filing answer retries of the same form; a day covers any retry.
        const [, keys] = (await this.dataSource.query(
          `DELETE FROM incident_filing_request WHERE created_at < now() - interval '1 day'`,
        )) as [unknown, number];
        this.logger.log({ deleted, idempotencyKeys: keys, msg: 'expired sessions purged' });
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
      case JobName.removeStaleStagingFiles: {
        // Staged attachment files a crashed request left behind: moved into place when their row committed, else deleted.
        const result = await this.store.cleanStaging(STAGING_MAX_AGE_MS, (keys) => this.committedKeys(keys));
        if (result.removed + result.restored > 0) this.logger.log({ ...result, msg: 'stale staging files handled' });
        return result.removed + result.restored;
      }
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
