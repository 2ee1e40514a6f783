import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { AppConfig } from '../core/config/app-config.service';
import { REDIS } from '../core/redis/redis.module';

/** How long a revocation check may wait for Redis before the request goes on without it. */
const CHECK_TIMEOUT_MS = 250;
/** Margin on the key's lifetime for clock skew between API instances. */
const TTL_MARGIN_SECONDS = 60;

export type RevocationState = 'alive' | 'revoked' | 'unknown';

/**
 * Ends sessions at once (ADR 4): a revoked session (refresh token family) gets a Redis key that lives as long as its
 * last access token can, and JwtAuthGuard checks that key on every request — one GET, no database query. When Redis
 * cannot answer the check says 'unknown' and the guard lets the request through (the refresh path still checks the
 * database), so an outage does not take the API down; revocations written during an outage are lost to Redis only.
 */
@Injectable()
export class SessionRevocation {
  private readonly logger = new Logger(SessionRevocation.name);
  private lastWarnAt = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Marks sessions revoked. Never throws: the database revocation is the source of truth for refresh. */
  async revoke(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const ttl = this.config.get('ACCESS_TOKEN_TTL_SECONDS') + TTL_MARGIN_SECONDS;
    try {
      const pipeline = this.redis.multi();
      for (const id of new Set(sessionIds)) pipeline.set(this.key(id), '1', 'EX', ttl);
      await pipeline.exec();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, msg: 'could not record session revocation in Redis', sessions: sessionIds.length });
    }
  }

  async state(sessionId: string): Promise<RevocationState> {
    if (this.redis.status !== 'ready') return this.unknown('redis not ready');
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await Promise.race([
        this.redis.exists(this.key(sessionId)),
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CHECK_TIMEOUT_MS))),
      ]);
      if (value === 'timeout') return this.unknown('redis timeout');
      return value > 0 ? 'revoked' : 'alive';
    } catch (error) {
      return this.unknown((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  private unknown(reason: string): 'unknown' {
    if (Date.now() - this.lastWarnAt > 60_000) {
      this.lastWarnAt = Date.now();
      this.logger.warn({ msg: 'session revocation check skipped (Redis unavailable)', reason });
    }
    return 'unknown';
  }

  private key(sessionId: string): string {
    return `${this.config.get('REDIS_KEY_PREFIX')}:session-revoked:${sessionId}`;
  }
}
