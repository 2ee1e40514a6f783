import { DSB_SOCIETAL_SCALE, riskLevel, scenarioRisk } from '@helhet/domain';

import { type AssessedScenario, matrixArrows, matrixRows, riskPicture } from './risk-matrix.model';

const scale = DSB_SOCIETAL_SCALE;
const deaths = scale.consequenceTypes.find((type) => type.valueGroup === 'life_health')!;
const other = scale.consequenceTypes.find((type) => type.valueGroup !== 'life_health')!;

const scenario = (partial: Partial<AssessedScenario>): AssessedScenario => ({
  consequences: [],
  likelihoodRank: null,
  residualConsequences: [],
  residualLikelihoodRank: null,
  title: 'S',
  uncertainty: null,
  ...partial,
});

describe('risk picture', () => {
  const scenarios = [
    scenario({
      consequences: [
        { rank: 4, typeCode: deaths.code },
        { rank: 2, typeCode: other.code },
      ],
      likelihoodRank: 4,
      residualConsequences: [{ rank: 3, typeCode: deaths.code }],
      residualLikelihoodRank: 2,
      title: 'Brann',
      uncertainty: 'high',
    }),
    scenario({ title: 'Ikke vurdert' }),
    scenario({ consequences: [{ rank: 1, typeCode: other.code }], likelihoodRank: 1, title: 'Lekkasje' }),
  ];

  it('should draw one matrix per rated societal value and the overall one, with positions from scenarioRisk', () => {
    const views = riskPicture(scale, scenarios, 'Samlet');
    expect(views.map((view) => view.group)).toEqual([
      ...scale.valueGroups.map((g) => g.code).filter((code) => code === deaths.valueGroup || code === other.valueGroup),
      null,
    ]);
    const overall = views.at(-1)!;
    expect(overall.markers.map((m) => m.number)).toEqual([1, 3]);
    const expected = scenarioRisk(scale, 4, [
      { rank: 4, typeCode: deaths.code },
      { rank: 2, typeCode: other.code },
    ]).overall!.level;
    expect(overall.markers[0]!.current).toEqual({
      bandLabel: expected.labelNb,
      consequenceRank: expected.consequenceRank,
      likelihoodRank: 4,
    });
    expect(overall.markers[0]!.residual).toEqual({ bandLabel: riskLevel(scale, 2, 3).labelNb, consequenceRank: 3, likelihoodRank: 2 });
    const life = views.find((view) => view.group === deaths.valueGroup)!;
    expect(life.markers.map((m) => m.number)).toEqual([1]);
  });

  it('should place counts and markers in rows with the most likely level on top', () => {
    const overall = riskPicture(scale, scenarios, 'Samlet').at(-1)!;
    const counts = scale.likelihoodLevels.map(() => scale.consequenceLevels.map(() => 0));
    counts[3]![3] = 7;
    const rows = matrixRows(scale, counts, overall.markers);
    expect(rows[0]!.likelihoodRank).toBe(scale.likelihoodLevels.length);
    const cell = rows.find((row) => row.likelihoodRank === 4)!.cells[3]!;
    expect(cell.count).toBe(7);
    expect(cell.current.map((m) => m.number)).toEqual([1]);
    expect(cell.band?.code).toBe(riskLevel(scale, 4, 4).code);
    expect(rows.find((row) => row.likelihoodRank === 2)!.cells[2]!.residual.map((m) => m.number)).toEqual([1]);
  });

  it('should draw an arrow only where the residual position differs', () => {
    const overall = riskPicture(scale, scenarios, 'Samlet').at(-1)!;
    const arrows = matrixArrows(scale, overall.markers);
    expect(arrows).toEqual([
      { number: 1, x1: 3.5, x2: 2.5, y1: scale.matrix.size.likelihood - 4 + 0.5, y2: scale.matrix.size.likelihood - 2 + 0.5 },
    ]);
  });
});
