import { type MeResponse, permissionsForRoles } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import { DomainException } from '../core/http/domain.exception';
import { Tenant } from '../core/tenancy/tenant.entity';
import { OrgDirectory } from '../organisation/org-directory';
import { User } from '../users/entities/user.entity';
import { toRoleAssignmentResponses } from '../users/user.mapper';
import { Invitation } from './entities/invitation.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { localPasswordsDisabled } from './oidc/local-passwords';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher';
import { type IssuedTokens, sha256, TokensService } from './tokens.service';

/** Local accounts. A second provider (OpenID Connect / Entra ID) ends in the same `signIn(user)`. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly audit: AuditLogService,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  async loginWithPassword(email: string, password: string, ip: string): Promise<{ me: MeResponse; tokens: IssuedTokens }> {
    await this.rateLimiter.assertAllowed(email, ip);
    const candidates = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email AND user.active', { email })
      .getMany();
    let singleSignOnOnly = false;
    for (const user of candidates) {
      if (user.passwordHash && (await verifyPassword(user.passwordHash, password))) {
        if (!(await localPasswordsDisabled(this.dataSource.manager, user.tenantId))) return this.signIn(user);
        singleSignOnOnly = true;
      }
    }
    if (singleSignOnOnly)
      throw new DomainException('AUTH_LOCAL_LOGIN_DISABLED', 'This municipality signs in through its own provider (single sign-on)');
    if (candidates.length === 0) await verifyAgainstDummy(password);
    await this.rateLimiter.recordFailure(email, ip);
    throw new DomainException('AUTH_INVALID_CREDENTIALS', 'Wrong e-mail or password');
  }

  /** The provider-independent half of signing in: issue tokens, stamp last login, describe the user. */
  async signIn(user: User): Promise<{ me: MeResponse; tokens: IssuedTokens }> {
    const tokens = await this.tokens.issue(user);
    await this.dataSource.getRepository(User).update({ id: user.id }, { lastLoginAt: new Date() });
    return { me: await this.me(user.id, user.tenantId, tokens.accessTokenExpiresAt), tokens };
  }

  async refresh(refreshToken: string | undefined): Promise<{ me: MeResponse; tokens: IssuedTokens }> {
    if (!refreshToken) throw new DomainException('AUTH_REFRESH_INVALID', 'No refresh token');
    const { tokens, userId, tenantId } = await this.tokens.rotate(refreshToken);
    return { me: await this.me(userId, tenantId, tokens.accessTokenExpiresAt), tokens };
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await this.tokens.revokeFamilyOf(refreshToken);
  }

  async me(userId: string, tenantId: string, accessTokenExpiresAt: Date): Promise<MeResponse> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId, tenantId } });
    const tenant = await this.dataSource.getRepository(Tenant).findOne({ where: { id: tenantId } });
    if (!user || !tenant || !user.active) throw new DomainException('AUTH_UNAUTHENTICATED', 'User is not active');
    const roles = await toRoleAssignmentResponses(this.dataSource.manager, this.orgDirectory, tenantId, [userId], {
      activeOnly: true,
    });
    return {
      accessTokenExpiresAt: accessTokenExpiresAt.toISOString(),
      email: user.email,
      id: user.id,
      locale: user.locale,
      name: user.name,
      permissions: permissionsForRoles(roles.map((role) => role.role)),
      primaryOrgUnitId: user.primaryOrgUnitId,
      roles,
      tenant: { id: tenant.id, municipalityNumber: tenant.municipalityNumber, name: tenant.name },
    };
  }

  /** Sets the password from an invitation link; the invitation is single-use and expires. */
  async acceptInvitation(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(Invitation, {
        lock: { mode: 'pessimistic_write' },
        where: { tokenHash: sha256(token) },
      });
      if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) {
        throw new DomainException('AUTH_INVITATION_INVALID', 'The invitation link is invalid or has expired');
      }
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: new Date() });
      await manager.update(User, { id: invitation.userId, tenantId: invitation.tenantId }, { passwordHash });
      await this.audit.record<{ password: string | null }>(manager, {
        action: 'update',
        actorUserId: invitation.userId,
        after: { password: 'set' },
        before: { password: null },
        entityId: invitation.userId,
        entityType: 'user',
        tenantId: invitation.tenantId,
      });
    });
  }
}
