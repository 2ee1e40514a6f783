import type { WorkerOptions } from 'bullmq';

const positiveInt = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

/**
 * Lock and stall detection of BullMQ workers. A job whose worker died is picked up again once its lock
 * expires (WORKER_LOCK_DURATION_MS, default 30 s). Read from the environment when the processor class
 * loads, because decorator options are static; validated again by EnvironmentVariables at start.
 */
export const workerOptions = (): Partial<WorkerOptions> => {
  const lockDuration = positiveInt(process.env['WORKER_LOCK_DURATION_MS'], 30_000);
  return { lockDuration, stalledInterval: lockDuration };
};
