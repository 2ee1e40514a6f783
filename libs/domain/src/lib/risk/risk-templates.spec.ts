import { DEFAULT_SCALE_SETS, HMS_SCALE } from './default-scales';
import { RISK_FACTOR_GROUPS } from './risk.types';
import { DEFAULT_RISK_FACTORS, HMS_TEMPLATE_SERVICE_TYPES, riskFactorsForServiceType } from './risk-factors';
import { riskLevel } from './risk-level';
import { RISK_ANALYSIS_TEMPLATES, riskAnalysisTemplate } from './risk-templates';
import { validateScaleSet } from './scale-set';

describe('HMS factor catalogue', () => {
  it('should have unique snake_case codes and a factor in every group of domain.md §2.9', () => {
    const codes = DEFAULT_RISK_FACTORS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z_]*[a-z]$/);
    for (const group of RISK_FACTOR_GROUPS) expect(DEFAULT_RISK_FACTORS.filter((f) => f.group === group).length).toBeGreaterThan(0);
    for (const factor of DEFAULT_RISK_FACTORS) expect(RISK_FACTOR_GROUPS).toContain(factor.group);
  });

  it('should have labels in both languages and link only to the Norwegian work-environment authorities', () => {
    for (const factor of DEFAULT_RISK_FACTORS) {
      expect(factor.labelNb.trim()).not.toBe('');
      expect(factor.labelEn.trim()).not.toBe('');
      if (factor.sourceUrl !== null)
        expect(new URL(factor.sourceUrl).hostname).toMatch(/^www\.(arbeidstilsynet|arbeidsmiljoportalen)\.no$/);
      for (const serviceType of factor.serviceTypes) expect(HMS_TEMPLATE_SERVICE_TYPES).toContain(serviceType);
    }
  });

  it('should name violence and patient handling typical of nursing homes but not of offices', () => {
    const nursingHome = riskFactorsForServiceType('nursing_home').map((f) => f.code);
    const office = riskFactorsForServiceType('office').map((f) => f.code);
    expect(nursingHome).toEqual(expect.arrayContaining(['violence_users', 'patient_handling', 'lone_work', 'needle_stick']));
    expect(office).not.toContain('patient_handling');
    expect(office).toContain('screen_work');
    expect(riskFactorsForServiceType('fire_rescue')).toEqual([]);
  });
});

describe('risk analysis templates', () => {
  it('should ship one HMS template per service type and a service ROS template', () => {
    const hms = RISK_ANALYSIS_TEMPLATES.filter((t) => t.type === 'hms_ros');
    expect(hms.map((t) => t.serviceType).sort()).toEqual([...HMS_TEMPLATE_SERVICE_TYPES].sort());
    expect(RISK_ANALYSIS_TEMPLATES.filter((t) => t.type === 'service_ros').length).toBe(1);
    const codes = RISK_ANALYSIS_TEMPLATES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(riskAnalysisTemplate('hms_nursing_home')?.serviceType).toBe('nursing_home');
    expect(riskAnalysisTemplate('no_such_template')).toBeUndefined();
  });

  it('should prefill HMS templates with catalogue factors typical of their service, each once, on a sound HMS scale', () => {
    expect(validateScaleSet(HMS_SCALE).filter((p) => p.severity === 'error')).toEqual([]);
    for (const template of RISK_ANALYSIS_TEMPLATES.filter((t) => t.type === 'hms_ros')) {
      const scale = DEFAULT_SCALE_SETS.find((s) => s.code === template.scaleSetCode);
      expect(scale?.kind).toBe('hms');
      expect(template.scenarios).toEqual([]);
      expect(template.hmsItems.length).toBeGreaterThanOrEqual(6);
      const codes = template.hmsItems.map((item) => item.factorCode);
      expect(new Set(codes).size).toBe(codes.length);
      const groups = new Set<string>();
      for (const item of template.hmsItems) {
        const factor = DEFAULT_RISK_FACTORS.find((f) => f.code === item.factorCode);
        expect(factor?.serviceTypes).toContain(template.serviceType);
        groups.add(factor!.group);
        expect(item.taskOrLocation.trim()).not.toBe('');
        expect(item.exposedGroup.trim()).not.toBe('');
      }
      // A template covering one group only would miss aml § 3-1's "all risk factors".
      expect(groups.size).toBeGreaterThanOrEqual(4);
      expect(new URL(template.sourceUrl!).hostname).toBe('www.arbeidsmiljoportalen.no');
    }
  });

  it('should leave every item unscored but scorable anywhere on its scale', () => {
    for (const template of RISK_ANALYSIS_TEMPLATES) {
      const scale = DEFAULT_SCALE_SETS.find((s) => s.code === template.scaleSetCode)!;
      expect(scale).toBeDefined();
      for (const item of [...template.hmsItems, ...template.scenarios]) {
        expect(Object.keys(item).some((key) => /rank|likelihood|consequence/i.test(key))).toBe(false);
      }
      const { size } = scale.matrix;
      expect(riskLevel(scale, size.likelihood, size.consequence).bandRank).toBe(scale.matrix.bands.length);
      expect(riskLevel(scale, 1, 1).bandRank).toBe(1);
    }
  });

  it('should give the service ROS typical undesired events with both hazards and threats', () => {
    const template = riskAnalysisTemplate('service_ros_general')!;
    expect(template.scaleSetCode).toBe('dsb_societal');
    expect(template.scenarios.length).toBeGreaterThanOrEqual(6);
    expect(new Set(template.scenarios.map((s) => s.hazardSource))).toEqual(new Set(['hazard', 'threat']));
    expect(template.hmsItems).toEqual([]);
  });
});
