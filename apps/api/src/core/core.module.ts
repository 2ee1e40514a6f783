import { type DynamicModule, Module } from '@nestjs/common';

import { ConfigModule } from './config/config.module';
import type { EnvironmentVariables } from './config/environment-variables';
import { DatabaseModule } from './database/database.module';
import { MailModule } from './mail/mail.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/** Infrastructure shared by the API and the worker. */
@Module({})
export class CoreModule {
  static forRoot(config?: EnvironmentVariables): DynamicModule {
    return {
      exports: [MailModule],
      imports: [ConfigModule.forRoot(config), DatabaseModule, MailModule, QueueModule, RedisModule],
      module: CoreModule,
    };
  }
}
