import type { RedisOptions } from 'ioredis';

/**
 * Connection of a producer (the API's queues, the shared client): a command fails at once while Redis is
 * unreachable instead of waiting in ioredis' offline queue for the whole outage (`enableOfflineQueue: false`),
 * and a command in flight when the connection drops is retried once (`maxRetriesPerRequest: 1`). Callers catch
 * and leave the rest to the outbox sweep (ADR 0006).
 */
export const PRODUCER_CONNECTION: Pick<RedisOptions, 'enableOfflineQueue' | 'maxRetriesPerRequest'> = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
};

/** Connection of the worker process: BullMQ's blocking commands need `maxRetriesPerRequest: null`. */
export const WORKER_CONNECTION: Pick<RedisOptions, 'maxRetriesPerRequest'> = { maxRetriesPerRequest: null };

/**
 * BullMQ waits for a connection that never became ready (Redis down when the process started) however the
 * client is configured; a producer gives up after this long.
 */
export const ENQUEUE_TIMEOUT_MS = 1_500;

export class EnqueueTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not accept the job within ${ms} ms`);
    this.name = 'EnqueueTimeoutError';
  }
}

/** `work` or an EnqueueTimeoutError after `ms`; the timer never keeps the process alive. */
export const withEnqueueTimeout = async <T>(work: Promise<T>, ms = ENQUEUE_TIMEOUT_MS): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new EnqueueTimeoutError(ms)), ms);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
    // A late rejection of the abandoned work must not become an unhandled rejection.
    work.catch(() => undefined);
  }
};
