import { addDays, childPath, isDateOnly, SeededRandom, todayDateOnly } from '@helhet/domain';
import type { OrgLevelType, Role, ServiceType } from '@helhet/shared';

import { DEMO_LOGINS, demoLogin, type DemoLoginKey } from './demo-logins.constants';
import type {
  DemoDelegationRow,
  DemoMunicipality,
  DemoMunicipalityOptions,
  DemoOrgUnitRow,
  DemoRoleAssignmentRow,
  DemoUserRow,
} from './demo-municipality.types';
import { PersonFactory } from './demo-people';
import {
  DISTRICT_NAMES,
  LARGE_MUNICIPALITY_EMPLOYEES,
  type SectorKey,
  SECTORS,
  type SubunitPlan,
  UNIT_TEMPLATES,
  type UnitTemplate,
} from './unit-catalogue.constants';
import { UnitNamer } from './unit-namer';

export const MIN_DEMO_EMPLOYEES = 150;
export const MAX_DEMO_EMPLOYEES = 100_000;

interface TreeNode {
  id: string;
  kind: OrgLevelType;
  name: string;
  serviceType: ServiceType | null;
  parent: TreeNode | null;
  children: TreeNode[];
  /** People (not the leader) whose primary unit is this node. */
  staff: number;
  template?: UnitTemplate;
  ordinal?: number;
  /** Filled when people are created. */
  leaderId?: string;
  members: string[];
}

