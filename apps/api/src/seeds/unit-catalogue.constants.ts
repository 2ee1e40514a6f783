import type { SeededRandom } from '@helhet/domain';
import type { ServiceType } from '@helhet/shared';

/**
 * What a Norwegian municipality is made of, for the demo generator: sectors (kommunalområder), the kinds
 * of units (enheter) with their share of the staff and their size (domain.md §1.5), how they are named,
 * and how bigger units are split into departments (avdelinger) and teams.
 */

export type SectorKey = 'education' | 'health' | 'technical' | 'culture' | 'staff' | 'urban' | 'environment';

export interface SectorDefinition {
  key: SectorKey;
  name: string;
  /** Only in very large municipalities (≥ LARGE_MUNICIPALITY_EMPLOYEES). */
  largeOnly?: boolean;
}

export const SECTORS: readonly SectorDefinition[] = [
  { key: 'education', name: 'Oppvekst' },
  { key: 'health', name: 'Helse og omsorg' },
  { key: 'technical', name: 'Teknisk' },
  { key: 'culture', name: 'Kultur og fritid' },
  { key: 'staff', name: 'Stab og støtte' },
  { key: 'urban', largeOnly: true, name: 'Byutvikling' },
  { key: 'environment', largeOnly: true, name: 'Klima og miljø' },
];

/** From this size on the municipality is organised like Oslo: bydeler under the root, etater in the sectors. */
export const LARGE_MUNICIPALITY_EMPLOYEES = 20_000;

/** Roughly one bydel per 3,500 employees, between 4 and 15 (Oslo has 15). */
export const DISTRICT_NAMES: readonly string[] = [
  'Sentrum',
  'Fjordsiden',
  'Nordberg',
  'Sørbyen',
  'Østmarka',
  'Vestlia',
  'Elvebakken',
  'Granåsen',
  'Havnelia',
  'Kirkebakken',
  'Lyngheia',
  'Møllebyen',
  'Nyland',
  'Solberg',
  'Åsheim',
];

/** Zones used when a service has several units in one municipality or district. */
export const ZONES: readonly string[] = ['nord', 'sør', 'øst', 'vest', 'sentrum', 'midt'];

/** Place-name parts: "Sol" + "bakken" = Solbakken. */
export const PLACE_PREFIXES: readonly string[] = [
  'Sol',
  'Gran',
  'Bjørke',
  'Furu',
  'Eike',
  'Rogne',
  'Linde',
  'Hassel',
  'Stein',
  'Kvern',
  'Sand',
  'Lyng',
  'Nord',
  'Sør',
  'Øst',
  'Vest',
  'Øvre',
  'Nedre',
  'Kirke',
  'Elve',
  'Fjord',
  'Strand',
  'Haug',
  'Lille',
  'Store',
  'Mølle',
  'Ny',
  'Rosen',
  'Blåbær',
  'Konge',
  'Hvit',
  'Berg',
  'Skog',
  'Myr',
  'Fager',
  'Lund',
  'Tun',
  'Vik',
  'Bekke',
  'Ospe',
];
export const PLACE_SUFFIXES: readonly string[] = [
  'bakken',
  'lia',
  'haugen',
  'åsen',
  'moen',
  'dalen',
  'vika',
  'nes',
  'bekken',
  'heia',
  'tunet',
  'løkka',
  'jordet',
  'sletta',
  'enga',
  'rud',
  'stad',
  'høgda',
  'vollen',
  'kollen',
  'marka',
  'lunden',
  'heim',
  'tveit',
  'vang',
];

/** A planned sub-node of a unit: a department (avdeling), optionally split into teams. */
export interface SubunitPlan {
  name: string;
  teams?: readonly string[];
}

export type DepartmentPlanner = (size: number, random: SeededRandom, ordinal: number) => SubunitPlan[];

export type UnitNaming =
  /** "<place> skole": unique place names per template; the first unit gets `first`. */
  | { style: 'place'; format: (place: string) => string; first: string; extra?: readonly string[] }
  /** Names in order; in a bydel `inDistrict(bydel)` (default: `<first name> <bydel>`). */
  | { style: 'list'; names: readonly string[]; inDistrict?: (district: string) => string };

