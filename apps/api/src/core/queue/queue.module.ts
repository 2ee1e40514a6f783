import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';

import { AppConfig } from '../config/app-config.service';
import { DEFAULT_JOB_OPTIONS } from './default-job-options';
import { QueueName } from './queue-names';

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

/** BullMQ on Redis: connection, default job options and every queue (producers inject them). */
@Global()
@Module({
  exports: [...queues],
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Workers need maxRetriesPerRequest: null (blocking commands).
        connection: { maxRetriesPerRequest: null, url: config.get('REDIS_URL') },
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
        prefix: config.get('REDIS_KEY_PREFIX'),
      }),
    }),
    ...queues,
  ],
})
export class QueueModule {}
