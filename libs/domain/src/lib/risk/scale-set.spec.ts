import { DSB_SOCIETAL_SCALE, HMS_SCALE } from './default-scales';
import type { RiskMatrix, ScaleSet } from './scale-set';
import { cellsFromScoreThresholds, contrastRatio, validateScaleSet } from './scale-set';

const withMatrix = (matrix: Partial<RiskMatrix>): ScaleSet => ({
  ...DSB_SOCIETAL_SCALE,
  matrix: { ...DSB_SOCIETAL_SCALE.matrix, ...matrix },
});
const codes = (scale: ScaleSet, severity: 'error' | 'warning' = 'error'): string[] =>
  validateScaleSet(scale)
    .filter((problem) => problem.severity === severity)
    .map((problem) => `${problem.code} ${problem.path}`);

describe('validateScaleSet', () => {
  it('accepts the shipped scales without errors or warnings', () => {
    expect(validateScaleSet(DSB_SOCIETAL_SCALE)).toEqual([]);
    expect(validateScaleSet(HMS_SCALE)).toEqual([]);
  });

  it('catches a grid with a missing row, a short row, an empty cell and an unknown band', () => {
    const cells = [
      ['low', 'low', 'low', 'low', 'medium'],
      ['low', 'low', 'medium', 'medium'],
      ['low', 'medium', '', 'high', 'high'],
      ['low', 'medium', 'high', 'high', 'critical'],
    ];
    expect(codes(withMatrix({ cells }))).toEqual([
      'grid_rows matrix.cells',
      'grid_columns matrix.cells[1]',
      'cell_missing matrix.cells[1][4]',
      'cell_missing matrix.cells[2][2]',
      'unknown_band matrix.cells[3][4]',
      'cell_missing matrix.cells[4][0]',
      'cell_missing matrix.cells[4][1]',
      'cell_missing matrix.cells[4][2]',
      'cell_missing matrix.cells[4][3]',
      'cell_missing matrix.cells[4][4]',
    ]);
  });

  it('catches a size that does not match the level lists or the grid', () => {
    expect(codes(withMatrix({ size: { consequence: 4, likelihood: 5 } }))).toEqual(
      expect.arrayContaining([
        'level_count consequenceLevels',
        'level_count consequenceTypes[0].levels',
        'grid_columns matrix.cells[0]',
        'grid_columns matrix.cells[4]',
      ]),
    );
    expect(codes(withMatrix({ size: { consequence: 0, likelihood: 5 } }))).toContain('size_invalid matrix.size');
  });

  it('catches ranks out of order and duplicate codes', () => {
    const [first, second, ...rest] = DSB_SOCIETAL_SCALE.likelihoodLevels;
    if (!first || !second) throw new Error('fixture');
    const swapped: ScaleSet = { ...DSB_SOCIETAL_SCALE, likelihoodLevels: [second, first, ...rest] };
    expect(codes(swapped)).toEqual(['rank_order likelihoodLevels[0].rank', 'rank_order likelihoodLevels[1].rank']);

    const duplicated: ScaleSet = { ...DSB_SOCIETAL_SCALE, likelihoodLevels: [first, { ...second, code: first.code }, ...rest] };
    expect(codes(duplicated)).toEqual(['duplicate_code likelihoodLevels[1].code']);

    const [band] = DSB_SOCIETAL_SCALE.matrix.bands;
    if (!band) throw new Error('fixture');
    expect(codes(withMatrix({ bands: [...DSB_SOCIETAL_SCALE.matrix.bands, band] }))).toEqual(['duplicate_code matrix.bands[3].code']);
  });

  it('catches a consequence type in an unknown value group', () => {
    const [type, ...rest] = DSB_SOCIETAL_SCALE.consequenceTypes;
    if (!type) throw new Error('fixture');
    const scale: ScaleSet = { ...DSB_SOCIETAL_SCALE, consequenceTypes: [{ ...type, valueGroup: 'climate' }, ...rest] };
    expect(codes(scale)).toEqual(['unknown_value_group consequenceTypes[0].valueGroup']);
  });

  it('refuses band colours that are not hex or whose text is hard to read', () => {
    const [low, medium, high] = DSB_SOCIETAL_SCALE.matrix.bands;
    if (!low || !medium || !high) throw new Error('fixture');
    const bands = [{ ...low, colour: 'green' }, { ...medium, textColour: '#ffffff' }, high];
    expect(codes(withMatrix({ bands }))).toEqual(['colour_invalid matrix.bands[0].colour', 'contrast_low matrix.bands[1]']);
  });

  it('only warns about a non-monotonic grid, an unused band and an unused value group', () => {
    const cells = DSB_SOCIETAL_SCALE.matrix.cells.map((row) => [...row]);
    const top = cells[4];
    if (!top) throw new Error('fixture');
    top[4] = 'low'; // (5, 5) greener than its neighbours
    const scale: ScaleSet = {
      ...withMatrix({ cells }),
      valueGroups: [...DSB_SOCIETAL_SCALE.valueGroups, { code: 'governance', labelEn: 'Governance', labelNb: 'Styringsevne og tillit' }],
    };
    expect(codes(scale)).toEqual([]);
    expect(codes(scale, 'warning')).toEqual(['value_group_unused valueGroups[4]', 'not_monotonic matrix.cells[4][4]']);

    const noRed = withMatrix({
      cells: DSB_SOCIETAL_SCALE.matrix.cells.map((row) => row.map((code) => (code === 'high' ? 'medium' : code))),
    });
    expect(codes(noRed, 'warning')).toEqual(['band_unused matrix.bands[2]']);
  });

  it('warns when a societal scale groups types under something that is not a societal value', () => {
    const scale: ScaleSet = {
      ...HMS_SCALE,
      consequenceTypes: HMS_SCALE.consequenceTypes.map((type) => ({ ...type, valueGroup: 'employees' })),
      kind: 'societal',
      valueGroups: [{ code: 'employees', labelEn: 'Employees', labelNb: 'Ansatte' }],
    };
    expect(codes(scale)).toEqual([]);
    expect(codes(scale, 'warning')).toEqual(['not_societal_value valueGroups[0].code']);
  });

  it('catches an inverted probability interval', () => {
    const [first, ...rest] = DSB_SOCIETAL_SCALE.likelihoodLevels;
    if (!first) throw new Error('fixture');
    const scale: ScaleSet = {
      ...DSB_SOCIETAL_SCALE,
      likelihoodLevels: [{ ...first, annualProbability: { max: 0.001, min: 0.01 } }, ...rest],
    };
    expect(codes(scale)).toEqual(['probability_interval likelihoodLevels[0].annualProbability']);
  });
});

describe('contrastRatio', () => {
  it('follows WCAG: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('red', '#ffffff')).toBeNull();
  });
});

describe('cellsFromScoreThresholds', () => {
  it('reproduces the DSB grid from the §2.5 thresholds', () => {
    const cells = cellsFromScoreThresholds({ consequence: 5, likelihood: 5 }, [
      { band: 'low', maxScore: 4 },
      { band: 'medium', maxScore: 9 },
      { band: 'high', maxScore: 25 },
    ]);
    expect(cells).toEqual(DSB_SOCIETAL_SCALE.matrix.cells);
  });

  it('builds the optional four-band variant (dark red from 15) as plain data', () => {
    const cells = cellsFromScoreThresholds({ consequence: 5, likelihood: 5 }, [
      { band: 'low', maxScore: 4 },
      { band: 'medium', maxScore: 9 },
      { band: 'high', maxScore: 14 },
      { band: 'very_high', maxScore: 25 },
    ]);
    expect(cells[4]).toEqual(['medium', 'high', 'very_high', 'very_high', 'very_high']);
    expect(cells[2]?.[4]).toBe('very_high'); // 15
    expect(cells[3]?.[2]).toBe('high'); // 12
  });
});
