import type { DataSource, QueryRunner } from 'typeorm';

import { hashPassword } from '../auth/password-hasher';
import { ensureDefaultIncidentCategories } from '../incidents/default-categories';
import { ensureDefaultScaleSets } from '../risk/default-scale-sets';
import { seedDemoIncidents } from './demo-incidents';
import { DEMO_PASSWORD } from './demo-logins.constants';
import { generateDemoMunicipality } from './demo-municipality.generator';
import type { DemoMunicipalityOptions } from './demo-municipality.types';
import { seedDemoRiskAnalyses } from './demo-risk-analyses';

export interface SeedReport {
  tenantId: string;
  options: Required<DemoMunicipalityOptions>;
  counts: {
    orgUnits: number;
    users: number;
    roleAssignments: number;
    delegations: number;
    auditLogEntries: number;
    incidents: number;
    riskAnalyses: number;
  };
  timings: { generateMs: number; hashMs: number; insertMs: number; analyzeMs: number };
}

/** Rows per INSERT … SELECT FROM unnest(…) statement. */
const CHUNK_SIZE = 1000;

interface Column<T> {
  name: string;
  /** PostgreSQL element type; the parameter is sent as an array of it. */
  type: string;
  value: (row: T) => unknown;
}

/** Multi-row insert: one statement per chunk, one array parameter per column. */
const bulkInsert = async <T>(runner: QueryRunner, table: string, columns: readonly Column<T>[], rows: readonly T[]): Promise<void> => {
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = rows.slice(start, start + CHUNK_SIZE);
    await runner.query(
      sql,
      columns.map((column) => chunk.map(column.value)),
    );
  }
};

const since = (start: number): number => Math.round(performance.now() - start);

/**
 * Inserts a generated demo municipality (see generateDemoMunicipality) in one transaction, in foreign-key
 * order: tenant, org units (without leaders), users, leaders (one bulk UPDATE), role assignments,
 * delegations, and one audit row for the seed itself (a system action: no actor). Demo logins get the
 * shared demo password (argon2id, hashed once); everyone else has no password and would be invited.
 */
