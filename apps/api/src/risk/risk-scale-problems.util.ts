import type { ScaleSet as ScaleSetDefinition } from '@helhet/domain';
import type { FieldError } from '@helhet/shared';

import type { ConsequenceAssessmentDto, HmsRiskItemDto, RiskScenarioDto } from './dto/risk.dto';

/** Every rank and type of a scenario must exist on the analysis's scale; problems name the field. */
export const scaleProblems = (scale: ScaleSetDefinition, dto: RiskScenarioDto): FieldError[] => {
  const problems: FieldError[] = [];
  const likelihoodMax = scale.matrix.size.likelihood;
  const consequenceMax = scale.matrix.size.consequence;
  for (const field of ['likelihoodRank', 'residualLikelihoodRank'] as const) {
    const value = dto[field];
    if (value !== null && value !== undefined && value > likelihoodMax)
      problems.push({ field, reasons: [`must be 1–${likelihoodMax} on this scale`] });
  }
  const check = (list: readonly ConsequenceAssessmentDto[] | undefined, field: string) =>
    (list ?? []).forEach((item, index) => {
      if (!scale.consequenceTypes.some((type) => type.code === item.typeCode))
        problems.push({ field: `${field}.${index}.typeCode`, reasons: ['not a consequence type of this scale'] });
      if (item.rank > consequenceMax)
        problems.push({ field: `${field}.${index}.rank`, reasons: [`must be 1–${consequenceMax} on this scale`] });
    });
  check(dto.consequences, 'consequences');
  check(dto.residualConsequences, 'residualConsequences');
  return problems;
};

/** An HMS item's ranks must exist on the analysis's matrix (consequence: the matrix axis); problems name the field. */
export const hmsScaleProblems = (scale: ScaleSetDefinition, dto: HmsRiskItemDto): FieldError[] => {
  const problems: FieldError[] = [];
  const max = { consequence: scale.matrix.size.consequence, likelihood: scale.matrix.size.likelihood };
  const fields = [
    ['likelihoodRank', max.likelihood],
    ['residualLikelihoodRank', max.likelihood],
    ['consequenceRank', max.consequence],
    ['residualConsequenceRank', max.consequence],
  ] as const;
  for (const [field, limit] of fields) {
    const value = dto[field];
    if (value !== null && value !== undefined && value > limit) problems.push({ field, reasons: [`must be 1–${limit} on this scale`] });
  }
  return problems;
};
