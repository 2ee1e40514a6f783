import { completeSeverityPolicy, DEFAULT_DEADLINE_POLICY, type IncidentDeadlinePolicy, type SeverityPolicy } from '@helhet/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

const DEADLINES = 'incidents.deadlines';
const SEVERITIES = 'incidents.severities';

/** Typed access to tenant configuration; a missing key means the domain default. */
@Injectable()
export class TenantSettingsService {
  async incidentDeadlines(manager: EntityManager, tenantId: string): Promise<IncidentDeadlinePolicy> {
    const value = await this.read<Partial<IncidentDeadlinePolicy>>(manager, tenantId, DEADLINES);
    return value
      ? { ...DEFAULT_DEADLINE_POLICY, ...value, closeDays: { ...DEFAULT_DEADLINE_POLICY.closeDays, ...value.closeDays } }
      : DEFAULT_DEADLINE_POLICY;
  }

  async setIncidentDeadlines(manager: EntityManager, tenantId: string, policy: IncidentDeadlinePolicy): Promise<void> {
    await this.write(manager, tenantId, DEADLINES, policy);
  }

  /** The tenant's severity scale (labels, guidance, active levels, filing notifications, same-day acknowledgement). */
  async incidentSeverities(manager: EntityManager, tenantId: string): Promise<SeverityPolicy> {
    return completeSeverityPolicy(await this.read<Parameters<typeof completeSeverityPolicy>[0]>(manager, tenantId, SEVERITIES));
  }

  /** Stores a policy that has passed validateSeverityPolicy. */
  async setIncidentSeverities(manager: EntityManager, tenantId: string, policy: SeverityPolicy): Promise<void> {
    await this.write(manager, tenantId, SEVERITIES, policy);
  }

  private async read<T>(manager: EntityManager, tenantId: string, key: string): Promise<T | null> {
    const [row] = (await manager.query(`SELECT value FROM tenant_setting WHERE tenant_id = $1 AND key = $2`, [tenantId, key])) as {
      value: T;
    }[];
    return row ? row.value : null;
  }

  private async write(manager: EntityManager, tenantId: string, key: string, value: unknown): Promise<void> {
    await manager.query(
      `INSERT INTO tenant_setting (tenant_id, key, value, updated_at) VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (tenant_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [tenantId, key, JSON.stringify(value)],
    );
  }
}
