import { createHash, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';

import { AppConfig } from '../core/config/app-config.service';
import { DomainException } from '../core/http/domain.exception';
import { RefreshToken } from './entities/refresh-token.entity';
import { SessionRevocation } from './session-revocation';

export interface AccessTokenPayload {
  sub: string;
  tid: string;
  /** The session: the refresh token family. Checked against revocations on every request. */
  sid: string;
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

/**
 * Short-lived JWT access tokens and rotating, hashed refresh tokens with reuse detection. The access token names its
 * session (the refresh family, `sid`); revoking a session also tells SessionRevocation, so access ends at once. The
 * CSRF token is an HMAC of the session id, so a cookie planted by someone else does not pass (ADR 4).
 */
@Injectable()
export class TokensService {
  private readonly csrfKey: Buffer;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly revocation: SessionRevocation,
  ) {
    // A key of its own, derived from the JWT secret: no new secret to configure, and rotating JWT_SECRET rotates it.
    this.csrfKey = Buffer.from(hkdfSync('sha256', config.get('JWT_SECRET'), 'helhet', 'helhet-csrf-v1', 32));
  }

  async issue(user: { id: string; tenantId: string }, familyId: string = randomUUID(), manager?: EntityManager): Promise<IssuedTokens> {
    const ttl = this.config.get('ACCESS_TOKEN_TTL_SECONDS');
    const payload: AccessTokenPayload = { sid: familyId, sub: user.id, tid: user.tenantId };
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
      csrfToken: this.csrfTokenFor(familyId),
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
        return { familyId: current.familyId, kind: 'reused' as const };
      }
      if (!current.rotatedAt) await manager.update(RefreshToken, { id: current.id }, { rotatedAt: new Date() });
      const tokens = await this.issue({ id: current.userId, tenantId: current.tenantId }, current.familyId, manager);
      return { kind: 'rotated' as const, tenantId: current.tenantId, tokens, userId: current.userId };
    });
    // Thrown after commit, so a detected reuse really revokes the family.
    if (outcome.kind === 'invalid') throw new DomainException('AUTH_REFRESH_INVALID', 'Refresh token invalid or expired');
    if (outcome.kind === 'reused') {
      await this.revocation.revoke([outcome.familyId]);
      throw new DomainException('AUTH_REFRESH_INVALID', 'Refresh token reused; session revoked');
    }
    return outcome;
  }

  async revokeFamilyOf(refreshToken: string): Promise<void> {
    const familyId = await this.familyIdOf(refreshToken);
    if (familyId) {
      await this.dataSource.manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.revocation.revoke([familyId]);
    }
  }

  /**
   * Revokes every session of a user in the caller's transaction and returns their ids. Call
   * `endSessionsAtOnce(ids)` after the commit so their access tokens stop working too.
   */
  async revokeAllOfUser(manager: EntityManager, tenantId: string, userId: string): Promise<string[]> {
    const rows = (await manager.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()
       RETURNING family_id`,
      [tenantId, userId],
    )) as [{ family_id: string }[], number];
    return [...new Set(rows[0].map((row) => row.family_id))];
  }

  endSessionsAtOnce(sessionIds: readonly string[]): Promise<void> {
    return this.revocation.revoke(sessionIds);
  }

  /** The session (family) of a refresh token, or undefined when unknown. */
  async familyIdOf(refreshToken: string): Promise<string | undefined> {
    const current = await this.dataSource.manager.findOne(RefreshToken, {
      select: { familyId: true, id: true },
      where: { tokenHash: sha256(refreshToken) },
    });
    return current?.familyId;
  }

  csrfTokenFor(sessionId: string): string {
    return createHmac('sha256', this.csrfKey).update(sessionId).digest('base64url');
  }

  /** Constant-time check that `candidate` is this session's CSRF token. */
  csrfTokenMatches(sessionId: string, candidate: string): boolean {
    const expected = Buffer.from(this.csrfTokenFor(sessionId));
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
