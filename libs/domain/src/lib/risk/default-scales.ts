import type { AxisLevel, ConsequenceLevel, RiskBand, ScaleSet } from './scale-set';

/**
 * The scales Helhet ships. A tenant starts from a copy and may change anything (domain.md §2.3–§2.5);
 * analyses are pinned to the version they used, so editing a copy never moves an approved analysis.
 */

/**
 * The three bands of DSB's land-use example (domain.md §2.5, reguleringsplanveilederen): green =
 * acceptable, yellow = measures to be considered, red = unacceptable. Likelihood-reducing measures are
 * considered before consequence-reducing ones. Colours chosen for ≥ 4.5:1 text contrast (WCAG 2.1 AA).
 */
export const THREE_RISK_BANDS: readonly RiskBand[] = [
  {
    acceptanceEn: 'Acceptable risk. Measures may be considered.',
    acceptanceNb: 'Akseptabel risiko. Tiltak kan vurderes.',
    code: 'low',
    colour: '#2e7d32',
    labelEn: 'Low risk',
    labelNb: 'Lav risiko',
    textColour: '#ffffff',
  },
  {
    acceptanceEn: 'Measures shall be considered: likelihood-reducing measures first, then consequence-reducing ones.',
    acceptanceNb: 'Tiltak skal vurderes: først sannsynlighetsreduserende, deretter konsekvensreduserende tiltak.',
    code: 'medium',
    colour: '#fbc02d',
    labelEn: 'Medium risk',
    labelNb: 'Middels risiko',
    textColour: '#1a1a1a',
  },
  {
    acceptanceEn: 'Unacceptable risk. Measures are necessary: likelihood-reducing measures first, then consequence-reducing ones.',
    acceptanceNb: 'Uakseptabel risiko. Tiltak er nødvendig: først sannsynlighetsreduserende, deretter konsekvensreduserende tiltak.',
    code: 'high',
    colour: '#c62828',
    labelEn: 'High risk',
    labelNb: 'Høy risiko',
    textColour: '#ffffff',
  },
];

/**
 * The default 5 × 5 colouring (domain.md §2.5 [P]): score = likelihood rank × consequence rank; green
 * 1–4, yellow 5–9, red 10–25. Written out cell by cell because the grid, not the rule, is the data.
 * Rows are likelihood ranks 1 (bottom of a drawn matrix) to 5; columns consequence ranks 1 to 5.
 */
const FIVE_BY_FIVE_SCORE_GRID: readonly (readonly string[])[] = [
  //  C1        C2        C3        C4        C5
  ['low', 'low', 'low', 'low', 'medium'], //     L1  (scores 1–5)
  ['low', 'low', 'medium', 'medium', 'high'], // L2  (2–10)
  ['low', 'medium', 'medium', 'high', 'high'], // L3  (3–15)
  ['low', 'medium', 'high', 'high', 'high'], //   L4  (4–20)
  ['medium', 'high', 'high', 'high', 'high'], //  L5  (5–25)
];

/** Consequence levels of the societal scale (domain.md §2.4, §7.2 `ConsequenceLevel`). */
const SOCIETAL_CONSEQUENCE_AXIS: readonly AxisLevel[] = [
  { code: 'very_small', labelEn: 'Very small', labelNb: 'Svært små', rank: 1 },
  { code: 'small', labelEn: 'Small', labelNb: 'Små', rank: 2 },
  { code: 'medium', labelEn: 'Medium', labelNb: 'Middels', rank: 3 },
  { code: 'large', labelEn: 'Large', labelNb: 'Store', rank: 4 },
  { code: 'very_large', labelEn: 'Very large', labelNb: 'Svært store', rank: 5 },
];

/** A type's levels: the axis levels with this type's descriptors (bokmål, English), smallest first. */
const describe = (axis: readonly AxisLevel[], descriptors: readonly (readonly [string, string])[]): ConsequenceLevel[] =>
  axis.map((level, index) => ({ ...level, descriptionEn: descriptors[index]?.[1] ?? '', descriptionNb: descriptors[index]?.[0] ?? '' }));

const NATURE_CULTURE_DESCRIPTORS = [
  ['Ubetydelige skader', 'Negligible damage'],
  ['Lokale skader, under 1 år', 'Local damage, less than 1 year'],
  ['Lokale skader, 1–3 år', 'Local damage, 1–3 years'],
  ['Regionale skader eller 3–10 år', 'Regional damage or 3–10 years'],
  ['Over 10 år eller uopprettelig', 'More than 10 years or irreversible'],
] as const;

