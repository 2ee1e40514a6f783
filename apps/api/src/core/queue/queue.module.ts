import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { AppConfig } from '../config/app-config.service';
import { DEFAULT_JOB_OPTIONS } from './default-job-options';
import { QueueConnections } from './queue-connections';
import { QueueName } from './queue-names';
import { PRODUCER_CONNECTION, WORKER_CONNECTION } from './redis-connection-options';

/** Which process: the API only produces jobs; the worker also consumes them. */
export type QueueRole = 'producer' | 'worker';

/**
 * BullMQ on Redis: connection, default job options and every queue (producers inject them).
 * A BullMQ worker takes its connection options from its queue, so the role decides both: in the API the queues
 * fail fast while Redis is away (PRODUCER_CONNECTION); in the worker process they keep the blocking-safe
 * connection workers need (WORKER_CONNECTION).
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(role: QueueRole = 'producer'): DynamicModule {
    const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));
    return {
      exports: [...queues],
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: { ...(role === 'worker' ? WORKER_CONNECTION : PRODUCER_CONNECTION), url: config.get('REDIS_URL') },
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
            prefix: config.get('REDIS_KEY_PREFIX'),
          }),
        }),
        ...queues,
      ],
      module: QueueModule,
      providers: [QueueConnections],
    };
  }
}
