import type { HazardSource, RiskAnalysisType } from './risk.types';
import { type HmsTemplateServiceType, riskFactorsForServiceType } from './risk-factors';

/** A prefilled HMS risk item: which factor, where and who. No scores: the unit assesses them (domain.md §2.9). */
export interface HmsTemplateItem {
  readonly factorCode: string;
  readonly taskOrLocation: string;
  readonly exposedGroup: string;
}

/** A prefilled undesired event (domain.md §2.2), without likelihood or consequence. */
export interface ScenarioTemplateItem {
  readonly title: string;
  readonly hazardSource: HazardSource;
  readonly description: string;
}

/** A starting point for a new analysis (GET /api/risk/templates). */
export interface RiskTemplateDefinition {
  readonly code: string;
  readonly type: RiskAnalysisType;
  /** Scale set code the template's items are meant for. */
  readonly scaleSetCode: string;
  readonly titleNb: string;
  readonly descriptionNb: string;
  readonly serviceType: HmsTemplateServiceType | null;
  readonly sourceUrl: string | null;
  readonly hmsItems: readonly HmsTemplateItem[];
  readonly scenarios: readonly ScenarioTemplateItem[];
}

interface HmsServiceProfile {
  readonly serviceType: HmsTemplateServiceType;
  readonly nameNb: string;
  /** Industry page of Arbeidstilsynet's work-environment portal. */
  readonly sourceUrl: string;
  readonly exposedGroup: string;
  readonly defaultTask: string;
  /** Where or in which task a factor typically shows, by factor code. */
  readonly tasks: Readonly<Record<string, string>>;
}

const PORTAL = 'https://www.arbeidsmiljoportalen.no/bransje';

const PROFILES: readonly HmsServiceProfile[] = [
  {
    defaultTask: 'Pleie og omsorg i avdelingene',
    exposedGroup: 'Sykepleiere, helsefagarbeidere og assistenter',
    nameNb: 'sykehjem',
    serviceType: 'nursing_home',
    sourceUrl: `${PORTAL}/sykehjem`,
    tasks: {
      arms_above_shoulder: 'Stell og påkledning, hårvask',
      cleaning_agents: 'Desinfeksjon og renhold på skyllerom',
      fire: 'Nattevakt, evakuering av sengeliggende beboere',
      lone_work: 'Nattevakt på egen avdeling',
      needle_stick: 'Injeksjoner og blodprøver',
      patient_handling: 'Forflytning og stell av beboere',
      shift_night_work: 'Turnus med natt- og helgevakter',
      violence_users: 'Stell av beboere med demens og utfordrende atferd',
    },
  },
  {
    defaultTask: 'Hjemmebesøk hos brukere',
    exposedGroup: 'Ansatte i hjemmetjenesten',
    nameNb: 'hjemmetjenesten',
    serviceType: 'home_care',
    sourceUrl: `${PORTAL}/hjemmetjenester`,
    tasks: {
      bent_kneeling: 'Stell i trange bad og soverom',
      cold_heat: 'Utearbeid og kjøring mellom brukere vinterstid',
      lone_work: 'Alenearbeid i brukers hjem, også kveld og natt',
      patient_handling: 'Forflytning uten fast utstyr i brukers hjem',
      threats: 'Ukjente forhold i brukers hjem, pårørende',
      traffic: 'Kjøring mellom brukere i tjenestebil',
      violence_users: 'Brukere med rus eller psykiske lidelser',
    },
  },
  {
    defaultTask: 'Arbeid med barna inne og ute',
    exposedGroup: 'Pedagoger, barne- og ungdomsarbeidere og assistenter',
    nameNb: 'barnehage',
    serviceType: 'kindergarten',
    sourceUrl: `${PORTAL}/barnehage`,
    tasks: {
      bent_kneeling: 'Stell, påkledning og lek på gulvet',
      infection: 'Stell og bleieskift, sykdomsutbrudd',
      low_furniture: 'Løft av barn til stellebord og stol',
      noise: 'Måltider, garderobe og innelek',
    },
  },
  {
    defaultTask: 'Undervisning og inspeksjon',
    exposedGroup: 'Lærere, miljøarbeidere og assistenter',
    nameNb: 'grunnskole',
    serviceType: 'primary_school',
    sourceUrl: `${PORTAL}/undervisning-grunnskole`,
    tasks: {
      machinery: 'Kunst og håndverk, mat og helse',
      noise: 'Klasserom, gymsal og SFO',
      solvents: 'Kunst og håndverk, naturfag',
      violence_users: 'Elever med utfordrende atferd',
    },
  },
  {
    defaultTask: 'Saksbehandling og kontorarbeid',
    exposedGroup: 'Saksbehandlere og ledere',
    nameNb: 'kontorarbeidsplass',
    serviceType: 'office',
    sourceUrl: `${PORTAL}/kontorarbeidsplasser`,
    tasks: {
      screen_work: 'Skjermarbeid ved kontorplass',
      threats: 'Publikumsmottak og telefon',
    },
  },
];

