import type { RiskFactorGroup } from './risk.types';

/**
 * The municipal service types that get an HMS factor template (domain.md §2.9: the industries most used
 * in Arbeidstilsynet's and STAMI's tools in 2023). Same ids as the org unit's `serviceType`.
 */
export const HMS_TEMPLATE_SERVICE_TYPES = ['nursing_home', 'home_care', 'kindergarten', 'primary_school', 'office'] as const;
export type HmsTemplateServiceType = (typeof HMS_TEMPLATE_SERVICE_TYPES)[number];

/**
 * One work-environment factor of the catalogue (domain.md §2.9, §7.1 `RiskFactor`). Tenant data: each
 * kommune gets this default list and may add its own. `serviceTypes` names the service types where the
 * factor is typical (empty: general, not in a template).
 */
export interface RiskFactorDefinition {
  readonly code: string;
  readonly group: RiskFactorGroup;
  readonly labelNb: string;
  readonly labelEn: string;
  readonly serviceTypes: readonly HmsTemplateServiceType[];
  /** Guidance on arbeidstilsynet.no or arbeidsmiljoportalen.no; null when no page is given. */
  readonly sourceUrl: string | null;
}

const AT = 'https://www.arbeidstilsynet.no/tema';
const ALL: readonly HmsTemplateServiceType[] = HMS_TEMPLATE_SERVICE_TYPES;
const CARE: readonly HmsTemplateServiceType[] = ['nursing_home', 'home_care'];
const CHILDREN: readonly HmsTemplateServiceType[] = ['kindergarten', 'primary_school'];

const factor = (
  group: RiskFactorGroup,
  code: string,
  labelNb: string,
  labelEn: string,
  serviceTypes: readonly HmsTemplateServiceType[],
  sourceUrl: string | null = null,
): RiskFactorDefinition => ({ code, group, labelEn, labelNb, serviceTypes, sourceUrl });

/**
 * The default factor catalogue: the example factors of domain.md §2.9 per group, with the service types
 * where Arbeidstilsynet's industry guidance (arbeidsmiljoportalen.no) names them as typical. The
 * service-type assignment is Helhet's reading of that guidance [P]: a starting point a kommune adjusts.
 */
