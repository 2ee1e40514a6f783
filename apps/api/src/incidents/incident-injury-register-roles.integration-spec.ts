import type { FileIncidentResponse, IncidentCategoryResponse, IncidentResponse, IncidentSummary, Page } from '@helhet/shared';

import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/**
 * aml § 5-1 (3): the injury register is open to the occupational health service (BHT) for the units it serves.
 * The seed gives one person at the town hall the `occupational_health` role over Helse og omsorg.
 */
describe('injury register for the occupational health service (BHT)', () => {
  let testApp: TestApp;
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
    const filed = await session.request<FileIncidentResponse>('POST', '/api/incidents', {
      affectedPartyType: 'employee',
      categoryId: category(categoryCode).id,
      description: 'Hendelse meldt i testen for bedriftshelsetjenesten.',
      kind: 'deviation',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      orgUnitId: session.me.primaryOrgUnitId,
      reporterVisibility: 'named',
      severityActual: 'medium',
      ...extra,
    });
    expect(filed.status).toBe(201);
    return filed.body.id!;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    const [row] = (await testApp.dataSource.query(
      `SELECT u.email FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id WHERE ra.role = 'occupational_health' ORDER BY u.email LIMIT 1`,
    )) as { email: string }[];
    if (!row) throw new Error('The seed should give someone the occupational_health role');
    // The seeded BHT person has no password; give them the demo password so the test can sign in as them.
    await testApp.dataSource.query(
      `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE email = 'ansatt@fjordvik.kommune.no') WHERE email = $1`,
      [row.email],
    );
    bht = await Session.login(testApp.baseUrl, row.email);
    employee = await Session.login(testApp.baseUrl, 'ansatt@fjordvik.kommune.no');
    otherSector = await Session.login(testApp.baseUrl, 'kommunalsjef.oppvekst@fjordvik.kommune.no');
    categories = (await employee.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
  });

  afterAll(() => testApp.close());

  it('should read injury cases of the sector it serves (medical text only with consent), logged, and nothing else', async () => {
    const served = await file(employee, 'personal_injury', { injury });
    const unrestricted = await file(employee, 'work_environment');
    const elsewhere = await file(otherSector, 'personal_injury', { injury: { ...injury, medicalInfo: null, medicalInfoConsent: false } });

    const read = await bht.get<IncidentResponse>(`/api/incidents/${served}`);
    expect(read.status).toBe(200);
    expect(read.body.injury).toMatchObject({
      injuryDescription: 'Stikkskade i pekefinger.',
      medicalInfo: 'Tatt blodprøver, oppfølging hos fastlege.',
    });
    expect(read.body.availableActions).toEqual([]);
    expect((await bht.request('POST', `/api/incidents/${served}/transitions`, { action: 'acknowledge' })).status).toBe(403);
    expect((await bht.get(`/api/incidents/${unrestricted}`)).status).toBe(404);
    expect((await bht.get(`/api/incidents/${elsewhere}`)).status).toBe(404);

    const logged = (await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM access_log_entry WHERE entity_id = $1 AND actor_user_id = $2`,
      [served, bht.me.id],
    )) as {
      n: number;
    }[];
    expect(logged[0]!.n).toBeGreaterThanOrEqual(1);

    const list = await bht.get<Page<IncidentSummary>>('/api/incidents?pageSize=100');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((item) => item.id);
    expect(ids).toContain(served);
    expect(ids).not.toContain(unrestricted);
    expect(ids).not.toContain(elsewhere);
    expect(list.body.items.every((item) => ['personal_injury', 'violence_threats'].includes(item.category.code))).toBe(true);
  });
});
