import { ORG_LEVEL_TYPE_NB, RISK_ANALYSIS_TYPE_NB } from '@helhet/shared';

import { labelOf } from '../risk-report-format';
import type { ReportContext } from './report-context';

/** Chapter 3: the unit the analysis covers. */
export const drawDescription = (ctx: ReportContext): void => {
  const { data, w } = ctx;
  const { analysis } = data;
  w.chapter('3 Beskrivelse av kommunen/enheten');
  w.keyValues([
    ['Enhet', data.unit.name],
    ['Nivå', labelOf(ORG_LEVEL_TYPE_NB, data.unit.levelType)],
    ['Ligger under', data.unit.ancestors.length > 0 ? data.unit.ancestors.join(' › ') : '– (øverste nivå)'],
    ['Antall underenheter', String(data.unit.subUnitCount)],
    ['Antall ansatte', data.unit.headcount === null ? 'Ikke registrert' : String(data.unit.headcount)],
    ['Analysetype', RISK_ANALYSIS_TYPE_NB[analysis.type]],
  ]);
};
