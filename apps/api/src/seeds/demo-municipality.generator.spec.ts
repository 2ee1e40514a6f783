import { childPath, isActiveOn, resolveManagementLine } from '@helhet/domain';
import { ROLES, SERVICE_TYPES } from '@helhet/shared';

import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-logins.constants';
import { generateDemoMunicipality } from './demo-municipality.generator';
import type { DemoMunicipality } from './demo-municipality.types';

const TODAY = '2026-11-23';

const count = (municipality: DemoMunicipality, levelType: string): number =>
  municipality.orgUnits.filter((unit) => unit.levelType === levelType).length;

/** The structural rules every generated municipality must satisfy, whatever its size. */
const expectConsistent = (municipality: DemoMunicipality): void => {
  const { orgUnits, users, roleAssignments, delegations, tenant } = municipality;
  const unitById = new Map(orgUnits.map((unit) => [unit.id, unit]));
  const userById = new Map(users.map((user) => [user.id, user]));

  // ids are unique across all tables
  const ids = [
    tenant.id,
    ...orgUnits.map((u) => u.id),
    ...users.map((u) => u.id),
    ...roleAssignments.map((r) => r.id),
    ...delegations.map((d) => d.id),
  ];
  expect(new Set(ids).size).toBe(ids.length);

  // one root, parents before children, paths built from the parent's path
  const roots = orgUnits.filter((unit) => unit.parentId === null);
  expect(roots).toHaveLength(1);
  expect(roots[0]).toMatchObject({ code: '1000', levelType: 'municipality', name: 'Fjordvik kommune' });
  const seen = new Set<string>();
  const badPaths = orgUnits.filter((unit) => {
    const parent = unit.parentId === null ? null : unitById.get(unit.parentId);
    const ok =
      (unit.parentId === null || seen.has(unit.parentId)) &&
      unit.path === childPath(parent?.path ?? null, unit.id) &&
      unit.tenantId === tenant.id;
    seen.add(unit.id);
    return !ok;
  });
  expect(badPaths).toEqual([]);

  // codes: unique 4–6 digit strings
  const codes = orgUnits.map((unit) => unit.code);
  expect(new Set(codes).size).toBe(codes.length);
  expect(codes.every((code) => /^\d{4,6}$/.test(code))).toBe(true);

  // every node has a leader who works there
  expect(orgUnits.filter((unit) => userById.get(unit.leaderUserId)?.primaryOrgUnitId !== unit.id)).toEqual([]);
  // units, departments and teams have a service type from the shared list; the levels above none
  const badServiceTypes = orgUnits.filter((unit) =>
    ['unit', 'department', 'team'].includes(unit.levelType)
      ? !(SERVICE_TYPES as readonly (string | null)[]).includes(unit.serviceType)
      : unit.serviceType !== null,
  );
  expect(badServiceTypes).toEqual([]);

  // headcount adds up: the root counts everybody
  expect(roots[0]?.headcount).toBe(users.length);

  // e-mails: unique, lower-case ASCII on the municipality's domain
  const emails = users.map((user) => user.email);
  expect(new Set(emails).size).toBe(emails.length);
  expect(emails.every((email) => /^[a-z0-9.-]+@fjordvik\.kommune\.no$/.test(email))).toBe(true);
  expect(users.every((user) => user.primaryOrgUnitId && unitById.has(user.primaryOrgUnitId))).toBe(true);

  // roles reference real users and units, with known role ids; leaders lead, everyone else is an employee of their unit
  const leaders = new Set(orgUnits.map((unit) => unit.leaderUserId));
  expect(
    roleAssignments.filter((a) => !(ROLES as readonly string[]).includes(a.role) || !userById.has(a.userId) || !unitById.has(a.orgUnitId)),
  ).toEqual([]);
  const employeeGrants = new Set(
    roleAssignments.filter((a) => a.role === 'employee' && !a.includeDescendants).map((a) => `${a.userId}|${a.orgUnitId}`),
  );
  const missing = users.filter((user) => !leaders.has(user.id) && !employeeGrants.has(`${user.id}|${user.primaryOrgUnitId}`));
  expect(missing).toEqual([]);
  const leaderRole: Record<string, string> = {
    agency: 'sector_leader',
    department: 'department_leader',
    district: 'sector_leader',
    municipality: 'executive',
    sector: 'sector_leader',
    team: 'department_leader',
    unit: 'unit_leader',
  };
  const grants = new Set(roleAssignments.map((a) => `${a.userId}|${a.orgUnitId}|${a.role}|${a.includeDescendants}`));
  expect(orgUnits.filter((unit) => !grants.has(`${unit.leaderUserId}|${unit.id}|${leaderRole[unit.levelType]}|true`))).toEqual([]);

  // delegations: active today, from the unit's leader, and they show up as acting leaders in the management line
  for (const delegation of delegations) {
    const unit = unitById.get(delegation.orgUnitId);
    expect(delegation.fromUserId).toBe(unit?.leaderUserId);
    expect(delegation.toUserId).not.toBe(delegation.fromUserId);
    expect(isActiveOn(delegation.validFrom, delegation.validTo, TODAY)).toBe(true);
    const line = resolveManagementLine(
      [{ leaderUserId: unit?.leaderUserId ?? null, levelType: unit?.levelType ?? 'unit', unitId: delegation.orgUnitId }],
      delegations,
      TODAY,
    );
    expect(line[0]).toMatchObject({ responsibleUserId: delegation.toUserId, source: 'acting' });
  }
};

