import type { WorkerOptions } from 'bullmq';

const positiveInt = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

/**
 * Lock and stall detection of BullMQ workers. A job whose worker died is picked up again once its lock
 * expires (WORKER_LOCK_DURATION_MS, default 30 s) and a stall check has seen it (every
 * WORKER_STALLED_INTERVAL_MS, default the lock duration). A live worker renews its locks, so a short check
 * interval never takes a job from a busy worker; a short lock does, if its event loop stalls that long.
 * Read from the environment when the processor class loads, because decorator options are static;
 * validated again by EnvironmentVariables at start.
 */
export const workerOptions = (): Partial<WorkerOptions> => {
  const lockDuration = positiveInt(process.env['WORKER_LOCK_DURATION_MS'], 30_000);
  const stalledInterval = positiveInt(process.env['WORKER_STALLED_INTERVAL_MS'], lockDuration);
  return { lockDuration, stalledInterval };
};
