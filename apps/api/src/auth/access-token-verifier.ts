import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { DomainException } from '../core/http/domain.exception';
import type { AuthContext } from './auth-context';
import { GrantsService } from './grants.service';
import { SessionRevocation } from './session-revocation';
import type { AccessTokenPayload } from './tokens.service';

/**
 * Turns an access token into the caller's AuthContext: a valid signature, a session that is not revoked (one Redis
 * GET, in parallel with the grants query) and an active user. JwtAuthGuard and the few public routes that accept an
 * optional session use it, so every path honours logout and revocation (ADR 4).
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly grants: GrantsService,
    private readonly revocation: SessionRevocation,
  ) {}

  async verify(token: string): Promise<AuthContext & { sessionId: string }> {
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new DomainException('AUTH_UNAUTHENTICATED', 'Access token invalid or expired');
    }
    // Tokens without a session id predate revocation checks; they cannot be revoked, so they are refused.
    if (typeof payload.sid !== 'string') throw new DomainException('AUTH_UNAUTHENTICATED', 'Access token invalid or expired');
    const [state, auth] = await Promise.all([this.revocation.state(payload.sid), this.grants.contextFor(payload.sub, payload.tid)]);
    if (state === 'revoked') throw new DomainException('AUTH_UNAUTHENTICATED', 'Session ended');
    if (!auth) throw new DomainException('AUTH_UNAUTHENTICATED', 'User is not active');
    return { ...auth, sessionId: payload.sid };
  }
}
