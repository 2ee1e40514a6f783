import { effectiveLeaders, escalationRecipient, type IncidentStatus } from '@helhet/domain';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { firstRow } from '../../core/database/first-row.util';
import { DeadlineHandlers } from '../../escalations/deadline-handlers';
import { type DeadlineHandler, type DeadlineJobData, type DeadlineOutcome, isCurrentDeadline } from '../../escalations/deadline-job';
import { DeadlineScheduler } from '../../escalations/deadline-scheduler';
import { runDeadlineStep } from '../../escalations/deadline-step';
import { NotificationDeliveryProducer } from '../../notifications/jobs/notification-delivery.producer';
import { NotificationsService } from '../../notifications/notifications.service';
import { ManagementLineReader } from '../../organisation/management-line.reader';
import { INCIDENT_SUBJECT, pendingDeadline } from '../incident-deadline';

interface Row {
  id: string;
  tenant_id: string;
  number: string;
  status: IncidentStatus;
  version: number;
  escalation_level: number;
  org_unit_id: string;
  escalated_to_user_ids: string[];
  reported_at: Date;
  acknowledge_due_at: Date;
  close_due_at: Date;
  category_label: string;
}

/**
 * A case missed its deadline: escalate it one level up the management line (domain.md §3.4). The row
 * lock and the version check make a stale job — the case moved on after it was scheduled — a no-op.
 * The next level's leader becomes co-handler, is notified, and the next deadline is scheduled.
 */
@Injectable()
export class IncidentDeadlineHandler implements DeadlineHandler, OnModuleInit {
  private readonly logger = new Logger(IncidentDeadlineHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: DeadlineHandlers,
    private readonly lines: ManagementLineReader,
    private readonly notifications: NotificationsService,
    private readonly deliveries: NotificationDeliveryProducer,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  onModuleInit(): void {
    this.handlers.register(INCIDENT_SUBJECT, this);
  }

  async onDeadline(job: DeadlineJobData): Promise<DeadlineOutcome> {
    const outcome = await runDeadlineStep(
      { dataSource: this.dataSource, deliveries: this.deliveries, scheduler: this.scheduler },
      async (manager) => {
        const [row] = (await manager.query(
          `SELECT i.id, i.tenant_id, i.number, i.status, i.version, i.escalation_level, i.org_unit_id, i.escalated_to_user_ids,
                i.reported_at, i.acknowledge_due_at, i.close_due_at, c.label AS category_label
           FROM incident i JOIN incident_category c ON c.id = i.category_id WHERE i.id = $1 AND i.tenant_id = $2 FOR UPDATE OF i`,
          [job.subjectId, job.tenantId],
        )) as Row[];
        if (!row || !isCurrentDeadline(job, pendingDeadline(this.state(row))?.data)) return { outcome: 'stale' as const };
        const { line } = await this.lines.forUnit(manager, row.tenant_id, row.org_unit_id);
        const level = row.escalation_level + 1;
        const recipient = escalationRecipient(effectiveLeaders(line), level);
        if (!recipient) return { outcome: 'top-reached' as const };
        // UPDATE … RETURNING comes back from the pg driver as [rows, affectedCount].
        const [rows] = (await manager.query(
          `UPDATE incident SET escalation_level = $2, escalated_to_user_ids = array_append(escalated_to_user_ids, $3::uuid), version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING version, escalation_level`,
          [row.id, level, recipient],
        )) as [{ version: number; escalation_level: number }[], number];
        const updated = firstRow(rows, 'incident escalation');
        await manager.query(
          `INSERT INTO incident_event (tenant_id, incident_id, type, actor_user_id, details) VALUES ($1, $2, 'escalated', NULL, $3::jsonb)`,
          [row.tenant_id, row.id, JSON.stringify({ deadline: job.deadline, level, toUserId: recipient })],
        );
        const deliveries = await this.notifications.notify(manager, {
          dedupeKey: `incident:${row.id}:escalated:${job.deadline}:${level}:v${row.version}`,
          incidentId: row.id,
          kind: 'incident_escalated',
          tenantId: row.tenant_id,
          title: `${row.number} – ${row.category_label}`,
          userIds: [recipient],
        });
        const next = pendingDeadline(this.state({ ...row, escalation_level: updated.escalation_level, version: updated.version }));
        return { deliveries, next, outcome: 'escalated' as const, tenantId: row.tenant_id };
      },
    );
    if (outcome !== 'escalated') this.logger.log({ incidentId: job.subjectId, msg: 'deadline job without effect', outcome });
    return outcome;
  }

  private state(row: Row) {
    return {
      acknowledgeDueAt: row.acknowledge_due_at,
      closeDueAt: row.close_due_at,
      escalationLevel: row.escalation_level,
      id: row.id,
      reportedAt: row.reported_at,
      status: row.status,
      tenantId: row.tenant_id,
      version: row.version,
    };
  }
}
