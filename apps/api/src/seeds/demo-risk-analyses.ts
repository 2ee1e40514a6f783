import { addDays, type HazardSource, riskAnalysisTemplate, type ThreeLevel } from '@helhet/domain';
import type { EntityManager } from 'typeorm';

import { firstRow } from '../core/database/first-row.util';
import { ensureDefaultRiskFactors } from '../risk/default-risk-factors';
import { ensureDefaultScaleSets } from '../risk/default-scale-sets';
import { DEMO_LOGINS, type DemoLoginKey } from './demo-logins.constants';
import type { DemoMunicipality } from './demo-municipality.types';

type Ratings = readonly (readonly [typeCode: string, rank: number])[];

interface DemoScenario {
  title: string;
  hazard: HazardSource;
  description: string;
  likelihood: number;
  consequences: Ratings;
  residualLikelihood: number;
  residualConsequences: Ratings;
  uncertainty: ThreeLevel;
  vulnerability: ThreeLevel;
  warning: boolean;
  evacuation: boolean;
  barriers: string;
}

const scenario = (
  title: string,
  hazard: HazardSource,
  description: string,
  [likelihood, consequences]: readonly [number, Ratings],
  [residualLikelihood, residualConsequences]: readonly [number, Ratings],
  [uncertainty, vulnerability]: readonly [ThreeLevel, ThreeLevel],
  [warning, evacuation]: readonly [boolean, boolean],
  barriers: string,
): DemoScenario => ({
  barriers,
  consequences,
  description,
  evacuation,
  hazard,
  likelihood,
  residualConsequences,
  residualLikelihood,
  title,
  uncertainty,
  vulnerability,
  warning,
});

