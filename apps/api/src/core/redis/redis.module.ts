import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

import { AppConfig } from '../config/app-config.service';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared ioredis client for rate limits and health checks (BullMQ opens its own connections). */
@Global()
@Module({
  exports: [REDIS],
  providers: [
    {
      inject: [AppConfig],
      provide: REDIS,
      useFactory: (config: AppConfig) => new Redis(config.get('REDIS_URL'), { lazyConnect: false, maxRetriesPerRequest: 2 }),
    },
    RedisShutdown,
  ],
})
export class RedisModule {}
