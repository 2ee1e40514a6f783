import { DEFAULT_SCALE_SETS, DSB_SOCIETAL_SCALE, HMS_SCALE } from './default-scales';
import { SOCIETAL_VALUES } from './risk.types';
import { contrastRatio, MIN_TEXT_CONTRAST, validateScaleSet } from './scale-set';

describe('default scales', () => {
  it.each(DEFAULT_SCALE_SETS.map((scale) => [scale.code, scale] as const))('%s passes validateScaleSet', (_code, scale) => {
    expect(validateScaleSet(scale)).toEqual([]);
  });

  it('has the DSB 2014 likelihood intervals (domain.md §2.3), least likely first', () => {
    expect(
      DSB_SOCIETAL_SCALE.likelihoodLevels.map((level) => [
        level.rank,
        level.code,
        level.labelNb,
        level.probabilityText,
        level.annualProbability,
      ]),
    ).toEqual([
      [1, 'very_low', 'Svært lav', '< 0,1 % per år', { max: 0.001, min: 0 }],
      [2, 'low', 'Lav', '0,1–1 % per år', { max: 0.01, min: 0.001 }],
      [3, 'medium', 'Middels', '1–2 % per år', { max: 0.02, min: 0.01 }],
      [4, 'high', 'Høy', '2–10 % per år', { max: 0.1, min: 0.02 }],
      [5, 'very_high', 'Svært høy', '> 10 % per år', { max: null, min: 0.1 }],
    ]);
  });

  it('groups the consequence types under the societal values, five levels each (domain.md §2.4)', () => {
    const societal = new Set<string>(SOCIETAL_VALUES);
    expect(DSB_SOCIETAL_SCALE.valueGroups.every((group) => societal.has(group.code))).toBe(true);
    expect(DSB_SOCIETAL_SCALE.consequenceTypes.map((type) => `${type.valueGroup}/${type.code}`)).toEqual([
      'life_health/deaths',
      'life_health/serious_injury_illness',
      'stability/basic_needs',
      'stability/daily_life_disruption',
      'nature_culture/nature_longterm',
      'nature_culture/culture_irreversible',
      'material_economic/economic_direct',
      'material_economic/economic_indirect',
    ]);
    expect(DSB_SOCIETAL_SCALE.consequenceLevels.map((level) => level.labelNb)).toEqual([
      'Svært små',
      'Små',
      'Middels',
      'Store',
      'Svært store',
    ]);
    for (const type of DSB_SOCIETAL_SCALE.consequenceTypes) {
      expect(type.levels.map((level) => level.code)).toEqual(['very_small', 'small', 'medium', 'large', 'very_large']);
      for (const level of type.levels) expect(level.descriptionNb && level.descriptionEn).toBeTruthy();
    }
    const deaths = DSB_SOCIETAL_SCALE.consequenceTypes.find((type) => type.code === 'deaths');
    expect(deaths?.levels.map((level) => level.descriptionNb)).toEqual(['Ingen døde', '1–2 døde', '3–5 døde', '6–20 døde', 'Over 20 døde']);
  });

  it('uses the HMS scale of domain.md §2.9', () => {
    expect(HMS_SCALE.likelihoodLevels.map((level) => level.labelNb)).toEqual([
      'Lite sannsynlig',
      'Mindre sannsynlig',
      'Sannsynlig',
      'Meget sannsynlig',
      'Svært sannsynlig',
    ]);
    expect(HMS_SCALE.consequenceLevels.map((level) => level.labelNb)).toEqual([
      'Ubetydelig',
      'Mindre alvorlig',
      'Betydelig',
      'Alvorlig',
      'Svært alvorlig',
    ]);
    expect(HMS_SCALE.consequenceTypes).toHaveLength(1);
  });

  it('draws band text readably on every band colour', () => {
    for (const scale of DEFAULT_SCALE_SETS) {
      for (const band of scale.matrix.bands) expect(contrastRatio(band.colour, band.textColour)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });
});
