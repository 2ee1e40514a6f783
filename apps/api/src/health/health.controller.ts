import type { HealthResponse } from '@helhet/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

import { Public } from '../auth/decorators/public.decorator';
import { QueueName } from '../core/queue/queue-names';
import { REDIS } from '../core/redis/redis.module';
import { missingSchedules } from '../maintenance/maintenance-schedules';

const TIMEOUT_MS = 2_000;

const timed = async <T>(probe: () => Promise<T>): Promise<{ latencyMs: number; value: T }> => {
  const started = Date.now();
  const value = await Promise.race([
    probe(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
  ]);
  return { latencyMs: Date.now() - started, value };
};

/**
 * Liveness for compose, load balancers and `npm start`: 200 when database, Redis and a worker are up; 503 naming what
 * is down. `degraded` (still 200) names recurring jobs missing from Redis.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(QueueName.mail) private readonly mailQueue: Queue,
    @InjectQueue(QueueName.maintenance) private readonly maintenanceQueue: Queue,
  ) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const [database, redis, queues, schedules] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1'))
        .then(({ latencyMs }) => ({ latencyMs, state: 'up' as const }))
        .catch((error: Error) => ({ error: error.message, state: 'down' as const })),
      timed(() => this.redis.ping())
        .then(({ latencyMs }) => ({ latencyMs, state: 'up' as const }))
        .catch((error: Error) => ({ error: error.message, state: 'down' as const })),
      timed(async () => ({
        counts: await this.mailQueue.getJobCounts('waiting', 'failed'),
        workers: await this.mailQueue.getWorkersCount(),
      }))
        .then(({ value }) =>
          value.workers > 0
            ? { failed: value.counts['failed'] ?? 0, state: 'up' as const, waiting: value.counts['waiting'] ?? 0, workers: value.workers }
            : { error: 'no worker is connected', state: 'down' as const, workers: 0 },
        )
        .catch((error: Error) => ({ error: error.message, state: 'down' as const })),
      // The worker registers these (and again when Redis lost them); a missing one means, say, no outbox sweep.
      timed(() => this.maintenanceQueue.getJobSchedulers())
        .then(({ value }) => {
          const missing = missingSchedules(value);
          return missing.length === 0 ? { state: 'up' as const } : { missing, state: 'down' as const };
        })
        .catch((error: Error) => ({ error: error.message, state: 'down' as const })),
    ]);
    const ok = database.state === 'up' && redis.state === 'up' && queues.state === 'up';
    // A missing schedule degrades (200: the API serves requests; monitoring reads `status` and `missing`).
    response.status(ok ? 200 : 503);
    const status = !ok ? 'error' : schedules.state === 'up' ? 'ok' : 'degraded';
    return { components: { database, queues, redis, schedules }, status };
  }
}
