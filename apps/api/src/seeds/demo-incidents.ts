import {
  acknowledgeDeadline,
  closeDeadline,
  DEFAULT_DEADLINE_POLICY,
  formatIncidentNumber,
  type IncidentKind,
  type IncidentStatus,
  SeededRandom,
  type Severity,
  worstSeverity,
  zonedDate,
} from '@helhet/domain';
import type { EntityManager } from 'typeorm';

import type { DemoMunicipality } from './demo-municipality.types';

/** Yearly avvik per employee and category mix after Stavanger's "Si ifra!" (domain.md §3.2, 2021). */
const PER_EMPLOYEE_YEAR = 0.6;
const CATEGORY_WEIGHTS: Record<string, number> = {
  environment: 0.5,
  fire: 1,
  improvement: 3,
  information_security: 2.2,
  material_damage: 3.3,
  other: 6.7,
  personal_injury: 17,
  service_quality: 6.4,
  user_safety: 6,
  violence_threats: 45,
  work_environment: 11.9,
};
const SEVERITY_WEIGHTS: [Severity, number][] = [
  ['low', 55],
  ['medium', 33],
  ['high', 10],
  ['critical', 2],
];
const DEFAULT_DESCRIPTIONS = [
  'Rutinen ble ikke fulgt ved vaktskifte.',
  'Manglende dokumentasjon oppdaget ved gjennomgang.',
  'Utstyr var ikke tilgjengelig da det trengtes.',
];
const DESCRIPTIONS: Record<string, string[]> = {
  personal_injury: [
    'Ansatt skled på vått gulv i korridoren.',
    'Kuttskade ved oppvask av glass.',
    'Belastningsskade i rygg ved forflytning uten hjelpemiddel.',
  ],
  violence_threats: [
    'Bruker slo etter ansatt under morgenstell.',
    'Trusler fra pårørende i telefon.',
    'Elev kastet stol mot ansatt i friminuttet.',
  ],
  work_environment: [
    'Alenearbeid på kveldsvakt på grunn av sykefravær.',
    'For høy temperatur på vaktrommet over lang tid.',
    'Høyt støynivå i fellesrom.',
  ],
};

interface CategoryRow {
  id: string;
  code: string;
  has_severity: boolean;
  subs: string[];
}

/**
 * A year of demo avvik for the municipality: the category mix of a real municipality, filed at units
 * with employees, most older cases closed, recent ones open. Deterministic for a seed. The history has
 * a filed event (and a closing one); reporters are random employees, handlers the unit leaders.
 */
