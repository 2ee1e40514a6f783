import { DSB_SOCIETAL_SCALE, HMS_SCALE } from './default-scales';
import { heatMap, riskLevel, scenarioRisk } from './risk-level';
import type { ScaleSet } from './scale-set';
import { validateScaleSet } from './scale-set';

/** A kommune's own 4 × 4 with three bands of its own naming, weighted towards consequence. */
const CUSTOM_4X4: ScaleSet = {
  code: 'fjordvik_4x4',
  consequenceLevels: [1, 2, 3, 4].map((rank) => ({ code: `k${rank}`, labelEn: `C${rank}`, labelNb: `K${rank}`, rank })),
  consequenceTypes: [
    {
      code: 'people',
      labelEn: 'People',
      labelNb: 'Mennesker',
      levels: [1, 2, 3, 4].map((rank) => ({
        code: `p${rank}`,
        descriptionEn: '',
        descriptionNb: '',
        labelEn: `P${rank}`,
        labelNb: `P${rank}`,
        rank,
      })),
      valueGroup: 'people',
    },
    {
      code: 'money',
      labelEn: 'Money',
      labelNb: 'Penger',
      levels: [1, 2, 3, 4].map((rank) => ({
        code: `m${rank}`,
        descriptionEn: '',
        descriptionNb: '',
        labelEn: `M${rank}`,
        labelNb: `M${rank}`,
        rank,
      })),
      valueGroup: 'assets',
    },
  ],
  kind: 'custom',
  likelihoodLevels: [1, 2, 3, 4].map((rank) => ({
    annualProbability: null,
    code: `s${rank}`,
    descriptionEn: '',
    descriptionNb: '',
    labelEn: `L${rank}`,
    labelNb: `S${rank}`,
    probabilityText: null,
    rank,
  })),
  matrix: {
    bands: [
      { acceptanceEn: 'Accept', acceptanceNb: 'Godta', code: 'ok', colour: '#e8f5e9', labelEn: 'OK', labelNb: 'OK', textColour: '#000000' },
      {
        acceptanceEn: 'Watch',
        acceptanceNb: 'Følg med',
        code: 'watch',
        colour: '#0d47a1',
        labelEn: 'Watch',
        labelNb: 'Følg med',
        textColour: '#ffffff',
      },
      {
        acceptanceEn: 'Act',
        acceptanceNb: 'Handle',
        code: 'act',
        colour: '#000000',
        labelEn: 'Act',
        labelNb: 'Handle',
        textColour: '#ffff00',
      },
    ],
    cells: [
      ['ok', 'ok', 'watch', 'act'],
      ['ok', 'watch', 'watch', 'act'],
      ['ok', 'watch', 'act', 'act'],
      ['watch', 'act', 'act', 'act'],
    ],
    size: { consequence: 4, likelihood: 4 },
  },
  nameEn: 'Fjordvik 4 × 4',
  nameNb: 'Fjordvik 4 × 4',
  source: 'Egen skala',
  valueGroups: [
    { code: 'people', labelEn: 'People', labelNb: 'Mennesker' },
    { code: 'assets', labelEn: 'Assets', labelNb: 'Verdier' },
  ],
  version: 3,
};