const ECONOMIC_LOSS_DESCRIPTORS = [
  ['Under 1 mill. kr', 'Less than NOK 1 million'],
  ['1–10 mill. kr', 'NOK 1–10 million'],
  ['10–50 mill. kr', 'NOK 10–50 million'],
  ['50–200 mill. kr', 'NOK 50–200 million'],
  ['Over 200 mill. kr', 'More than NOK 200 million'],
] as const;

/**
 * DSB's 5 × 5 scale for helhetlig ROS and other societal-safety analyses.
 *
 * - Likelihood: the DSB 2014 kommune guide's intervals as re-used by FylkesROS Rogaland (domain.md §2.3),
 *   with "> 10 %" for *svært høy* (the Rogaland print's "< 10 %" is a misprint).
 * - Consequences: the four societal values of the 2014 kommune guide with their consequence types
 *   (§2.4). The optional NRB types (social and psychological reactions; governance capacity and trust)
 *   have no descriptors in domain.md and are left for tenants to add. The thresholds are Helhet's
 *   kommune-level *examples* (§2.4 [P]) — the UI labels them "eksempel, tilpass lokalt".
 * - Matrix: the three DSB bands, coloured by the score rule of §2.5.
 */
export const DSB_SOCIETAL_SCALE: ScaleSet = {
  code: 'dsb_societal',
  consequenceLevels: SOCIETAL_CONSEQUENCE_AXIS,
  consequenceTypes: [
    {
      code: 'deaths',
      labelEn: 'Deaths',
      labelNb: 'Dødsfall',
      levels: describe(SOCIETAL_CONSEQUENCE_AXIS, [
        ['Ingen døde', 'No deaths'],
        ['1–2 døde', '1–2 deaths'],
        ['3–5 døde', '3–5 deaths'],
        ['6–20 døde', '6–20 deaths'],
        ['Over 20 døde', 'More than 20 deaths'],
      ]),
      valueGroup: 'life_health',
    },
    {
      code: 'serious_injury_illness',
      labelEn: 'Seriously injured and ill',
      labelNb: 'Alvorlig skadde og syke',
      levels: describe(SOCIETAL_CONSEQUENCE_AXIS, [
        ['Under 5 alvorlig skadde eller syke', 'Fewer than 5 seriously injured or ill'],
        ['5–10 alvorlig skadde eller syke', '5–10 seriously injured or ill'],
        ['11–30 alvorlig skadde eller syke', '11–30 seriously injured or ill'],
        ['31–100 alvorlig skadde eller syke', '31–100 seriously injured or ill'],
        ['Over 100 alvorlig skadde eller syke', 'More than 100 seriously injured or ill'],
      ]),
      valueGroup: 'life_health',
    },
    {
      code: 'basic_needs',
      labelEn: 'Basic needs not met (food, water, heating, medicines)',
      labelNb: 'Manglende dekning av grunnleggende behov (mat, vann, varme, medisiner)',
      levels: describe(SOCIETAL_CONSEQUENCE_AXIS, [
        ['Under 100 personer i under 1 døgn', 'Fewer than 100 people for less than 1 day'],
        ['Inntil 1000 personer i inntil 1 døgn', 'Up to 1,000 people for up to 1 day'],
        [
          'Inntil 1000 personer i 1–3 døgn, eller over 1000 personer i inntil 1 døgn',
          'Up to 1,000 people for 1–3 days, or more than 1,000 for up to 1 day',
        ],
        ['Over 1000 personer i 1–7 døgn', 'More than 1,000 people for 1–7 days'],
        ['Over 1000 personer i over 7 døgn', 'More than 1,000 people for more than 7 days'],
      ]),
      valueGroup: 'stability',
    },
    {
      code: 'daily_life_disruption',
      labelEn: 'Disruption of daily life',
      labelNb: 'Forstyrrelser i dagliglivet',
      levels: describe(SOCIETAL_CONSEQUENCE_AXIS, [
        ['Noen timer, få berørt', 'A few hours, few people affected'],
        ['Inntil 1 døgn, mange berørt', 'Up to 1 day, many people affected'],
        ['1–3 døgn', '1–3 days'],
        ['3–7 døgn', '3–7 days'],
        ['Over 1 uke', 'More than 1 week'],
      ]),
      valueGroup: 'stability',
    },
    {
      code: 'nature_longterm',
      labelEn: 'Long-term damage to the natural environment',
      labelNb: 'Langtidsskader på naturmiljø',
      levels: describe(SOCIETAL_CONSEQUENCE_AXIS, NATURE_CULTURE_DESCRIPTORS),
      valueGroup: 'nature_culture',
    },
    {
      code: 'culture_irreversible',
      labelEn: 'Irreversible damage to the cultural environment',
      labelNb: 'Uopprettelige skader på kulturmiljø',
      levels: describe(SOCIETAL_CONSEQUENCE_AXIS, NATURE_CULTURE_DESCRIPTORS),
      valueGroup: 'nature_culture',
    },
    {
      code: 'economic_direct',
      labelEn: 'Direct economic loss',
      labelNb: 'Direkte økonomiske tap',
      levels: describe(SOCIETAL_CONSEQUENCE_AXIS, ECONOMIC_LOSS_DESCRIPTORS),
      valueGroup: 'material_economic',
    },
    {
      code: 'economic_indirect',
      labelEn: 'Indirect economic loss',
      labelNb: 'Indirekte økonomiske tap',
      levels: describe(SOCIETAL_CONSEQUENCE_AXIS, ECONOMIC_LOSS_DESCRIPTORS),
      valueGroup: 'material_economic',
    },
  ],
  kind: 'societal',
  likelihoodLevels: [
    {
      annualProbability: { max: 0.001, min: 0 },
      code: 'very_low',
      descriptionEn: 'Less often than once in 1,000 years',
      descriptionNb: 'Sjeldnere enn 1 gang i løpet av 1000 år',
      labelEn: 'Very low',
      labelNb: 'Svært lav',
      probabilityText: '< 0,1 % per år',
      rank: 1,
    },
    {
      annualProbability: { max: 0.01, min: 0.001 },
      code: 'low',
      descriptionEn: 'Once in 100–1,000 years',
      descriptionNb: '1 gang i løpet av 100–1000 år',
      labelEn: 'Low',
      labelNb: 'Lav',
      probabilityText: '0,1–1 % per år',
      rank: 2,
    },
    {
      annualProbability: { max: 0.02, min: 0.01 },
      code: 'medium',
      descriptionEn: 'Once in 50–100 years',
      descriptionNb: '1 gang i løpet av 50–100 år',
      labelEn: 'Medium',
      labelNb: 'Middels',
      probabilityText: '1–2 % per år',
      rank: 3,
    },
    {
      annualProbability: { max: 0.1, min: 0.02 },
      code: 'high',
      descriptionEn: 'Once in 10–50 years',
      descriptionNb: '1 gang i løpet av 10–50 år',
      labelEn: 'High',
      labelNb: 'Høy',
      probabilityText: '2–10 % per år',
      rank: 4,
    },
    {
      annualProbability: { max: null, min: 0.1 },
      code: 'very_high',
      descriptionEn: 'More often than once in 10 years',
      descriptionNb: 'Oftere enn 1 gang i løpet av 10 år',
      labelEn: 'Very high',
      labelNb: 'Svært høy',
      probabilityText: '> 10 % per år',
      rank: 5,
    },
  ],
  matrix: { bands: THREE_RISK_BANDS, cells: FIVE_BY_FIVE_SCORE_GRID, size: { consequence: 5, likelihood: 5 } },
  nameEn: 'Societal safety (DSB, 5 × 5)',
  nameNb: 'Samfunnssikkerhet (DSB, 5 × 5)',
  source:
    'Sannsynlighet: DSB, Veileder til helhetlig risiko- og sårbarhetsanalyse i kommunen (2014), intervaller som i FylkesROS Rogaland. ' +
    'Konsekvenstyper: samfunnsverdier etter DSB. Konsekvensgrenser: eksempel, tilpass lokalt. Risikomatrise: DSBs eksempel med tre farger.',
  valueGroups: [
    { code: 'life_health', labelEn: 'Life and health', labelNb: 'Liv og helse' },
    { code: 'stability', labelEn: 'Stability', labelNb: 'Stabilitet' },
    { code: 'nature_culture', labelEn: 'Nature and cultural environment', labelNb: 'Natur og kulturmiljø' },
    { code: 'material_economic', labelEn: 'Material assets', labelNb: 'Materielle verdier' },
  ],
  version: 1,
};

