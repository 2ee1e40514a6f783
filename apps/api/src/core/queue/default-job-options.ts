import type { JobsOptions } from 'bullmq';

/** Retries with exponential backoff (5 s, 10 s, 20 s, …); failed jobs are kept for administrators. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { delay: 5_000, type: 'exponential' },
  removeOnComplete: { age: 7 * 86_400, count: 10_000 },
  removeOnFail: false,
};