/** Twelve undesired events in the style of DSB's guide, spread over the matrix (domain.md §2.1–2.6). */
const HOLISTIC_SCENARIOS: readonly DemoScenario[] = [
  scenario(
    'Langvarig strømbrudd vinterstid',
    'hazard',
    'Uvær gir brudd i regionalnettet; store deler av kommunen er uten strøm i tre døgn med kuldegrader.',
    [
      3,
      [
        ['deaths', 3],
        ['basic_needs', 4],
        ['economic_indirect', 3],
      ],
    ],
    [
      3,
      [
        ['deaths', 2],
        ['basic_needs', 3],
      ],
    ],
    ['medium', 'high'],
    [true, false],
    'Nødstrøm på sykehjem og legevakt; avtale med nettselskapet om prioritering.',
  ),
  scenario(
    'Ekstremnedbør og flom i sentrum',
    'hazard',
    'Kraftig regn over flere døgn kombinert med snøsmelting; elva går over sine bredder og oversvømmer sentrum.',
    [
      4,
      [
        ['economic_direct', 4],
        ['daily_life_disruption', 3],
        ['serious_injury_illness', 2],
      ],
    ],
    [
      4,
      [
        ['economic_direct', 3],
        ['daily_life_disruption', 2],
      ],
    ],
    ['medium', 'medium'],
    [true, true],
    'Flomsoner i kommuneplanen, NVE-varsling, mobile flomvoller.',
  ),
  scenario(
    'Kvikkleireskred i boligområde',
    'hazard',
    'Skred i kjent kvikkleiresone tar med seg boliger og kommunal vei.',
    [
      2,
      [
        ['deaths', 4],
        ['economic_direct', 4],
        ['daily_life_disruption', 3],
      ],
    ],
    [
      1,
      [
        ['deaths', 4],
        ['economic_direct', 3],
      ],
    ],
    ['high', 'high'],
    [true, true],
    'Kartlagte faresoner, krav om geoteknisk vurdering ved utbygging.',
  ),
  scenario(
    'Pandemi med høyt sykefravær',
    'hazard',
    'Ny influensavariant gir mange syke over flere måneder; 20–30 % fravær i helse- og omsorgstjenestene.',
    [
      3,
      [
        ['deaths', 4],
        ['serious_injury_illness', 5],
        ['daily_life_disruption', 4],
      ],
    ],
    [
      3,
      [
        ['deaths', 3],
        ['serious_injury_illness', 4],
      ],
    ],
    ['high', 'medium'],
    [true, false],
    'Smittevernplan, vaksinasjonsplan, beredskapslager for smittevernutstyr.',
  ),
  scenario(
    'Forurenset drikkevann',
    'hazard',
    'Kloakkinntrenging på hovedledning gir forurenset drikkevann for sentrum i en uke.',
    [
      3,
      [
        ['serious_injury_illness', 3],
        ['basic_needs', 4],
      ],
    ],
    [
      2,
      [
        ['serious_injury_illness', 2],
        ['basic_needs', 3],
      ],
    ],
    ['medium', 'high'],
    [true, false],
    'UV-anlegg, prøvetaking etter plan, reservevannforsyning for deler av nettet.',
  ),
  scenario(
    'Dataangrep mot kommunens IKT-systemer',
    'threat',
    'Løsepengevirus krypterer fagsystemer og fellesområder; journal og saksbehandling er nede i to uker.',
    [
      4,
      [
        ['daily_life_disruption', 3],
        ['economic_direct', 3],
        ['serious_injury_illness', 2],
      ],
    ],
    [
      3,
      [
        ['daily_life_disruption', 2],
        ['economic_direct', 2],
      ],
    ],
    ['medium', 'high'],
    [false, false],
    'Sikkerhetskopier utenfor nettet, tofaktorpålogging, avtale med IKT-samarbeidet.',
  ),
  scenario(
    'Brann i sykehjem om natten',
    'hazard',
    'Brann oppstår på en avdeling med sengeliggende beboere mens bemanningen er lav.',
    [
      2,
      [
        ['deaths', 4],
        ['serious_injury_illness', 3],
      ],
    ],
    [
      2,
      [
        ['deaths', 3],
        ['serious_injury_illness', 2],
      ],
    ],
    ['low', 'medium'],
    [false, true],
    'Sprinkleranlegg, direktevarsling til brannvesenet, årlige brannøvelser.',
  ),
  scenario(
    'Skog- og lyngbrann nær boligfelt',
    'hazard',
    'Langvarig tørke og sterk vind; brann sprer seg mot boligfelt i utkanten av sentrum.',
    [
      3,
      [
        ['economic_direct', 3],
        ['nature_longterm', 3],
        ['serious_injury_illness', 2],
      ],
    ],
    [
      2,
      [
        ['economic_direct', 3],
        ['nature_longterm', 2],
      ],
    ],
    ['medium', 'medium'],
    [true, true],
    'Bålforbud i tørkeperioder, samarbeid med skogbrannreserven.',
  ),
  scenario(
    'Ulykke med farlig gods på riksveien',
    'hazard',
    'Tankbil med ammoniakk velter ved barneskolen; giftig gass driver mot sentrum.',
    [
      2,
      [
        ['deaths', 3],
        ['serious_injury_illness', 4],
        ['nature_longterm', 3],
      ],
    ],
    [
      2,
      [
        ['deaths', 3],
        ['serious_injury_illness', 3],
      ],
    ],
    ['medium', 'medium'],
    [true, true],
    'Innsatsplan fra brannvesenet, varsling via mobil (befolkningsvarsling).',
  ),
  scenario(
    'Alvorlig voldshendelse i skole',
    'threat',
    'Væpnet person tar seg inn på en skole i skoletiden.',
    [
      1,
      [
        ['deaths', 4],
        ['daily_life_disruption', 3],
      ],
    ],
    [
      1,
      [
        ['deaths', 3],
        ['daily_life_disruption', 3],
      ],
    ],
    ['high', 'medium'],
    [true, true],
    'Plan for pågående livstruende vold (PLIVO), adgangskontroll, øvelser med politiet.',
  ),
  scenario(
    'Bortfall av elektronisk kommunikasjon',
    'hazard',
    'Fiberbrudd og strømbrudd slår ut mobil, internett og trygghetsalarmer i store deler av kommunen i to døgn.',
    [
      3,
      [
        ['daily_life_disruption', 3],
        ['basic_needs', 2],
        ['serious_injury_illness', 2],
      ],
    ],
    [
      3,
      [
        ['daily_life_disruption', 2],
        ['serious_injury_illness', 2],
      ],
    ],
    ['low', 'high'],
    [true, false],
    'Satellittelefon i kriseledelsen, nødnett i helsetjenesten, plan for manuell oppfølging av trygghetsalarmer.',
  ),
  scenario(
    'Sikkerhetspolitisk krise med forsyningssvikt',
    'threat',
    'Langvarig krise i Europa gir mangel på drivstoff, legemidler og matvarer over flere måneder.',
    [
      1,
      [
        ['basic_needs', 4],
        ['economic_indirect', 4],
        ['daily_life_disruption', 4],
      ],
    ],
    [
      1,
      [
        ['basic_needs', 3],
        ['economic_indirect', 4],
      ],
    ],
    ['high', 'high'],
    [false, false],
    'Beredskapslager for legemidler, samarbeid med Statsforvalteren og totalforsvaret.',
  ),
];

