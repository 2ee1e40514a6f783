import { DEFAULT_INCIDENT_CATEGORIES } from '@helhet/domain';
import type { EntityManager } from 'typeorm';

import { firstRow } from '../core/database/first-row.util';

/** Copies the shipped default categories to a tenant that has none (new tenants, the seed). */
export const ensureDefaultIncidentCategories = async (manager: EntityManager, tenantId: string): Promise<void> => {
  const [existing] = (await manager.query(`SELECT 1 FROM incident_category WHERE tenant_id = $1 LIMIT 1`, [tenantId])) as unknown[];
  if (existing) return;
  for (const [index, category] of DEFAULT_INCIDENT_CATEGORIES.entries()) {
    const row = firstRow(
      (await manager.query(
        `INSERT INTO incident_category (tenant_id, code, label, restriction, has_severity, sort_order) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [tenantId, category.code, category.labelNb, category.restriction, category.hasSeverity, (index + 1) * 10],
      )) as { id: string }[],
      'incident_category',
    );
    for (const [subIndex, code] of category.subcategories.entries()) {
      await manager.query(
        `INSERT INTO incident_category (tenant_id, parent_id, code, label, restriction, has_severity, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          tenantId,
          row.id,
          code,
          category.subcategoryLabelsNb[subIndex] ?? code,
          category.restriction,
          category.hasSeverity,
          (subIndex + 1) * 10,
        ],
      );
    }
  }
};
