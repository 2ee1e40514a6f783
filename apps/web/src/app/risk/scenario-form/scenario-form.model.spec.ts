import { DSB_SOCIETAL_SCALE, riskLevel } from '@helhet/domain';
import type { RiskScenarioResponse } from '@helhet/shared';

import { mapFieldErrors, previewLevel, toFormValue, toScenarioInput } from './scenario-form.model';

const scale = DSB_SOCIETAL_SCALE;
const [first, second] = scale.consequenceTypes;

describe('scenario form model', () => {
  it('should start a new scenario with every consequence "ikke vurdert" and the mandatory questions unanswered', () => {
    const value = toFormValue(scale);
    expect(Object.keys(value.consequences)).toEqual(scale.consequenceTypes.map((type) => type.code));
    expect(Object.values(value.consequences).every((answer) => answer.rank === null)).toBe(true);
    expect(value.needsWarning).toBeNull();
    expect(value.needsEvacuation).toBeNull();
  });

  it('should send only rated consequences, in the scale order, with empty texts as null', () => {
    const value = toFormValue(scale);
    value.title = '  Strømbrudd  ';
    value.likelihoodRank = 3;
    value.consequences[second!.code] = { rank: 2, rationale: '' };
    value.consequences[first!.code] = { rank: 4, rationale: 'Mange sårbare' };
    value.residualLikelihoodRank = 2;
    value.residualConsequences[first!.code] = { rank: 3, rationale: ' ' };
    const body = toScenarioInput(scale, value);
    expect(body.title).toBe('Strømbrudd');
    expect(body.consequences).toEqual([
      { rank: 4, rationale: 'Mange sårbare', typeCode: first!.code },
      { rank: 2, rationale: null, typeCode: second!.code },
    ]);
    expect(body.residualConsequences).toEqual([{ rank: 3, rationale: null, typeCode: first!.code }]);
    expect(body.causes).toBeNull();
  });

  it("should keep an existing scenario's answers", () => {
    const scenario = {
      consequences: [{ rank: 5, rationale: 'x', typeCode: second!.code }],
      needsWarning: true,
      residualConsequences: [],
      title: 'Flom',
    } as unknown as RiskScenarioResponse;
    const value = toFormValue(scale, scenario);
    expect(value.consequences[second!.code]).toEqual({ rank: 5, rationale: 'x' });
    expect(value.consequences[first!.code]).toEqual({ rank: null, rationale: '' });
    expect(value.needsWarning).toBe(true);
  });

  it('should preview the band of the worst consequence from the domain, and nothing until rated', () => {
    const value = toFormValue(scale);
    expect(previewLevel(scale, 4, value.consequences)).toBeNull();
    value.consequences[first!.code] = { rank: 1, rationale: '' };
    value.consequences[second!.code] = { rank: 5, rationale: '' };
    expect(previewLevel(scale, null, value.consequences)).toBeNull();
    expect(previewLevel(scale, 4, value.consequences)?.code).toBe(riskLevel(scale, 4, 5).code);
  });

  it("should put the API's indexed consequence errors on the consequence type that was sent at that index", () => {
    const value = toFormValue(scale);
    value.consequences[second!.code] = { rank: 9, rationale: '' };
    const mapped = mapFieldErrors(scale, value, {
      'consequences.0.rank': ['must be 1–5 on this scale'],
      title: ['title should not be empty'],
    });
    expect(mapped).toEqual({ [`consequences.${second!.code}`]: ['must be 1–5 on this scale'], title: ['title should not be empty'] });
  });
});
