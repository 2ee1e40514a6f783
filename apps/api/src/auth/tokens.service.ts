import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';

import { AppConfig } from '../core/config/app-config.service';
import { DomainException } from '../core/http/domain.exception';
import { RefreshToken } from './entities/refresh-token.entity';

export interface AccessTokenPayload {
  sub: string;
  tid: string;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  csrfToken: string;
}

const ROTATION_GRACE_MS = 10_000;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Short-lived JWT access tokens and rotating, hashed refresh tokens with reuse detection. */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async issue(user: { id: string; tenantId: string }, familyId: string = randomUUID(), manager?: EntityManager): Promise<IssuedTokens> {
    const ttl = this.config.get('ACCESS_TOKEN_TTL_SECONDS');
    const payload: AccessTokenPayload = { sub: user.id, tid: user.tenantId };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: ttl });
    const refreshToken = randomToken();
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.get('REFRESH_TOKEN_TTL_DAYS') * 86_400_000);
    await (manager ?? this.dataSource.manager).insert(RefreshToken, {
      expiresAt: refreshTokenExpiresAt,
      familyId,
      tenantId: user.tenantId,
      tokenHash: sha256(refreshToken),
      userId: user.id,
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + ttl * 1000),
      csrfToken: randomToken(),
      refreshToken,
      refreshTokenExpiresAt,
    };
  }

  /** Exchanges a refresh token for new tokens. A rotated or revoked token revokes its whole family. */
  async rotate(refreshToken: string): Promise<{ tokens: IssuedTokens; userId: string; tenantId: string }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(RefreshToken, {
        lock: { mode: 'pessimistic_write' },
        where: { tokenHash: sha256(refreshToken) },
      });
      if (!current || current.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      // Two tabs refreshing at once both present the same token: allow a short grace after rotation.
      const withinGrace = current.rotatedAt !== null && Date.now() - current.rotatedAt.getTime() < ROTATION_GRACE_MS;
      if (current.revokedAt || (current.rotatedAt && !withinGrace)) {
        await manager.update(RefreshToken, { familyId: current.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return { kind: 'reused' as const };
      }
      if (!current.rotatedAt) await manager.update(RefreshToken, { id: current.id }, { rotatedAt: new Date() });
      const tokens = await this.issue({ id: current.userId, tenantId: current.tenantId }, current.familyId, manager);
      return { kind: 'rotated' as const, tenantId: current.tenantId, tokens, userId: current.userId };
    });
    // Thrown after commit, so a detected reuse really revokes the family.
    if (outcome.kind === 'invalid') throw new DomainException('AUTH_REFRESH_INVALID', 'Refresh token invalid or expired');
    if (outcome.kind === 'reused') throw new DomainException('AUTH_REFRESH_INVALID', 'Refresh token reused; session revoked');
    return outcome;
  }

  async revokeFamilyOf(refreshToken: string): Promise<void> {
    const current = await this.dataSource.manager.findOne(RefreshToken, { where: { tokenHash: sha256(refreshToken) } });
    if (current) {
      await this.dataSource.manager.update(RefreshToken, { familyId: current.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
  }
}
