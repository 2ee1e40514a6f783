import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue, RepeatOptions } from 'bullmq';

import { AppConfig } from '../core/config/app-config.service';
import { JobName, QueueName } from '../core/queue/queue-names';

export interface MaintenanceSchedule {
  key: string;
  repeat: Omit<RepeatOptions, 'key'>;
  /** Delay of the first run when the worker starts (not when a lost schedule is restored: then it runs at once). */
  firstRunAfterMs?: number;
}

/** The recurring jobs of the maintenance queue, once per cluster. Also read by /api/health, which reports a missing one. */
export const MAINTENANCE_SCHEDULES: readonly MaintenanceSchedule[] = [
  { key: JobName.purgeExpiredSessions, repeat: { pattern: '15 3 * * *', tz: 'Europe/Oslo' } },
  { key: JobName.resendUnsentInvitations, repeat: { every: 5 * 60_000 } },
  // Not at start: right after a deploy everything is still in the queues; a sweep is for what got lost.
  { firstRunAfterMs: 5 * 60_000, key: JobName.requeueStalledOutbox, repeat: { every: 5 * 60_000 } },
  { key: JobName.removeStaleStagingFiles, repeat: { every: 60 * 60_000 } },
];

/** Past the sweep's one-minute guard for rows committed while Redis was away. */
export const OUTBOX_SWEEP_AFTER_RECONNECT_MS = 65_000;

/** Keys of the schedules missing from `present` (health check and the re-registration share this). */
export const missingSchedules = (present: readonly { key: string }[]): string[] => {
  const keys = new Set(present.map((scheduler) => scheduler.key));
  return MAINTENANCE_SCHEDULES.filter((schedule) => !keys.has(schedule.key)).map((schedule) => schedule.key);
};

/**
 * Registers the recurring jobs (idempotent upserts) when a worker starts, and registers them again whenever
 * they are gone: on every Redis `ready` (a reconnect, e.g. to a Redis that restarted empty) and on a periodic
 * check (SCHEDULE_CHECK_INTERVAL_MS, default 60 s; catches keys lost without a reconnect). Only missing schedules
 * are written, so a check never moves the next run of a schedule that exists.
 */
@Injectable()
export class MaintenanceSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceSchedules.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectQueue(QueueName.maintenance) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register('start');
    this.queue.getBackend().on('ready', () => void this.afterReconnect());
    this.timer = setInterval(() => void this.restore(), this.config.get('SCHEDULE_CHECK_INTERVAL_MS'));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /**
   * Redis is back after an outage: restore lost schedules, and sweep the outbox once more a little over a minute later.
   * Filings committed while Redis was away are younger than the sweep's one-minute guard when Redis returns, so without
   * this they would wait for the next five-minute sweep with no handler told and no deadline job (bench/reliability.mjs).
   */
  async afterReconnect(): Promise<void> {
    await this.restore();
    const minute = Math.floor(Date.now() / 60_000);
    await this.queue
      .add(JobName.requeueStalledOutbox, {}, { delay: OUTBOX_SWEEP_AFTER_RECONNECT_MS, jobId: `outbox-after-reconnect-${minute}` })
      .catch((error: unknown) =>
        this.logger.warn({ err: error instanceof Error ? error.message : String(error), msg: 'sweep after reconnect not queued' }),
      );
  }

  /** Re-creates lost schedules; never throws (Redis may be away again), one check at a time. */
  async restore(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.register('restore')
      .catch((error: unknown) =>
        this.logger.warn({ err: error instanceof Error ? error.message : String(error), msg: 'schedule check failed; retrying later' }),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async register(reason: 'start' | 'restore'): Promise<void> {
    // At start every schedule is written (a deploy may change one); later only the missing ones.
    const missing = new Set(
      reason === 'start' ? MAINTENANCE_SCHEDULES.map((s) => s.key) : missingSchedules(await this.queue.getJobSchedulers()),
    );
    for (const schedule of MAINTENANCE_SCHEDULES) {
      if (!missing.has(schedule.key)) continue;
      const startDate = reason === 'start' && schedule.firstRunAfterMs ? Date.now() + schedule.firstRunAfterMs : undefined;
      await this.queue.upsertJobScheduler(
        schedule.key,
        { ...schedule.repeat, ...(startDate ? { startDate } : {}) },
        { name: schedule.key },
      );
    }
    if (reason === 'restore' && missing.size > 0) this.logger.warn({ msg: 'lost job schedules registered again', schedules: [...missing] });
  }
}