export const seedDemoMunicipality = async (dataSource: DataSource, options: DemoMunicipalityOptions = {}): Promise<SeedReport> => {
  let started = performance.now();
  const demo = generateDemoMunicipality(options);
  const generateMs = since(started);

  started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const hashMs = since(started);

  started = performance.now();
  const runner = dataSource.createQueryRunner();
  let incidents = 0;
  let riskAnalyses = 0;
  await runner.connect();
  try {
    await runner.startTransaction();
    const { tenant } = demo;
    const existing = (await runner.query(`SELECT 1 FROM "tenant" WHERE "municipality_number" = $1`, [
      tenant.municipalityNumber,
    ])) as unknown[];
    if (existing.length > 0) {
      throw new Error(
        `${tenant.name} (${tenant.municipalityNumber}) is already seeded in this database; use a fresh database (or --if-empty to skip)`,
      );
    }
    await runner.query(
      `INSERT INTO "tenant" ("id", "municipality_number", "name", "org_number", "governance_model") VALUES ($1, $2, $3, $4, $5)`,
      [tenant.id, tenant.municipalityNumber, tenant.name, tenant.orgNumber, tenant.governanceModel],
    );
    await bulkInsert(
      runner,
      'org_unit',
      [
        { name: 'id', type: 'uuid', value: (u) => u.id },
        { name: 'tenant_id', type: 'uuid', value: (u) => u.tenantId },
        { name: 'parent_id', type: 'uuid', value: (u) => u.parentId },
        { name: 'path', type: 'ltree', value: (u) => u.path },
        { name: 'code', type: 'varchar', value: (u) => u.code },
        { name: 'name', type: 'varchar', value: (u) => u.name },
        { name: 'level_type', type: 'varchar', value: (u) => u.levelType },
        { name: 'service_type', type: 'varchar', value: (u) => u.serviceType },
        { name: 'valid_from', type: 'date', value: (u) => u.validFrom },
        { name: 'valid_to', type: 'date', value: (u) => u.validTo },
        { name: 'headcount', type: 'int4', value: (u) => u.headcount },
      ],
      demo.orgUnits,
    );
    await bulkInsert(
      runner,
      'app_user',
      [
        { name: 'id', type: 'uuid', value: (u) => u.id },
        { name: 'tenant_id', type: 'uuid', value: (u) => u.tenantId },
        { name: 'email', type: 'varchar', value: (u) => u.email },
        { name: 'name', type: 'varchar', value: (u) => u.name },
        { name: 'password_hash', type: 'varchar', value: (u) => (u.isDemoLogin ? passwordHash : null) },
        { name: 'employee_number', type: 'varchar', value: (u) => u.employeeNumber },
        { name: 'primary_org_unit_id', type: 'uuid', value: (u) => u.primaryOrgUnitId },
        { name: 'locale', type: 'varchar', value: (u) => u.locale },
      ],
      demo.users,
    );
    for (let start = 0; start < demo.orgUnits.length; start += CHUNK_SIZE) {
      const chunk = demo.orgUnits.slice(start, start + CHUNK_SIZE);
      await runner.query(
        `UPDATE "org_unit" SET "leader_user_id" = t.leader FROM unnest($1::uuid[], $2::uuid[]) AS t(id, leader) WHERE "org_unit"."id" = t.id`,
        [chunk.map((u) => u.id), chunk.map((u) => u.leaderUserId)],
      );
    }
    await bulkInsert(
      runner,
      'role_assignment',
      [
        { name: 'id', type: 'uuid', value: (r) => r.id },
        { name: 'tenant_id', type: 'uuid', value: (r) => r.tenantId },
        { name: 'user_id', type: 'uuid', value: (r) => r.userId },
        { name: 'role', type: 'varchar', value: (r) => r.role },
        { name: 'org_unit_id', type: 'uuid', value: (r) => r.orgUnitId },
        { name: 'include_descendants', type: 'bool', value: (r) => r.includeDescendants },
        { name: 'valid_from', type: 'date', value: (r) => r.validFrom },
        { name: 'valid_to', type: 'date', value: (r) => r.validTo },
      ],
      demo.roleAssignments,
    );
    await bulkInsert(
      runner,
      'delegation',
      [
        { name: 'id', type: 'uuid', value: (d) => d.id },
        { name: 'tenant_id', type: 'uuid', value: (d) => d.tenantId },
        { name: 'org_unit_id', type: 'uuid', value: (d) => d.orgUnitId },
        { name: 'from_user_id', type: 'uuid', value: (d) => d.fromUserId },
        { name: 'to_user_id', type: 'uuid', value: (d) => d.toUserId },
        { name: 'include_descendants', type: 'bool', value: (d) => d.includeDescendants },
        { name: 'reason', type: 'varchar', value: (d) => d.reason },
        { name: 'valid_from', type: 'date', value: (d) => d.validFrom },
        { name: 'valid_to', type: 'date', value: (d) => d.validTo },
      ],
      demo.delegations,
    );
    await ensureDefaultIncidentCategories(runner.manager, tenant.id);
    await ensureDefaultScaleSets(runner.manager, tenant.id);
    incidents = await seedDemoIncidents(runner.manager, demo);
    riskAnalyses = await seedDemoRiskAnalyses(runner.manager, demo);
    const changes = [{ field: 'seed', new: { employees: demo.options.employees, seed: demo.options.seed }, old: null }];
    await runner.query(
      `INSERT INTO "audit_log_entry" ("tenant_id", "actor_user_id", "action", "entity_type", "entity_id", "changes") VALUES ($1, NULL, 'create', 'tenant', $1, $2::jsonb)`,
      [tenant.id, JSON.stringify(changes)],
    );
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  const insertMs = since(started);

  // Fresh statistics, so the first queries after a bulk load get good plans (autovacuum would catch up later).
  started = performance.now();
  await dataSource.query(`ANALYZE "org_unit", "app_user", "role_assignment", "delegation", "incident", "incident_event"`);
  const analyzeMs = since(started);

  return {
    counts: {
      auditLogEntries: 1,
      delegations: demo.delegations.length,
      incidents,
      orgUnits: demo.orgUnits.length,
      riskAnalyses,
      roleAssignments: demo.roleAssignments.length,
      users: demo.users.length,
    },
    options: demo.options,
    tenantId: demo.tenant.id,
    timings: { analyzeMs, generateMs, hashMs, insertMs },
  };
};

/** True when no municipality has been created yet (also when the schema is not migrated). */
export const isDatabaseEmpty = async (dataSource: DataSource): Promise<boolean> => {
  const [row] = (await dataSource.query(`SELECT to_regclass('public.tenant') IS NOT NULL AS migrated`)) as { migrated: boolean }[];
  if (!row?.migrated) return true;
  const [tenant] = (await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "tenant") AS present`)) as { present: boolean }[];
  return !tenant?.present;
};
