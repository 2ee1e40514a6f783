import type { IncidentCategoryResponse } from '@helhet/shared';

import type { Session } from '../utils/session';

/** The avvik filing body (POST /api/incidents) the specs send; every field can be overridden. */
export interface FilingPayload {
  affectedPartyType: string;
  categoryId: string;
  description: string;
  kind: string;
  occurredAt: string;
  orgUnitId: string | null;
  reporterVisibility: string;
  severityActual?: string | null;
  severityPotential?: string | null;
  [field: string]: unknown;
}

/**
 * A valid deviation filed an hour ago, named, with medium actual severity and no affected party.
 * `orgUnitId` and `categoryId` are required (a spec files into its own unit, see make-unit-tree.ts).
 */
export const filingPayload = (
  base: { orgUnitId: string | null; categoryId: string },
  overrides: Partial<FilingPayload> & Record<string, unknown> = {},
): FilingPayload => ({
  affectedPartyType: 'none',
  description: 'Testavvik: vaktlisten for helgen var ikke oppdatert.',
  kind: 'deviation',
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  reporterVisibility: 'named',
  severityActual: 'medium',
  ...base,
  ...overrides,
});

/** The tenant's incident categories by code (GET /api/incidents/categories as `session`). */
export const incidentCategories = async (session: Session): Promise<(code: string) => IncidentCategoryResponse> => {
  const result = await session.get<IncidentCategoryResponse[]>('/api/incidents/categories');
  if (result.status !== 200) throw new Error(`categories: ${result.status}`);
  return (code) => {
    const found = result.body.find((category) => category.code === code);
    if (!found) throw new Error(`no incident category ${code}`);
    return found;
  };
};