export interface UnitTemplate {
  key: string;
  sector: SectorKey;
  /** Sector in very large municipalities, when different. */
  largeSector?: SectorKey;
  /** Very large municipalities group these units in an etat (agency) under the sector. */
  agency?: string;
  /** Very large municipalities place these units in the bydeler instead of the sector. */
  inDistricts?: boolean;
  /** With `inDistricts`: at least one in every bydel. */
  everyDistrict?: boolean;
  /** At most one per municipality (per bydel when in districts). */
  singleton?: boolean;
  /** At least one, however small the municipality. */
  required?: boolean;
  serviceType: ServiceType;
  /** Share of all employees working in units of this kind. */
  share: number;
  /** Staff per unit, leaders included (domain.md §1.5). */
  size: readonly [number, number];
  naming: UnitNaming;
  departments: DepartmentPlanner;
}

const none: DepartmentPlanner = () => [];

/** Departments from `names` once the unit has `threshold` people: 2, or 3 from 35 people on. */
const split =
  (names: readonly string[], threshold = 20): DepartmentPlanner =>
  (size) =>
    size < threshold ? [] : names.slice(0, size >= 35 ? 3 : 2).map((name) => ({ name }));

/** Like `split`, but only the first unit of the kind gets the named departments; later ones get teams 1…3. */
const splitFirst =
  (names: readonly string[], threshold = 20): DepartmentPlanner =>
  (size, random, ordinal) =>
    ordinal === 0
      ? split(names, threshold)(size, random, ordinal)
      : split(['Team 1', 'Team 2', 'Team 3'], threshold)(size, random, ordinal);

const KINDERGARTEN_GROUPS: readonly (readonly string[])[] = [
  ['Blåbær', 'Tyttebær', 'Multebær', 'Bringebær'],
  ['Ekornet', 'Reven', 'Haren', 'Grevlingen'],
  ['Maurtua', 'Humla', 'Sommerfuglen', 'Marihøna'],
  ['Lillebjørn', 'Storebjørn', 'Småtroll', 'Storetroll'],
  ['Solstrålen', 'Regndråpen', 'Snøfnugget', 'Vindkastet'],
];

const kindergartenDepartments: DepartmentPlanner = (size, random) => {
  if (size < 18) return [];
  const count = Math.min(4, Math.max(2, Math.round(size / 8)));
  return random
    .pick(KINDERGARTEN_GROUPS)
    .slice(0, count)
    .map((group) => ({ name: `Avdeling ${group}` }));
};

const primarySchoolDepartments: DepartmentPlanner = (size) => [
  { name: 'Småskoletrinnet (1.–4. trinn)' },
  { name: 'Mellomtrinnet (5.–7. trinn)' },
  { name: 'SFO' },
  ...(size >= 65 ? [{ name: 'Forsterket avdeling' }] : []),
];

const lowerSecondaryDepartments: DepartmentPlanner = (size) => [
  { name: '8. trinn' },
  { name: '9. trinn' },
  { name: '10. trinn' },
  ...(size >= 70 ? [{ name: 'Innføringsklasse' }] : []),
];

const NURSING_HOME_DEPARTMENTS = [
  'Avdeling 1. etasje',
  'Avdeling 2. etasje',
  'Skjermet enhet',
  'Korttidsavdeling',
  'Avdeling 3. etasje',
  'Rehabiliteringsavdeling',
];
const nursingHomeDepartments: DepartmentPlanner = (size) => {
  const count = Math.min(NURSING_HOME_DEPARTMENTS.length, Math.max(2, Math.round(size / 24)));
  return [...NURSING_HOME_DEPARTMENTS.slice(0, count).map((name) => ({ name })), ...(size >= 100 ? [{ name: 'Kjøkken og renhold' }] : [])];
};

