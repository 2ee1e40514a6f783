import { createHash } from 'node:crypto';

import {
  AUTH_COOKIES,
  type RiskAnalysisResponse,
  type RiskReportLatestResponse,
  type RiskReportResponse,
  type RiskScenarioInput,
} from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';

import { makeUnitTree, signIn, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp, testEnvironment } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';
import { QueueName } from '../core/queue/queue-names';

const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ numpages: number; text: string }>;

const CONSEQUENCE_TYPES = [
  'deaths',
  'serious_injury_illness',
  'basic_needs',
  'daily_life_disruption',
  'nature_longterm',
  'economic_direct',
];

/** A varied, fully assessed scenario: every rank and several societal values occur across the 40. */
const scenario = (n: number): RiskScenarioInput => ({
  causes: `Årsak ${n}: svikt i forsyning`,
  consequences: [
    {
      rank: (n % 5) + 1,
      rationale: `Begrunnelse ${n} for første type`,
      typeCode: CONSEQUENCE_TYPES[n % CONSEQUENCE_TYPES.length]!,
    },
    {
      rank: ((n + 2) % 5) + 1,
      typeCode: CONSEQUENCE_TYPES[(n + 3) % CONSEQUENCE_TYPES.length]!,
    },
  ],
  description: `Beskrivelse av hendelse ${n} ved Liavegen sykehjem.`,
  existingBarriers: 'Nødstrømsaggregat og beredskapsplan',
  hazardSource: n % 4 === 0 ? 'threat' : 'hazard',
  knowledgeBase: 'Erfaringer fra 2019 og DSB-veileder',
  likelihoodRank: ((n * 3) % 5) + 1,
  likelihoodRationale: `Skjedd ${n % 3} ganger siste ti år`,
  needsEvacuation: n % 2 === 0,
  needsWarning: n % 3 === 0 ? null : true,
  residualConsequences: [{ rank: 1, typeCode: CONSEQUENCE_TYPES[n % CONSEQUENCE_TYPES.length]! }],
  residualLikelihoodRank: 1,
  title: `Uønsket hendelse nr ${String(n).padStart(2, '0')} – bortfall av tjeneste på Øvre avdeling`,
  uncertainty: (['low', 'medium', 'high'] as const)[n % 3],
  vulnerability: 'medium',
  vulnerabilityText: 'Beboere er særlig sårbare',
  warningEvacuationText: n % 2 === 0 ? 'Evakuering til Fjordvik skole' : null,
});

