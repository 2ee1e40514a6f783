import { riskLevel, SCENARIO_TABLE_WORDS, type ScenarioRisk } from '@helhet/domain';

import { GREY, riskText } from '../risk-report-format';
import type { ReportContext } from './report-context';

/** Chapter 4: the matrices now and after measures (overall and per value group), the scenario overview, HMS items. */
export const drawRiskPicture = (ctx: ReportContext): void => {
  const { assessed, data, w } = ctx;
  const { analysis, scale } = data;
  w.chapter('4 Risikobilde');
  w.para(
    'Tallene i cellene er scenarionumrene i kapittel 5. Cellens fargebånd står også med ord. Venstre matrise viser risiko nå, høyre risiko etter foreslåtte tiltak (restrisiko).',
  );
  w.legend();
  const place = (
    pick: (entry: (typeof assessed)[number]) => { likelihoodRank: number; consequenceRank: number } | null,
  ): Map<string, number[]> => {
    const map = new Map<string, number[]>();
    for (const entry of assessed) {
      const level = pick(entry);
      if (!level) continue;
      const key = `${level.likelihoodRank}:${level.consequenceRank}`;
      map.set(key, [...(map.get(key) ?? []), entry.number]);
    }
    return map;
  };
  w.heading('4.1 Samlet risikomatrise', 12, 260);
  w.matrixPair(
    {
      placements: place((entry) => entry.current?.overall?.level ?? null),
      title: 'Risikomatrise samlet – nå',
    },
    {
      placements: place((entry) => entry.residual?.overall?.level ?? null),
      title: 'Risikomatrise samlet – etter tiltak',
    },
  );
  const unassessed = assessed.filter((entry) => !entry.current?.overall).map((entry) => entry.number);
  if (unassessed.length > 0)
    w.para(`Ikke vurdert ennå: scenario ${unassessed.join(', ')}.`, {
      colour: GREY,
      size: 8.5,
    });
  scale.valueGroups.forEach((group, index) => {
    const perGroup = (risk: ScenarioRisk | null) => risk?.perValueGroup.find((entry) => entry.valueGroup === group.code)?.level ?? null;
    w.heading(`4.${index + 2} Risikomatrise – ${group.labelNb}`, 12, 260);
    w.matrixPair(
      {
        placements: place((entry) => perGroup(entry.current)),
        title: `${group.labelNb} – nå`,
      },
      {
        placements: place((entry) => perGroup(entry.residual)),
        title: `${group.labelNb} – etter tiltak`,
      },
    );
  });
  w.heading(`4.${scale.valueGroups.length + 2} Oversikt over scenarioene`);
  w.table(
    [
      { header: 'Nr.', width: 30 },
      { header: 'Uønsket hendelse', width: w.width - 330 },
      { header: 'Risiko nå', width: 120 },
      { header: 'Etter tiltak', width: 120 },
      { header: 'Usikkerhet', width: 60 },
    ],
    assessed.map((entry) => [
      String(entry.number),
      entry.scenario.title,
      riskText(scale, entry.current),
      riskText(scale, entry.residual),
      entry.scenario.uncertainty ? SCENARIO_TABLE_WORDS.threeLevel[entry.scenario.uncertainty] : '–',
    ]),
  );
  if (analysis.hmsItems.length > 0) {
    w.heading('HMS-risikoforhold');
    w.table(
      [
        { header: 'Faktor', width: 140 },
        { header: 'Arbeidsoppgave eller sted', width: w.width - 380 },
        { header: 'Risiko nå', width: 120 },
        { header: 'Etter tiltak', width: 120 },
      ],
      analysis.hmsItems.map((item) => [
        item.factor.labelNb,
        item.taskOrLocation,
        item.risk
          ? `${riskLevel(scale, item.risk.likelihoodRank, item.risk.consequenceRank).labelNb} (S${item.risk.likelihoodRank} × K${item.risk.consequenceRank})`
          : 'Ikke vurdert',
        item.residualRisk
          ? `${riskLevel(scale, item.residualRisk.likelihoodRank, item.residualRisk.consequenceRank).labelNb} (S${item.residualRisk.likelihoodRank} × K${item.residualRisk.consequenceRank})`
          : 'Ikke vurdert',
      ]),
    );
  }
};