describe('riskLevel', () => {
  it('gives every cell of the DSB 5 × 5 the band its grid says', () => {
    for (let l = 1; l <= 5; l++) {
      for (let c = 1; c <= 5; c++) {
        const level = riskLevel(DSB_SOCIETAL_SCALE, l, c);
        expect(level.code).toBe(DSB_SOCIETAL_SCALE.matrix.cells[l - 1]?.[c - 1]);
        expect({ c: level.consequenceRank, l: level.likelihoodRank }).toEqual({ c, l });
      }
    }
  });

  it('colours the DSB matrix as domain.md §2.5 documents (score L × C: green 1–4, yellow 5–9, red 10–25)', () => {
    const band = (l: number, c: number): string => riskLevel(DSB_SOCIETAL_SCALE, l, c).code;
    expect(band(1, 1)).toBe('low'); // score 1, the lowest band
    expect(band(2, 2)).toBe('low'); // 4
    expect(band(4, 1)).toBe('low'); // 4
    expect(band(1, 5)).toBe('medium'); // 5
    expect(band(5, 1)).toBe('medium'); // 5
    expect(band(3, 3)).toBe('medium'); // 9
    expect(band(2, 5)).toBe('high'); // 10
    expect(band(5, 2)).toBe('high'); // 10
    expect(band(5, 5)).toBe('high'); // 25, the highest band
    for (let l = 1; l <= 5; l++) {
      for (let c = 1; c <= 5; c++) {
        const score = l * c;
        expect(band(l, c)).toBe(score <= 4 ? 'low' : score <= 9 ? 'medium' : 'high');
      }
    }
  });

  it('returns the whole band: labels, colours, acceptance and its rank', () => {
    expect(riskLevel(DSB_SOCIETAL_SCALE, 5, 5)).toEqual({
      acceptanceEn: expect.stringContaining('Unacceptable'),
      acceptanceNb: expect.stringContaining('Uakseptabel risiko'),
      bandRank: 3,
      code: 'high',
      colour: '#c62828',
      consequenceRank: 5,
      labelEn: 'High risk',
      labelNb: 'Høy risiko',
      likelihoodRank: 5,
      textColour: '#ffffff',
    });
    expect(riskLevel(DSB_SOCIETAL_SCALE, 1, 1).bandRank).toBe(1);
  });

  it('works the same on a custom 4 × 4 with other bands', () => {
    expect(validateScaleSet(CUSTOM_4X4)).toEqual([]);
    for (let l = 1; l <= 4; l++) {
      for (let c = 1; c <= 4; c++) expect(riskLevel(CUSTOM_4X4, l, c).code).toBe(CUSTOM_4X4.matrix.cells[l - 1]?.[c - 1]);
    }
    expect(riskLevel(CUSTOM_4X4, 1, 1)).toMatchObject({ bandRank: 1, code: 'ok', labelNb: 'OK' });
    expect(riskLevel(CUSTOM_4X4, 1, 4)).toMatchObject({ bandRank: 3, code: 'act', textColour: '#ffff00' });
    expect(riskLevel(CUSTOM_4X4, 4, 1)).toMatchObject({ bandRank: 2, code: 'watch' });
    expect(riskLevel(CUSTOM_4X4, 2, 3).code).toBe('watch');
  });

  it('throws a RangeError for ranks outside the scale', () => {
    for (const [l, c] of [
      [0, 1],
      [1, 0],
      [6, 1],
      [1, 6],
      [-1, 3],
      [2.5, 3],
      [Number.NaN, 1],
    ] as const) {
      expect(() => riskLevel(DSB_SOCIETAL_SCALE, l, c)).toThrow(RangeError);
    }
    expect(() => riskLevel(CUSTOM_4X4, 5, 5)).toThrow(RangeError);
    expect(() => riskLevel(CUSTOM_4X4, 4, 4)).not.toThrow();
  });

  it('refuses a broken grid instead of guessing a band', () => {
    const broken: ScaleSet = { ...CUSTOM_4X4, matrix: { ...CUSTOM_4X4.matrix, cells: [['ok'], [], [], []] } };
    expect(() => riskLevel(broken, 2, 2)).toThrow(/no valid band in cell \(2, 2\)/);
    expect(() => riskLevel(broken, 2, 2)).not.toThrow(RangeError);
  });
});