const HMS_CONSEQUENCE_AXIS: readonly AxisLevel[] = [
  { code: 'insignificant', labelEn: 'Insignificant', labelNb: 'Ubetydelig', rank: 1 },
  { code: 'minor', labelEn: 'Minor', labelNb: 'Mindre alvorlig', rank: 2 },
  { code: 'considerable', labelEn: 'Considerable', labelNb: 'Betydelig', rank: 3 },
  { code: 'serious', labelEn: 'Serious', labelNb: 'Alvorlig', rank: 4 },
  { code: 'very_serious', labelEn: 'Very serious', labelNb: 'Svært alvorlig', rank: 5 },
];

/**
 * The default HMS (work-environment) risk assessment scale of domain.md §2.9 [P]: a 5 × 5 modelled on
 * DSB's land-use example, with frequency wording an HMS group can judge (weekly, monthly, …) and one
 * consequence type, harm to employees' life and health. No numbers: the likelihood levels are
 * frequencies. Same three bands and score colouring as the societal scale, since §2.9 gives none of its own.
 */
export const HMS_SCALE: ScaleSet = {
  code: 'hms_default',
  consequenceLevels: HMS_CONSEQUENCE_AXIS,
  consequenceTypes: [
    {
      code: 'health_harm',
      labelEn: 'Injury or harm to health',
      labelNb: 'Personskade eller helseskade',
      levels: describe(HMS_CONSEQUENCE_AXIS, [
        ['Ingen skade, kun ubehag', 'No injury, discomfort only'],
        ['Mindre skade, ikke fravær', 'Minor injury, no absence'],
        ['Skade med fravær eller behov for medisinsk behandling', 'Injury with absence or needing medical treatment'],
        ['Alvorlig skade eller sykdom, langt fravær, meldepliktig', 'Serious injury or illness, long absence, notifiable'],
        ['Død eller varig uførhet', 'Death or permanent disability'],
      ]),
      valueGroup: 'life_health',
    },
  ],
  kind: 'hms',
  likelihoodLevels: [
    {
      annualProbability: null,
      code: 'unlikely',
      descriptionEn: 'No known cases',
      descriptionNb: 'Ingen kjente tilfeller',
      labelEn: 'Unlikely',
      labelNb: 'Lite sannsynlig',
      probabilityText: null,
      rank: 1,
    },
    {
      annualProbability: null,
      code: 'less_likely',
      descriptionEn: 'Known cases, about once a year',
      descriptionNb: 'Kjente tilfeller, omtrent årlig',
      labelEn: 'Less likely',
      labelNb: 'Mindre sannsynlig',
      probabilityText: null,
      rank: 2,
    },
    {
      annualProbability: null,
      code: 'likely',
      descriptionEn: 'Several times a year',
      descriptionNb: 'Flere ganger i året',
      labelEn: 'Likely',
      labelNb: 'Sannsynlig',
      probabilityText: null,
      rank: 3,
    },
    {
      annualProbability: null,
      code: 'very_likely',
      descriptionEn: 'Monthly',
      descriptionNb: 'Månedlig',
      labelEn: 'Very likely',
      labelNb: 'Meget sannsynlig',
      probabilityText: null,
      rank: 4,
    },
    {
      annualProbability: null,
      code: 'highly_likely',
      descriptionEn: 'Weekly or continuous',
      descriptionNb: 'Ukentlig eller kontinuerlig',
      labelEn: 'Highly likely',
      labelNb: 'Svært sannsynlig',
      probabilityText: null,
      rank: 5,
    },
  ],
  matrix: { bands: THREE_RISK_BANDS, cells: FIVE_BY_FIVE_SCORE_GRID, size: { consequence: 5, likelihood: 5 } },
  nameEn: 'Work environment (HMS, 5 × 5)',
  nameNb: 'Arbeidsmiljø (HMS, 5 × 5)',
  source:
    'Helhets standard for HMS-risikovurdering (aml. § 3-1, internkontrollforskriften § 5), etter DSBs eksempel i reguleringsplanveilederen. Tilpass lokalt.',
  valueGroups: [{ code: 'life_health', labelEn: 'Life and health', labelNb: 'Liv og helse' }],
  version: 1,
};

/** The shipped scales, one per kind that has a default. */
export const DEFAULT_SCALE_SETS: readonly ScaleSet[] = [DSB_SOCIETAL_SCALE, HMS_SCALE];
