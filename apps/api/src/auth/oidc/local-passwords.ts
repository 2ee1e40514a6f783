import type { EntityManager } from 'typeorm';

import { TenantSsoSettings } from './tenant-sso-settings.entity';

/**
 * True when the tenant has turned local passwords off (its users sign in through the municipality's provider only);
 * `POST /api/auth/login` then refuses them with AUTH_LOCAL_LOGIN_DISABLED, after the password was checked, so the
 * answer says nothing about addresses whose password the caller does not know.
 */
export const localPasswordsDisabled = async (manager: EntityManager, tenantId: string): Promise<boolean> =>
  (await manager.getRepository(TenantSsoSettings).count({ where: { localPasswordsDisabled: true, tenantId } })) > 0;