const HEALTH_SCENARIOS: readonly DemoScenario[] = [
  scenario(
    'Langvarig strømbrudd',
    'hazard',
    'Sykehjem og hjemmeboende med medisinsk utstyr uten strøm i mer enn ett døgn.',
    [
      3,
      [
        ['deaths', 3],
        ['basic_needs', 3],
      ],
    ],
    [
      3,
      [
        ['deaths', 2],
        ['basic_needs', 2],
      ],
    ],
    ['medium', 'high'],
    [true, false],
    'Nødstrømsaggregat på Liavegen sykehjem.',
  ),
  scenario(
    'Bortfall av IKT og elektronisk journal',
    'threat',
    'Journalsystemet er nede i flere dager; legemiddellister og tiltaksplaner er utilgjengelige.',
    [
      4,
      [
        ['serious_injury_illness', 3],
        ['daily_life_disruption', 3],
      ],
    ],
    [
      3,
      [
        ['serious_injury_illness', 2],
        ['daily_life_disruption', 2],
      ],
    ],
    ['medium', 'high'],
    [false, false],
    'Utskrift av legemiddellister hver uke.',
  ),
  scenario(
    'Smitteutbrudd med høyt fravær',
    'hazard',
    'Norovirus og influensa samtidig; 30 % fravær blant pleiepersonalet.',
    [
      4,
      [
        ['deaths', 3],
        ['serious_injury_illness', 3],
      ],
    ],
    [
      3,
      [
        ['deaths', 2],
        ['serious_injury_illness', 3],
      ],
    ],
    ['medium', 'medium'],
    [false, false],
    'Smittevernrutiner, vikarpool.',
  ),
  scenario(
    'Mangel på kvalifisert personell',
    'hazard',
    'Sykepleiermangel over tid gjør at forsvarlig drift er truet i helger og ferier.',
    [
      5,
      [
        ['serious_injury_illness', 3],
        ['daily_life_disruption', 2],
      ],
    ],
    [4, [['serious_injury_illness', 2]]],
    ['low', 'high'],
    [false, false],
    'Rekrutteringsplan, heltidskultur.',
  ),
  scenario(
    'Ekstremvær som stenger veier',
    'hazard',
    'Ras og snøfokk stenger veier; hjemmetjenesten kommer ikke fram til brukere.',
    [
      3,
      [
        ['serious_injury_illness', 3],
        ['basic_needs', 2],
      ],
    ],
    [3, [['serious_injury_illness', 2]]],
    ['medium', 'medium'],
    [false, false],
    'Samarbeid med frivillige og beltebil.',
  ),
];

const EDUCATION_SCENARIOS: readonly DemoScenario[] = [
  scenario(
    'Brann i barnehage',
    'hazard',
    'Brann i kjøkken mens barna sover; evakuering av små barn.',
    [
      2,
      [
        ['deaths', 3],
        ['serious_injury_illness', 3],
      ],
    ],
    [
      2,
      [
        ['deaths', 2],
        ['serious_injury_illness', 2],
      ],
    ],
    ['low', 'medium'],
    [false, true],
    'Brannøvelser to ganger i året, røykvarslere koblet til alarmsentral.',
  ),
  scenario(
    'Alvorlig voldshendelse',
    'threat',
    'Trussel om vold mot skole meldes på sosiale medier.',
    [
      2,
      [
        ['deaths', 3],
        ['daily_life_disruption', 3],
      ],
    ],
    [
      2,
      [
        ['deaths', 2],
        ['daily_life_disruption', 2],
      ],
    ],
    ['high', 'medium'],
    [true, true],
    'PLIVO-rutiner, samarbeid med politiet.',
  ),
  scenario(
    'Smitteutbrudd i skole og barnehage',
    'hazard',
    'Utbrudd av alvorlig smittsom sykdom; stengte avdelinger i to uker.',
    [
      3,
      [
        ['serious_injury_illness', 2],
        ['daily_life_disruption', 3],
      ],
    ],
    [3, [['daily_life_disruption', 2]]],
    ['medium', 'low'],
    [false, false],
    'Smittevernveileder, hjemmeundervisning.',
  ),
  scenario(
    'Bussulykke på skoletur',
    'hazard',
    'Buss med elever kjører av veien på glatt føre.',
    [
      2,
      [
        ['deaths', 3],
        ['serious_injury_illness', 4],
      ],
    ],
    [
      2,
      [
        ['deaths', 3],
        ['serious_injury_illness', 3],
      ],
    ],
    ['medium', 'low'],
    [false, false],
    'Krav til transportør, beredskapsplan for turer.',
  ),
];

