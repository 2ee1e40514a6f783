/**
 * What a measure addresses: each kind is one nullable foreign-key column of `measure_link` (and one key of
 * MeasureLink). A new source kind (action plans, supervision findings, control tasks) adds its column in a
 * migration, its key here, and nothing else: MeasuresService writes and reads links through this map.
 */
export const MEASURE_LINK_COLUMN = {
  incident: 'incident_id',
  riskScenario: 'risk_scenario_id',
} as const;

export type MeasureSourceKind = keyof typeof MEASURE_LINK_COLUMN;

/** One thing a measure is linked to, e.g. `{ kind: 'incident', id }`. */
export interface MeasureSource {
  kind: MeasureSourceKind;
  id: string;
}

/** The `measure_link` column of a source kind (a constant of MEASURE_LINK_COLUMN, never user input). */
export const measureLinkColumn = (kind: MeasureSourceKind): string => MEASURE_LINK_COLUMN[kind];
