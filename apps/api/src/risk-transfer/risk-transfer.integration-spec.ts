import { DSB_SOCIETAL_SCALE, scenarioColumns } from '@helhet/domain';
import {
  type ApiError,
  AUTH_COOKIES,
  type RiskAnalysisResponse,
  type RiskImportPreview,
  type RiskScenarioInput,
  type RiskScenarioResponse,
} from '@helhet/shared';
import { Workbook } from 'exceljs';

import { makeUnitTree, signIn } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';
import { parseCsv } from './csv.util';

const HEADINGS = scenarioColumns(DSB_SOCIETAL_SCALE).map((column) => column.heading);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Scenarios with everything a spreadsheet can break: separators, quotes, line breaks, formula-looking text, æøå. */
const SCENARIOS: RiskScenarioInput[] = [
  {
    causes: 'Uvær; ising på linjer, "ekstremvær"',
    consequences: [
      { rank: 4, rationale: 'Hjemmeboende eldre uten varme', typeCode: 'deaths' },
      { rank: 3, rationale: null, typeCode: 'economic_direct' },
    ],
    description: 'Strømbrudd i fem døgn i januar.\nFlere grender isolert.',
    existingBarriers: '=HYPERLINK("http://x") er ikke en formel',
    hazardSource: 'hazard',
    knowledgeBase: 'Erfaring fra 2011',
    likelihoodRank: 3,
    likelihoodRationale: '-20 grader er dimensjonerende',
    needsEvacuation: false,
    needsWarning: true,
    residualConsequences: [{ rank: 2, typeCode: 'deaths' }],
    residualLikelihoodRank: 2,
    title: 'Langvarig strømbrudd vinter',
    uncertainty: 'medium',
    vulnerability: 'high',
    vulnerabilityText: 'Sykehjem uten nødstrøm',
    warningEvacuationText: '@varsling via SMS',
  },
  {
    consequences: [{ rank: 5, rationale: 'Mange skadde', typeCode: 'serious_injury_illness' }],
    hazardSource: 'threat',
    likelihoodRank: 1,
    title: 'Skyting på skole',
    uncertainty: 'high',
  },
  { title: 'Ikke vurdert ennå' },
];

/** The comparable part of a stored scenario (what the table carries; residual rationales are not in the table). */
const comparable = (scenario: RiskScenarioResponse) => {
  const { id: _id, sortOrder: _sortOrder, ...rest } = scenario;
  return { ...rest, residualConsequences: rest.residualConsequences.map((c) => ({ ...c, rationale: null })) };
};

