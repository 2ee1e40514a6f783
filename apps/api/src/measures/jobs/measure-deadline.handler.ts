import { escalationRecipient, personalEscalationLadder } from '@helhet/domain';
import type { InboxNotificationKind } from '@helhet/shared';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { firstRow } from '../../core/database/first-row.util';
import { DeadlineHandlers } from '../../escalations/deadline-handlers';
import { type DeadlineHandler, type DeadlineJobData, type DeadlineOutcome, isCurrentDeadline } from '../../escalations/deadline-job';
import { DeadlineScheduler } from '../../escalations/deadline-scheduler';
import { type DeadlineStepResult, runDeadlineStep } from '../../escalations/deadline-step';
import { NotificationDeliveryProducer } from '../../notifications/jobs/notification-delivery.producer';
import { NotificationsService } from '../../notifications/notifications.service';
import { ManagementLineReader } from '../../organisation/management-line.reader';
import { MEASURE_SUBJECT, pendingMeasureDeadline } from '../measure-deadline';
import { MEASURE_DEADLINE_COLUMNS, type MeasureDeadlineRow, measureDeadlineState } from '../measure-deadlines.service';

interface Row extends MeasureDeadlineRow {
  org_unit_id: string;
  title: string;
}

/** What a measure's notification names and links to: its avvik if it has one, else its ROS analysis. */
interface Target {
  incident_id: string | null;
  number: string | null;
  category_label: string | null;
  risk_analysis_id: string | null;
  analysis_title: string | null;
}

/**
 * A measure's deadline job fell due (domain.md §5 follow-up): shortly before the deadline the person
 * responsible is reminded; once it has passed they are told it is overdue; after each further interval
 * the next level of the unit's management line above them hears of it, up to the top. Everything is
 * checked under the row lock: a job for an older version, or for a measure since done or cancelled,
 * does nothing. The notifications go through the delivery ledger (inbox + e-mail, at most once).
 */
@Injectable()
export class MeasureDeadlineHandler implements DeadlineHandler, OnModuleInit {
  private readonly logger = new Logger(MeasureDeadlineHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: DeadlineHandlers,
    private readonly lines: ManagementLineReader,
    private readonly notifications: NotificationsService,
    private readonly deliveries: NotificationDeliveryProducer,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  onModuleInit(): void {
    this.handlers.register(MEASURE_SUBJECT, this);
  }

  async onDeadline(job: DeadlineJobData): Promise<DeadlineOutcome> {
    const outcome = await runDeadlineStep(
      { dataSource: this.dataSource, deliveries: this.deliveries, scheduler: this.scheduler },
      (manager) => this.step(manager, job),
    );
    if (outcome === 'stale' || outcome === 'top-reached')
      this.logger.log({ measureId: job.subjectId, msg: 'deadline job without effect', outcome });
    return outcome;
  }

  private async step(manager: EntityManager, job: DeadlineJobData): Promise<DeadlineStepResult> {
    const [row] = (await manager.query(
      `SELECT ${MEASURE_DEADLINE_COLUMNS}, m.org_unit_id, m.title FROM measure m WHERE m.id = $1 AND m.tenant_id = $2 FOR UPDATE`,
      [job.subjectId, job.tenantId],
    )) as Row[];
    const now = new Date();
    const current = row ? pendingMeasureDeadline(measureDeadlineState(row), now)?.data : undefined;
    // A reminder that runs only after the deadline passed (the worker was down) stands in for the overdue notice.
    const lateReminder = job.deadline === 'remind' && isCurrentDeadline({ ...job, deadline: 'due' }, current);
    if (!row || !current || (!isCurrentDeadline(job, current) && !lateReminder)) return { outcome: 'stale' };

    const { line } = await this.lines.forUnit(manager, row.tenant_id, row.org_unit_id);
    const ladder = personalEscalationLadder(line, row.owner_user_id);
    let kind: InboxNotificationKind;
    let recipient: string | null;
    let set: string;
    if (current.deadline === 'remind') {
      kind = 'measure_due_soon';
      recipient = escalationRecipient(ladder, 0);
      set = 'reminded_at = now()';
    } else {
      kind = row.escalation_level === 0 ? 'measure_overdue' : 'measure_escalated';
      recipient = escalationRecipient(ladder, row.escalation_level);
      // Nobody further up: the measure stays overdue (shown in lists) without more notices.
      if (!recipient) return { outcome: 'top-reached' };
      set = 'escalation_level = m.escalation_level + 1, escalated_at = now()';
    }
    // UPDATE … RETURNING comes back from the pg driver as [rows, affectedCount].
    const [rows] = (await manager.query(
      `UPDATE measure AS m SET ${set}, version = m.version + 1, updated_at = now() WHERE m.id = $1 RETURNING ${MEASURE_DEADLINE_COLUMNS}`,
      [row.id],
    )) as [MeasureDeadlineRow[], number];
    const updated = firstRow(rows, 'measure deadline step');

    let deliveries: string[] = [];
    if (recipient) {
      const target = await this.target(manager, row.id);
      deliveries = await this.notifications.notify(manager, {
        dedupeKey: `measure:${row.id}:${current.deadline}:${current.level}:v${row.version}`,
        incidentId: target?.incident_id ?? null,
        kind,
        riskAnalysisId: target?.incident_id ? null : (target?.risk_analysis_id ?? null),
        tenantId: row.tenant_id,
        title: this.title(row, target),
        userIds: [recipient],
      });
    }
    return {
      deliveries,
      next: pendingMeasureDeadline(measureDeadlineState(updated), now),
      outcome: kind === 'measure_escalated' ? 'escalated' : 'notified',
      tenantId: row.tenant_id,
    };
  }

  private async target(manager: EntityManager, measureId: string): Promise<Target | undefined> {
    const [target] = (await manager.query(
      `SELECT l.incident_id, i.number, c.label AS category_label, a.id AS risk_analysis_id, a.title AS analysis_title
         FROM measure_link l
         LEFT JOIN incident i ON i.id = l.incident_id LEFT JOIN incident_category c ON c.id = i.category_id
         LEFT JOIN risk_scenario s ON s.id = l.risk_scenario_id LEFT JOIN risk_analysis a ON a.id = s.analysis_id
        WHERE l.measure_id = $1 ORDER BY (l.incident_id IS NULL), l.created_at, l.id LIMIT 1`,
      [measureId],
    )) as Target[];
    return target;
  }

  /**
   * An avvik's measure is named like the case (number and category: no free text from an avvik leaves in
   * e-mail); a ROS measure by its analysis and its own title, which hold no personal data.
   */
  private title(row: Row, target: Target | undefined): string {
    if (target?.incident_id) return `${target.number} – ${target.category_label}`;
    return (target?.analysis_title ? `${target.analysis_title} – ${row.title}` : row.title).slice(0, 300);
  }
}
