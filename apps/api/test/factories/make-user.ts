import type { MeResponse, Role } from '@helhet/shared';
import type { DataSource } from 'typeorm';

import { hashPassword } from '../../src/auth/password-hasher';
import { Session } from '../utils/session';
import { uniqueSuffix } from './unique';

/** The password of every user a factory makes (hashed once per test file). */
export const FACTORY_PASSWORD = 'Factory-user-2026!';
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  primaryOrgUnitId: string | null;
}

export interface RoleGrant {
  role: Role;
  orgUnitId: string;
  includeDescendants?: boolean;
  validFrom?: string;
  validTo?: string | null;
}

export interface MakeUserOptions {
  tenantId: string;
  /** Unit the user belongs to; the user is also granted `employee` there unless `employee: false`. */
  primaryOrgUnitId?: string | null;
  employee?: boolean;
  name?: string;
  /** Without a password the user cannot sign in (an invitable user). */
  password?: boolean;
  roles?: RoleGrant[];
  /** Units this user is the formal leader of (org_unit.leader_user_id). */
  leaderOf?: string[];
}

export type SignedIn = Session & { me: MeResponse };

/** A user of its own (unique e-mail), with role assignments, optionally the formal leader of some units. */
export const makeUser = async (dataSource: DataSource, options: MakeUserOptions): Promise<TestUser> => {
  const suffix = uniqueSuffix();
  const name = options.name ?? `Testperson ${suffix}`;
  const email = `test.${suffix}@tester.helhet.no`;
  const hash = options.password === false ? null : await (passwordHash ??= hashPassword(FACTORY_PASSWORD));
  const primaryOrgUnitId = options.primaryOrgUnitId ?? null;
  const [row] = (await dataSource.query(
    `INSERT INTO app_user (tenant_id, email, name, password_hash, primary_org_unit_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [options.tenantId, email, name, hash, primaryOrgUnitId],
  )) as { id: string }[];
  if (!row) throw new Error('app_user insert returned no row');
  const roles: RoleGrant[] = [...(options.roles ?? [])];
  if (primaryOrgUnitId && options.employee !== false)
    roles.push({ includeDescendants: false, orgUnitId: primaryOrgUnitId, role: 'employee' });
  for (const grant of roles) await grantRole(dataSource, { tenantId: options.tenantId, userId: row.id, ...grant });
  for (const unitId of options.leaderOf ?? [])
    await dataSource.query(`UPDATE org_unit SET leader_user_id = $1 WHERE id = $2 AND tenant_id = $3`, [row.id, unitId, options.tenantId]);
  return { email, id: row.id, name, primaryOrgUnitId, tenantId: options.tenantId };
};

export const grantRole = async (dataSource: DataSource, grant: RoleGrant & { tenantId: string; userId: string }): Promise<void> => {
  await dataSource.query(
    `INSERT INTO role_assignment (tenant_id, user_id, role, org_unit_id, include_descendants, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, COALESCE($6::date, CURRENT_DATE - 1), $7)`,
    [
      grant.tenantId,
      grant.userId,
      grant.role,
      grant.orgUnitId,
      grant.includeDescendants ?? true,
      grant.validFrom ?? null,
      grant.validTo ?? null,
    ],
  );
};

/** Signs a factory user in over HTTP (cookies + CSRF, see utils/session.ts). */
export const signIn = (baseUrl: string, user: Pick<TestUser, 'email'>): Promise<SignedIn> =>
  Session.login(baseUrl, user.email, FACTORY_PASSWORD);
