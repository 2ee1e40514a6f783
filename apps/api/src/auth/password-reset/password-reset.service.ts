import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

import { AuditLogService } from '../../audit-log/audit-log.service';
import { AppConfig } from '../../core/config/app-config.service';
import { DomainException } from '../../core/http/domain.exception';
import { REDIS } from '../../core/redis/redis.module';
import { User } from '../../users/entities/user.entity';
import { localPasswordsDisabled } from '../oidc/local-passwords';
import { hashPassword } from '../password-hasher';
import { randomToken, sha256, TokensService } from '../tokens.service';
import { PasswordResetMailProducer } from './jobs/password-reset-mail.producer';
import { PasswordResetToken } from './password-reset-token.entity';

/** How long an e-mailed link works. */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;
/** Every request is answered after at least this long, so timing does not tell which addresses have accounts. */
const MIN_ANSWER_MS = 400;

const invalid = () => new DomainException('AUTH_PASSWORD_RESET_INVALID', 'The password reset link is invalid, used or expired');

/** "Forgot password" for local accounts (ADR 4): a single-use e-mailed link that ends every session when used. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly audit: AuditLogService,
    private readonly mail: PasswordResetMailProducer,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /**
   * Records a reset for every active local account with this address (one per municipality) and queues the e-mail.
   * Says nothing about whether one exists: the caller answers the same either way, after the same minimum time.
   */
  async request(email: string, ip: string): Promise<void> {
    const started = Date.now();
    await this.throttle(email, ip);
    try {
      const resets = await this.dataSource.transaction(async (manager) => {
        const users = (await manager.query(`SELECT id, tenant_id FROM app_user WHERE email = $1 AND active AND password_hash IS NOT NULL`, [
          email,
        ])) as { id: string; tenant_id: string }[];
        const created: { resetId: string; tenantId: string }[] = [];
        for (const user of users) {
          // A municipality that signs in only through its own provider has no local passwords to reset.
          if (await localPasswordsDisabled(manager, user.tenant_id)) continue;
          // The hash is a placeholder until the worker mints the token it e-mails.
          const row = await manager.save(
            manager.create(PasswordResetToken, {
              expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS),
              tenantId: user.tenant_id,
              tokenHash: sha256(randomToken()),
              userId: user.id,
            }),
          );
          created.push({ resetId: row.id, tenantId: row.tenantId });
        }
        return created;
      });
      for (const reset of resets) {
        try {
          await this.mail.enqueue(reset);
        } catch (error) {
          // The user sees the same answer and can ask again; the link would be valid only 30 minutes anyway.
          this.logger.warn({ err: (error as Error).message, msg: 'could not enqueue password reset mail', resetId: reset.resetId });
        }
      }
    } finally {
      await sleep(Math.max(0, MIN_ANSWER_MS - (Date.now() - started)));
    }
  }

  /** Sets the new password, spends the link (and any other open link of the user) and ends every session at once. */
  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const sessions = await this.dataSource.transaction(async (manager) => {
      const reset = await manager.findOne(PasswordResetToken, {
        lock: { mode: 'pessimistic_write' },
        where: { tokenHash: sha256(token) },
      });
      if (!reset || reset.usedAt || !reset.sentAt || reset.expiresAt.getTime() <= Date.now()) throw invalid();
      const user = await manager.findOne(User, { where: { active: true, id: reset.userId, tenantId: reset.tenantId } });
      if (!user || (await localPasswordsDisabled(manager, reset.tenantId))) throw invalid();
      await manager.update(PasswordResetToken, { id: reset.id }, { usedAt: new Date() });
      await manager.query(
        `UPDATE password_reset_token SET expires_at = now() WHERE tenant_id = $1 AND user_id = $2 AND used_at IS NULL AND expires_at > now()`,
        [reset.tenantId, reset.userId],
      );
      await manager.update(User, { id: reset.userId, tenantId: reset.tenantId }, { passwordHash });
      const revoked = await this.tokens.revokeAllOfUser(manager, reset.tenantId, reset.userId);
      await this.audit.record<{ password: string }>(manager, {
        action: 'update',
        actorUserId: reset.userId,
        after: { password: 'reset by e-mail link' },
        before: { password: 'set' },
        entityId: reset.userId,
        entityType: 'user',
        tenantId: reset.tenantId,
      });
      return revoked;
    });
    await this.tokens.endSessionsAtOnce(sessions);
  }

  /** Counts every request (not only failures, unlike sign-in): per address+IP and, 20×, per IP. */
  private async throttle(email: string, ip: string): Promise<void> {
    const prefix = this.config.get('REDIS_KEY_PREFIX');
    const max = this.config.get('LOGIN_RATE_LIMIT_MAX');
    const window = this.config.get('LOGIN_RATE_LIMIT_WINDOW_SECONDS');
    const keys: [string, number][] = [
      [`${prefix}:password-reset:${sha256(`${email}|${ip}`)}`, max],
      [`${prefix}:password-reset-ip:${sha256(ip)}`, max * 20],
    ];
    const pipeline = this.redis.multi();
    for (const [key] of keys) pipeline.incr(key).expire(key, window, 'NX').ttl(key);
    const results = (await pipeline.exec()) ?? [];
    for (const [index, [, limit]] of keys.entries()) {
      const count = Number(results[index * 3]?.[1] ?? 0);
      const ttl = Number(results[index * 3 + 2]?.[1] ?? window);
      if (count > limit) {
        throw new DomainException('AUTH_RATE_LIMITED', 'Too many password reset requests; try again later', {
          retryAfterSeconds: ttl > 0 ? ttl : window,
        });
      }
    }
  }
}