const hmsTemplate = (profile: HmsServiceProfile): RiskTemplateDefinition => ({
  code: `hms_${profile.serviceType}`,
  descriptionNb: `Typiske arbeidsmiljøfaktorer for ${profile.nameNb}, etter Arbeidstilsynets bransjeveiledning. Enheten vurderer sannsynlighet og konsekvens selv.`,
  hmsItems: riskFactorsForServiceType(profile.serviceType).map((item) => ({
    exposedGroup: profile.exposedGroup,
    factorCode: item.code,
    taskOrLocation: profile.tasks[item.code] ?? profile.defaultTask,
  })),
  scaleSetCode: 'hms_default',
  scenarios: [],
  serviceType: profile.serviceType,
  sourceUrl: profile.sourceUrl,
  titleNb: `HMS-risikovurdering ${profile.nameNb}`,
  type: 'hms_ros',
});

const SERVICE_ROS_SCENARIOS: readonly ScenarioTemplateItem[] = [
  {
    description: 'Strømmen er borte i mer enn ett døgn midt på vinteren; varme, lys, heiser og medisinsk utstyr svikter.',
    hazardSource: 'hazard',
    title: 'Langvarig strømbrudd',
  },
  {
    description: 'Journalsystem, nett eller telefoni er nede i flere dager, for eksempel etter et løsepengevirus.',
    hazardSource: 'threat',
    title: 'Bortfall av IKT og elektronisk journal',
  },
  {
    description: 'Kommunalt drikkevann er forurenset eller leveransen er stanset i flere dager.',
    hazardSource: 'hazard',
    title: 'Svikt i vannforsyningen',
  },
  {
    description: 'Pandemi eller større utbrudd gir høyt sykefravær og økt pleiebehov samtidig.',
    hazardSource: 'hazard',
    title: 'Smitteutbrudd med høyt fravær',
  },
  {
    description: 'Brann i bygget der brukere eller barn oppholder seg; behov for evakuering.',
    hazardSource: 'hazard',
    title: 'Brann i tjenestested',
  },
  {
    description: 'Flom, skred eller uvær stenger veier slik at ansatte og leveranser ikke kommer fram.',
    hazardSource: 'hazard',
    title: 'Ekstremvær som stenger veier',
  },
  {
    description: 'Mangel på nøkkelpersonell eller vikarer over tid, slik at forsvarlig drift er truet.',
    hazardSource: 'hazard',
    title: 'Mangel på kvalifisert personell',
  },
  {
    description: 'Vold, trusler eller et alvorlig angrep mot brukere eller ansatte på tjenestestedet.',
    hazardSource: 'threat',
    title: 'Alvorlig voldshendelse',
  },
];

/**
 * The shipped templates: an HMS risk assessment per service type (domain.md §2.9) prefilled with that
 * service's typical factors, and a service ROS (tjeneste-ROS) with typical undesired events.
 */
export const RISK_ANALYSIS_TEMPLATES: readonly RiskTemplateDefinition[] = [
  ...PROFILES.map(hmsTemplate),
  {
    code: 'service_ros_general',
    descriptionNb:
      'Typiske uønskede hendelser for en kommunal tjeneste: bortfall av strøm, IKT og vann, smitte, brann, ekstremvær, personellmangel og vold.',
    hmsItems: [],
    scaleSetCode: 'dsb_societal',
    scenarios: SERVICE_ROS_SCENARIOS,
    serviceType: null,
    sourceUrl:
      'https://www.dsb.no/veiledere-handboker-og-informasjonsmateriell/veileder-til-helhetlig-risiko-og-sarbarhetsanalyse-i-kommunen/',
    titleNb: 'Tjeneste-ROS',
    type: 'service_ros',
  },
];

/** The template with this code, or undefined. */
export const riskAnalysisTemplate = (code: string): RiskTemplateDefinition | undefined =>
  RISK_ANALYSIS_TEMPLATES.find((template) => template.code === code);
