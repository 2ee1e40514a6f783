import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

import { JobName, QueueName } from '../core/queue/queue-names';
import { InvitationMailProducer } from '../users/jobs/invitation-mail.producer';

/** Recurring housekeeping, driven by BullMQ job schedulers (maintenance-schedules.ts), once per cluster. */
@Processor(QueueName.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationMailProducer,
  ) {
    super();
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
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