export const DEFAULT_RISK_FACTORS: readonly RiskFactorDefinition[] = [
  // Organisatoriske og psykososiale
  factor(
    'org_psychosocial',
    'high_demands',
    'Høye jobbkrav og tidspress',
    'High job demands and time pressure',
    ALL,
    `${AT}/organisatorisk-og-psykososialt-arbeidsmiljo/`,
  ),
  factor('org_psychosocial', 'low_control', 'Lav kontroll over egen arbeidssituasjon', 'Low control over own work', [
    'home_care',
    'nursing_home',
    'office',
  ]),
  factor('org_psychosocial', 'role_conflict', 'Rollekonflikt og rolleuklarhet', 'Role conflict and role ambiguity', [
    'office',
    'primary_school',
    'home_care',
  ]),
  factor('org_psychosocial', 'emotional_demands', 'Emosjonelle krav', 'Emotional demands', [...CARE, ...CHILDREN]),
  factor('org_psychosocial', 'low_support', 'Lav støtte fra leder og kolleger', 'Low support from leader and colleagues', [
    'home_care',
    'office',
  ]),
  factor('org_psychosocial', 'restructuring', 'Omstilling og usikkerhet om jobben', 'Restructuring and job insecurity', ['office']),
  factor('org_psychosocial', 'shift_night_work', 'Skift- og nattarbeid', 'Shift and night work', CARE, `${AT}/arbeidstid/`),
  factor('org_psychosocial', 'lone_work', 'Alenearbeid', 'Lone work', CARE),
  factor(
    'org_psychosocial',
    'bullying_harassment',
    'Mobbing og trakassering (også seksuell)',
    'Bullying and harassment (incl. sexual)',
    ALL,
    `${AT}/mobbing-og-trakassering/`,
  ),
  factor('org_psychosocial', 'conflicts', 'Konflikter i arbeidsmiljøet', 'Conflicts at work', ['kindergarten', 'primary_school', 'office']),
  // Vold og trusler
  factor(
    'violence_threats',
    'violence_users',
    'Vold fra brukere, pasienter eller elever',
    'Violence from users, patients or pupils',
    ['nursing_home', 'home_care', 'primary_school'],
    `${AT}/vold-og-trusler/`,
  ),
  factor(
    'violence_threats',
    'threats',
    'Trusler fra brukere, pårørende eller tredjepart',
    'Threats from users, relatives or third parties',
    ['nursing_home', 'home_care', 'primary_school', 'office'],
    `${AT}/vold-og-trusler/`,
  ),
  factor(
    'violence_threats',
    'harassment_third_party',
    'Trakassering fra brukere, foreldre eller pårørende',
    'Harassment from users, parents or relatives',
    ['kindergarten', 'primary_school', 'office'],
    `${AT}/vold-og-trusler/`,
  ),
  // Mekaniske / ergonomiske
  factor(
    'ergonomic',
    'patient_handling',
    'Tunge løft og forflytning av pasienter',
    'Heavy lifting and patient handling',
    CARE,
    `${AT}/ergonomi/`,
  ),
  factor(
    'ergonomic',
    'arms_above_shoulder',
    'Arbeid med armene over skulderhøyde',
    'Work with arms above shoulder height',
    ['nursing_home'],
    `${AT}/ergonomi/`,
  ),
  factor(
    'ergonomic',
    'bent_kneeling',
    'Foroverbøyde og knestående arbeidsstillinger',
    'Bent and kneeling postures',
    ['kindergarten', 'home_care'],
    `${AT}/ergonomi/`,
  ),
  factor(
    'ergonomic',
    'low_furniture',
    'Lave møbler og løft av barn',
    'Low furniture and lifting children',
    ['kindergarten'],
    `${AT}/ergonomi/`,
  ),
  factor('ergonomic', 'repetitive_work', 'Ensformig gjentakende arbeid', 'Repetitive work', ['office'], `${AT}/ergonomi/`),
  factor(
    'ergonomic',
    'screen_work',
    'Langvarig stillesittende skjermarbeid',
    'Prolonged sitting and screen work',
    ['office'],
    `${AT}/ergonomi/`,
  ),
  // Fysiske
  factor('physical', 'noise', 'Støy', 'Noise', CHILDREN, `${AT}/stoy/`),
  factor('physical', 'vibration', 'Vibrasjoner', 'Vibration', [], `${AT}/vibrasjoner/`),
  factor(
    'physical',
    'indoor_climate',
    'Inneklima og ventilasjon',
    'Indoor climate and ventilation',
    ['kindergarten', 'primary_school', 'office', 'nursing_home'],
    `${AT}/inneklima/`,
  ),
  factor('physical', 'lighting', 'Belysning', 'Lighting', ['office']),
  factor('physical', 'cold_heat', 'Kulde og varme (også utearbeid)', 'Cold and heat (incl. outdoor work)', ['kindergarten', 'home_care']),
  factor('physical', 'radiation', 'Stråling', 'Radiation', []),
  // Kjemiske
  factor(
    'chemical',
    'cleaning_agents',
    'Rengjørings- og desinfeksjonsmidler',
    'Cleaning agents and disinfectants',
    ['nursing_home', 'home_care', 'kindergarten'],
    `${AT}/kjemikalier/`,
  ),
  factor('chemical', 'dust', 'Støv', 'Dust', [], `${AT}/kjemikalier/`),
  factor('chemical', 'solvents', 'Løsemidler (stoffkartotek)', 'Solvents (substance register)', ['primary_school'], `${AT}/kjemikalier/`),
  // Biologiske
  factor('biological', 'infection', 'Smitte', 'Infection', [...CARE, ...CHILDREN], `${AT}/biologiske-faktorer/`),
  factor('biological', 'needle_stick', 'Stikkskader', 'Needle-stick injuries', CARE, `${AT}/biologiske-faktorer/`),
  factor('biological', 'mould', 'Muggsopp og fukt', 'Mould and damp', [], `${AT}/biologiske-faktorer/`),
  factor('biological', 'sewage', 'Avløpsvann og kloakk', 'Sewage', [], `${AT}/biologiske-faktorer/`),
  // Ulykker / skaderisiko
  factor('accident', 'falls', 'Fall, skli og snubling', 'Falls, slips and trips', ALL),
  factor('accident', 'cuts', 'Kuttskader', 'Cuts', ['kindergarten', 'nursing_home']),
  factor('accident', 'traffic', 'Trafikk og kjøring i tjenesten', 'Traffic and driving at work', ['home_care']),
  factor('accident', 'machinery', 'Maskiner og verktøy', 'Machinery and tools', ['primary_school']),
  factor('accident', 'fire', 'Brann', 'Fire', ['nursing_home', 'kindergarten', 'primary_school']),
];

/** The catalogue's factors that are typical of a service type, in catalogue order. */
export const riskFactorsForServiceType = (serviceType: string): RiskFactorDefinition[] =>
  DEFAULT_RISK_FACTORS.filter((candidate) => (candidate.serviceTypes as readonly string[]).includes(serviceType));
