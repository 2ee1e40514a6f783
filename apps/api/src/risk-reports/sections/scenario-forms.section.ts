import { SCENARIO_TABLE_WORDS } from '@helhet/domain';

import type { ReportProgress } from '../risk-report-data';
import { orDash, riskText, yesNo } from '../risk-report-format';
import type { ReportContext } from './report-context';

/** Chapter 5: one form per scenario; reports progress per scenario. */
export const drawScenarioForms = async (ctx: ReportContext, progress: ReportProgress): Promise<void> => {
  const { assessed, data, w } = ctx;
  const { analysis, scale } = data;
  const scenarios = analysis.scenarios;
  const doc = w.doc;
  w.chapter('5 Scenarioskjema');
  if (scenarios.length === 0) w.para('Analysen har ingen scenarioer ennå.');
  const measuresFor = (scenarioId: string) => (data.measures ?? []).filter((measure) => measure.scenarioId === scenarioId);
  for (const entry of assessed) {
    const { scenario, number } = entry;
    if (number > 1) doc.addPage();
    w.heading(`5.${number} Scenario ${number}: ${scenario.title}`, 13, 120);
    const likelihood = scenario.likelihoodRank === null ? null : scale.likelihoodLevels[scenario.likelihoodRank - 1];
    const residualLikelihood =
      scenario.residualLikelihoodRank === null ? null : scale.likelihoodLevels[scenario.residualLikelihoodRank - 1];
    w.keyValues([
      ['Fare eller trussel', scenario.hazardSource === 'threat' ? 'Trussel (tilsiktet handling)' : 'Fare'],
      ['Beskrivelse', orDash(scenario.description)],
      ['Årsaker', orDash(scenario.causes)],
      ['Eksisterende barrierer', orDash(scenario.existingBarriers)],
      [
        'Sårbarhet',
        `${scenario.vulnerability ? SCENARIO_TABLE_WORDS.threeLevel[scenario.vulnerability] : 'Ikke vurdert'}${scenario.vulnerabilityText ? ` – ${scenario.vulnerabilityText}` : ''}`,
      ],
      ['Behov for varsling', yesNo(scenario.needsWarning)],
      ['Behov for evakuering', yesNo(scenario.needsEvacuation)],
      ['Varsling og evakuering', orDash(scenario.warningEvacuationText)],
      ['Sannsynlighet', likelihood ? `${likelihood.rank} ${likelihood.labelNb} (${likelihood.descriptionNb})` : 'Ikke vurdert'],
      ['Begrunnelse for sannsynlighet', orDash(scenario.likelihoodRationale)],
    ]);
    w.heading('Konsekvenser', 10.5, 60);
    const typeCodes = [
      ...new Set([...scenario.consequences.map((c) => c.typeCode), ...scenario.residualConsequences.map((c) => c.typeCode)]),
    ];
    const rankText = (rank: number | undefined): string =>
      rank === undefined ? '–' : `${rank} ${scale.consequenceLevels[rank - 1]?.labelNb ?? ''}`;
    if (typeCodes.length === 0) {
      w.para('Ingen konsekvenser er vurdert.');
    } else {
      w.table(
        [
          { header: 'Konsekvenstype', width: 130 },
          { header: 'Nå', width: 70 },
          { header: 'Etter tiltak', width: 70 },
          { header: 'Begrunnelse', width: w.width - 270 },
        ],
        typeCodes.map((code) => {
          const type = scale.consequenceTypes.find((candidate) => candidate.code === code);
          const current = scenario.consequences.find((c) => c.typeCode === code);
          const residual = scenario.residualConsequences.find((c) => c.typeCode === code);
          return [
            type?.labelNb ?? code,
            rankText(current?.rank),
            rankText(residual?.rank),
            orDash(current?.rationale ?? residual?.rationale),
          ];
        }),
      );
    }
    w.heading('Risiko', 10.5, 60);
    w.keyValues([
      ['Risiko nå', riskText(scale, entry.current)],
      ['Sannsynlighet etter tiltak', residualLikelihood ? `${residualLikelihood.rank} ${residualLikelihood.labelNb}` : 'Ikke vurdert'],
      ['Risiko etter tiltak (restrisiko)', riskText(scale, entry.residual)],
      [
        'Per samfunnsverdi (nå)',
        entry.current?.perValueGroup
          .map((risk) => `${scale.valueGroups.find((g) => g.code === risk.valueGroup)?.labelNb ?? risk.valueGroup}: ${risk.level.labelNb}`)
          .join('; ') || '–',
      ],
      ['Usikkerhet', scenario.uncertainty ? SCENARIO_TABLE_WORDS.threeLevel[scenario.uncertainty] : 'Ikke vurdert'],
      ['Kunnskapsgrunnlag', orDash(scenario.knowledgeBase)],
      [
        'Tiltak',
        data.measures === null
          ? 'Ingen tiltak registrert'
          : measuresFor(scenario.id)
              .map((measure) => measure.title)
              .join('; ') || 'Ingen tiltak registrert',
      ],
    ]);
    await progress('scenarios', number, scenarios.length);
  }
};