/** Scores the nursing home's HMS group set for the template's factors: [L, C, residual L, residual C, uncertainty, existing measures]. */
const NURSING_HOME_SCORES: Readonly<Record<string, readonly [number, number, number | null, number | null, ThreeLevel, string]>> = {
  arms_above_shoulder: [3, 2, null, null, 'low', 'Høyderegulerbare senger og dusjstoler.'],
  bullying_harassment: [2, 3, null, null, 'medium', 'Varslingsrutine, medarbeidersamtaler.'],
  cleaning_agents: [3, 2, 2, 2, 'low', 'Stoffkartotek og verneutstyr på skyllerom.'],
  cuts: [2, 2, null, null, 'low', 'Opplæring i kjøkkenet.'],
  emotional_demands: [4, 2, 3, 2, 'medium', 'Veiledning og debrifing etter dødsfall.'],
  falls: [3, 3, 2, 3, 'low', 'Sklisikre gulv, strøing om vinteren.'],
  fire: [1, 5, 1, 4, 'low', 'Sprinkler, brannøvelser, rømningsplan per avdeling.'],
  high_demands: [4, 3, 3, 3, 'medium', 'Bemanningsplan, prioriteringsrutine ved fravær.'],
  indoor_climate: [2, 2, null, null, 'medium', 'Ventilasjonsanlegg med årlig service.'],
  infection: [3, 3, 2, 3, 'medium', 'Smittevernrutiner og verneutstyr.'],
  lone_work: [3, 4, 2, 3, 'medium', 'Trygghetsalarm på natt, fast ringerutine.'],
  low_control: [3, 2, null, null, 'high', 'Turnusønsker tas med i planleggingen.'],
  needle_stick: [2, 3, 1, 3, 'low', 'Kanyler med sikkerhetsmekanisme.'],
  patient_handling: [4, 4, 3, 3, 'low', 'Takheiser på halvparten av rommene, forflytningsveileder.'],
  shift_night_work: [4, 2, null, null, 'medium', 'Turnus med minst 11 timers hvile.'],
  threats: [4, 2, 3, 2, 'medium', 'Rutine for melding av vold og trusler.'],
  violence_users: [5, 3, 4, 3, 'medium', 'Kurs i forebygging av utfordrende atferd, personalalarm.'],
};

interface AnalysisSpec {
  type: 'holistic_ros' | 'service_ros' | 'hms_ros';
  title: string;
  mandate: string;
  unitId: string;
  owner: DemoLoginKey;
  status: 'planned' | 'in_progress' | 'in_review' | 'approved' | 'superseded';
  scaleCode: 'dsb_societal' | 'hms_default';
  approvedDaysAgo: number | null;
  nextRevisionInDays: number;
  council?: { decisionDaysAgo: number; caseNumber: string };
  previousVersionId?: string;
}

/**
 * The demo municipality's ROS (domain.md §2): an approved helhetlig ROS with a council decision and its
 * superseded previous version, service ROS for Helse og omsorg and Oppvekst, and an HMS risk assessment of
 * the demo nursing home made from the template and scored. Deterministic; returns the number of analyses.
 */
