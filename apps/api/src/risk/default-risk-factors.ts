import { DEFAULT_RISK_FACTORS } from '@helhet/domain';
import type { EntityManager } from 'typeorm';

/** Gives a tenant the shipped work-environment factor catalogue (libs/domain), adding only factors it lacks. */
export const ensureDefaultRiskFactors = async (manager: EntityManager, tenantId: string): Promise<void> => {
  await manager.query(
    `INSERT INTO risk_factor (tenant_id, code, "group", label_nb, label_en, service_types, source_url, sort_order)
     SELECT $1, f.code, f.grp, f.label_nb, f.label_en, ARRAY(SELECT jsonb_array_elements_text(f.service_types)), f.source_url, f.sort_order
       FROM jsonb_to_recordset($2::jsonb) AS f(code varchar, grp varchar, label_nb varchar, label_en varchar, service_types jsonb, source_url varchar, sort_order int)
     ON CONFLICT (tenant_id, code) DO NOTHING`,
    [
      tenantId,
      JSON.stringify(
        DEFAULT_RISK_FACTORS.map((factor, index) => ({
          code: factor.code,
          grp: factor.group,
          label_en: factor.labelEn,
          label_nb: factor.labelNb,
          service_types: factor.serviceTypes,
          sort_order: index + 1,
          source_url: factor.sourceUrl,
        })),
      ),
    ],
  );
};