describe('scenarioRisk', () => {
  it('takes the worst consequence type, per value group and overall', () => {
    const risk = scenarioRisk(DSB_SOCIETAL_SCALE, 3, [
      { rank: 1, typeCode: 'deaths' }, // 3 → low
      { rank: 2, typeCode: 'serious_injury_illness' }, // 6 → medium
      { rank: 4, typeCode: 'basic_needs' }, // 12 → high
      { rank: 2, typeCode: 'economic_direct' }, // 6 → medium
    ]);
    expect(risk.perType.map((t) => [t.typeCode, t.level.code])).toEqual([
      ['deaths', 'low'],
      ['serious_injury_illness', 'medium'],
      ['basic_needs', 'high'],
      ['economic_direct', 'medium'],
    ]);
    expect(risk.perValueGroup.map((t) => [t.valueGroup, t.typeCode, t.level.code])).toEqual([
      ['life_health', 'serious_injury_illness', 'medium'],
      ['stability', 'basic_needs', 'high'],
      ['material_economic', 'economic_direct', 'medium'],
    ]);
    expect(risk.overall?.typeCode).toBe('basic_needs');
    expect(risk.overall?.level).toMatchObject({ code: 'high', consequenceRank: 4, likelihoodRank: 3 });
  });

  it('never averages: one very large consequence makes the scenario high', () => {
    const risk = scenarioRisk(DSB_SOCIETAL_SCALE, 2, [
      { rank: 5, typeCode: 'deaths' },
      ...['basic_needs', 'daily_life_disruption', 'nature_longterm', 'economic_direct', 'economic_indirect'].map((typeCode) => ({
        rank: 1,
        typeCode,
      })),
    ]);
    expect(risk.overall?.level.code).toBe('high');
    expect(risk.overall?.typeCode).toBe('deaths');
  });

  it('within one band, places the scenario at the highest consequence', () => {
    const risk = scenarioRisk(DSB_SOCIETAL_SCALE, 5, [
      { rank: 2, typeCode: 'deaths' }, // 10 → high
      { rank: 4, typeCode: 'economic_direct' }, // 20 → high
    ]);
    expect(risk.overall?.typeCode).toBe('economic_direct');
    expect(risk.overall?.level.consequenceRank).toBe(4);
  });

  it('uses the band order, not the consequence rank, on a custom matrix', () => {
    const risk = scenarioRisk(CUSTOM_4X4, 4, [
      { rank: 1, typeCode: 'money' }, // watch
      { rank: 2, typeCode: 'people' }, // act
    ]);
    expect(risk.overall).toMatchObject({ level: { code: 'act' }, typeCode: 'people', valueGroup: 'people' });
  });

  it('computes residual risk with the same function', () => {
    const current = scenarioRisk(HMS_SCALE, 4, [{ rank: 4, typeCode: 'health_harm' }]);
    const residual = scenarioRisk(HMS_SCALE, 2, [{ rank: 3, typeCode: 'health_harm' }]);
    expect(current.overall?.level.code).toBe('high');
    expect(residual.overall?.level.code).toBe('medium');
  });

  it('has no overall risk before anything is rated', () => {
    expect(scenarioRisk(DSB_SOCIETAL_SCALE, 3, [])).toEqual({ overall: null, perType: [], perValueGroup: [] });
  });

  it('throws a RangeError for unknown types and out-of-range ranks', () => {
    expect(() => scenarioRisk(DSB_SOCIETAL_SCALE, 3, [{ rank: 2, typeCode: 'unknown' }])).toThrow(RangeError);
    expect(() => scenarioRisk(DSB_SOCIETAL_SCALE, 3, [{ rank: 6, typeCode: 'deaths' }])).toThrow(RangeError);
    expect(() => scenarioRisk(DSB_SOCIETAL_SCALE, 0, [{ rank: 1, typeCode: 'deaths' }])).toThrow(RangeError);
  });
});

describe('heatMap', () => {
  it('counts exactly the items in each cell and sums to the number of items', () => {
    const items = [
      { consequenceRank: 1, likelihoodRank: 1 },
      { consequenceRank: 5, likelihoodRank: 5 },
      { consequenceRank: 5, likelihoodRank: 5 },
      { consequenceRank: 2, likelihoodRank: 4 },
      { consequenceRank: 4, likelihoodRank: 2 },
      { consequenceRank: 5, likelihoodRank: 5 },
    ];
    const counts = heatMap(DSB_SOCIETAL_SCALE, items);
    expect(counts).toEqual([
      [1, 0, 0, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 0, 0, 3],
    ]);
    expect(counts.flat().reduce((sum, n) => sum + n, 0)).toBe(items.length);
  });

  it('matches a per-cell count on many generated items', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ consequenceRank: ((i * 7) % 4) + 1, likelihoodRank: ((i * 3) % 4) + 1 }));
    const counts = heatMap(CUSTOM_4X4, items);
    expect(counts).toHaveLength(4);
    for (let l = 1; l <= 4; l++) {
      expect(counts[l - 1]).toHaveLength(4);
      for (let c = 1; c <= 4; c++) {
        expect(counts[l - 1]?.[c - 1]).toBe(items.filter((item) => item.likelihoodRank === l && item.consequenceRank === c).length);
      }
    }
    expect(counts.flat().reduce((sum, n) => sum + n, 0)).toBe(1000);
  });

  it('gives an all-zero grid of the scale size for no items', () => {
    expect(heatMap(CUSTOM_4X4, [])).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('throws rather than dropping an item outside the scale', () => {
    expect(() => heatMap(CUSTOM_4X4, [{ consequenceRank: 5, likelihoodRank: 1 }])).toThrow(RangeError);
  });
});