export const seedDemoRiskAnalyses = async (manager: EntityManager, demo: DemoMunicipality): Promise<number> => {
  const tenantId = demo.tenant.id;
  await ensureDefaultScaleSets(manager, tenantId);
  await ensureDefaultRiskFactors(manager, tenantId);
  const today = demo.options.today;
  const userIds = new Map(demo.users.map((user) => [user.email, user.id]));
  const loginId = (key: DemoLoginKey): string | null => userIds.get(DEMO_LOGINS.find((login) => login.key === key)?.email ?? '') ?? null;
  const root = demo.orgUnits.find((unit) => unit.parentId === null);
  const sector = (name: string) => demo.orgUnits.find((unit) => unit.levelType === 'sector' && unit.name === name);
  const health = sector('Helse og omsorg');
  const education = sector('Oppvekst');
  const nursingHomeLeader = loginId('nursingHomeLeader');
  const nursingHome =
    demo.orgUnits.find((unit) => unit.leaderUserId === nursingHomeLeader && unit.serviceType === 'nursing_home') ??
    demo.orgUnits.find((unit) => unit.name === 'Liavegen sykehjem');
  const scales = new Map(
    (
      (await manager.query(`SELECT DISTINCT ON (code) id, code FROM scale_set WHERE tenant_id = $1 ORDER BY code, version DESC`, [
        tenantId,
      ])) as { id: string; code: string }[]
    ).map((row) => [row.code, row.id]),
  );
  const year = Number(today.slice(0, 4));
  let count = 0;

  const insertAnalysis = async (spec: AnalysisSpec): Promise<string> => {
    const approvedAt = spec.approvedDaysAgo === null ? null : `${addDays(today, -spec.approvedDaysAgo)}T10:00:00Z`;
    const row = firstRow(
      (await manager.query(
        `INSERT INTO risk_analysis (tenant_id, type, title, mandate, scope_org_unit_id, owner_user_id, status, scale_set_id, approved_by_user_id, approved_at,
         council_decision_date, council_case_number, next_revision_at, previous_version_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          tenantId,
          spec.type,
          spec.title,
          spec.mandate,
          spec.unitId,
          loginId(spec.owner),
          spec.status,
          scales.get(spec.scaleCode),
          approvedAt ? loginId(spec.owner) : null,
          approvedAt,
          spec.council ? addDays(today, -spec.council.decisionDaysAgo) : null,
          spec.council?.caseNumber ?? null,
          addDays(today, spec.nextRevisionInDays),
          spec.previousVersionId ?? null,
        ],
      )) as { id: string }[],
      'risk_analysis',
    );
    const id = row.id;
    await manager.query(
      `INSERT INTO audit_log_entry (tenant_id, actor_user_id, action, entity_type, entity_id, changes) VALUES ($1, NULL, 'create', 'risk_analysis', $2, $3::jsonb)`,
      [
        tenantId,
        id,
        JSON.stringify([
          {
            field: 'seed',
            new: { title: spec.title, type: spec.type },
            old: null,
          },
        ]),
      ],
    );
    count++;
    return id;
  };

  const insertScenarios = async (analysisId: string, scenarios: readonly DemoScenario[]): Promise<void> => {
    const ratings = (list: Ratings) => list.map(([typeCode, rank]) => ({ rank, rationale: null, typeCode }));
    await manager.query(
      `INSERT INTO risk_scenario (tenant_id, analysis_id, sort_order, title, hazard_source, description, existing_barriers, likelihood_rank, consequences,
         vulnerability, uncertainty, needs_warning, needs_evacuation, residual_likelihood_rank, residual_consequences)
       SELECT $1, $2, s.sort_order, s.title, s.hazard, s.description, s.barriers, s.likelihood, s.consequences, s.vulnerability, s.uncertainty, s.warning, s.evacuation,
              s.residual_likelihood, s.residual_consequences
         FROM jsonb_to_recordset($3::jsonb) AS s(sort_order int, title varchar, hazard varchar, description text, barriers text, likelihood int, consequences jsonb,
              vulnerability varchar, uncertainty varchar, warning boolean, evacuation boolean, residual_likelihood int, residual_consequences jsonb)`,
      [
        tenantId,
        analysisId,
        JSON.stringify(
          scenarios.map((s, index) => ({
            barriers: s.barriers,
            consequences: ratings(s.consequences),
            description: s.description,
            evacuation: s.evacuation,
            hazard: s.hazard,
            likelihood: s.likelihood,
            residual_consequences: ratings(s.residualConsequences),
            residual_likelihood: s.residualLikelihood,
            sort_order: index + 1,
            title: s.title,
            uncertainty: s.uncertainty,
            vulnerability: s.vulnerability,
            warning: s.warning,
          })),
        ),
      ],
    );
  };

  if (root) {
    const previous = await insertAnalysis({
      approvedDaysAgo: 4 * 365 + 30,
      council: { caseNumber: `${year - 4}/41`, decisionDaysAgo: 4 * 365 + 20 },
      mandate: 'Helhetlig risiko- og sårbarhetsanalyse etter sivilbeskyttelsesloven § 14 for forrige planperiode.',
      nextRevisionInDays: -20,
      owner: 'hmsAdvisor',
      scaleCode: 'dsb_societal',
      status: 'superseded',
      title: `Helhetlig ROS for Fjordvik kommune ${year - 4}–${year - 1}`,
      type: 'holistic_ros',
      unitId: root.id,
    });
    await insertScenarios(previous, HOLISTIC_SCENARIOS.slice(0, 8));
    const holistic = await insertAnalysis({
      approvedDaysAgo: 60,
      council: { caseNumber: `${year}/27`, decisionDaysAgo: 45 },
      mandate:
        'Kartlegge uønskede hendelser som kan inntreffe i Fjordvik kommune, vurdere sannsynlighet, konsekvens og sårbarhet, og gi grunnlag for overordnet beredskapsplan og oppfølgingsplan (sivilbeskyttelsesloven § 14, forskrift om kommunal beredskapsplikt § 2).',
      nextRevisionInDays: 4 * 365 - 60,
      owner: 'hmsAdvisor',
      previousVersionId: previous,
      scaleCode: 'dsb_societal',
      status: 'approved',
      title: `Helhetlig ROS for Fjordvik kommune ${year}–${year + 3}`,
      type: 'holistic_ros',
      unitId: root.id,
    });
    await insertScenarios(holistic, HOLISTIC_SCENARIOS);
  }
  if (health) {
    const id = await insertAnalysis({
      approvedDaysAgo: null,
      mandate: 'Tjeneste-ROS for sykehjem, hjemmetjeneste og legevakt: hendelser som truer forsvarlige tjenester.',
      nextRevisionInDays: 60,
      owner: 'sectorLeaderHealth',
      scaleCode: 'dsb_societal',
      status: 'in_review',
      title: `Tjeneste-ROS Helse og omsorg ${year}`,
      type: 'service_ros',
      unitId: health.id,
    });
    await insertScenarios(id, HEALTH_SCENARIOS);
  }
  if (education) {
    const id = await insertAnalysis({
      approvedDaysAgo: 120,
      mandate: 'Tjeneste-ROS for barnehager og skoler.',
      nextRevisionInDays: 245,
      owner: 'sectorLeaderEducation',
      scaleCode: 'dsb_societal',
      status: 'approved',
      title: `Tjeneste-ROS Oppvekst ${year}`,
      type: 'service_ros',
      unitId: education.id,
    });
    await insertScenarios(id, EDUCATION_SCENARIOS);
  }
  const template = riskAnalysisTemplate('hms_nursing_home');
  if (nursingHome && template) {
    const id = await insertAnalysis({
      approvedDaysAgo: null,
      mandate:
        'Kartlegge farer og problemer i arbeidsmiljøet og vurdere risiko (arbeidsmiljøloven § 3-1, internkontrollforskriften § 5). Deltakere: enhetsleder, verneombud og ansatte.',
      nextRevisionInDays: 200,
      owner: 'nursingHomeLeader',
      scaleCode: 'hms_default',
      status: 'in_progress',
      title: `HMS-risikovurdering ${nursingHome.name} ${year}`,
      type: 'hms_ros',
      unitId: nursingHome.id,
    });
    await manager.query(
      `INSERT INTO hms_risk_item (tenant_id, analysis_id, sort_order, risk_factor_id, task_or_location, exposed_group, exposed_count, likelihood_rank, consequence_rank,
         existing_measures, uncertainty, residual_likelihood_rank, residual_consequence_rank)
       SELECT $1, $2, i.sort_order, f.id, i.task, i.exposed_group, i.exposed_count, i.l, i.c, i.measures, i.uncertainty, i.rl, i.rc
         FROM jsonb_to_recordset($3::jsonb) AS i(sort_order int, code varchar, task varchar, exposed_group varchar, exposed_count int, l int, c int, measures text,
              uncertainty varchar, rl int, rc int)
         JOIN risk_factor f ON f.tenant_id = $1 AND f.code = i.code`,
      [
        tenantId,
        id,
        JSON.stringify(
          template.hmsItems.map((item, index) => {
            const [l, c, rl, rc, uncertainty, measures] = NURSING_HOME_SCORES[item.factorCode] ?? [3, 2, null, null, 'medium', null];
            return {
              c,
              code: item.factorCode,
              exposed_count: nursingHome.headcount,
              exposed_group: item.exposedGroup,
              l,
              measures,
              rc,
              rl,
              sort_order: index + 1,
              task: item.taskOrLocation,
              uncertainty,
            };
          }),
        ),
      ],
    );
  }
  return count;
};
