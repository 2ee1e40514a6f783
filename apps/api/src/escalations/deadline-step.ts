import type { DataSource, EntityManager } from 'typeorm';

import type { NotificationDeliveryProducer } from '../notifications/jobs/notification-delivery.producer';
import type { DeadlineOutcome, ScheduledDeadline } from './deadline-job';
import type { DeadlineScheduler } from './deadline-scheduler';

/** What one deadline step did inside its transaction, and the work left for after the commit. */
export type DeadlineStepResult =
  | { outcome: 'stale' }
  | { outcome: 'top-reached' }
  | { outcome: 'escalated' | 'notified'; tenantId: string; deliveries: readonly string[]; next: ScheduledDeadline | null };

export interface DeadlineStepDependencies {
  dataSource: DataSource;
  deliveries: NotificationDeliveryProducer;
  scheduler: DeadlineScheduler;
}

/**
 * The frame every deadline handler shares (ADR 0009). `step` runs in one transaction: it locks the
 * subject's row, compares the job with the subject's current pending deadline (`isCurrentDeadline`),
 * writes the notifications (outbox) and bumps the version. Only after the commit are the e-mails enqueued
 * and the next deadline scheduled, so a rolled-back step leaves no trace in Redis. If Redis fails here,
 * the maintenance sweep re-enqueues pending deliveries and re-schedules open deadlines.
 */
export const runDeadlineStep = async (
  dependencies: DeadlineStepDependencies,
  step: (manager: EntityManager) => Promise<DeadlineStepResult>,
): Promise<DeadlineOutcome> => {
  const result: DeadlineStepResult = await dependencies.dataSource.transaction(step);
  if (result.outcome === 'stale' || result.outcome === 'top-reached') return result.outcome;
  await dependencies.deliveries.enqueue(result.tenantId, result.deliveries);
  if (result.next) await dependencies.scheduler.schedule(result.next.data, result.next.runAt);
  return result.outcome;
};
