import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { AppConfig } from '../core/config/app-config.service';
import { DomainException } from '../core/http/domain.exception';
import { REDIS } from '../core/redis/redis.module';
import { sha256 } from './tokens.service';

/**
 * Fixed-window login throttle in Redis, shared by every API instance: per e-mail+IP, and per IP with a
 * 10× larger budget (password spraying). Failed and successful attempts both count.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async consume(email: string, ip: string): Promise<void> {
    const max = this.config.get('LOGIN_RATE_LIMIT_MAX');
    const window = this.config.get('LOGIN_RATE_LIMIT_WINDOW_SECONDS');
    const prefix = this.config.get('REDIS_KEY_PREFIX');
    const keys: [string, number][] = [
      [`${prefix}:login:${sha256(`${email}|${ip}`)}`, max],
      [`${prefix}:login-ip:${sha256(ip)}`, max * 10],
    ];
    for (const [key, limit] of keys) {
      const [[, count], [, ttl]] = (await this.redis.multi().incr(key).ttl(key).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await this.redis.expire(key, window);
      if (count > limit) {
        throw new DomainException('AUTH_RATE_LIMITED', 'Too many sign-in attempts; try again later', {
          retryAfterSeconds: ttl > 0 ? ttl : window,
        });
      }
    }
  }
}
