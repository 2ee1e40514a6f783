import { PERMISSIONS, permissionsForRole, type SsoOption, type SsoSettingsResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { AuditLogService } from '../../audit-log/audit-log.service';
import { AppConfig } from '../../core/config/app-config.service';
import { DomainException, fieldProblems } from '../../core/http/domain.exception';
import { Tenant } from '../../core/tenancy/tenant.entity';
import type { AuthContext } from '../auth-context';
import { deriveClientSecretKey, openClientSecret, sealClientSecret } from './client-secret.crypto';
import type { SsoSettingsDto } from './sso-settings.dto';
import { TenantSsoSettings } from './tenant-sso-settings.entity';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Settings of a tenant whose SSO is on, with the secret opened: what the sign-in flow needs. */
export interface ActiveSsoSettings {
  tenantId: string;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  matchBy: 'email' | 'employee_number';
  matchClaim: string;
}

/** The one writer of `tenant_sso_settings` (ADR 0016): the tenant admin's configuration and the login page's lookup. */
@Injectable()
export class SsoSettingsService {
  private readonly secretKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {
    this.secretKey = deriveClientSecretKey(config.get('REPORTER_IDENTITY_KEY'));
  }

  redirectUri(): string {
    return `${this.config.get('PUBLIC_URL').replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`;
  }

  async get(auth: AuthContext): Promise<SsoSettingsResponse> {
    this.assertTenantWideAdmin(auth);
    const row = await this.dataSource.getRepository(TenantSsoSettings).findOne({ where: { tenantId: auth.tenantId } });
    return this.toResponse(row);
  }

  async save(auth: AuthContext, dto: SsoSettingsDto): Promise<SsoSettingsResponse> {
    this.assertTenantWideAdmin(auth);
    const saved = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TenantSsoSettings);
      const before = await repository.findOne({ lock: { mode: 'pessimistic_write' }, where: { tenantId: auth.tenantId } });
      const sealed = dto.clientSecret
        ? sealClientSecret(this.secretKey, auth.tenantId, dto.clientSecret)
        : (before?.clientSecretSealed ?? null);
      const problems = [];
      if (dto.enabled && !sealed) problems.push({ field: 'clientSecret', reasons: ['clientSecret is required to turn single sign-on on'] });
      if (dto.localPasswordsDisabled && !dto.enabled)
        problems.push({ field: 'localPasswordsDisabled', reasons: ['local passwords can only be turned off while single sign-on is on'] });
      // http is for a provider on the developer's machine or in tests only (the DTO allows it on loopback hosts).
      if (dto.issuerUrl.startsWith('http://') && this.config.get('NODE_ENV') === 'production')
        problems.push({ field: 'issuerUrl', reasons: ['issuerUrl must use https'] });
      if (dto.matchBy === 'employee_number' && dto.matchClaim === 'email')
        problems.push({ field: 'matchClaim', reasons: ['matchClaim must name the claim that holds the employee number'] });
      if (problems.length > 0) throw fieldProblems(problems);
      const next: TenantSsoSettings = repository.create({
        clientId: dto.clientId,
        clientSecretSealed: sealed,
        emailDomains: [...new Set(dto.emailDomains)].sort(),
        enabled: dto.enabled,
        issuerUrl: dto.issuerUrl,
        localPasswordsDisabled: dto.localPasswordsDisabled,
        matchBy: dto.matchBy,
        matchClaim: dto.matchClaim,
        provider: dto.provider,
        scopes: dto.scopes,
        tenantId: auth.tenantId,
      });
      await repository.save(next);
      await this.audit.record(manager, {
        action: before ? 'update' : 'create',
        actorUserId: auth.userId,
        after: this.auditView(next, Boolean(dto.clientSecret)),
        before: before ? this.auditView(before, false) : null,
        entityId: auth.tenantId,
        entityType: 'tenant_sso_settings',
        tenantId: auth.tenantId,
      });
      return next;
    });
    return this.toResponse(saved);
  }

  /** The tenant's settings with the secret opened, or null when SSO is off or not configured. */
  async active(tenantId: string): Promise<ActiveSsoSettings | null> {
    const row = await this.dataSource.getRepository(TenantSsoSettings).findOne({ where: { enabled: true, tenantId } });
    if (!row?.clientSecretSealed) return null;
    return {
      clientId: row.clientId,
      clientSecret: openClientSecret(this.secretKey, tenantId, row.clientSecretSealed),
      issuerUrl: row.issuerUrl,
      matchBy: row.matchBy,
      matchClaim: row.matchClaim,
      scopes: row.scopes,
      tenantId,
    };
  }

  /** The tenant a start URL names: its id or its four-digit municipality number. */
  async findTenantId(reference: string): Promise<string | null> {
    const where = /^[0-9]{4}$/.test(reference)
      ? { municipalityNumber: reference }
      : /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference)
        ? { id: reference }
        : null;
    if (!where) return null;
    const tenant = await this.dataSource.getRepository(Tenant).findOne({ select: { id: true }, where });
    return tenant?.id ?? null;
  }

  /** The SSO buttons for an e-mail domain (or address): tenants with SSO on that list it. Public (the login page). */
  async optionsFor(domainOrEmail: string): Promise<SsoOption[]> {
    const domain = domainOrEmail.trim().toLowerCase().split('@').pop() ?? '';
    if (!domain) return [];
    const rows = (await this.dataSource.query(
      `SELECT t.name, t.municipality_number, s.provider, s.local_passwords_disabled
         FROM tenant_sso_settings s JOIN tenant t ON t.id = s.tenant_id
        WHERE s.enabled AND s.client_secret_sealed IS NOT NULL AND $1 = ANY (s.email_domains)
        ORDER BY t.name`,
      [domain],
    )) as { name: string; municipality_number: string; provider: SsoOption['provider']; local_passwords_disabled: boolean }[];
    return rows.map((row) => ({
      localPasswordsDisabled: row.local_passwords_disabled,
      municipalityNumber: row.municipality_number,
      provider: row.provider,
      startUrl: `/api/auth/oidc/${row.municipality_number}/start`,
      tenantName: row.name,
    }));
  }

  /** SSO configuration is tenant-wide: the caller must manage users from the root unit (the tenant admin). */
  private assertTenantWideAdmin(auth: AuthContext): void {
    const allowed = auth.grants.some(
      (grant) => !grant.path.includes('.') && permissionsForRole(grant.role).includes(PERMISSIONS.usersManage),
    );
    if (!allowed)
      throw new DomainException('FORBIDDEN', 'Single sign-on is configured by the tenant administrator of the whole municipality');
  }

  private auditView(row: TenantSsoSettings, secretChanged: boolean): Record<string, string | boolean> {
    return {
      clientId: row.clientId,
      clientSecret: row.clientSecretSealed ? (secretChanged ? 'changed' : 'set') : 'not set',
      emailDomains: row.emailDomains.join(' '),
      enabled: row.enabled,
      issuerUrl: row.issuerUrl,
      localPasswordsDisabled: row.localPasswordsDisabled,
      matchBy: row.matchBy,
      matchClaim: row.matchClaim,
      provider: row.provider,
      scopes: row.scopes,
    };
  }

  private toResponse(row: TenantSsoSettings | null): SsoSettingsResponse {
    return {
      clientId: row?.clientId ?? '',
      clientSecretSet: Boolean(row?.clientSecretSealed),
      emailDomains: row?.emailDomains ?? [],
      enabled: row?.enabled ?? false,
      issuerUrl: row?.issuerUrl ?? '',
      localPasswordsDisabled: row?.localPasswordsDisabled ?? false,
      matchBy: row?.matchBy ?? 'email',
      matchClaim: row?.matchClaim ?? 'email',
      provider: row?.provider ?? 'generic',
      redirectUri: this.redirectUri(),
      scopes: row?.scopes ?? 'openid email profile',
    };
  }
}
