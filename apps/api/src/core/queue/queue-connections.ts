import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';

import { QueueName } from './queue-names';

/** While Redis stays away every reconnection attempt fails again: one line per connection and error per interval. */
const REPEAT_INTERVAL_MS = 30_000;

/**
 * A connection error as one JSON log line (message and code only; never job data). The same error of the same
 * connection is logged again only after REPEAT_INTERVAL_MS, with how many were suppressed in between.
 */
export const logRedisError = (logger: Logger, source: string) => {
  let last: { message: string; at: number } | undefined;
  let suppressed = 0;
  return (error: Error & { code?: string }): void => {
    const now = Date.now();
    if (last && last.message === error.message && now - last.at < REPEAT_INTERVAL_MS) {
      suppressed++;
      return;
    }
    logger.error({ code: error.code, err: error.message, msg: 'redis error', source, suppressed });
    last = { at: now, message: error.message };
    suppressed = 0;
  };
};

/**
 * The Redis connections of the queues: routes the `error` events of every queue and every worker through the JSON
 * logger (without a listener BullMQ writes them to the console, and ioredis prints "Unhandled error event"), and
 * lets the process stop while Redis is away — a producer connection without offline queue cannot send QUIT, and
 * BullMQ rethrows that from `close`, so such connections are disconnected instead.
 */
@Injectable()
export class QueueConnections implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Redis');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    for (const name of Object.values(QueueName)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', logRedisError(this.logger, `queue:${name}`));
    }
  }

  /** Runs before @nestjs/bullmq closes the queues (onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    for (const name of Object.values(QueueName)) {
      const backend = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }).getBackend();
      // `client` resolves once connected; still pending means it never was.
      const client = await Promise.race([backend.client, Promise.resolve(null)]).catch(() => null);
      if (client?.status === 'ready') continue;
      // Forced: disconnect without QUIT. The later `close` of the queue reuses this closing.
      await backend
        .close(true)
        .catch((error: Error) => this.logger.warn({ err: error.message, msg: 'queue connection not closed', queue: name }));
    }
  }

  /** Workers exist once @nestjs/bullmq has explored the processors (module init). */
  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      const worker = instance.worker;
      worker.on('error', logRedisError(this.logger, `worker:${worker.name}`));
    }
  }
}
