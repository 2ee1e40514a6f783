import type { FileIncidentResponse, IncidentCategoryResponse, IncidentResponse, IncidentSummary, Page } from '@helhet/shared';

import { filingPayload, makeUnitTree, makeUser, signIn, type UnitTree } from '../../test/factories';
import type { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/**
 * aml § 5-1 (3): the injury register is open to the occupational health service (BHT) for the units it serves.
 * As in the seed (one person at the town hall with the `occupational_health` role over Helse og omsorg), but
 * with a BHT person and sectors of this spec's own.
 */
describe('injury register for the occupational health service (BHT)', () => {
  let testApp: TestApp;
  let served: UnitTree;
  let employee: Session & { me: { primaryOrgUnitId: string | null } };
  let otherSector: Session & { me: { primaryOrgUnitId: string | null } };
  let bht: Session & { me: { id: string } };
  let categories: IncidentCategoryResponse[];
  const category = (code: string) => categories.find((c) => c.code === code)!;
  const injury = {
    absence: false,
    courseOfEvents: 'Stakk seg på en brukt kanyle under rydding av medisinrommet.',
    injuryDescription: 'Stikkskade i pekefinger.',
    medicalInfo: 'Tatt blodprøver, oppfølging hos fastlege.',
    medicalInfoConsent: true,
    occupationalDisease: false,
    workBeingDone: 'Rydding av medisinrom.',
  };
  const file = async (session: typeof employee, categoryCode: string, extra: Record<string, unknown> = {}) => {
    const filed = await session.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      filingPayload(
        { categoryId: category(categoryCode).id, orgUnitId: session.me.primaryOrgUnitId },
        { affectedPartyType: 'employee', description: 'Hendelse meldt i testen for bedriftshelsetjenesten.', ...extra },
      ),
    );
    expect(filed.status).toBe(201);
    return filed.body.id!;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    // The BHT person, the sector it serves and another sector are this spec's own (factories).
    served = await makeUnitTree(testApp.dataSource, { label: 'BHT' });
    const other = await makeUnitTree(testApp.dataSource, { label: 'Uten BHT' });
    const bhtUser = await makeUser(testApp.dataSource, {
      primaryOrgUnitId: served.municipality.id,
      roles: [{ orgUnitId: served.sector.id, role: 'occupational_health' }],
      tenantId: served.tenantId,
    });
    bht = await signIn(testApp.baseUrl, bhtUser);
    employee = await signIn(testApp.baseUrl, served.employee);
    otherSector = await signIn(testApp.baseUrl, other.employee);
    categories = (await employee.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
  });

  afterAll(() => testApp.close());

  it('should read injury cases of the sector it serves (medical text only with consent), logged, and nothing else', async () => {
    const servedCase = await file(employee, 'personal_injury', { injury });
    const unrestricted = await file(employee, 'work_environment');
    const elsewhere = await file(otherSector, 'personal_injury', { injury: { ...injury, medicalInfo: null, medicalInfoConsent: false } });

    const read = await bht.get<IncidentResponse>(`/api/incidents/${servedCase}`);
    expect(read.status).toBe(200);
    expect(read.body.injury).toMatchObject({
      injuryDescription: 'Stikkskade i pekefinger.',
      medicalInfo: 'Tatt blodprøver, oppfølging hos fastlege.',
    });
    expect(read.body.availableActions).toEqual([]);
    expect((await bht.request('POST', `/api/incidents/${servedCase}/transitions`, { action: 'acknowledge' })).status).toBe(403);
    expect((await bht.get(`/api/incidents/${unrestricted}`)).status).toBe(404);
    expect((await bht.get(`/api/incidents/${elsewhere}`)).status).toBe(404);

    const logged = (await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM access_log_entry WHERE entity_id = $1 AND actor_user_id = $2`,
      [servedCase, bht.me.id],
    )) as {
      n: number;
    }[];
    expect(logged[0]!.n).toBeGreaterThanOrEqual(1);

    const list = await bht.get<Page<IncidentSummary>>('/api/incidents?pageSize=100');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((item) => item.id);
    expect(ids).toContain(servedCase);
    expect(ids).not.toContain(unrestricted);
    expect(ids).not.toContain(elsewhere);
    expect(list.body.items.every((item) => ['personal_injury', 'violence_threats'].includes(item.category.code))).toBe(true);
  });
});
