import { DEFAULT_SCALE_SETS } from '@helhet/domain';
import type { EntityManager } from 'typeorm';

/** Gives a tenant the shipped scale sets (DSB 5×5 societal, HMS) as version 1, unless it has them. */
export const ensureDefaultScaleSets = async (manager: EntityManager, tenantId: string): Promise<void> => {
  for (const scale of DEFAULT_SCALE_SETS) {
    await manager.query(
      `INSERT INTO scale_set (tenant_id, code, version, kind, definition) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (tenant_id, code, version) DO NOTHING`,
      [tenantId, scale.code, scale.version, scale.kind, JSON.stringify(scale)],
    );
  }
};