interface PlannedUnit {
  template: UnitTemplate;
  ordinal: number;
  district: number | null;
  size: number;
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
/** Sizes are drawn as min + (max − min)·u², skewed towards small units (most kindergartens are small); mean min + ⅓·range. */
const SIZE_SKEW = 2;
const meanSize = (template: UnitTemplate): number => template.size[0] + (template.size[1] - template.size[0]) / (SIZE_SKEW + 1);

/**
 * A realistic, fictitious Norwegian municipality ("Fjordvik kommune", kommunenummer 3199) as plain rows:
 * tenant, organisation tree (ltree paths), users, role assignments and a couple of acting leaders.
 * Pure and deterministic: the same options give the same rows. Every node has a leader; the demo logins
 * (DEMO_LOGINS) are always present. Sizes follow domain.md §1.5: ~120 units / ~300 nodes at 4,000
 * employees, ~1,500 units / ~4,500 nodes at 50,000 (then organised like Oslo, with bydeler and etater).
 */
export const generateDemoMunicipality = (input: DemoMunicipalityOptions = {}): DemoMunicipality => {
  const options = normaliseOptions(input);
  const { employees, seed, today } = options;
  const root = new SeededRandom(seed);
  const structure = root.fork('structure');
  const ids = root.fork('ids');
  const people = root.fork('people');
  const large = employees >= LARGE_MUNICIPALITY_EMPLOYEES;
  const validFrom = `${Number(today.slice(0, 4)) - 6}-01-01`;

  const tenant = {
    governanceModel: large ? ('parliamentary' as const) : ('alderman' as const),
    id: ids.uuid(),
    municipalityNumber: '3199',
    name: 'Fjordvik kommune',
    orgNumber: null,
  };

  // 1. The top of the tree: kommune, sectors (kommunalområder) and, when very large, bydeler.
  const node = (kind: OrgLevelType, name: string, parent: TreeNode | null, serviceType: ServiceType | null = null): TreeNode => {
    const created: TreeNode = { children: [], id: ids.uuid(), kind, members: [], name, parent, serviceType, staff: 0 };
    parent?.children.push(created);
    return created;
  };
  const municipality = node('municipality', tenant.name, null);
  const sectors = new Map<SectorKey, TreeNode>();
  for (const sector of SECTORS.filter((candidate) => large || !candidate.largeOnly))
    sectors.set(sector.key, node('sector', sector.name, municipality));
  const districtCount = large ? clamp(Math.round(employees / 3500), 4, DISTRICT_NAMES.length) : 0;
  const districts = DISTRICT_NAMES.slice(0, districtCount).map((name) => ({ name, node: node('district', `Bydel ${name}`, municipality) }));

  // 2. Overhead: leaders and advisers at kommune, sector, etat and bydel level.
  const rootExtras = { hms: employees >= 2000 ? structure.int(0, 2) : 0, quality: employees >= 2000 ? structure.int(0, 1) : 0 };
  municipality.staff = 4 + rootExtras.hms + rootExtras.quality + structure.int(1, clamp(Math.floor(employees / 2000), 1, 4));
  for (const sector of sectors.values()) sector.staff = structure.int(1, clamp(Math.floor(employees / 2500) + 1, 1, 5));
  for (const district of districts) district.node.staff = structure.int(2, 5);

  // 3. Which units, where, and how many people each.
  const planned = planUnits(employees, large, districtCount, structure);
  const agencies = new Map<string, TreeNode>();
  const namer = new UnitNamer(structure.fork('names'));
  const units = planned.map((plan) => {
    const district = plan.district === null ? null : districts[plan.district];
    let parent: TreeNode;
    if (district) parent = district.node;
    else {
      const sector = sectors.get(large ? (plan.template.largeSector ?? plan.template.sector) : plan.template.sector);
      if (!sector) throw new Error(`No sector for ${plan.template.key}`);
      parent = sector;
      if (large && plan.template.agency) {
        let agency = agencies.get(plan.template.agency);
        if (!agency) {
          agency = node('agency', plan.template.agency, sector);
          agency.staff = structure.int(1, 3);
          agencies.set(plan.template.agency, agency);
        }
        parent = agency;
      }
    }
    const unit = node('unit', namer.next(plan.template, district?.name ?? null), parent, plan.template.serviceType);
    return Object.assign(unit, { ordinal: plan.ordinal, template: plan.template });
  });
  const overhead =
    1 +
    municipality.staff +
    sum([...sectors.values()].map((s) => 1 + s.staff)) +
    sum(districts.map((d) => 1 + d.node.staff)) +
    sum([...agencies.values()].map((a) => 1 + a.staff));
  const demoHome = units.find((unit) => unit.template.key === 'nursing_home' && unit.ordinal === 0);
  if (!demoHome) throw new Error('The demo municipality needs a nursing home');
  const sizes = balanceSizes(planned, employees - overhead, structure, (index) => (units[index] === demoHome ? 8 : 2));

  // 4. Departments and teams inside the units, and who works where.
  units.forEach((unit, index) => {
    const reserved = unit === demoHome ? 2 : 0;
    addSubunits(unit, sizes[index] ?? 2, unit.template.departments(sizes[index] ?? 2, structure, unit.ordinal), reserved, structure, node);
  });

  // 5. Flatten (parents first), paths and codes (ansvar).
  const ordered = flatten(municipality);
  const { codes, paths } = codesAndPaths(municipality);

  // 6. People: every node's leader, then its staff; demo logins in their fixed places.
  const factory = new PersonFactory(
    people,
    DEMO_LOGINS.map((login) => login.email),
  );
  const users: DemoUserRow[] = [];
  const demoIds = new Map<DemoLoginKey, string>();
  const addUser = (primary: TreeNode, demo?: DemoLoginKey): string => {
    const id = ids.uuid();
    const login = demo ? demoLogin(demo) : undefined;
    const person = login ? { email: login.email, locale: 'nb' as const, name: login.name } : factory.next();
    users.push({
      email: person.email,
      employeeNumber: String(100_001 + users.length),
      id,
      isDemoLogin: !!login,
      locale: person.locale,
      name: person.name,
      primaryOrgUnitId: primary.id,
      tenantId: tenant.id,
    });
    if (demo) demoIds.set(demo, id);
    return id;
  };
  const demoLeaders = new Map<TreeNode, DemoLoginKey>([
    [municipality, 'executive'],
    [demoHome, 'nursingHomeLeader'],
  ]);
  const health = sectors.get('health');
  const education = sectors.get('education');
  if (health) demoLeaders.set(health, 'sectorLeaderHealth');
  if (education) demoLeaders.set(education, 'sectorLeaderEducation');
  const demoStaff = new Map<TreeNode, DemoLoginKey[]>([
    [municipality, ['admin', 'hmsAdvisor', 'qualityCoordinator', 'dpo']],
    [demoHome, ['safetyRep', 'employee']],
  ]);
  for (const current of ordered) {
    current.leaderId = addUser(current, demoLeaders.get(current));
    const fixed = demoStaff.get(current) ?? [];
    for (let i = 0; i < current.staff; i++) current.members.push(addUser(current, fixed[i]));
  }

  // 7. Roles: leaders by level, everyone else employee of their unit, staff roles, safety reps.
  const roleAssignments: DemoRoleAssignmentRow[] = [];
  const grant = (
    userId: string,
    role: Role,
    unit: TreeNode,
    includeDescendants: boolean,
    period: { from: string; to: string | null } = { from: validFrom, to: null },
  ) =>
    roleAssignments.push({
      id: ids.uuid(),
      includeDescendants,
      orgUnitId: unit.id,
      role,
      tenantId: tenant.id,
      userId,
      validFrom: period.from,
      validTo: period.to,
    });
  const leaderRole: Record<OrgLevelType, Role> = {
    agency: 'sector_leader',
    department: 'department_leader',
    district: 'sector_leader',
    municipality: 'executive',
    sector: 'sector_leader',
    team: 'department_leader',
    unit: 'unit_leader',
  };
  for (const current of ordered) {
    grant(current.leaderId ?? '', leaderRole[current.kind], current, true);
    for (const member of current.members) grant(member, 'employee', current, false);
  }
  const rootStaff = municipality.members;
  grant(demoIds.get('admin') ?? '', 'tenant_admin', municipality, true);
  for (const userId of [demoIds.get('hmsAdvisor') ?? '', ...rootStaff.slice(4, 4 + rootExtras.hms)])
    grant(userId, 'hms_advisor', municipality, true);
  for (const userId of [
    demoIds.get('qualityCoordinator') ?? '',
    ...rootStaff.slice(4 + rootExtras.hms, 4 + rootExtras.hms + rootExtras.quality),
  ]) {
    grant(userId, 'quality_coordinator', municipality, true);
  }
  grant(demoIds.get('dpo') ?? '', 'dpo', municipality, true);
  // Bedriftshelsetjenesten (BHT) serves the health sector: it reads that sector's injury register (aml § 5-1 (3)).
  const occupationalHealth = rootStaff[4 + rootExtras.hms + rootExtras.quality];
  if (occupationalHealth && health) grant(occupationalHealth, 'occupational_health', health, true);
  // Working Environment Act § 6-1: a safety representative (verneombud) in every unit with at least 10 people.
  for (const unit of units) {
    const everyone = subtreeMembers(unit);
    if (everyone.length + nodeCount(unit) < 10 && unit !== demoHome) continue; // one leader per node
    const rep = unit === demoHome ? demoIds.get('safetyRep') : everyone.length > 0 ? structure.pick(everyone) : undefined;
    if (rep) grant(rep, 'safety_rep', unit, true);
  }

  // 8. Acting leaders (konstituering) active today.
  const delegations: DemoDelegationRow[] = [];
  const acting = (unit: TreeNode | undefined, from: number, to: number) => {
    if (!unit?.leaderId) return;
    const standIn = unit.children[0]?.leaderId ?? unit.members[0];
    if (!standIn) return;
    const period = { from: addDays(today, -from), to: addDays(today, to) };
    delegations.push({
      fromUserId: unit.leaderId,
      id: ids.uuid(),
      includeDescendants: true,
      orgUnitId: unit.id,
      reason: 'acting',
      tenantId: tenant.id,
      toUserId: standIn,
      validFrom: period.from,
      validTo: period.to,
    });
    // The acting leader holds the unit leader's role for the period (access follows the konstituering).
    grant(standIn, 'unit_leader', unit, true, period);
  };
  const unitOf = (key: string, ordinal: number) => units.find((unit) => unit.template.key === key && unit.ordinal === ordinal);
  acting(unitOf('nursing_home', 1) ?? unitOf('home_care', 0), structure.int(7, 30), structure.int(55, 65));
  acting(unitOf('primary_school', 1), structure.int(30, 90), structure.int(20, 120));

  // 9. Rows.
  const headcounts = new Map<TreeNode, number>();
  const headcount = (current: TreeNode): number => {
    const total = 1 + current.members.length + sum(current.children.map(headcount));
    headcounts.set(current, total);
    return total;
  };
  headcount(municipality);
  const orgUnits: DemoOrgUnitRow[] = ordered.map((current) => ({
    code: codes.get(current) ?? '',
    headcount: headcounts.get(current) ?? 0,
    id: current.id,
    leaderUserId: current.leaderId ?? '',
    levelType: current.kind,
    name: current.name,
    parentId: current.parent?.id ?? null,
    path: paths.get(current) ?? '',
    serviceType: current.serviceType,
    tenantId: tenant.id,
    validFrom,
    validTo: null,
  }));
  return { delegations, options, orgUnits, roleAssignments, tenant, users };
};

const normaliseOptions = (input: DemoMunicipalityOptions): Required<DemoMunicipalityOptions> => {
  const options = { employees: input.employees ?? 4000, seed: input.seed ?? 2026, today: input.today ?? todayDateOnly() };
  if (!Number.isInteger(options.employees) || options.employees < MIN_DEMO_EMPLOYEES || options.employees > MAX_DEMO_EMPLOYEES) {
    throw new RangeError(`employees must be an integer from ${MIN_DEMO_EMPLOYEES} to ${MAX_DEMO_EMPLOYEES}, got ${options.employees}`);
  }
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (!isDateOnly(options.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${options.today}`);
  return options;
};

/** How many units of each kind (from their share of the staff), in which bydel, and a first size for each. */
const planUnits = (employees: number, large: boolean, districtCount: number, random: SeededRandom): PlannedUnit[] => {
  const shareTotal = sum(UNIT_TEMPLATES.map((template) => template.share));
  const planned: PlannedUnit[] = [];
  for (const template of UNIT_TEMPLATES) {
    const inDistricts = large && !!template.inDistricts;
    let count = Math.round((employees * template.share) / shareTotal / meanSize(template));
    if (template.singleton) count = Math.min(count, inDistricts ? districtCount : 1);
    if (inDistricts && template.everyDistrict) count = Math.max(count, districtCount);
    if (template.required) count = Math.max(count, 1);
    for (let ordinal = 0; ordinal < count; ordinal++) {
      const [min, max] = template.size;
      planned.push({
        district: inDistricts ? ordinal % districtCount : null,
        ordinal,
        size: min + Math.round((max - min) * random.next() ** SIZE_SKEW),
        template,
      });
    }
  }
  return planned;
};

/**
 * Moves unit sizes up or down, within each kind's range while possible, until they add up to `target`.
 * Only a tiny municipality pushes sizes outside the ranges (never below `hardMin`).
 */
const balanceSizes = (
  planned: readonly PlannedUnit[],
  target: number,
  random: SeededRandom,
  hardMin: (index: number) => number,
): number[] => {
  const sizes = planned.map((plan, index) => Math.max(plan.size, hardMin(index)));
  let diff = target - sum(sizes);
  let strict = true;
  for (let guard = 0; diff !== 0; guard++) {
    if (guard > 100_000) throw new Error('Could not balance unit sizes');
    const direction = Math.sign(diff);
    const room = (index: number): number => {
      const [min, max] = planned[index]?.template.size ?? [0, 0];
      const size = sizes[index] ?? 0;
      if (direction > 0) return strict ? max - size : Number.MAX_SAFE_INTEGER;
      return size - Math.max(hardMin(index), strict ? min : 0);
    };
    const open = sizes.map((_, index) => index).filter((index) => room(index) > 0);
    if (open.length === 0) {
      if (!strict) throw new RangeError(`Cannot fit ${target} people into ${planned.length} units`);
      strict = false;
      continue;
    }
    const step = Math.max(1, Math.floor(Math.abs(diff) / open.length));
    for (const index of random.shuffle(open)) {
      if (diff === 0) break;
      const delta = Math.min(step, room(index), Math.abs(diff));
      sizes[index] = (sizes[index] ?? 0) + direction * delta;
      diff -= direction * delta;
    }
  }
  return sizes;
};

/** Creates the unit's departments and teams and spreads its people over them (each leaf gets at least one). */
const addSubunits = (
  unit: TreeNode,
  size: number,
  plans: SubunitPlan[],
  reserved: number,
  random: SeededRandom,
  node: (kind: OrgLevelType, name: string, parent: TreeNode | null, serviceType?: ServiceType | null) => TreeNode,
): void => {
  const leaders = plans.length + sum(plans.map((plan) => plan.teams?.length ?? 0));
  const leaves = sum(plans.map((plan) => plan.teams?.length || 1));
  const staff = size - 1 - leaders;
  if (plans.length === 0 || staff < 2 * leaves + reserved) {
    unit.staff = size - 1;
    return;
  }
  unit.staff = Math.max(reserved, Math.round(staff * 0.05));
  const leafNodes: TreeNode[] = [];
  for (const plan of plans) {
    const department = node('department', plan.name, unit, unit.serviceType);
    if (plan.teams?.length) for (const team of plan.teams) leafNodes.push(node('team', team, department, unit.serviceType));
    else leafNodes.push(department);
  }
  const rest = staff - unit.staff;
  const weights = leafNodes.map(() => 0.7 + 0.6 * random.next());
  const weightTotal = sum(weights);
  leafNodes.forEach((leaf, index) => (leaf.staff = 1 + Math.floor(((rest - leafNodes.length) * (weights[index] ?? 1)) / weightTotal)));
  let left = rest - sum(leafNodes.map((leaf) => leaf.staff));
  for (let index = 0; left > 0; index = (index + 1) % leafNodes.length, left--) {
    const leaf = leafNodes[index];
    if (leaf) leaf.staff++;
  }
};

const flatten = (start: TreeNode): TreeNode[] => {
  const out: TreeNode[] = [];
  const visit = (current: TreeNode) => {
    out.push(current);
    current.children.forEach(visit);
  };
  visit(start);
  return out;
};

const subtreeMembers = (start: TreeNode): string[] => flatten(start).flatMap((current) => current.members);
const nodeCount = (start: TreeNode): number => flatten(start).length;

/**
 * ltree paths, and codes (ansvar): the kommune is 1000; each sector or bydel owns a band of 10,000
 * (110000, 120000, …); etater and units in it get band + 10·n, their departments and teams unit + 1…9.
 */
const codesAndPaths = (municipality: TreeNode): { codes: Map<TreeNode, string>; paths: Map<TreeNode, string> } => {
  const codes = new Map<TreeNode, string>([[municipality, '1000']]);
  const paths = new Map<TreeNode, string>([[municipality, childPath(null, municipality.id)]]);
  municipality.children.forEach((top, band) => {
    const base = (11 + band) * 10_000;
    if (base >= 1_000_000) throw new RangeError('Too many sectors and districts for 6-digit codes');
    codes.set(top, String(base));
    let unitNumber = 0;
    const visit = (current: TreeNode, parentPath: string, ownerCode: number, subNumber: { next: number }) => {
      const path = childPath(parentPath, current.id);
      paths.set(current, path);
      let code: number;
      let nextSub = subNumber;
      if (current.kind === 'department' || current.kind === 'team') {
        if (++subNumber.next > 9) throw new RangeError(`Unit ${current.parent?.name} has more than 9 departments and teams`);
        code = ownerCode + subNumber.next;
      } else {
        if (++unitNumber > 999) throw new RangeError(`${top.name} has more than 999 units`);
        code = base + 10 * unitNumber;
        nextSub = { next: 0 };
      }
      codes.set(current, String(code));
      const owner = current.kind === 'department' || current.kind === 'team' ? ownerCode : code;
      for (const child of current.children) visit(child, path, owner, nextSub);
    };
    const topPath = childPath(paths.get(municipality) ?? null, top.id);
    paths.set(top, topPath);
    for (const child of top.children) visit(child, topPath, base, { next: 0 });
  });
  return { codes, paths };
};
