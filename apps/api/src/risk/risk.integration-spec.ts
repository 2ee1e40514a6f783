import { SeededRandom } from '@helhet/domain';
import type {
  ApiError,
  Page,
  RiskAnalysisResponse,
  RiskAnalysisSummary,
  RiskHeatMapResponse,
  RiskRegisterItem,
  ScaleSetResponse,
} from '@helhet/shared';

import { makeTenant, makeUnitTree, signIn } from '../../test/factories';
import type { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/**
 * ROS analyses: edit rights by role and unit scope, scale validation, and a register whose heat map always agrees
 * with it. The register's totals cover a whole municipality, so the spec runs in a municipality of its own
 * (factories: tenant with its HMS adviser, a nursing-home branch and a school branch with their leaders).
 */
describe('risk analyses', () => {
  let testApp: TestApp;
  let unitLeader: Session;
  let otherSector: Session;
  let hms: Session & { me: { id: string } };
  let units: { root: string; nursingHome: string; school: string };

  beforeAll(async () => {
    testApp = await startTestApp();
    const tenant = await makeTenant(testApp.dataSource, 'ROS-kommune');
    const health = await makeUnitTree(testApp.dataSource, { label: 'Helse', serviceType: 'nursing_home', tenantId: tenant.id });
    const education = await makeUnitTree(testApp.dataSource, { label: 'Oppvekst', serviceType: 'primary_school', tenantId: tenant.id });
    unitLeader = await signIn(testApp.baseUrl, health.leaders.unit);
    otherSector = await signIn(testApp.baseUrl, education.leaders.sector);
    hms = await signIn(testApp.baseUrl, tenant.hms);
    units = { nursingHome: health.unit.id, root: tenant.root.id, school: education.unit.id };
  });

  afterAll(() => testApp.close());

  it('should ship DSB’s 5×5 societal scale and the HMS scale', async () => {
    const scales = (await hms.get<ScaleSetResponse[]>('/api/risk/scale-sets')).body;
    expect(scales.map((s) => s.code).sort()).toEqual(['dsb_societal', 'hms_default']);
    expect(scales.find((s) => s.code === 'dsb_societal')?.definition.matrix.size).toEqual({ consequence: 5, likelihood: 5 });
  });

  it('should let a unit leader edit only analyses in their subtree, and helhetlig ROS only the preparedness/HMS roles', async () => {
    const own = await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
      scopeOrgUnitId: units.nursingHome,
      title: 'HMS-risikovurdering 2027',
      type: 'hms_ros',
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ canEdit: true, scaleSet: { code: 'hms_default' }, status: 'planned' });
    expect(own.body.nextRevisionAt).not.toBeNull();

    expect(
      (await unitLeader.request('POST', '/api/risk/analyses', { scopeOrgUnitId: units.school, title: 'Skolens ROS', type: 'service_ros' }))
        .status,
    ).toBe(400);
    expect(
      (await unitLeader.request('POST', '/api/risk/analyses', { scopeOrgUnitId: units.root, title: 'Helhetlig ROS', type: 'holistic_ros' }))
        .status,
    ).toBe(403);
    expect((await otherSector.get(`/api/risk/analyses/${own.body.id}`)).status).toBe(404);
    expect((await otherSector.request('PATCH', `/api/risk/analyses/${own.body.id}`, { title: 'Kapret' })).status).toBe(404);

    const holistic = await hms.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
      scopeOrgUnitId: units.root,
      title: 'Helhetlig ROS Fjordvik 2027–2030',
      type: 'holistic_ros',
    });
    expect(holistic.status).toBe(201);
    expect(
      (await hms.request('POST', '/api/risk/analyses', { scopeOrgUnitId: units.nursingHome, title: 'Feil nivå', type: 'holistic_ros' }))
        .status,
    ).toBe(400);
    // Every leader reads helhetlig ROS; only the preparedness/HMS roles change it.
    const asLeader = await otherSector.get<RiskAnalysisResponse>(`/api/risk/analyses/${holistic.body.id}`);
    expect(asLeader.body).toMatchObject({ canEdit: false, type: 'holistic_ros' });
    expect((await otherSector.request('PATCH', `/api/risk/analyses/${holistic.body.id}`, { status: 'approved' })).status).toBe(403);
    // The life cycle is enforced: no approval straight from planning, and nobody sets "superseded" by hand.
    const skipped = await hms.request<ApiError>('PATCH', `/api/risk/analyses/${holistic.body.id}`, { status: 'approved' });
    expect(skipped.status).toBe(400);
    expect(skipped.body.details).toEqual([{ field: 'status', reasons: ['cannot go from planned to approved'] }]);
    expect((await hms.get<RiskAnalysisResponse>(`/api/risk/analyses/${holistic.body.id}`)).body).toMatchObject({
      approvedAt: null,
      status: 'planned',
    });
    for (const status of ['in_progress', 'in_review']) {
      expect((await hms.request('PATCH', `/api/risk/analyses/${holistic.body.id}`, { status })).status).toBe(200);
    }
    expect((await hms.request('PATCH', `/api/risk/analyses/${holistic.body.id}`, { status: 'superseded' })).status).toBe(400);
    const approved = await hms.request<RiskAnalysisResponse>('PATCH', `/api/risk/analyses/${holistic.body.id}`, {
      councilCaseNumber: '27/123',
      councilDecisionDate: '2027-02-14',
      status: 'approved',
    });
    expect(approved.body).toMatchObject({ councilCaseNumber: '27/123', status: 'approved' });
    expect(approved.body.approvedAt).not.toBeNull();

    const listed = await otherSector.get<Page<RiskAnalysisSummary>>('/api/risk/analyses?pageSize=200');
    expect(listed.body.items.map((a) => a.id)).toContain(holistic.body.id);
    expect(listed.body.items.map((a) => a.id)).not.toContain(own.body.id);
  });

  it('should list only analyses past their revision date when asked, whatever the page', async () => {
    const overdue = await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
      nextRevisionAt: '2020-01-31',
      scopeOrgUnitId: units.nursingHome,
      title: 'Tjeneste-ROS med forfalt revisjon',
      type: 'service_ros',
    });
    const current = await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
      nextRevisionAt: '2099-01-31',
      scopeOrgUnitId: units.nursingHome,
      title: 'Tjeneste-ROS i rute',
      type: 'service_ros',
    });
    const listed = await unitLeader.get<Page<RiskAnalysisSummary>>('/api/risk/analyses?revisionOverdue=true&pageSize=200');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a) => a.id)).toContain(overdue.body.id);
    expect(listed.body.items.map((a) => a.id)).not.toContain(current.body.id);
    expect(listed.body.items.every((a) => a.revisionOverdue)).toBe(true);
    expect(listed.body.total).toBe(listed.body.items.length);
  });

  it('should refuse ranks and consequence types that are not on the analysis’s scale, storing nothing', async () => {
    const analysis = (
      await hms.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: units.root,
        title: 'Skalatest',
        type: 'service_ros',
      })
    ).body;
    const refused = await hms.request<ApiError>('POST', `/api/risk/analyses/${analysis.id}/scenarios`, {
      consequences: [
        { rank: 9, typeCode: 'deaths' },
        { rank: 2, typeCode: 'no_such_type' },
      ],
      likelihoodRank: 7,
      title: 'Langvarig strømbrudd',
    });
    expect(refused.status).toBe(400);
    expect((refused.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'consequences.0.rank',
      'consequences.1.typeCode',
      'likelihoodRank',
    ]);
    expect((await hms.get<RiskAnalysisResponse>(`/api/risk/analyses/${analysis.id}`)).body.scenarios).toEqual([]);

    const ok = await hms.request<RiskAnalysisResponse>('POST', `/api/risk/analyses/${analysis.id}/scenarios`, {
      consequences: [{ rank: 4, rationale: 'Flere dødsfall blant hjemmeboende', typeCode: 'deaths' }],
      likelihoodRank: 3,
      needsEvacuation: false,
      needsWarning: true,
      residualConsequences: [{ rank: 2, typeCode: 'deaths' }],
      residualLikelihoodRank: 2,
      title: 'Langvarig strømbrudd vinter',
      uncertainty: 'medium',
      vulnerability: 'high',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.scenarios[0]).toMatchObject({
      residualRisk: { consequenceRank: 2, likelihoodRank: 2 },
      risk: { bandCode: 'high', consequenceRank: 4, likelihoodRank: 3, typeCode: 'deaths' },
    });
  });

  it('should count the same scenarios in the heat map as the register lists, for any filter', async () => {
    const random = new SeededRandom('risk-register');
    const scale = (await hms.get<ScaleSetResponse[]>('/api/risk/scale-sets')).body.find((s) => s.code === 'dsb_societal')!.definition;
    const types = scale.consequenceTypes.map((t) => t.code);
    for (const [index, unit] of [units.root, units.nursingHome, units.school].entries()) {
      const analysis = (
        await hms.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
          scopeOrgUnitId: unit,
          title: `Generert ${index}`,
          type: index === 2 ? 'fire_ros' : 'service_ros',
        })
      ).body;
      for (let n = 0; n < 25; n++) {
        const consequences = random
          .shuffle(types)
          .slice(0, random.int(1, 3))
          .map((typeCode) => ({ rank: random.int(1, 5), typeCode }));
        const result = await hms.request('POST', `/api/risk/analyses/${analysis.id}/scenarios`, {
          consequences,
          likelihoodRank: random.int(1, 5),
          title: `Scenario ${index}-${n}`,
        });
        expect(result.status).toBe(201);
      }
      // An unassessed scenario is in neither.
      await hms.request('POST', `/api/risk/analyses/${analysis.id}/scenarios`, { title: `Ikke vurdert ${index}` });
    }
    const filters = [
      '',
      'band=high',
      'band=low',
      `orgUnitId=${units.nursingHome}`,
      'type=fire_ros',
      `consequenceType=${types[0]}`,
      'factorGroup=accident',
      `ownerUserId=${hms.me.id}`,
    ];
    for (const viewer of [hms, unitLeader, otherSector]) {
      for (const filter of filters) {
        const register = await viewer.get<Page<RiskRegisterItem>>(`/api/risk/register?pageSize=200&${filter}`);
        const map = await viewer.get<RiskHeatMapResponse>(`/api/risk/register/heat-map?${filter}`);
        expect(register.status).toBe(200);
        const expected = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
        for (const item of register.body.items) expected[item.risk.likelihoodRank - 1]![item.risk.consequenceRank - 1]! += 1;
        expect({ filter, map: map.body.counts, total: map.body.total }).toEqual({ filter, map: expected, total: register.body.total });
        expect(register.body.items.length).toBe(register.body.total);
      }
    }
    // Scope: the unit leader sees the root and own-unit analyses' risks only if in scope; the school's are not theirs.
    const leaderView = await unitLeader.get<Page<RiskRegisterItem>>('/api/risk/register?pageSize=200&type=fire_ros');
    expect(leaderView.body.total).toBe(0);
    const hmsView = await hms.get<Page<RiskRegisterItem>>('/api/risk/register?pageSize=200&type=fire_ros');
    expect(hmsView.body.total).toBe(25);
  });
});