const homeCareDepartments: DepartmentPlanner = (size) => {
  const teams = Math.min(3, Math.max(1, Math.round(size / 55)));
  return [
    { name: 'Hjemmesykepleien', ...(teams > 1 ? { teams: ['Team A', 'Team B', 'Team C'].slice(0, teams) } : {}) },
    { name: 'Praktisk bistand' },
    ...(size >= 120 ? [{ name: 'Natt- og helgetjenesten' }] : []),
  ];
};

const KINDERGARTEN_NAMES = [
  'Marihøna',
  'Trollskogen',
  'Eventyrskogen',
  'Regnbuen',
  'Tusenfryd',
  'Blåklokka',
  'Humla',
  'Maurtua',
  'Kløverenga',
  'Smørblomsten',
  'Ekornet',
  'Lykkeliten',
  'Tyttebæret',
  'Bjørnehiet',
  'Reveløkka',
  'Sjøstjerna',
  'Måken',
  'Fjordglimt',
  'Solstrålen',
  'Stjerneskudd',
  'Elgtråkket',
  'Trolltun',
  'Furutoppen',
  'Bamsebo',
  'Nøtteliten',
  'Kongla',
  'Lerka',
];

/** Unit kinds, in the order their units are created (and numbered) within a sector. */
export const UNIT_TEMPLATES: readonly UnitTemplate[] = [
  // Oppvekst
  {
    departments: kindergartenDepartments,
    everyDistrict: true,
    inDistricts: true,
    key: 'kindergarten',
    required: true,
    naming: { extra: KINDERGARTEN_NAMES, first: 'Solsikken', format: (place) => `${place} barnehage`, style: 'place' },
    sector: 'education',
    serviceType: 'kindergarten',
    share: 0.135,
    size: [15, 30],
  },
  {
    agency: 'Utdanningsetaten',
    departments: primarySchoolDepartments,
    key: 'primary_school',
    required: true,
    naming: { first: 'Haugen', format: (place) => `${place} skole`, style: 'place' },
    sector: 'education',
    serviceType: 'primary_school',
    share: 0.165,
    size: [30, 90],
  },
  {
    agency: 'Utdanningsetaten',
    departments: lowerSecondaryDepartments,
    key: 'lower_secondary_school',
    naming: { first: 'Fjordvik', format: (place) => `${place} ungdomsskole`, style: 'place' },
    sector: 'education',
    serviceType: 'lower_secondary_school',
    share: 0.07,
    size: [30, 90],
  },
  {
    agency: 'Utdanningsetaten',
    departments: none,
    key: 'ppt',
    naming: { names: ['PPT – pedagogisk-psykologisk tjeneste'], style: 'list' },
    sector: 'education',
    serviceType: 'office',
    share: 0.004,
    singleton: true,
    size: [6, 20],
  },
  {
    departments: split(['Mottak og undersøkelse', 'Tiltak', 'Omsorg']),
    everyDistrict: true,
    inDistricts: true,
    key: 'child_welfare',
    naming: { names: ['Barnevernstjenesten'], style: 'list' },
    sector: 'education',
    serviceType: 'child_welfare',
    share: 0.012,
    singleton: true,
    size: [15, 40],
  },
  {
    departments: split(['Helsestasjonen', 'Skolehelsetjenesten', 'Jordmortjenesten']),
    everyDistrict: true,
    inDistricts: true,
    key: 'health_station',
    naming: { names: ['Helsestasjon og skolehelsetjenesten'], style: 'list' },
    sector: 'education',
    serviceType: 'health_other',
    share: 0.008,
    singleton: true,
    size: [10, 30],
  },
  {
    departments: none,
    key: 'adult_education',
    naming: { names: ['Fjordvik voksenopplæring'], style: 'list' },
    sector: 'education',
    serviceType: 'office',
    share: 0.004,
    singleton: true,
    size: [10, 30],
  },
  // Helse og omsorg
  {
    agency: 'Sykehjemsetaten',
    departments: nursingHomeDepartments,
    key: 'nursing_home',
    required: true,
    naming: { first: 'Liavegen', format: (place) => `${place} sykehjem`, style: 'place' },
    sector: 'health',
    serviceType: 'nursing_home',
    share: 0.15,
    size: [60, 150],
  },
  {
    departments: homeCareDepartments,
    everyDistrict: true,
    inDistricts: true,
    key: 'home_care',
    required: true,
    naming: {
      inDistrict: (district) => `Hjemmetjenesten ${district}`,
      names: ZONES.map((zone) => `Hjemmetjenesten ${zone === 'sentrum' || zone === 'midt' ? zone : `sone ${zone}`}`),
      style: 'list',
    },
    sector: 'health',
    serviceType: 'home_care',
    share: 0.11,
    size: [80, 200],
  },
  {
    departments: (size) => (size >= 35 ? [{ name: 'Boligene' }, { name: 'Avlastning' }] : []),
    inDistricts: true,
    key: 'group_home',
    naming: { first: 'Furulunden', format: (place) => `${place} bofellesskap`, style: 'place' },
    sector: 'health',
    serviceType: 'health_other',
    share: 0.07,
    size: [15, 45],
  },
  {
    departments: split(['Psykisk helse', 'Rusteamet', 'Bolig og oppfølging']),
    inDistricts: true,
    key: 'mental_health',
    naming: { names: ['Psykisk helse og rus'], style: 'list' },
    sector: 'health',
    serviceType: 'health_other',
    share: 0.02,
    singleton: true,
    size: [15, 40],
  },
  {
    agency: 'Helseetaten',
    departments: none,
    key: 'doctors',
    naming: { names: ['Legevakten', 'Fjordvik legesenter', 'Sentrum legesenter'], style: 'list' },
    sector: 'health',
    serviceType: 'health_other',
    share: 0.008,
    size: [10, 30],
  },
  {
    departments: none,
    inDistricts: true,
    key: 'therapy',
    naming: { names: ['Fysio- og ergoterapitjenesten'], style: 'list' },
    sector: 'health',
    serviceType: 'health_other',
    share: 0.006,
    singleton: true,
    size: [8, 25],
  },
  {
    departments: none,
    key: 'allocation_office',
    naming: { names: ['Tildelingskontoret'], style: 'list' },
    sector: 'health',
    serviceType: 'office',
    share: 0.003,
    singleton: true,
    size: [5, 15],
  },
  {
    departments: split(['Marked og arbeid', 'Oppfølging', 'Sosialtjenesten']),
    everyDistrict: true,
    inDistricts: true,
    key: 'nav',
    required: true,
    naming: { inDistrict: (district) => `NAV ${district}`, names: ['NAV Fjordvik'], style: 'list' },
    sector: 'health',
    serviceType: 'nav',
    share: 0.008,
    singleton: true,
    size: [15, 40],
  },
  {
    agency: 'Sykehjemsetaten',
    departments: none,
    key: 'central_kitchen',
    naming: { names: ['Produksjonskjøkkenet'], style: 'list' },
    sector: 'health',
    serviceType: 'health_other',
    share: 0.006,
    singleton: true,
    size: [10, 25],
  },
  {
    departments: none,
    inDistricts: true,
    key: 'day_centre',
    naming: { first: 'Sentrum', format: (place) => `${place} dagsenter`, style: 'place' },
    sector: 'health',
    serviceType: 'health_other',
    share: 0.008,
    size: [8, 20],
  },
  // Teknisk (in very large municipalities split over Byutvikling and Klima og miljø)
  {
    agency: 'Vann- og avløpsetaten',
    departments: splitFirst(['Vannforsyning', 'Avløp og rensing', 'Ledningsnett']),
    key: 'water',
    largeSector: 'environment',
    required: true,
    naming: { names: ['Vann og avløp', 'Fjordvik vannverk', 'Renseanlegget'], style: 'list' },
    sector: 'technical',
    serviceType: 'water_sewage',
    share: 0.008,
    size: [10, 40],
  },
  {
    agency: 'Bymiljøetaten',
    departments: splitFirst(['Veg', 'Park og grøntanlegg', 'Verksted']),
    key: 'roads',
    largeSector: 'environment',
    naming: { names: ['Veg og park', 'Kommunalteknisk drift', 'Idrettsanlegg'], style: 'list' },
    sector: 'technical',
    serviceType: 'roads_property',
    share: 0.008,
    size: [10, 35],
  },
  {
    agency: 'Eiendomsetaten',
    departments: splitFirst(['Drift og vedlikehold', 'Vaktmestertjenesten', 'Prosjekt og utbygging']),
    key: 'property',
    naming: { names: ['Eiendomsforvaltning', 'Eiendomsdrift', 'Byggprosjekter'], style: 'list' },
    sector: 'technical',
    serviceType: 'roads_property',
    share: 0.015,
    size: [15, 40],
  },
  {
    agency: 'Eiendomsetaten',
    departments: splitFirst(['Renhold skoler og barnehager', 'Renhold helsebygg', 'Renhold rådhuset']),
    key: 'cleaning',
    naming: { names: ['Renholdstjenesten'], style: 'list' },
    sector: 'technical',
    serviceType: 'technical',
    share: 0.02,
    size: [15, 40],
  },
  {
    agency: 'Brann- og redningsetaten',
    departments: splitFirst(['Beredskap', 'Forebyggende avdeling', 'Feiervesenet']),
    key: 'fire',
    naming: {
      names: [
        'Fjordvik brann og redning',
        'Brannstasjon nord',
        'Brannstasjon sør',
        'Brannstasjon øst',
        'Brannstasjon vest',
        '110-sentralen',
      ],
      style: 'list',
    },
    sector: 'technical',
    serviceType: 'fire_rescue',
    share: 0.01,
    size: [20, 45],
  },
  {
    agency: 'Plan- og bygningsetaten',
    departments: splitFirst(['Plan', 'Byggesak', 'Oppmåling og geodata']),
    key: 'planning',
    largeSector: 'urban',
    naming: { names: ['Plan og byggesak', 'Byggesak', 'Arealplan', 'Oppmåling og geodata'], style: 'list' },
    sector: 'technical',
    serviceType: 'technical',
    share: 0.006,
    size: [8, 25],
  },
  {
    departments: none,
    key: 'agriculture',
    largeSector: 'environment',
    naming: { names: ['Landbruk og miljø'], style: 'list' },
    sector: 'technical',
    serviceType: 'technical',
    share: 0.002,
    singleton: true,
    size: [4, 12],
  },
  {
    agency: 'Renovasjons- og gjenvinningsetaten',
    departments: none,
    key: 'waste',
    largeSector: 'environment',
    naming: { names: ['Renovasjon og gjenvinning', 'Gjenvinningsstasjonen'], style: 'list' },
    sector: 'technical',
    serviceType: 'technical',
    share: 0.004,
    size: [8, 30],
  },
  // Kultur og fritid
  {
    agency: 'Kulturetaten',
    departments: none,
    key: 'library',
    required: true,
    naming: {
      names: [
        'Fjordvik bibliotek',
        'Biblioteket filial nord',
        'Biblioteket filial sør',
        'Biblioteket filial øst',
        'Biblioteket filial vest',
      ],
      style: 'list',
    },
    sector: 'culture',
    serviceType: 'culture',
    share: 0.005,
    size: [5, 20],
  },
  {
    agency: 'Kulturetaten',
    departments: split(['Musikk', 'Dans og teater', 'Visuell kunst']),
    key: 'culture_school',
    naming: { names: ['Kulturskolen'], style: 'list' },
    sector: 'culture',
    serviceType: 'culture',
    share: 0.008,
    singleton: true,
    size: [10, 30],
  },
  {
    departments: none,
    inDistricts: true,
    key: 'youth',
    naming: { inDistrict: (district) => `Fritid og ungdom ${district}`, names: ['Fritid og ungdom', 'Ungdomshuset'], style: 'list' },
    sector: 'culture',
    serviceType: 'culture',
    share: 0.005,
    size: [5, 15],
  },
  {
    agency: 'Kulturetaten',
    departments: none,
    key: 'culture_house',
    naming: { names: ['Fjordvik kulturhus'], style: 'list' },
    sector: 'culture',
    serviceType: 'culture',
    share: 0.003,
    singleton: true,
    size: [5, 15],
  },
  {
    departments: none,
    key: 'sports',
    naming: { names: ['Idrett og friluftsliv'], style: 'list' },
    sector: 'culture',
    serviceType: 'culture',
    share: 0.002,
    singleton: true,
    size: [3, 10],
  },
  {
    departments: none,
    inDistricts: true,
    key: 'volunteer_centre',
    naming: { names: ['Frivilligsentralen'], style: 'list' },
    sector: 'culture',
    serviceType: 'culture',
    share: 0.001,
    singleton: true,
    size: [2, 6],
  },
  // Stab og støtte
  {
    departments: splitFirst(['Regnskap', 'Lønn', 'Budsjett og analyse']),
    key: 'finance',
    required: true,
    naming: {
      names: [
        'Økonomiavdelingen',
        'Regnskapsseksjonen',
        'Lønnsseksjonen',
        'Innkjøpsseksjonen',
        'Budsjett og analyse',
        'Innfordring',
        'Eiendomsskattekontoret',
      ],
      style: 'list',
    },
    sector: 'staff',
    serviceType: 'administration',
    share: 0.006,
    size: [10, 30],
  },
  {
    departments: splitFirst(['Personal og rekruttering', 'Arbeidsmiljø og HMS', 'Arbeidsgiverpolitikk']),
    key: 'hr',
    naming: {
      names: ['HR og organisasjon', 'Bedriftshelsetjenesten', 'Lærlingkontoret', 'Rekruttering og bemanning', 'Vikarsentralen'],
      style: 'list',
    },
    sector: 'staff',
    serviceType: 'administration',
    share: 0.005,
    size: [8, 30],
  },
  {
    agency: 'Utviklings- og kompetanseetaten',
    departments: splitFirst(['Brukerstøtte', 'Drift og infrastruktur', 'Digitalisering']),
    key: 'ict',
    naming: { names: ['IKT', 'IKT brukerstøtte', 'IKT drift', 'Digitalisering', 'Informasjonssikkerhet'], style: 'list' },
    sector: 'staff',
    serviceType: 'administration',
    share: 0.006,
    size: [10, 40],
  },
  {
    departments: none,
    key: 'service_desk',
    naming: { names: ['Servicetorget', 'Innbyggerservice'], style: 'list' },
    sector: 'staff',
    serviceType: 'office',
    share: 0.003,
    size: [5, 15],
  },
  {
    departments: none,
    key: 'records',
    naming: { names: ['Dokumentsenteret', 'Byarkivet'], style: 'list' },
    sector: 'staff',
    serviceType: 'administration',
    share: 0.003,
    size: [5, 15],
  },
  {
    departments: none,
    key: 'political_secretariat',
    naming: { names: ['Politisk sekretariat'], style: 'list' },
    sector: 'staff',
    serviceType: 'administration',
    share: 0.002,
    singleton: true,
    size: [3, 10],
  },
  {
    departments: none,
    key: 'communications',
    naming: { names: ['Kommunikasjon'], style: 'list' },
    sector: 'staff',
    serviceType: 'administration',
    share: 0.001,
    singleton: true,
    size: [3, 8],
  },
  {
    departments: none,
    key: 'preparedness',
    naming: { names: ['Beredskap og samfunnssikkerhet'], style: 'list' },
    sector: 'staff',
    serviceType: 'administration',
    share: 0.001,
    singleton: true,
    size: [2, 6],
  },
  {
    departments: none,
    key: 'legal',
    naming: { names: ['Juridisk avdeling'], style: 'list' },
    sector: 'staff',
    serviceType: 'administration',
    share: 0.001,
    singleton: true,
    size: [2, 8],
  },
];
