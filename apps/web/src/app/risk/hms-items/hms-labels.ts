import type { RiskFactorGroup } from '@helhet/domain';

/** Work-environment factor groups (domain.md §7.2 RiskFactorGroup). */
export const RISK_FACTOR_GROUP_LABELS: Record<RiskFactorGroup, () => string> = {
  accident: () => $localize`:@@hmsItems.groupAccident:Ulykker og skaderisiko`,
  biological: () => $localize`:@@hmsItems.groupBiological:Biologiske faktorer`,
  chemical: () => $localize`:@@hmsItems.groupChemical:Kjemiske faktorer`,
  ergonomic: () => $localize`:@@hmsItems.groupErgonomic:Mekaniske og ergonomiske faktorer`,
  org_psychosocial: () => $localize`:@@hmsItems.groupOrgPsychosocial:Organisatoriske og psykososiale faktorer`,
  physical: () => $localize`:@@hmsItems.groupPhysical:Fysiske faktorer`,
  violence_threats: () => $localize`:@@hmsItems.groupViolenceThreats:Vold og trusler`,
};