describe('generateDemoMunicipality', () => {
  describe('default size (4,000 employees, Sarpsborg class)', () => {
    const municipality = generateDemoMunicipality({ seed: 2026, today: TODAY });

    it('should have exactly 4,000 people, about 120 units and 250–400 nodes', () => {
      expect(municipality.users).toHaveLength(4000);
      expect(count(municipality, 'unit')).toBeGreaterThanOrEqual(100);
      expect(count(municipality, 'unit')).toBeLessThanOrEqual(140);
      expect(municipality.orgUnits.length).toBeGreaterThanOrEqual(250);
      expect(municipality.orgUnits.length).toBeLessThanOrEqual(400);
    });

    it('should have the five sectors and no bydeler', () => {
      expect(municipality.orgUnits.filter((unit) => unit.levelType === 'sector').map((unit) => unit.name)).toEqual([
        'Oppvekst',
        'Helse og omsorg',
        'Teknisk',
        'Kultur og fritid',
        'Stab og støtte',
      ]);
      expect(count(municipality, 'district')).toBe(0);
      expect(municipality.tenant).toMatchObject({ governanceModel: 'alderman', municipalityNumber: '3199', name: 'Fjordvik kommune' });
    });

    it('should satisfy every structural rule', () => expectConsistent(municipality));

    it('should have one or two acting leaders active today', () => {
      expect(municipality.delegations.length).toBeGreaterThanOrEqual(1);
      expect(municipality.delegations.length).toBeLessThanOrEqual(2);
      expect(municipality.delegations.every((delegation) => delegation.reason === 'acting')).toBe(true);
    });

    it('should keep unit sizes within domain.md §1.5 ranges', () => {
      const headcount = (serviceType: string) =>
        municipality.orgUnits.filter((unit) => unit.levelType === 'unit' && unit.serviceType === serviceType).map((unit) => unit.headcount);
      for (const [serviceType, min, max] of [
        ['kindergarten', 15, 30],
        ['primary_school', 30, 90],
        ['nursing_home', 60, 150],
        ['home_care', 80, 200],
      ] as const) {
        expect(Math.min(...headcount(serviceType))).toBeGreaterThanOrEqual(min);
        expect(Math.max(...headcount(serviceType))).toBeLessThanOrEqual(max);
      }
    });

    it('should give names with æ, ø and å and transliterate them in e-mails', () => {
      const withLetters = municipality.users.filter((user) => /[æøå]/i.test(user.name) && !user.isDemoLogin);
      expect(withLetters.length).toBeGreaterThan(50);
      const local = (email: string) => email.split('@')[0] ?? '';
      const withAa = withLetters.filter((user) => /å/i.test(user.name));
      const withAe = withLetters.filter((user) => /æ/i.test(user.name));
      expect(withAa.length).toBeGreaterThan(0);
      expect(withAe.length).toBeGreaterThan(0);
      expect(withAa.filter((user) => !local(user.email).includes('aa'))).toEqual([]);
      expect(withAe.filter((user) => !local(user.email).includes('ae'))).toEqual([]);
    });
  });

  describe('same seed twice', () => {
    it('should produce identical output', () => {
      expect(generateDemoMunicipality({ employees: 2000, seed: 42, today: TODAY })).toEqual(
        generateDemoMunicipality({ employees: 2000, seed: 42, today: TODAY }),
      );
    });

    it('should differ for another seed', () => {
      const [a, b] = [
        generateDemoMunicipality({ employees: 2000, seed: 42, today: TODAY }),
        generateDemoMunicipality({ employees: 2000, seed: 43, today: TODAY }),
      ];
      expect(a.tenant.id).not.toBe(b.tenant.id);
      expect(a.users.map((user) => user.name)).not.toEqual(b.users.map((user) => user.name));
    });
  });

  describe('demo logins', () => {
    for (const employees of [400, 4000]) {
      describe(`at ${employees} employees`, () => {
        const municipality = generateDemoMunicipality({ employees, seed: 7, today: TODAY });
        const userByEmail = new Map(municipality.users.map((user) => [user.email, user]));
        const unitById = new Map(municipality.orgUnits.map((unit) => [unit.id, unit]));
        const rolesOf = (email: string) =>
          municipality.roleAssignments
            .filter((assignment) => assignment.userId === userByEmail.get(email)?.id)
            .map((assignment) => ({
              includeDescendants: assignment.includeDescendants,
              role: assignment.role,
              unit: unitById.get(assignment.orgUnitId)?.name,
            }));
        const root = municipality.orgUnits.find((unit) => unit.parentId === null);
        const home = municipality.orgUnits.find((unit) => unit.name === 'Liavegen sykehjem');

        it('should contain every demo login, and only they can sign in', () => {
          for (const login of DEMO_LOGINS) expect(userByEmail.get(login.email)).toMatchObject({ isDemoLogin: true, name: login.name });
          expect(municipality.users.filter((user) => user.isDemoLogin)).toHaveLength(DEMO_LOGINS.length);
          expect(DEMO_PASSWORD).toBe('Helhet-demo-2026!');
        });

        it('should make the kommunedirektør the root leader with executive over everything', () => {
          expect(root?.leaderUserId).toBe(userByEmail.get('kommunedirektor@fjordvik.kommune.no')?.id);
          expect(rolesOf('kommunedirektor@fjordvik.kommune.no')).toEqual([
            { includeDescendants: true, role: 'executive', unit: 'Fjordvik kommune' },
          ]);
        });

        it('should make the two kommunalsjefer leaders of Helse og omsorg and Oppvekst', () => {
          expect(rolesOf('kommunalsjef.helse@fjordvik.kommune.no')).toEqual([
            { includeDescendants: true, role: 'sector_leader', unit: 'Helse og omsorg' },
          ]);
          expect(rolesOf('kommunalsjef.oppvekst@fjordvik.kommune.no')).toEqual([
            { includeDescendants: true, role: 'sector_leader', unit: 'Oppvekst' },
          ]);
        });

        it('should place the enhetsleder, verneombud and ansatt at Liavegen sykehjem in Helse og omsorg', () => {
          const health = municipality.orgUnits.find((unit) => unit.name === 'Helse og omsorg');
          expect(home?.path.startsWith(`${health?.path}.`)).toBe(true);
          expect(home?.leaderUserId).toBe(userByEmail.get('enhetsleder.sykehjem@fjordvik.kommune.no')?.id);
          expect(rolesOf('enhetsleder.sykehjem@fjordvik.kommune.no')).toEqual([
            { includeDescendants: true, role: 'unit_leader', unit: 'Liavegen sykehjem' },
          ]);
          expect(rolesOf('verneombud@fjordvik.kommune.no')).toEqual(
            expect.arrayContaining([
              { includeDescendants: true, role: 'safety_rep', unit: 'Liavegen sykehjem' },
              { includeDescendants: false, role: 'employee', unit: 'Liavegen sykehjem' },
            ]),
          );
          expect(rolesOf('verneombud@fjordvik.kommune.no')).toHaveLength(2);
          expect(rolesOf('ansatt@fjordvik.kommune.no')).toEqual([
            { includeDescendants: false, role: 'employee', unit: 'Liavegen sykehjem' },
          ]);
          expect(userByEmail.get('ansatt@fjordvik.kommune.no')?.primaryOrgUnitId).toBe(home?.id);
          expect(municipality.delegations.some((delegation) => delegation.orgUnitId === home?.id)).toBe(false);
        });

        it('should give the staff roles at the root with descendants', () => {
          expect(rolesOf('admin@fjordvik.kommune.no')).toContainEqual({
            includeDescendants: true,
            role: 'tenant_admin',
            unit: 'Fjordvik kommune',
          });
          expect(rolesOf('hms@fjordvik.kommune.no')).toContainEqual({
            includeDescendants: true,
            role: 'hms_advisor',
            unit: 'Fjordvik kommune',
          });
          expect(rolesOf('kvalitet@fjordvik.kommune.no')).toContainEqual({
            includeDescendants: true,
            role: 'quality_coordinator',
            unit: 'Fjordvik kommune',
          });
          const count = (role: string) => municipality.roleAssignments.filter((assignment) => assignment.role === role).length;
          expect(count('tenant_admin')).toBe(1);
          expect(count('hms_advisor')).toBeGreaterThanOrEqual(1);
          expect(count('hms_advisor')).toBeLessThanOrEqual(3);
          expect(count('quality_coordinator')).toBeGreaterThanOrEqual(1);
          expect(count('quality_coordinator')).toBeLessThanOrEqual(2);
          expect(count('safety_rep')).toBeGreaterThan(1);
          expect(rolesOf('personvernombud@fjordvik.kommune.no')).toContainEqual({
            includeDescendants: true,
            role: 'dpo',
            unit: 'Fjordvik kommune',
          });
          const occupationalHealth = municipality.roleAssignments.filter((assignment) => assignment.role === 'occupational_health');
          expect(occupationalHealth.map((assignment) => [unitById.get(assignment.orgUnitId)?.name, assignment.includeDescendants])).toEqual(
            [['Helse og omsorg', true]],
          );
        });

        it('should satisfy every structural rule', () => expectConsistent(municipality));
      });
    }
  });

  describe('very large municipality (50,000 employees, Oslo class)', () => {
    const municipality = generateDemoMunicipality({ employees: 50_000, seed: 2026, today: TODAY });

    it('should have exactly 50,000 people, about 1,500 units and 3,000–6,000 nodes', () => {
      expect(municipality.users).toHaveLength(50_000);
      expect(count(municipality, 'unit')).toBeGreaterThanOrEqual(1300);
      expect(count(municipality, 'unit')).toBeLessThanOrEqual(1700);
      expect(municipality.orgUnits.length).toBeGreaterThanOrEqual(3000);
      expect(municipality.orgUnits.length).toBeLessThanOrEqual(6000);
    });

    it('should be organised in bydeler and etater under a parliamentary model', () => {
      expect(count(municipality, 'district')).toBeGreaterThanOrEqual(10);
      expect(count(municipality, 'agency')).toBeGreaterThan(0);
      expect(municipality.tenant.governanceModel).toBe('parliamentary');
      const districts = new Set(municipality.orgUnits.filter((unit) => unit.levelType === 'district').map((unit) => unit.id));
      expect(
        municipality.orgUnits.some((unit) => unit.serviceType === 'kindergarten' && unit.parentId && districts.has(unit.parentId)),
      ).toBe(true);
    });

    it('should keep Helse og omsorg and Oppvekst unique by name', () => {
      expect(municipality.orgUnits.filter((unit) => unit.name === 'Helse og omsorg')).toHaveLength(1);
      expect(municipality.orgUnits.filter((unit) => unit.name === 'Oppvekst')).toHaveLength(1);
    });

    it('should satisfy every structural rule', () => expectConsistent(municipality));
  });

  describe('invalid options', () => {
    it('should refuse fewer than 150 employees', () => expect(() => generateDemoMunicipality({ employees: 10 })).toThrow(RangeError));
    it('should refuse a malformed today', () => expect(() => generateDemoMunicipality({ today: '23.11.2026' })).toThrow(RangeError));
  });
});
