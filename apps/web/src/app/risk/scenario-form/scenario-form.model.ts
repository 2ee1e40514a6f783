import { type HazardSource, type RiskLevel, type ScaleSet, scenarioRisk, type ThreeLevel } from '@helhet/domain';
import type { ConsequenceAssessmentInput, RiskScenarioInput, RiskScenarioResponse } from '@helhet/shared';

/** One consequence type's answer in the form: a rank, or null for "ikke vurdert". */
export interface ConsequenceAnswer {
  rank: number | null;
  rationale: string;
}

/** The scenario form's state; every text is a string (empty = not given). */
export interface ScenarioFormValue {
  title: string;
  hazardSource: HazardSource;
  description: string;
  causes: string;
  existingBarriers: string;
  likelihoodRank: number | null;
  likelihoodRationale: string;
  consequences: Record<string, ConsequenceAnswer>;
  vulnerability: ThreeLevel | null;
  vulnerabilityText: string;
  needsWarning: boolean | null;
  needsEvacuation: boolean | null;
  warningEvacuationText: string;
  uncertainty: ThreeLevel | null;
  knowledgeBase: string;
  residualLikelihoodRank: number | null;
  residualConsequences: Record<string, ConsequenceAnswer>;
}

const answers = (scale: ScaleSet, list: readonly ConsequenceAssessmentInput[] = []): Record<string, ConsequenceAnswer> =>
  Object.fromEntries(
    scale.consequenceTypes.map((type) => {
      const found = list.find((item) => item.typeCode === type.code);
      return [type.code, { rank: found?.rank ?? null, rationale: found?.rationale ?? '' }];
    }),
  );

/** The form's state for a new scenario (`scenario` undefined) or an existing one. */
export const toFormValue = (scale: ScaleSet, scenario?: RiskScenarioResponse): ScenarioFormValue => ({
  causes: scenario?.causes ?? '',
  consequences: answers(scale, scenario?.consequences),
  description: scenario?.description ?? '',
  existingBarriers: scenario?.existingBarriers ?? '',
  hazardSource: scenario?.hazardSource ?? 'hazard',
  knowledgeBase: scenario?.knowledgeBase ?? '',
  likelihoodRank: scenario?.likelihoodRank ?? null,
  likelihoodRationale: scenario?.likelihoodRationale ?? '',
  needsEvacuation: scenario?.needsEvacuation ?? null,
  needsWarning: scenario?.needsWarning ?? null,
  residualConsequences: answers(scale, scenario?.residualConsequences),
  residualLikelihoodRank: scenario?.residualLikelihoodRank ?? null,
  title: scenario?.title ?? '',
  uncertainty: scenario?.uncertainty ?? null,
  vulnerability: scenario?.vulnerability ?? null,
  vulnerabilityText: scenario?.vulnerabilityText ?? '',
  warningEvacuationText: scenario?.warningEvacuationText ?? '',
});

const text = (value: string): string | null => value.trim() || null;

/** Rated consequences in the scale's type order ("ikke vurdert" left out); the order the API's field paths index. */
export const ratedConsequences = (scale: ScaleSet, values: Record<string, ConsequenceAnswer>): ConsequenceAssessmentInput[] =>
  scale.consequenceTypes.flatMap((type) => {
    const answer = values[type.code];
    return answer && answer.rank !== null ? [{ rank: answer.rank, rationale: text(answer.rationale), typeCode: type.code }] : [];
  });

/** The request body for POST/PATCH of a scenario. */
export const toScenarioInput = (scale: ScaleSet, value: ScenarioFormValue): RiskScenarioInput => ({
  causes: text(value.causes),
  consequences: ratedConsequences(scale, value.consequences),
  description: text(value.description),
  existingBarriers: text(value.existingBarriers),
  hazardSource: value.hazardSource,
  knowledgeBase: text(value.knowledgeBase),
  likelihoodRank: value.likelihoodRank,
  likelihoodRationale: text(value.likelihoodRationale),
  needsEvacuation: value.needsEvacuation,
  needsWarning: value.needsWarning,
  residualConsequences: ratedConsequences(scale, value.residualConsequences),
  residualLikelihoodRank: value.residualLikelihoodRank,
  title: value.title.trim(),
  uncertainty: value.uncertainty,
  vulnerability: value.vulnerability,
  vulnerabilityText: text(value.vulnerabilityText),
  warningEvacuationText: text(value.warningEvacuationText),
});

/** The band the answers give (from `scenarioRisk`), or null while likelihood or every consequence is missing. */
export const previewLevel = (
  scale: ScaleSet,
  likelihoodRank: number | null,
  values: Record<string, ConsequenceAnswer>,
): RiskLevel | null => {
  const rated = ratedConsequences(scale, values).map(({ rank, typeCode }) => ({ rank, typeCode }));
  if (likelihoodRank === null || rated.length === 0) return null;
  return scenarioRisk(scale, likelihoodRank, rated).overall?.level ?? null;
};

/**
 * API field paths (`consequences.1.rank`) mapped to the form's keys (`consequences.<typeCode>`): the index is the
 * position in the submitted list, which `ratedConsequences` builds in the scale's type order.
 */
export const mapFieldErrors = (scale: ScaleSet, value: ScenarioFormValue, errors: Record<string, string[]>): Record<string, string[]> => {
  const lists = {
    consequences: ratedConsequences(scale, value.consequences),
    residualConsequences: ratedConsequences(scale, value.residualConsequences),
  };
  const result: Record<string, string[]> = {};
  for (const [field, reasons] of Object.entries(errors)) {
    const match = /^(consequences|residualConsequences)\.(\d+)(?:\.|$)/.exec(field);
    const list = match ? lists[match[1] as keyof typeof lists] : undefined;
    const typeCode = match && list ? list[Number(match[2])]?.typeCode : undefined;
    const key = match ? (typeCode ? `${match[1]}.${typeCode}` : (match[1] as string)) : field;
    result[key] = [...(result[key] ?? []), ...reasons];
  }
  return result;
};
