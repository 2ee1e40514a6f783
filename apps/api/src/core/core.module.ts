import { type DynamicModule, Module } from '@nestjs/common';

import { ConfigModule } from './config/config.module';
import type { EnvironmentVariables } from './config/environment-variables';
import { DatabaseModule } from './database/database.module';
import { MailModule } from './mail/mail.module';
import { QueueModule, type QueueRole } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/** Infrastructure shared by the API and the worker. */
@Module({})
export class CoreModule {
  /** `role`: the API only produces jobs (queues fail fast while Redis is away); the worker also consumes them. */
  static forRoot(config?: EnvironmentVariables, role: QueueRole = 'producer'): DynamicModule {
    return {
      exports: [MailModule],
      imports: [ConfigModule.forRoot(config), DatabaseModule, MailModule, QueueModule.forRoot(role), RedisModule],
      module: CoreModule,
    };
  }
}
