import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

import { AppConfig } from '../config/app-config.service';
import { logRedisError } from '../queue/queue-connections';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * One shared ioredis client for rate limits and health checks (BullMQ opens its own connections). While Redis is
 * unreachable a command fails after one reconnection attempt (at most about 2 s; the offline queue stays on so
 * commands sent while the client first connects are not lost), and the error maps to 503 (core/http/outage-errors.ts).
 * Connection errors go to the JSON log.
 */
@Global()
@Module({
  exports: [REDIS],
  providers: [
    {
      inject: [AppConfig],
      provide: REDIS,
      useFactory: (config: AppConfig) => {
        const redis = new Redis(config.get('REDIS_URL'), { lazyConnect: false, maxRetriesPerRequest: 1 });
        redis.on('error', logRedisError(new Logger('Redis'), 'shared-client'));
        return redis;
      },
    },
    RedisShutdown,
  ],
})
export class RedisModule {}