/** PDF reports with the real worker: progress to 100, a valid PDF of a 40-scenario analysis, idempotent requests, and scope. */
describe('risk reports', () => {
  let testApp: TestApp;
  let worker: INestApplicationContext;
  let events: QueueEvents;
  let tree: UnitTree;
  let leader: Session;
  let otherSector: Session;
  const progressEvents = new Map<string, number[]>();

  beforeAll(async () => {
    await obliterateQueues();
    testApp = await startTestApp();
    worker = await startTestWorker();
    const env = testEnvironment();
    events = new QueueEvents(QueueName.riskReports, {
      connection: { url: env.REDIS_URL },
      prefix: env.REDIS_KEY_PREFIX,
    });
    events.on('progress', ({ data, jobId }) => {
      if (typeof data === 'number') progressEvents.set(jobId, [...(progressEvents.get(jobId) ?? []), data]);
    });
    await events.waitUntilReady();
    // The unit, its leader and the other sector's leader are this spec's own (factories).
    tree = await makeUnitTree(testApp.dataSource, { label: 'Rapport', serviceType: 'nursing_home' });
    const elsewhere = await makeUnitTree(testApp.dataSource, { label: 'Annen sektor' });
    leader = await signIn(testApp.baseUrl, tree.leaders.unit);
    otherSector = await signIn(testApp.baseUrl, elsewhere.leaders.sector);
  });

  afterAll(async () => {
    await events.close();
    await worker.close();
    await testApp.close();
  });

  const download = async (session: Session, id: string) => {
    const cookie = [AUTH_COOKIES.accessToken, AUTH_COOKIES.refreshToken]
      .flatMap((name) => (session.cookie(name) ? [`${name}=${session.cookie(name)}`] : []))
      .join('; ');
    const response = await fetch(`${testApp.baseUrl}/api/risk/reports/${id}/file`, { headers: { cookie } });
    return {
      body: Buffer.from(await response.arrayBuffer()),
      headers: response.headers,
      status: response.status,
    };
  };

  it('should build a valid PDF of a 40-scenario analysis in the worker, with rising progress, for readers only', async () => {
    const home = tree.unit;
    const created = await leader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
      mandate: 'Kartlegge risiko og sårbarhet for tjenesten, jf. forskrift om kommunal beredskapsplikt § 2.',
      scopeOrgUnitId: home.id,
      title: 'Tjeneste-ROS Liavegen sykehjem 2027',
      type: 'service_ros',
    });
    expect(created.status).toBe(201);
    const analysisId = created.body.id;
    const titles: string[] = [];
    for (let n = 1; n <= 40; n++) {
      const input = scenario(n);
      const added = await leader.request<RiskAnalysisResponse>('POST', `/api/risk/analyses/${analysisId}/scenarios`, input);
      expect(added.status).toBe(201);
      titles.push(input.title);
    }

    // Outside the analysis's scope: not even its existence.
    expect((await otherSector.request('POST', `/api/risk/analyses/${analysisId}/reports`)).status).toBe(404);

    const first = await leader.request<RiskReportResponse>('POST', `/api/risk/analyses/${analysisId}/reports`);
    expect(first.status).toBe(202);
    expect(['queued', 'running', 'done']).toContain(first.body.status);
    const second = await leader.request<RiskReportResponse>('POST', `/api/risk/analyses/${analysisId}/reports`);
    if (second.body.status !== 'done' && first.body.status !== 'done') expect(second.body.id).toBe(first.body.id);
    const reportId = first.body.id;

    expect((await otherSector.get(`/api/risk/reports/${reportId}`)).status).toBe(404);
    expect((await download(otherSector, reportId)).status).toBe(404);

    const polled: number[] = [];
    const done = await waitFor(
      async () => {
        const status = (await leader.get<RiskReportResponse>(`/api/risk/reports/${reportId}`)).body;
        polled.push(status.progress);
        if (status.status === 'failed') throw new Error(`report failed: ${status.error}`);
        return status.status === 'done' ? status : undefined;
      },
      { timeout: 120_000, what: 'the report to finish' },
    );
    for (let i = 1; i < polled.length; i++) expect(polled[i]).toBeGreaterThanOrEqual(polled[i - 1]!);
    expect(done).toMatchObject({
      progress: 100,
      stage: 'done',
      status: 'done',
    });
    expect(done.pageCount).toBeGreaterThan(45);
    expect(done.fileName).toMatch(/^ROS-rapport Tjeneste-ROS Liavegen sykehjem 2027 \d{4}-\d{2}-\d{2}\.pdf$/);

    // The job reported real progress: rising step by step, through the scenarios, to 100.
    const reported = await waitFor(
      () =>
        (progressEvents.get(`risk-report-${reportId}`) ?? []).includes(100) ? progressEvents.get(`risk-report-${reportId}`) : undefined,
      { timeout: 10_000, what: 'progress events' },
    );
    for (let i = 1; i < reported.length; i++) expect(reported[i]).toBeGreaterThan(reported[i - 1]!);
    expect(reported.filter((value) => value > 36 && value < 90).length).toBeGreaterThanOrEqual(20);
    expect(reported.at(-1)).toBe(100);

    const file = await download(leader, reportId);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(done.fileName!)}`);
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.body.length).toBe(done.byteSize);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(done.sha256);

    const parsed = await pdfParse(file.body);
    expect(parsed.numpages).toBe(done.pageCount);
    const text = parsed.text.replace(/\s+/g, ' ');
    expect(text).toContain('Tjeneste-ROS Liavegen sykehjem 2027');
    for (const title of titles) expect(text).toContain(title);
    for (const heading of [
      '1 Mandat og metode',
      '2 Deltakere',
      '3 Beskrivelse av kommunen/enheten',
      '4 Risikobilde',
      '5 Scenarioskjema',
      '6 Tiltak og oppfølgingsplan',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Risikomatrise samlet');
    for (const value of ['Liv og helse', 'Stabilitet', 'Natur og kulturmiljø', 'Materielle verdier'])
      expect(text).toContain(`Risikomatrise – ${value}`);
    for (const band of ['Lav risiko', 'Middels risiko', 'Høy risiko']) expect(text).toContain(band);
    expect(text).toContain('Kartlegge risiko og sårbarhet for tjenesten');
    expect(text).toContain('Utkast');
    expect(text).toContain(`Side 2 av ${done.pageCount}`);
    expect(text).toContain(tree.unit.name);

    const latest = (await leader.get<RiskReportLatestResponse>(`/api/risk/analyses/${analysisId}/reports/latest`)).body;
    expect(latest.lastDone?.id).toBe(reportId);
    expect(latest.active).toBeNull();
    expect((await otherSector.get(`/api/risk/analyses/${analysisId}/reports/latest`)).status).toBe(404);

    // A finished report does not block the next one.
    const again = await leader.request<RiskReportResponse>('POST', `/api/risk/analyses/${analysisId}/reports`);
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(reportId);
    const audit = (await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log_entry WHERE entity_type = 'risk_report' AND entity_id = ANY($1::uuid[])`,
      [[reportId, again.body.id]],
    )) as { n: number }[];
    expect(audit[0]?.n).toBe(2);
    await waitFor(
      async () => ((await leader.get<RiskReportResponse>(`/api/risk/reports/${again.body.id}`)).body.status === 'done' ? true : undefined),
      { timeout: 120_000, what: 'second report' },
    );
  });
});