export const seedDemoIncidents = async (manager: EntityManager, demo: DemoMunicipality): Promise<number> => {
  const random = new SeededRandom(`${demo.options.seed}-incidents`);
  const tenantId = demo.tenant.id;
  const categories = (await manager.query(
    `SELECT c.id, c.code, c.has_severity, COALESCE(array_agg(s.id) FILTER (WHERE s.id IS NOT NULL), '{}') AS subs
       FROM incident_category c LEFT JOIN incident_category s ON s.parent_id = c.id
      WHERE c.tenant_id = $1 AND c.parent_id IS NULL GROUP BY c.id, c.code, c.has_severity`,
    [tenantId],
  )) as CategoryRow[];
  const unitsById = new Map(demo.orgUnits.map((unit) => [unit.id, unit]));
  const employees = demo.users.filter((user) => !user.isDemoLogin);
  const today = new Date(`${demo.options.today}T12:00:00Z`);
  const count = Math.round(demo.users.length * PER_EMPLOYEE_YEAR);
  const rows: unknown[][] = [];
  for (let n = 0; n < count; n++) {
    const reporter = random.pick(employees);
    const home = unitsById.get(reporter.primaryOrgUnitId);
    if (!home) continue;
    // Many reports concern the unit as a whole (shared rooms, routines): filed there, handled by its leader.
    const parent = home.parentId ? unitsById.get(home.parentId) : undefined;
    const unit = (home.levelType === 'department' || home.levelType === 'team') && parent && random.chance(0.4) ? parent : home;
    const category = random.pickWeighted(categories, (c) => CATEGORY_WEIGHTS[c.code] ?? 1);
    const daysAgo = Math.floor(365 * random.next() ** 1.3);
    const reportedAt = new Date(today.getTime() - daysAgo * 86_400_000 - random.int(0, 10 * 3_600_000));
    const occurredAt = new Date(reportedAt.getTime() - random.int(10, 48 * 60) * 60_000);
    const kind: IncidentKind =
      category.code === 'improvement'
        ? 'improvement'
        : random.chance(0.15)
          ? 'near_miss'
          : random.chance(0.2)
            ? 'adverse_event'
            : 'deviation';
    const severity = category.has_severity && kind !== 'improvement' ? random.pickWeighted(SEVERITY_WEIGHTS, ([, w]) => w)[0] : null;
    const severityActual = kind === 'near_miss' ? null : severity;
    const severityPotential = severity ? random.pickWeighted(SEVERITY_WEIGHTS, ([, w]) => w)[0] : null;
    const worst = worstSeverity(severityActual, severityPotential);
    const status: IncidentStatus =
      daysAgo > 45
        ? random.chance(0.93)
          ? 'closed'
          : random.chance(0.5)
            ? 'rejected'
            : 'measures'
        : daysAgo > 6
          ? random.pickWeighted<IncidentStatus>(['closed', 'in_progress', 'measures'], (s) => (s === 'closed' ? 5 : 3))
          : random.pickWeighted<IncidentStatus>(['registered', 'in_progress'], (s) => (s === 'registered' ? 3 : 1));
    const texts = DESCRIPTIONS[category.code] ?? DEFAULT_DESCRIPTIONS;
    const leader = unit.leaderUserId;
    const done = status === 'closed' || status === 'rejected';
    rows.push([
      random.uuid(),
      Number(zonedDate(reportedAt).slice(0, 4)),
      kind,
      category.id,
      category.subs.length > 0 && random.chance(0.8) ? random.pick(category.subs) : null,
      unit.id,
      occurredAt,
      reportedAt,
      random.pick(texts),
      severityActual,
      severityPotential,
      category.code === 'violence_threats' || category.code === 'personal_injury'
        ? 'employee'
        : category.code === 'user_safety'
          ? 'user_patient'
          : 'none',
      reporter.id,
      status,
      leader,
      acknowledgeDeadline(reportedAt, worst, DEFAULT_DEADLINE_POLICY),
      closeDeadline(reportedAt, worst, DEFAULT_DEADLINE_POLICY),
      status === 'registered' ? null : new Date(reportedAt.getTime() + random.int(1, 72) * 3_600_000),
      done ? new Date(Math.min(today.getTime(), reportedAt.getTime() + random.int(2, 40) * 86_400_000)) : null,
      status === 'closed'
        ? random.pick(['human', 'technical', 'organisational', 'routine_missing', 'routine_not_followed', 'external'])
        : null,
      status === 'closed' ? 'Gjennomgått i personalmøte; rutinen er oppdatert.' : null,
      done ? 'Takk for meldingen. Saken er fulgt opp i enheten.' : null,
      status === 'closed' ? 'Tiltak ikke nødvendig utover gjennomgang.' : null,
    ]);
  }
  rows.sort((a, b) => (a[7] as Date).getTime() - (b[7] as Date).getTime());
  const sequence = new Map<number, number>();
  for (const row of rows) {
    const year = row[1] as number;
    const next = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, next);
    row[1] = formatIncidentNumber(year, next);
  }
  const columns = [
    ['id', 'uuid'],
    ['number', 'varchar'],
    ['kind', 'varchar'],
    ['category_id', 'uuid'],
    ['subcategory_id', 'uuid'],
    ['org_unit_id', 'uuid'],
    ['occurred_at', 'timestamptz'],
    ['reported_at', 'timestamptz'],
    ['description', 'text'],
    ['severity_actual', 'varchar'],
    ['severity_potential', 'varchar'],
    ['affected_party_type', 'varchar'],
    ['reporter_user_id', 'uuid'],
    ['status', 'varchar'],
    ['responsible_user_id', 'uuid'],
    ['acknowledge_due_at', 'timestamptz'],
    ['close_due_at', 'timestamptz'],
    ['acknowledged_at', 'timestamptz'],
    ['closed_at', 'timestamptz'],
    ['cause_category', 'varchar'],
    ['closure_summary', 'text'],
    ['feedback_to_reporter', 'text'],
    ['no_measure_reason', 'text'],
  ] as const;
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000);
    await manager.query(
      `INSERT INTO incident (tenant_id, reporter_visibility, handler_user_id, filing_processed_at, ${columns.map(([name]) => name).join(', ')})
       SELECT $1, 'named', t.responsible_user_id, t.reported_at, t.* FROM unnest(${columns.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ')})
         AS t(${columns.map(([name]) => name).join(', ')})`,
      [tenantId, ...columns.map((_, i) => chunk.map((row) => row[i]))],
    );
  }
  await manager.query(
    `INSERT INTO incident_event (tenant_id, incident_id, type, to_status, actor_user_id, created_at)
     SELECT tenant_id, id, 'filed', 'registered', reporter_user_id, reported_at FROM incident WHERE tenant_id = $1`,
    [tenantId],
  );
  await manager.query(
    `INSERT INTO incident_event (tenant_id, incident_id, type, action, from_status, to_status, actor_user_id, created_at)
     SELECT tenant_id, id, 'transition', CASE status WHEN 'closed' THEN 'close' ELSE 'reject' END, 'in_progress', status, responsible_user_id, closed_at
       FROM incident WHERE tenant_id = $1 AND status IN ('closed', 'rejected')`,
    [tenantId],
  );
  // The aml § 5-1 register: most injury and violence cases carry an injury record (the reporter is the injured
  // employee in the demo; no medical text, as no consent is recorded).
  await manager.query(
    `INSERT INTO injury_record (incident_id, tenant_id, injured_user_id, work_being_done, course_of_events, presumed_causes, injury_description,
       absence, absence_days, medical_info_consent, medical_info, occupational_disease)
     SELECT i.id, i.tenant_id, i.reporter_user_id,
            CASE c.code WHEN 'violence_threats' THEN 'Stell og oppfølging av bruker' ELSE 'Daglig arbeid i enheten' END,
            i.description, 'Se årsaksvurderingen i saken.',
            CASE WHEN c.code = 'violence_threats' THEN 'Slag/riper, psykisk belastning' ELSE 'Forstuing, kutt eller belastningsskade' END,
            i.severity_actual IN ('high', 'critical'), CASE i.severity_actual WHEN 'high' THEN 3 WHEN 'critical' THEN 14 END, false, NULL, false
       FROM incident i JOIN incident_category c ON c.id = i.category_id
      WHERE i.tenant_id = $1 AND c.code IN ('personal_injury', 'violence_threats') AND i.kind <> 'near_miss' AND abs(hashtext(i.id::text)) % 10 < 7`,
    [tenantId],
  );
  for (const [year, last] of sequence) {
    await manager.query(`INSERT INTO incident_number_counter (tenant_id, year, last_value) VALUES ($1, $2, $3)`, [tenantId, year, last]);
  }
  return rows.length;
};
