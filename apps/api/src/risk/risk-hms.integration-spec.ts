import { HMS_SCALE, riskAnalysisTemplate, riskLevel, SeededRandom } from '@helhet/domain';
import type {
  ApiError,
  Page,
  RiskAnalysisResponse,
  RiskAnalysisSummary,
  RiskAnalysisTemplate,
  RiskFactorResponse,
  RiskHeatMapResponse,
  RiskRegisterItem,
} from '@helhet/shared';

import { makeTenant, makeUnitTree, makeUser, signIn } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

type Logged = Session & { me: { id: string } };

/**
 * HMS risk items, the factor catalogue, templates, versions and the demo ROS. Registers and lists cover a whole
 * municipality, so everything except the demo-ROS check runs in a municipality of its own (factories); that check
 * reads the seeded demo municipality with its demo logins and changes nothing.
 */
describe('HMS risk assessment', () => {
  let testApp: TestApp;
  let unitLeader: Logged;
  let otherSector: Logged;
  let safetyRep: Logged;
  let hms: Logged;
  let factors: RiskFactorResponse[];
  let units: { root: string; nursingHome: string };

  const factor = (code: string): RiskFactorResponse => {
    const found = factors.find((f) => f.code === code);
    if (!found) throw new Error(`no factor ${code}`);
    return found;
  };
  const auditRows = async (entityType: string, entityId: string) =>
    (await testApp.dataSource.query(
      `SELECT action, changes FROM audit_log_entry WHERE entity_type = $1 AND entity_id = $2 ORDER BY occurred_at, id`,
      [entityType, entityId],
    )) as {
      action: string;
      changes: { field: string; new: unknown; old: unknown }[];
    }[];

  beforeAll(async () => {
    testApp = await startTestApp();
    const tenant = await makeTenant(testApp.dataSource, 'HMS-kommune');
    const health = await makeUnitTree(testApp.dataSource, { label: 'Helse', serviceType: 'nursing_home', tenantId: tenant.id });
    const education = await makeUnitTree(testApp.dataSource, { label: 'Oppvekst', serviceType: 'primary_school', tenantId: tenant.id });
    const rep = await makeUser(testApp.dataSource, {
      primaryOrgUnitId: health.unit.id,
      roles: [{ orgUnitId: health.unit.id, role: 'safety_rep' }],
      tenantId: tenant.id,
    });
    unitLeader = await signIn(testApp.baseUrl, health.leaders.unit);
    otherSector = await signIn(testApp.baseUrl, education.leaders.sector);
    safetyRep = await signIn(testApp.baseUrl, rep);
    hms = await signIn(testApp.baseUrl, tenant.hms);
    units = { nursingHome: health.unit.id, root: tenant.root.id };
    factors = (await unitLeader.get<RiskFactorResponse[]>('/api/risk/factors')).body;
  });

  afterAll(() => testApp.close());

  it('should serve the factor catalogue in all seven groups and the templates', async () => {
    expect(new Set(factors.map((f) => f.group))).toEqual(
      new Set(['org_psychosocial', 'violence_threats', 'ergonomic', 'physical', 'chemical', 'biological', 'accident']),
    );
    expect(factor('patient_handling')).toMatchObject({
      group: 'ergonomic',
      labelNb: 'Tunge løft og forflytning av pasienter',
      serviceTypes: expect.arrayContaining(['nursing_home']),
    });
    expect(factor('violence_users').sourceUrl).toMatch(/^https:\/\/www\.arbeidstilsynet\.no\//);
    const templates = (await unitLeader.get<RiskAnalysisTemplate[]>('/api/risk/templates')).body;
    expect(
      templates
        .filter((t) => t.type === 'hms_ros')
        .map((t) => t.serviceType)
        .sort(),
    ).toEqual(['home_care', 'kindergarten', 'nursing_home', 'office', 'primary_school']);
    expect(templates.find((t) => t.code === 'hms_nursing_home')?.itemCount).toBe(riskAnalysisTemplate('hms_nursing_home')!.hmsItems.length);
    expect(templates.find((t) => t.code === 'service_ros_general')).toMatchObject({ serviceType: null, type: 'service_ros' });
  });

  it('should seed the demo ROS: approved helhetlig ROS with its superseded predecessor, two service ROS and the nursing home’s scored HMS assessment', async () => {
    const demoHms = await Session.login(testApp.baseUrl, 'hms@fjordvik.kommune.no');
    const demoLeader = await Session.login(testApp.baseUrl, 'enhetsleder.sykehjem@fjordvik.kommune.no');
    const [home] = (await testApp.dataSource.query(`SELECT id FROM org_unit WHERE name = 'Liavegen sykehjem'`)) as { id: string }[];
    const all = [
      ...(await demoHms.get<Page<RiskAnalysisSummary>>('/api/risk/analyses?type=holistic_ros&pageSize=200')).body.items,
      ...(await demoHms.get<Page<RiskAnalysisSummary>>('/api/risk/analyses?type=service_ros&pageSize=200')).body.items,
    ];
    const holisticSummary = all.find(
      (a) => a.type === 'holistic_ros' && a.status === 'approved' && a.title.startsWith('Helhetlig ROS for Fjordvik'),
    );
    expect(holisticSummary).toBeDefined();
    const holistic = (await demoHms.get<RiskAnalysisResponse>(`/api/risk/analyses/${holisticSummary!.id}`)).body;
    expect(holistic.councilCaseNumber).toMatch(/^\d{4}\/\d+$/);
    expect(holistic.scenarios).toHaveLength(12);
    expect(holistic.scenarios.every((s) => s.risk !== null && s.residualRisk !== null && s.uncertainty !== null)).toBe(true);
    expect(new Set(holistic.scenarios.map((s) => s.risk!.bandCode))).toEqual(new Set(['low', 'medium', 'high']));
    expect(holistic.previousVersion).toMatchObject({ status: 'superseded' });
    const previous = (await demoHms.get<RiskAnalysisResponse>(`/api/risk/analyses/${holistic.previousVersion!.id}`)).body;
    expect(previous.nextVersion).toEqual({ id: holistic.id, status: 'approved', title: holistic.title });
    expect(all.filter((a) => a.type === 'service_ros' && /^Tjeneste-ROS (Helse og omsorg|Oppvekst)/.test(a.title))).toHaveLength(2);

    const own = (await demoLeader.get<Page<RiskAnalysisSummary>>(`/api/risk/analyses?type=hms_ros&orgUnitId=${home!.id}&pageSize=200`)).body
      .items;
    const seededHms = own.find((a) => a.title.startsWith('HMS-risikovurdering Liavegen sykehjem'));
    expect(seededHms).toMatchObject({ canEdit: true, hmsItemCount: riskAnalysisTemplate('hms_nursing_home')!.hmsItems.length });
    const detail = (await demoLeader.get<RiskAnalysisResponse>(`/api/risk/analyses/${seededHms!.id}`)).body;
    for (const item of detail.hmsItems) {
      expect(item.risk).not.toBeNull();
      const level = riskLevel(HMS_SCALE, item.likelihoodRank!, item.consequenceRank!);
      expect(item.risk).toMatchObject({ bandCode: level.code, colour: level.colour, typeCode: 'health_harm' });
    }
    expect(detail.hmsItems.find((i) => i.factor.code === 'violence_users')?.risk?.bandCode).toBe('high');
  });

  it('should create an HMS assessment from a template with every typical factor, unscored, in one transaction', async () => {
    const template = riskAnalysisTemplate('hms_nursing_home')!;
    const created = await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
      scopeOrgUnitId: units.nursingHome,
      templateCode: 'hms_nursing_home',
      title: 'HMS-risikovurdering fra mal',
      type: 'hms_ros',
    });
    expect(created.status).toBe(201);
    expect(created.body.scaleSet.code).toBe('hms_default');
    expect(created.body.hmsItems.map((i) => i.factor.code)).toEqual(template.hmsItems.map((i) => i.factorCode));
    expect(created.body.hmsItems.every((i) => i.risk === null && i.likelihoodRank === null && i.taskOrLocation !== '')).toBe(true);
    for (const item of created.body.hmsItems.slice(0, 3))
      expect((await auditRows('hms_risk_item', item.id)).map((r) => r.action)).toEqual(['create']);

    // A refused template (wrong type) and a refused scope both leave nothing behind.
    const wrongType = await unitLeader.request<ApiError>('POST', '/api/risk/analyses', {
      scopeOrgUnitId: units.nursingHome,
      templateCode: 'hms_nursing_home',
      title: 'Mal feil type',
      type: 'service_ros',
    });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body.details as { field: string }[]).map((d) => d.field)).toEqual(['templateCode']);
    const foreign = await otherSector.request('POST', '/api/risk/analyses', {
      scopeOrgUnitId: units.nursingHome,
      templateCode: 'hms_nursing_home',
      title: 'Mal uten tilgang',
      type: 'hms_ros',
    });
    expect(foreign.status).toBe(400);
    const leftovers = (await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM risk_analysis WHERE title IN ('Mal feil type', 'Mal uten tilgang')`,
    )) as { n: number }[];
    expect(leftovers[0]!.n).toBe(0);

    const serviceRos = await hms.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
      scopeOrgUnitId: units.root,
      templateCode: 'service_ros_general',
      title: 'Tjeneste-ROS fra mal',
      type: 'service_ros',
    });
    expect(serviceRos.body.scenarios.map((s) => s.title)).toEqual(
      riskAnalysisTemplate('service_ros_general')!.scenarios.map((s) => s.title),
    );
  });

  it('should add, change and delete HMS items with edit rights only: other sector 404, read-only 403, bad ranks 400 naming the field', async () => {
    const analysis = (
      await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: units.nursingHome,
        title: 'HMS CRUD',
        type: 'hms_ros',
      })
    ).body;
    const base = `/api/risk/analyses/${analysis.id}/hms-items`;
    const body = {
      consequenceRank: 4,
      existingMeasures: 'Takheis på halvparten av rommene',
      exposedCount: 35,
      exposedGroup: 'Helsefagarbeidere',
      likelihoodRank: 4,
      rationale: 'Flere belastningsskader siste år',
      residualConsequenceRank: 3,
      residualLikelihoodRank: 2,
      riskFactorId: factor('patient_handling').id,
      taskOrLocation: 'Forflytning av beboere',
      uncertainty: 'low',
    };
    const added = await unitLeader.request<RiskAnalysisResponse>('POST', base, body);
    expect(added.status).toBe(201);
    const item = added.body.hmsItems[0]!;
    expect(item).toMatchObject({
      exposedCount: 35,
      factor: { code: 'patient_handling', group: 'ergonomic' },
      taskOrLocation: 'Forflytning av beboere',
      uncertainty: 'low',
    });
    expect(item.risk).toMatchObject({ bandCode: riskLevel(HMS_SCALE, 4, 4).code, consequenceRank: 4, likelihoodRank: 4 });
    expect(item.residualRisk).toMatchObject({ bandCode: riskLevel(HMS_SCALE, 2, 3).code, consequenceRank: 3, likelihoodRank: 2 });

    const bad = await unitLeader.request<ApiError>('POST', base, { ...body, likelihoodRank: 7, residualConsequenceRank: 6 });
    expect(bad.status).toBe(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['likelihoodRank', 'residualConsequenceRank']);
    const unknownFactor = await unitLeader.request<ApiError>('POST', base, {
      ...body,
      riskFactorId: '00000000-0000-4000-8000-000000000000',
    });
    expect((unknownFactor.body.details as { field: string }[]).map((d) => d.field)).toEqual(['riskFactorId']);
    const noTask = await unitLeader.request<ApiError>('POST', base, { ...body, taskOrLocation: '  ' });
    expect(noTask.status).toBe(400);
    expect(JSON.stringify(noTask.body.details)).toContain('taskOrLocation');

    expect((await otherSector.request('POST', base, body)).status).toBe(404);
    expect((await otherSector.request('PATCH', `${base}/${item.id}`, body)).status).toBe(404);
    expect((await otherSector.request('DELETE', `${base}/${item.id}`)).status).toBe(404);
    const readOnly = await safetyRep.get<RiskAnalysisResponse>(`/api/risk/analyses/${analysis.id}`);
    expect(readOnly.status).toBe(200);
    expect(readOnly.body.canEdit).toBe(false);
    expect(readOnly.body.hmsItems).toHaveLength(1);
    expect((await safetyRep.request('POST', base, body)).status).toBe(403);
    expect((await safetyRep.request('PATCH', `${base}/${item.id}`, body)).status).toBe(403);
    expect((await safetyRep.request('DELETE', `${base}/${item.id}`)).status).toBe(403);

    const changed = await unitLeader.request<RiskAnalysisResponse>('PATCH', `${base}/${item.id}`, {
      ...body,
      likelihoodRank: 5,
      riskFactorId: factor('violence_users').id,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.hmsItems[0]).toMatchObject({
      factor: { code: 'violence_users', group: 'violence_threats' },
      likelihoodRank: 5,
      risk: { bandCode: riskLevel(HMS_SCALE, 5, 4).code },
    });
    expect((await unitLeader.request('PATCH', `${base}/${analysis.id}`, body)).status).toBe(404);

    const deleted = await unitLeader.request<RiskAnalysisResponse>('DELETE', `${base}/${item.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.hmsItems).toEqual([]);
    const audit = await auditRows('hms_risk_item', item.id);
    expect(audit.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]!.changes).toEqual(expect.arrayContaining([{ field: 'likelihoodRank', new: 5, old: 4 }]));
  });

  /** Takes an analysis through its life cycle to approved (the API allows one step at a time). */
  const approve = async (id: string) => {
    for (const status of ['in_progress', 'in_review']) await unitLeader.request('PATCH', `/api/risk/analyses/${id}`, { status });
    return unitLeader.request<RiskAnalysisResponse>('PATCH', `/api/risk/analyses/${id}`, { status: 'approved' });
  };

  it('should copy a readable analysis of the same type into a new version and supersede the old one when the new one is approved', async () => {
    const v1 = (
      await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        mandate: 'Kartlegge farer i avdeling 2',
        scopeOrgUnitId: units.nursingHome,
        title: 'HMS 2026',
        type: 'hms_ros',
      })
    ).body;
    await unitLeader.request('POST', `/api/risk/analyses/${v1.id}/hms-items`, {
      consequenceRank: 3,
      likelihoodRank: 5,
      riskFactorId: factor('violence_users').id,
      taskOrLocation: 'Stell',
    });
    await unitLeader.request('POST', `/api/risk/analyses/${v1.id}/hms-items`, {
      riskFactorId: factor('noise').id,
      taskOrLocation: 'Fellesstue',
    });
    await approve(v1.id);

    expect(
      (
        await otherSector.request<ApiError>('POST', '/api/risk/analyses', {
          copyOfAnalysisId: v1.id,
          scopeOrgUnitId: units.root,
          title: 'Kopi uten tilgang',
          type: 'hms_ros',
        })
      ).status,
    ).toBe(400);
    const wrongType = await unitLeader.request<ApiError>('POST', '/api/risk/analyses', {
      copyOfAnalysisId: v1.id,
      scopeOrgUnitId: units.nursingHome,
      title: 'Feil type',
      type: 'service_ros',
    });
    expect((wrongType.body.details as { field: string }[]).map((d) => d.field)).toEqual(['copyOfAnalysisId']);

    const v2 = await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
      copyOfAnalysisId: v1.id,
      scopeOrgUnitId: units.nursingHome,
      title: 'HMS 2027',
      type: 'hms_ros',
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({
      mandate: 'Kartlegge farer i avdeling 2',
      previousVersion: { id: v1.id, status: 'approved', title: 'HMS 2026' },
      status: 'planned',
    });
    expect(v2.body.hmsItems.map((i) => [i.factor.code, i.likelihoodRank, i.consequenceRank, i.taskOrLocation])).toEqual([
      ['violence_users', 5, 3, 'Stell'],
      ['noise', null, null, 'Fellesstue'],
    ]);
    expect(v2.body.hmsItems[0]!.id).not.toBe(
      (await unitLeader.get<RiskAnalysisResponse>(`/api/risk/analyses/${v1.id}`)).body.hmsItems[0]!.id,
    );
    expect((await unitLeader.get<RiskAnalysisResponse>(`/api/risk/analyses/${v1.id}`)).body.nextVersion).toMatchObject({ id: v2.body.id });

    const approved = await approve(v2.body.id);
    expect(approved.body.previousVersion).toMatchObject({ id: v1.id, status: 'superseded' });
    const old = await unitLeader.get<RiskAnalysisResponse>(`/api/risk/analyses/${v1.id}`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ nextVersion: { id: v2.body.id, status: 'approved' }, status: 'superseded' });
    expect((await auditRows('risk_analysis', v1.id)).at(-1)?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', new: 'superseded', old: 'approved' },
        { field: 'supersededBy', new: v2.body.id, old: null },
      ]),
    );
    // The superseded version leaves the register; its successor's item is there once.
    const register = (
      await unitLeader.get<Page<RiskRegisterItem>>(`/api/risk/register?scaleSetCode=hms_default&pageSize=200&factorGroup=violence_threats`)
    ).body.items;
    expect(register.filter((r) => r.analysis.id === v1.id)).toEqual([]);
    expect(register.filter((r) => r.analysis.id === v2.body.id)).toHaveLength(1);
  });

  it('should count the same scenarios and HMS items in the heat map as the register lists, for any filter', async () => {
    const random = new SeededRandom('risk-register-hms');
    const analyses: string[] = [];
    for (const [index, scope] of [units.nursingHome, units.root].entries()) {
      const owner = index === 0 ? unitLeader : hms;
      const analysis = (
        await owner.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
          scopeOrgUnitId: scope,
          title: `HMS generert ${index}`,
          type: 'hms_ros',
        })
      ).body;
      analyses.push(analysis.id);
      for (let n = 0; n < 20; n++) {
        const scored = n % 7 !== 0;
        const result = await owner.request('POST', `/api/risk/analyses/${analysis.id}/hms-items`, {
          consequenceRank: scored ? random.int(1, 5) : null,
          likelihoodRank: scored ? random.int(1, 5) : null,
          riskFactorId: random.pick(factors).id,
          taskOrLocation: `Oppgave ${n}`,
        });
        expect(result.status).toBe(201);
      }
    }
    // An HMS item on a societal-scale service ROS joins that scale's register.
    const service = (
      await hms.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: units.root,
        title: 'Tjeneste-ROS med HMS-punkt',
        type: 'service_ros',
      })
    ).body;
    const onDsb = await hms.request<RiskAnalysisResponse>('POST', `/api/risk/analyses/${service.id}/hms-items`, {
      consequenceRank: 5,
      likelihoodRank: 5,
      riskFactorId: factor('fire').id,
      taskOrLocation: 'Rådhuset',
    });
    expect(onDsb.body.hmsItems[0]!.risk).toMatchObject({ bandCode: 'high', typeCode: 'deaths' });
    const dsbResult = await hms.get<Page<RiskRegisterItem>>(`/api/risk/register?pageSize=200&factorGroup=accident`);
    expect({ body: dsbResult.body, status: dsbResult.status }).toMatchObject({ status: 200 });
    const dsbRegister = dsbResult.body;
    expect(dsbRegister.items.map((i) => [i.source, i.factorGroup, i.analysis.id])).toContainEqual(['hms_item', 'accident', service.id]);
    expect(dsbRegister.items.every((i) => i.source === 'hms_item')).toBe(true);

    const scaleFilters = ['scaleSetCode=hms_default', ''];
    const filters = [
      '',
      'factorGroup=ergonomic',
      'factorGroup=violence_threats',
      'band=high',
      `ownerUserId=${unitLeader.me.id}`,
      `orgUnitId=${units.nursingHome}`,
      'type=hms_ros',
      'consequenceType=health_harm',
    ];
    for (const viewer of [hms, unitLeader, otherSector]) {
      for (const scale of scaleFilters) {
        for (const filter of filters) {
          const query = [scale, filter].filter(Boolean).join('&');
          const register = await viewer.get<Page<RiskRegisterItem>>(`/api/risk/register?pageSize=200&${query}`);
          const map = await viewer.get<RiskHeatMapResponse>(`/api/risk/register/heat-map?${query}`);
          expect(register.status).toBe(200);
          const expected = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
          for (const item of register.body.items) expected[item.risk.likelihoodRank - 1]![item.risk.consequenceRank - 1]! += 1;
          expect({ map: map.body.counts, query, total: map.body.total }).toEqual({ map: expected, query, total: register.body.total });
          expect(register.body.items.length).toBe(register.body.total);
          if (filter.startsWith('factorGroup='))
            expect(register.body.items.every((i) => i.source === 'hms_item' && i.factorGroup === filter.split('=')[1])).toBe(true);
        }
      }
    }
    // Generated items: unscored ones are left out; the other sector's leader sees none of them.
    const generated = async (viewer: Session) =>
      (await viewer.get<Page<RiskRegisterItem>>('/api/risk/register?scaleSetCode=hms_default&pageSize=200')).body.items.filter((i) =>
        analyses.includes(i.analysis.id),
      );
    const scoredCount = 2 * Array.from({ length: 20 }, (_, n) => n).filter((n) => n % 7 !== 0).length;
    expect(await generated(hms)).toHaveLength(scoredCount);
    expect((await generated(hms)).every((i) => i.source === 'hms_item' && i.factorGroup !== null)).toBe(true);
    expect(await generated(otherSector)).toEqual([]);
    const mine = (
      await unitLeader.get<Page<RiskRegisterItem>>(
        `/api/risk/register?scaleSetCode=hms_default&pageSize=200&ownerUserId=${unitLeader.me.id}`,
      )
    ).body.items;
    expect(mine.some((i) => i.analysis.id === analyses[0])).toBe(true);
    expect(mine.some((i) => i.analysis.id === analyses[1])).toBe(false);
  });
});
