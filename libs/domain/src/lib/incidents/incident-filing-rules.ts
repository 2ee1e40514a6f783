import type { IncidentKind, Severity } from './incident.types';

/** Which severities a report has (domain.md §3.3): near misses have no actual consequence, suggestions none at all. */
export interface SeverityFields {
  /** The actual severity is asked for, and required. */
  actual: boolean;
  /** The potential severity is asked for (severity applies at all). */
  potential: boolean;
  /** The potential severity is required (a near miss). */
  potentialRequired: boolean;
}

/**
 * The severity fields of a report of `kind` in a category with (`true`) or without (`false`) severity;
 * `null` while no category is chosen counts as with.
 */
export const severityFields = (kind: IncidentKind, categoryHasSeverity: boolean | null): SeverityFields => {
  const applies = kind !== 'improvement' && (categoryHasSeverity ?? true);
  return { actual: applies && kind !== 'near_miss', potential: applies, potentialRequired: applies && kind === 'near_miss' };
};

export interface SeverityProblem {
  field: 'severityActual' | 'severityPotential';
  reason: string;
}

/** What is wrong with the severities of a report (the API's 400; the web's form asks only for the fields that apply). */
export const severityProblems = (
  kind: IncidentKind,
  categoryHasSeverity: boolean | null,
  severityActual: Severity | null | undefined,
  severityPotential: Severity | null | undefined,
): SeverityProblem[] => {
  const fields = severityFields(kind, categoryHasSeverity);
  const problems: SeverityProblem[] = [];
  if (!fields.potential) {
    if (severityActual || severityPotential) problems.push({ field: 'severityActual', reason: 'improvement suggestions have no severity' });
    return problems;
  }
  if (!fields.actual && severityActual)
    problems.push({ field: 'severityActual', reason: 'a near miss has no actual consequence; give the potential severity' });
  if (fields.potentialRequired && !severityPotential) problems.push({ field: 'severityPotential', reason: 'is required for a near miss' });
  if (fields.actual && !severityActual) problems.push({ field: 'severityActual', reason: 'is required' });
  return problems;
};
