import { type ScaleSet, scenarioRisk } from '@helhet/domain';
import type { RiskPosition } from '@helhet/shared';

import type { ConsequenceAssessmentValue } from './entities/risk-scenario.entity';

/** A scenario's place on its scale: the worst consequence type decides (libs/domain `scenarioRisk`). */
export const riskPosition = (
  scale: ScaleSet,
  likelihoodRank: number | null,
  consequences: readonly ConsequenceAssessmentValue[],
): RiskPosition | null => {
  if (likelihoodRank === null || consequences.length === 0) return null;
  const { overall } = scenarioRisk(scale, likelihoodRank, consequences);
  if (!overall) return null;
  return {
    bandCode: overall.level.code,
    bandLabel: overall.level.labelNb,
    colour: overall.level.colour,
    consequenceRank: overall.level.consequenceRank,
    likelihoodRank: overall.level.likelihoodRank,
    textColour: overall.level.textColour,
    typeCode: overall.typeCode,
  };
};
