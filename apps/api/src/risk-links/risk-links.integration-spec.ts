import type {
  AnalysisLinksResponse,
  ApiError,
  FileIncidentResponse,
  IncidentCategoryResponse,
  IncidentResponse,
  IncidentRiskLinkResponse,
  LinkableScenario,
  RiskAnalysisResponse,
  ScenarioLinksResponse,
} from '@helhet/shared';

import { filingPayload, makeUnitTree, signIn, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/**
 * ROS ↔ measures and avvik as evidence: one measure record for both sides, access from both predicates, duplicates,
 * rollback. The unit, reporter, unit leader and the other sector are this spec's own (factories); the quality
 * coordinator is the demo municipality's (read-only role check).
 */
describe('risk links', () => {
  let testApp: TestApp;
  let tree: UnitTree;
  let employee: Session & { me: { id: string; primaryOrgUnitId: string | null } };
  let unitLeader: Session & { me: { id: string } };
  let otherSector: Session;
  let quality: Session;
  let categories: IncidentCategoryResponse[];
  let home: string;
  let analysis: RiskAnalysisResponse;
  let scenarioId: string;

  const category = (code: string) => categories.find((c) => c.code === code)!;
  const fields = (error: ApiError) => (error.details as { field: string }[]).map((d) => d.field);
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await testApp.dataSource.query(sql, params)) as { n: string }[])[0]!.n);
  const file = async (overrides: Record<string, unknown> = {}) =>
    (
      await employee.request<FileIncidentResponse>(
        'POST',
        '/api/incidents',
        filingPayload(
          { categoryId: category('work_environment').id, orgUnitId: tree.unit.id },
          { affectedPartyType: 'employee', description: 'Fortrolig fritekst: tre beboere trengte to pleiere samtidig.', ...overrides },
        ),
      )
    ).body;
  const measuresPath = (scenario = scenarioId) => `/api/risk/analyses/${analysis.id}/scenarios/${scenario}/measures`;

  beforeAll(async () => {
    testApp = await startTestApp();
    tree = await makeUnitTree(testApp.dataSource, { label: 'Risikolenker', serviceType: 'nursing_home' });
    const elsewhere = await makeUnitTree(testApp.dataSource, { label: 'Annen sektor' });
    employee = await signIn(testApp.baseUrl, tree.employee);
    unitLeader = await signIn(testApp.baseUrl, tree.leaders.unit);
    otherSector = await signIn(testApp.baseUrl, elsewhere.leaders.sector);
    quality = await Session.login(testApp.baseUrl, 'kvalitet@fjordvik.kommune.no');
    categories = (await employee.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
    home = tree.unit.id;
    analysis = (
      await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: home,
        title: 'ROS Liavegen 2027',
        type: 'service_ros',
      })
    ).body;
    const withScenario = await unitLeader.request<RiskAnalysisResponse>('POST', `/api/risk/analyses/${analysis.id}/scenarios`, {
      title: 'For lav bemanning på natt',
    });
    expect(withScenario.status).toBe(201);
    scenarioId = withScenario.body.scenarios[0]!.id;
  });

  afterAll(() => testApp.close());

  it('should create a measure on a scenario, link an avvik’s measure to it, and show that one record on both sides', async () => {
    const created = await unitLeader.request<ScenarioLinksResponse>('POST', measuresPath(), {
      deadline: '2027-03-01',
      ownerUserId: unitLeader.me.id,
      title: 'Innfør nattevaktpool',
    });
    expect(created.status).toBe(201);
    expect(created.body.measures).toEqual([
      expect.objectContaining({
        deadline: '2027-03-01',
        incidentCount: 0,
        orgUnit: { id: home, name: tree.unit.name },
        owner: { id: unitLeader.me.id, name: tree.leaders.unit.name },
        status: 'planned',
        title: 'Innfør nattevaktpool',
      }),
    ]);
    const audit = await count(
      `SELECT count(*) AS n FROM audit_log_entry WHERE entity_type = 'measure' AND entity_id = $1 AND action = 'create'`,
      [created.body.measures[0]!.id],
    );
    expect(audit).toBe(1);

    const incident = await file();
    const onAvvik = await unitLeader.request<IncidentResponse>('POST', `/api/incidents/${incident.id}/measures`, {
      title: 'Gjennomgå turnus',
    });
    const avvikMeasureId = onAvvik.body.measures[0]!.id;
    const linked = await unitLeader.request<ScenarioLinksResponse>('POST', `${measuresPath()}/${avvikMeasureId}/link`);
    expect(linked.status).toBe(201);
    expect(linked.body.measures.map((m) => [m.title, m.incidentCount])).toEqual([
      ['Innfør nattevaktpool', 0],
      ['Gjennomgå turnus', 1],
    ]);

    // The same record: a change on the avvik shows on the scenario.
    await unitLeader.request('PATCH', `/api/incidents/${incident.id}/measures/${avvikMeasureId}`, { status: 'in_progress' });
    const read = await unitLeader.get<ScenarioLinksResponse>(measuresPath());
    expect(read.body.measures.find((m) => m.id === avvikMeasureId)).toMatchObject({ status: 'in_progress' });
    expect((await unitLeader.get<IncidentResponse>(`/api/incidents/${incident.id}`)).body.measures.map((m) => m.id)).toEqual([
      avvikMeasureId,
    ]);

    const again = await unitLeader.request<ApiError>('POST', `${measuresPath()}/${avvikMeasureId}/link`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RISK_LINK_DUPLICATE');
    const unknown = await unitLeader.request<ApiError>('POST', `${measuresPath()}/00000000-0000-4000-8000-000000000000/link`);
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toEqual(['measureId']);

    // Unlinking from the scenario leaves the avvik's measure in place.
    const unlinked = await unitLeader.request<ScenarioLinksResponse>('DELETE', `${measuresPath()}/${avvikMeasureId}/link`);
    expect(unlinked.body.measures.map((m) => m.title)).toEqual(['Innfør nattevaktpool']);
    expect((await unitLeader.get<IncidentResponse>(`/api/incidents/${incident.id}`)).body.measures.map((m) => m.id)).toEqual([
      avvikMeasureId,
    ]);
  });

  it('should link an avvik as evidence and show it on both sides without its free text', async () => {
    const incident = await file({ severityActual: 'high' });
    const linked = await unitLeader.request<ScenarioLinksResponse>('POST', `/api/risk/scenarios/${scenarioId}/incidents`, {
      incidentNumber: incident.number,
      note: 'Samme mønster som i fjor',
    });
    expect(linked.status).toBe(201);
    const evidence = linked.body.evidence.find((e) => e.incidentId === incident.id);
    expect(evidence).toMatchObject({
      category: { code: 'work_environment' },
      note: 'Samme mønster som i fjor',
      number: incident.number,
      severity: 'high',
      status: 'registered',
    });
    expect(JSON.stringify(linked.body)).not.toContain('Fortrolig fritekst');

    const links = await unitLeader.get<AnalysisLinksResponse>(`/api/risk/analyses/${analysis.id}/links`);
    expect(links.body.scenarios.find((s) => s.scenarioId === scenarioId)?.evidence.map((e) => e.number)).toContain(incident.number);

    const fromAvvik = await unitLeader.get<IncidentRiskLinkResponse[]>(`/api/incidents/${incident.id}/risks`);
    expect(fromAvvik.body).toEqual([
      expect.objectContaining({
        analysis: expect.objectContaining({ id: analysis.id, title: 'ROS Liavegen 2027' }),
        canUnlink: true,
        linkedBy: { id: unitLeader.me.id, name: tree.leaders.unit.name },
        scenarioId,
      }),
    ]);
    const picker = await unitLeader.get<LinkableScenario[]>('/api/risk/linkable-scenarios?q=bemanning');
    expect(picker.body.map((s) => s.scenarioId)).toContain(scenarioId);

    const duplicate = await unitLeader.request<ApiError>('POST', `/api/risk/scenarios/${scenarioId}/incidents`, {
      incidentId: incident.id,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('RISK_LINK_DUPLICATE');
    const unknown = await unitLeader.request<ApiError>('POST', `/api/risk/scenarios/${scenarioId}/incidents`, {
      incidentNumber: '1999-000001',
    });
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toEqual(['incidentNumber']);
    expect(await count(`SELECT count(*) AS n FROM audit_log_entry WHERE entity_type = 'incident_risk_link' AND action = 'create'`)).toBe(1);

    const removed = await unitLeader.request<ScenarioLinksResponse>('DELETE', `/api/risk/scenarios/${scenarioId}/incidents/${incident.id}`);
    expect(removed.body.evidence.map((e) => e.incidentId)).not.toContain(incident.id);
    expect((await unitLeader.get<IncidentRiskLinkResponse[]>(`/api/incidents/${incident.id}/risks`)).body).toEqual([]);
  });

  it('should keep other sectors out and hide evidence from readers who may not read the avvik', async () => {
    const ordinary = await file();
    const injury = await file({
      categoryId: category('personal_injury').id,
      injury: {
        absence: false,
        courseOfEvents: 'Skled på vått gulv.',
        injuryDescription: 'Forstuet ankel.',
        medicalInfoConsent: false,
        occupationalDisease: false,
        workBeingDone: 'Bar ut avfall.',
      },
    });
    for (const incident of [ordinary, injury]) {
      expect((await unitLeader.request('POST', `/api/risk/scenarios/${scenarioId}/incidents`, { incidentId: incident.id })).status).toBe(
        201,
      );
    }

    // Another sector's leader: neither the scenario nor the avvik exists for them.
    expect((await otherSector.get(measuresPath())).status).toBe(404);
    expect((await otherSector.request('POST', measuresPath(), { title: 'Kapret' })).status).toBe(404);
    expect((await otherSector.request('POST', `/api/risk/scenarios/${scenarioId}/incidents`, { incidentId: ordinary.id })).status).toBe(
      404,
    );
    expect((await otherSector.get(`/api/incidents/${ordinary.id}/risks`)).status).toBe(404);
    expect((await otherSector.get(`/api/risk/analyses/${analysis.id}/links`)).status).toBe(404);

    // The quality coordinator reads the analysis and ordinary avvik, but not the injury register.
    const asQuality = await quality.get<AnalysisLinksResponse>(`/api/risk/analyses/${analysis.id}/links`);
    expect(asQuality.status).toBe(200);
    const seen = asQuality.body.scenarios.find((s) => s.scenarioId === scenarioId)!;
    expect(seen.evidence.map((e) => e.incidentId)).toContain(ordinary.id);
    expect(seen.evidence.map((e) => e.incidentId)).not.toContain(injury.id);
    expect(seen.evidenceCount).toBe(seen.evidence.length);
    expect((await quality.get(`/api/incidents/${injury.id}/risks`)).status).toBe(404);
    // Reading is not editing.
    expect((await quality.request('POST', measuresPath(), { title: 'Ikke lov' })).status).toBe(403);
    // A scenario id under the wrong analysis is not found.
    const other = (
      await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: home,
        title: 'Annen ROS',
        type: 'service_ros',
      })
    ).body;
    expect((await unitLeader.get(`/api/risk/analyses/${other.id}/scenarios/${scenarioId}/measures`)).status).toBe(404);
  });

  it('should refuse bad fields and roll everything back when one part of a write fails', async () => {
    const before = await count(`SELECT count(*) AS n FROM measure`);
    const bad = await unitLeader.request<ApiError>('POST', measuresPath(), {
      orgUnitId: '00000000-0000-4000-8000-000000000000',
      ownerUserId: '00000000-0000-4000-8000-000000000001',
      title: 'Feil felt',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body).sort()).toEqual(['orgUnitId', 'ownerUserId']);

    // Make the audit row fail: the measure and its link must not survive.
    await testApp.dataSource.query(`
      CREATE OR REPLACE FUNCTION risk_links_test_fail() RETURNS trigger AS $$
      BEGIN IF NEW.changes::text LIKE '%ROLLBACK-TEST%' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await testApp.dataSource.query(
      `CREATE TRIGGER risk_links_test_fail BEFORE INSERT ON audit_log_entry FOR EACH ROW EXECUTE FUNCTION risk_links_test_fail()`,
    );
    try {
      const failed = await unitLeader.request('POST', measuresPath(), { title: 'ROLLBACK-TEST tiltak' });
      expect(failed.status).toBe(500);
      const incident = await file();
      const failedLink = await unitLeader.request('POST', `/api/risk/scenarios/${scenarioId}/incidents`, {
        incidentId: incident.id,
        note: 'ROLLBACK-TEST',
      });
      expect(failedLink.status).toBe(500);
      expect(await count(`SELECT count(*) AS n FROM incident_risk_link WHERE incident_id = $1`, [incident.id])).toBe(0);
    } finally {
      await testApp.dataSource.query(`DROP TRIGGER risk_links_test_fail ON audit_log_entry`);
    }
    expect(await count(`SELECT count(*) AS n FROM measure`)).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM measure m WHERE m.title LIKE 'ROLLBACK-TEST%'`)).toBe(0);
  });
});
