import type { FileIncidentResponse } from '@helhet/shared';

import { filingPayload, incidentCategories, makeUnitTree, signIn } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/utils/test-app';
import { LegacyReporterSealing } from './legacy-reporter-sealing';
import { ReporterIdentityService } from './reporter-identity.service';

const CHECKS = ['CHK_incident_reporter_named', 'CHK_incident_reporter_hidden'];

/**
 * ADR 0014: migration EncryptHiddenReporters no longer seals (it has no key). A database with avvik filed hidden
 * before it keeps them in the legacy state with the reporter checks NOT VALID; the API seals them at boot and
 * validates the checks. Reproduced on an avvik of our own.
 */
describe('legacy hidden reporters sealed at boot', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(() => testApp.close());

  it('should seal a legacy hidden reporter with the configured key and validate the checks; with nothing left it does nothing', async () => {
    const { dataSource } = testApp;
    const tree = await makeUnitTree(dataSource, { label: 'Gammel skjult melder' });
    const reporter = await signIn(testApp.baseUrl, tree.employee);
    const category = await incidentCategories(reporter);
    const filed = await reporter.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      filingPayload({ categoryId: category('work_environment').id, orgUnitId: tree.unit.id }),
    );
    expect(filed.status).toBe(201);
    const id = filed.body.id!; // named: the reporter gets the case id

    // The state migration EncryptHiddenReporters leaves behind: checks NOT VALID, the old row hidden in plain text.
    const definitions = (await dataSource.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'incident'::regclass AND conname = ANY($1)`,
      [CHECKS],
    )) as { conname: string; def: string }[];
    expect(definitions).toHaveLength(2);
    // NOT VALID checks still hold for rows written later, so the legacy row is made while they are away.
    await dataSource.query(`ALTER TABLE incident ${definitions.map(({ conname }) => `DROP CONSTRAINT "${conname}"`).join(', ')}`);
    await dataSource.query(`UPDATE incident SET reporter_visibility = 'hidden_from_handler' WHERE id = $1`, [id]);
    await dataSource.query(
      `ALTER TABLE incident ${definitions.map(({ conname, def }) => `ADD CONSTRAINT "${conname}" ${def} NOT VALID`).join(', ')}`,
    );

    const sealing = testApp.app.get(LegacyReporterSealing);
    expect(await sealing.run()).toBe(1);

    const [row] = (await dataSource.query(
      `SELECT tenant_id, reporter_user_id, reporter_identity_ciphertext, reporter_lookup FROM incident WHERE id = $1`,
      [id],
    )) as { tenant_id: string; reporter_user_id: string | null; reporter_identity_ciphertext: Buffer; reporter_lookup: Buffer }[];
    expect(row!.reporter_user_id).toBeNull();
    const identity = testApp.app.get(ReporterIdentityService);
    expect(identity.open({ incidentId: id, tenantId: row!.tenant_id }, row!.reporter_identity_ciphertext)).toBe(tree.employee.id);
    expect(identity.seal({ incidentId: id, tenantId: row!.tenant_id }, tree.employee.id).lookup.equals(row!.reporter_lookup)).toBe(true);
    const unvalidated = (await dataSource.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'incident'::regclass AND conname = ANY($1) AND NOT convalidated`,
      [CHECKS],
    )) as unknown[];
    expect(unvalidated).toEqual([]);

    expect(await sealing.run()).toBe(0);
  });
});