/** ROS scenario tables out (Excel, CSV) and back in (upload → preview → apply or cancel), with scope and edit rights. */
describe('risk scenario export and import', () => {
  let testApp: TestApp;
  let unitLeader: Session;
  let otherSector: Session;
  let quality: Session;
  let hms: Session;
  let nursingHome: string;
  let source: RiskAnalysisResponse;

  const download = async (session: Session, path: string) => {
    const cookie = [AUTH_COOKIES.accessToken, AUTH_COOKIES.csrf].map((name) => `${name}=${session.cookie(name) ?? ''}`).join('; ');
    const response = await fetch(`${testApp.baseUrl}${path}`, { headers: { cookie } });
    return { body: Buffer.from(await response.arrayBuffer()), headers: response.headers, status: response.status };
  };
  const upload = (session: Session, analysisId: string, content: Buffer, name: string, type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    return session.request<RiskImportPreview & ApiError>('POST', `/api/risk/analyses/${analysisId}/imports`, form);
  };
  const newAnalysis = async (session: Session, title: string) =>
    (await session.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', { scopeOrgUnitId: nursingHome, title, type: 'service_ros' }))
      .body;
  const scenariosOf = async (id: string) => (await hms.get<RiskAnalysisResponse>(`/api/risk/analyses/${id}`)).body.scenarios;
  const fields = (body: ApiError) => (body.details as { field: string }[]).map((detail) => detail.field);

  beforeAll(async () => {
    testApp = await startTestApp();
    // The nursing home, its leader and the other sector are this spec's own (factories); the tenant-wide quality
    // coordinator and HMS adviser are the demo municipality's (read-only role checks).
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Overføring', serviceType: 'nursing_home' });
    const elsewhere = await makeUnitTree(testApp.dataSource, { label: 'Annen sektor' });
    unitLeader = await signIn(testApp.baseUrl, tree.leaders.unit);
    otherSector = await signIn(testApp.baseUrl, elsewhere.leaders.sector);
    quality = await Session.login(testApp.baseUrl, 'kvalitet@fjordvik.kommune.no');
    hms = await Session.login(testApp.baseUrl, 'hms@fjordvik.kommune.no');
    nursingHome = tree.unit.id;
    const created = await newAnalysis(unitLeader, 'Tjeneste-ROS Liavegen: "vinter"/2027');
    for (const scenario of SCENARIOS) {
      expect((await unitLeader.request('POST', `/api/risk/analyses/${created.id}/scenarios`, scenario)).status).toBe(201);
    }
    source = (await unitLeader.get<RiskAnalysisResponse>(`/api/risk/analyses/${created.id}`)).body;
  });

  afterAll(() => testApp.close());

  it('should export the scenario table as Excel with Norwegian headings, ranks, derived bands and a scale sheet', async () => {
    const file = await download(unitLeader, `/api/risk/analyses/${source.id}/scenarios/export?format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX);
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="ROS-Tjeneste-ROS Liavegen- -vinter--2027-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );

    const workbook = new Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const [sheet, scale] = workbook.worksheets;
    expect(sheet?.name).toBe('Scenarier');
    expect(scale?.name).toBe('Skala');
    const header = sheet!.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual(HEADINGS);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.rowCount).toBe(4);
    const cell = (row: number, heading: string) => sheet!.getRow(row).getCell(HEADINGS.indexOf(heading) + 1).value;
    expect(cell(2, 'Nr')).toBe(1);
    expect(cell(2, 'Tittel')).toBe('Langvarig strømbrudd vinter');
    expect(cell(2, 'Beskrivelse')).toBe(SCENARIOS[0]!.description);
    expect(cell(2, 'Eksisterende barrierer')).toBe(SCENARIOS[0]!.existingBarriers);
    expect(cell(2, 'Sannsynlighet (1–5)')).toBe(3);
    expect(cell(2, 'Konsekvens: Dødsfall (1–5)')).toBe(4);
    expect(cell(2, 'Begrunnelse: Dødsfall')).toBe('Hjemmeboende eldre uten varme');
    expect(cell(2, 'Behov for varsling')).toBe('Ja');
    expect(cell(2, 'Sårbarhet')).toBe('Høy');
    expect(cell(2, 'Risiko (beregnet)')).toBe(source.scenarios[0]!.risk!.bandLabel);
    expect(cell(2, 'Restrisiko (beregnet)')).toBe(source.scenarios[0]!.residualRisk!.bandLabel);
    expect(cell(3, 'Fare/trussel')).toBe('Trussel');
    expect(cell(4, 'Risiko (beregnet)')).toBeNull();
    const scaleText = JSON.stringify(scale!.getSheetValues());
    expect(scaleText).toContain('Svært høy');
    expect(scaleText).toContain('Konsekvens: Dødsfall');
  });

  it('should export semicolon CSV in UTF-8 with BOM, quoting and formula-injection protection', async () => {
    const file = await download(unitLeader, `/api/risk/analyses/${source.id}/scenarios/export?format=csv`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(file.headers.get('content-disposition')).toMatch(/\.csv"/);
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.body.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"") er ikke en formel"`);
    expect(text).toContain(`"'-20 grader er dimensjonerende"`);
    expect(text).toContain(`"'@varsling via SMS"`);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(HEADINGS);
    expect(rows).toHaveLength(4);
    const at = (row: number, heading: string) => rows[row]?.[HEADINGS.indexOf(heading)];
    expect(at(1, 'Beskrivelse')).toBe(SCENARIOS[0]!.description);
    expect(at(1, 'Årsaker')).toBe(SCENARIOS[0]!.causes);
    expect(at(1, 'Sannsynlighet (1–5)')).toBe('3');
    expect(at(2, 'Konsekvens: Alvorlig skadde og syke (1–5)')).toBe('5');
    expect(at(3, 'Tittel')).toBe('Ikke vurdert ennå');
    expect((await download(unitLeader, `/api/risk/analyses/${source.id}/scenarios/export?format=pdf`)).status).toBe(400);
  });

  it.each(['xlsx', 'csv'] as const)(
    'should import its own %s export into another analysis unchanged, after a preview without errors',
    async (format) => {
      const file = await download(unitLeader, `/api/risk/analyses/${source.id}/scenarios/export?format=${format}`);
      const target = await newAnalysis(unitLeader, `Mottak ${format}`);
      const preview = await upload(unitLeader, target.id, file.body, `eksport.${format}`);
      expect(preview.status).toBe(201);
      expect(preview.body).toMatchObject({
        counts: { invalid: 0, total: 3, valid: 3 },
        fileName: `eksport.${format}`,
        ignoredColumns: [],
        status: 'pending',
      });
      expect(preview.body.rows.map((row) => [row.rowNumber, row.title, row.problems])).toEqual([
        [2, 'Langvarig strømbrudd vinter', []],
        [3, 'Skyting på skole', []],
        [4, 'Ikke vurdert ennå', []],
      ]);
      expect(preview.body.rows[0]?.risk).toEqual(source.scenarios[0]?.risk);
      expect(await scenariosOf(target.id)).toEqual([]);

      const applied = await unitLeader.request<RiskImportPreview>(
        'POST',
        `/api/risk/analyses/${target.id}/imports/${preview.body.id}/apply`,
        {},
      );
      expect(applied.status).toBe(200);
      expect(applied.body).toMatchObject({ appliedCount: 3, status: 'applied' });
      expect((await scenariosOf(target.id)).map(comparable)).toEqual(source.scenarios.map(comparable));

      const again = await unitLeader.request<ApiError>('POST', `/api/risk/analyses/${target.id}/imports/${preview.body.id}/apply`, {});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('RISK_IMPORT_NOT_PENDING');
      expect(await scenariosOf(target.id)).toHaveLength(3);
      const audit = (await testApp.dataSource.query(
        `SELECT action FROM audit_log_entry WHERE entity_type = 'risk_import' AND entity_id = $1 ORDER BY occurred_at`,
        [preview.body.id],
      )) as { action: string }[];
      expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
    },
  );

  it('should name row and column of every bad cell, refuse to apply, and store nothing', async () => {
    const target = await newAnalysis(unitLeader, 'Feil i fila');
    const csv = [
      'Tittel;Sannsynlighet (1–5);Konsekvens: Dødsfall (1–5);Sårbarhet;Notat',
      'Flom i sentrum;Høy;Store;Lav;ok',
      'Skred;Ganske ofte;2;;',
      'Brann;3;9;;',
      ';2;2;;uten tittel',
      'Pandemi;svært lav;1;kanskje;',
    ].join('\r\n');
    const preview = await upload(unitLeader, target.id, Buffer.from(csv, 'utf8'), 'ros.csv', 'text/csv');
    expect(preview.status).toBe(201);
    expect(preview.body.counts).toEqual({ invalid: 4, total: 5, valid: 1 });
    expect(preview.body.ignoredColumns).toEqual(['Notat']);
    const problems = preview.body.rows.flatMap((row) => row.problems.map((p) => [p.rowNumber, p.column, p.code]));
    expect(problems).toEqual([
      [3, 'Sannsynlighet (1–5)', 'unknown_level'],
      [4, 'Konsekvens: Dødsfall (1–5)', 'out_of_scale'],
      [5, 'Tittel', 'required'],
      [6, 'Sårbarhet', 'unknown_choice'],
    ]);
    expect(preview.body.rows[0]?.values).toMatchObject({
      consequences: [{ rank: 4, typeCode: 'deaths' }],
      likelihoodRank: 4,
      title: 'Flom i sentrum',
      vulnerability: 'low',
    });

    const refused = await unitLeader.request<ApiError>('POST', `/api/risk/analyses/${target.id}/imports/${preview.body.id}/apply`, {});
    expect(refused.status).toBe(400);
    expect(fields(refused.body)).toEqual(['rows.3', 'rows.4', 'rows.5', 'rows.6']);
    expect(await scenariosOf(target.id)).toEqual([]);
    const stored = await unitLeader.get<RiskImportPreview>(`/api/risk/analyses/${target.id}/imports/${preview.body.id}`);
    expect(stored.body.status).toBe('pending');

    const skipping = await unitLeader.request<RiskImportPreview>(
      'POST',
      `/api/risk/analyses/${target.id}/imports/${preview.body.id}/apply`,
      { skipInvalidRows: true },
    );
    expect(skipping.status).toBe(200);
    expect(skipping.body.appliedCount).toBe(1);
    expect((await scenariosOf(target.id)).map((s) => s.title)).toEqual(['Flom i sentrum']);
  });

  it('should store nothing when the import is cancelled, and refuse to apply it afterwards', async () => {
    const target = await newAnalysis(unitLeader, 'Avbrutt import');
    const preview = await upload(unitLeader, target.id, Buffer.from('Tittel\r\nTørke\r\n', 'utf8'), 'ros.csv');
    expect(preview.body.counts.valid).toBe(1);
    const cancelled = await unitLeader.request<RiskImportPreview>('DELETE', `/api/risk/analyses/${target.id}/imports/${preview.body.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await unitLeader.request('POST', `/api/risk/analyses/${target.id}/imports/${preview.body.id}/apply`, {})).status).toBe(409);
    expect((await unitLeader.request('DELETE', `/api/risk/analyses/${target.id}/imports/${preview.body.id}`)).status).toBe(409);
    expect(await scenariosOf(target.id)).toEqual([]);
  });

  it('should refuse files that are not .xlsx or .csv with a 400 naming file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    for (const [content, name] of [
      [png, 'ros.xlsx'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'ros.xls'],
      [Buffer.from('PK\u0003\u0004 not really a zip'), 'ros.xlsx'],
      [Buffer.from('Beskrivelse\r\nNoe\r\n'), 'uten-tittel.csv'],
      [Buffer.alloc(0), 'tom.csv'],
    ] as const) {
      const result = await upload(unitLeader, source.id, content, name);
      expect({ name, status: result.status }).toEqual({ name, status: 400 });
      expect(fields(result.body)).toEqual(['file']);
    }
    const big = await upload(unitLeader, source.id, Buffer.alloc(5 * 1024 * 1024 + 10, 0x41), 'stor.csv');
    expect(big.status).toBe(400);
    expect(fields(big.body)).toEqual(['file']);
    const json = await unitLeader.request<ApiError>('POST', `/api/risk/analyses/${source.id}/imports`, { file: 'x' });
    expect(json.status).toBe(400);
    expect(fields(json.body)).toEqual(['file']);
    expect(await scenariosOf(source.id)).toHaveLength(3);
  });

  it('should follow the analysis’s scope: 404 outside it, 403 to import with read access only or into someone else’s import', async () => {
    const csv = Buffer.from('Tittel\r\nTørke\r\n', 'utf8');
    expect((await download(otherSector, `/api/risk/analyses/${source.id}/scenarios/export?format=csv`)).status).toBe(404);
    expect((await upload(otherSector, source.id, csv, 'ros.csv')).status).toBe(404);

    expect((await download(quality, `/api/risk/analyses/${source.id}/scenarios/export?format=xlsx`)).status).toBe(200);
    const readOnly = await upload(quality, source.id, csv, 'ros.csv');
    expect(readOnly.status).toBe(403);

    const mine = await upload(unitLeader, source.id, csv, 'ros.csv');
    expect(mine.status).toBe(201);
    expect((await otherSector.request('POST', `/api/risk/analyses/${source.id}/imports/${mine.body.id}/apply`, {})).status).toBe(404);
    expect((await quality.request('POST', `/api/risk/analyses/${source.id}/imports/${mine.body.id}/apply`, {})).status).toBe(403);
    // HMS may edit the analysis too, but the pending import is the unit leader's.
    expect((await hms.request('POST', `/api/risk/analyses/${source.id}/imports/${mine.body.id}/apply`, {})).status).toBe(403);
    expect((await hms.get(`/api/risk/analyses/${source.id}/imports/${mine.body.id}`)).status).toBe(403);
    expect(await scenariosOf(source.id)).toHaveLength(3);
    expect((await unitLeader.request('DELETE', `/api/risk/analyses/${source.id}/imports/${mine.body.id}`)).status).toBe(200);
  });
});
