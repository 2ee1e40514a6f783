import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { AppConfig } from '../core/config/app-config.service';
import { DomainException } from '../core/http/domain.exception';
import { REDIS } from '../core/redis/redis.module';
import { sha256 } from './tokens.service';

/**
 * Fixed-window throttle of failed sign-ins in Redis, shared by every API instance: per e-mail+IP, and
 * per IP with a 20× budget against password spraying. Successful sign-ins do not count, so a whole
 * town hall behind one NAT address can sign in at 08:00.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Refuses with 429 when either budget is spent. Call before checking the password. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const counts = await this.redis.mget(...keys.map(([key]) => key));
    for (const [index, [key, limit]] of keys.entries()) {
      if (Number(counts[index] ?? 0) >= limit) {
        const ttl = await this.redis.ttl(key);
        throw new DomainException('AUTH_RATE_LIMITED', 'Too many failed sign-in attempts; try again later', {
          retryAfterSeconds: ttl > 0 ? ttl : this.config.get('LOGIN_RATE_LIMIT_WINDOW_SECONDS'),
        });
      }
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.get('LOGIN_RATE_LIMIT_WINDOW_SECONDS');
    const pipeline = this.redis.multi();
    for (const [key] of this.keys(email, ip)) pipeline.incr(key).expire(key, window, 'NX');
    await pipeline.exec();
  }

  private keys(email: string, ip: string): [string, number][] {
    const prefix = this.config.get('REDIS_KEY_PREFIX');
    const max = this.config.get('LOGIN_RATE_LIMIT_MAX');
    return [
      [`${prefix}:login-fail:${sha256(`${email}|${ip}`)}`, max],
      [`${prefix}:login-fail-ip:${sha256(ip)}`, max * 20],
    ];
  }
}
