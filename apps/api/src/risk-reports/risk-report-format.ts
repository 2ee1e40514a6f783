import { type ScaleSet, type ScenarioRisk, scenarioRisk } from '@helhet/domain';
import type { RiskScenarioResponse } from '@helhet/shared';

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const MARGIN = { bottom: 60, left: 45, right: 45, top: 62 };
export const GREY = '#555555';
export const LINE = '#b0b0b0';
export const HEAD_FILL = '#e8ecf0';

export const statusMark = (status: string): string =>
  status === 'approved' ? 'Godkjent' : status === 'superseded' ? 'Erstattet' : 'Utkast';

export const yesNo = (value: boolean | null): string => (value === null ? 'Ikke vurdert' : value ? 'Ja' : 'Nei');
export const orDash = (value: string | null | undefined): string => (value && value.trim() ? value.trim() : '–');
export const dateNb = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–');

export interface Column {
  header: string;
  width: number;
}

/** The scenario's risk now and after measures, null where not yet assessed (or not on the scale). */
export const risks = (scale: ScaleSet, scenario: RiskScenarioResponse): { current: ScenarioRisk | null; residual: ScenarioRisk | null } => {
  const safe = (likelihood: number | null, consequences: RiskScenarioResponse['consequences']): ScenarioRisk | null => {
    if (likelihood === null || consequences.length === 0) return null;
    try {
      return scenarioRisk(scale, likelihood, consequences);
    } catch {
      return null;
    }
  };
  return {
    current: safe(scenario.likelihoodRank, scenario.consequences),
    residual: safe(scenario.residualLikelihoodRank, scenario.residualConsequences),
  };
};

/** Band label with its cell, e.g. "Høy risiko (S4 × K3, Dødsfall)". */
export const riskText = (scale: ScaleSet, risk: ScenarioRisk | null): string => {
  if (!risk?.overall) return 'Ikke vurdert';
  const type = scale.consequenceTypes.find((candidate) => candidate.code === risk.overall?.typeCode);
  const { level } = risk.overall;
  return `${level.labelNb} (S${level.likelihoodRank} × K${level.consequenceRank}${type ? `, ${type.labelNb}` : ''})`;
};

/** A scenario with its number in the report and its risk now and after measures. */
export interface AssessedScenario {
  number: number;
  scenario: RiskScenarioResponse;
  current: ScenarioRisk | null;
  residual: ScenarioRisk | null;
}

/** A label from a map keyed by a value list, or the raw value when a stored value is not (or no longer) on the list. */
export const labelOf = (labels: Readonly<Record<string, string>>, value: string): string => labels[value] ?? value;
