import { DEFAULT_DEADLINE_POLICY, type IncidentDeadlinePolicy } from '@helhet/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Typed access to tenant configuration; a missing key means the domain default. */
@Injectable()
export class TenantSettingsService {
  async incidentDeadlines(manager: EntityManager, tenantId: string): Promise<IncidentDeadlinePolicy> {
    const [row] = (await manager.query(`SELECT value FROM tenant_setting WHERE tenant_id = $1 AND key = 'incidents.deadlines'`, [tenantId])) as {
      value: Partial<IncidentDeadlinePolicy>;
    }[];
    return row ? { ...DEFAULT_DEADLINE_POLICY, ...row.value, closeDays: { ...DEFAULT_DEADLINE_POLICY.closeDays, ...row.value.closeDays } } : DEFAULT_DEADLINE_POLICY;
  }

  async setIncidentDeadlines(manager: EntityManager, tenantId: string, policy: IncidentDeadlinePolicy): Promise<void> {
    await manager.query(
      `INSERT INTO tenant_setting (tenant_id, key, value, updated_at) VALUES ($1, 'incidents.deadlines', $2::jsonb, now())
       ON CONFLICT (tenant_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [tenantId, JSON.stringify(policy)],
    );
  }
}
