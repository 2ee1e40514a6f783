import type { DataSource, EntityManager } from 'typeorm';

import type { AuditLogService, AuditRecord } from '../audit-log/audit-log.service';
import { OrgDirectory } from '../organisation/org-directory';
import { UserDirectory } from '../users/user-directory';
import type { MeasureDeadlinePlan, MeasureDeadlines } from './measure-deadlines.service';
import { MeasuresService } from './measures.service';

const NO_PLAN: MeasureDeadlinePlan = { cancel: [], schedule: null };

/** A manager that answers each query with the next prepared result and keeps the SQL it was given. */
const fakeManager = (results: unknown[]) => {
  const calls: { sql: string; params: unknown[] }[] = [];
  const manager = {
    query: async (sql: string, params: unknown[] = []) => {
      calls.push({ params, sql });
      return results.shift() ?? [];
    },
  } as unknown as EntityManager;
  return { calls, manager };
};

const setup = () => {
  const audits: AuditRecord<object>[] = [];
  const afterWrite: string[] = [];
  const audit = { record: async (_: EntityManager, record: AuditRecord<object>) => void audits.push(record) } as unknown as AuditLogService;
  const deadlines = {
    afterWrite: async (_: EntityManager, measureId: string) => {
      afterWrite.push(measureId);
      return NO_PLAN;
    },
    apply: async () => undefined,
    snapshot: async () => null,
  } as unknown as MeasureDeadlines;
  // The real directories: they run their lookups on the manager they are given (the fake one below).
  const noDataSource = {} as DataSource;
  return {
    afterWrite,
    audits,
    service: new MeasuresService(audit, deadlines, new UserDirectory(noDataSource), new OrgDirectory(noDataSource)),
  };
};

const actor = { tenantId: 't1', userId: 'u1' };

describe('MeasuresService', () => {
  it('creates a measure linked to its source, with one audit row and one deadline hook', async () => {
    const { afterWrite, audits, service } = setup();
    const { calls, manager } = fakeManager([[{ id: 'm1' }], [{ id: 'l1' }]]);

    const written = await service.create(
      manager,
      actor,
      { id: 'scenario-1', kind: 'riskScenario' },
      { orgUnitId: 'unit-1', title: 'Gelender' },
      { context: { analysisId: 'a1' } },
    );

    expect(written).toEqual({ deadlines: NO_PLAN, id: 'm1' });
    expect(calls.map((call) => call.sql.split('(')[0]?.trim())).toEqual(['INSERT INTO measure', 'INSERT INTO measure_link']);
    expect(calls[1]?.sql).toContain('risk_scenario_id');
    expect(calls[1]?.params).toEqual(['t1', 'm1', 'scenario-1']);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'create',
      after: { analysisId: 'a1', status: 'planned', title: 'Gelender' },
      entityType: 'measure',
    });
    expect(afterWrite).toEqual(['m1']);
  });

  it('refuses an unknown owner before writing anything', async () => {
    const { audits, service } = setup();
    const { calls, manager } = fakeManager([[]]);

    await expect(
      service.create(manager, actor, { id: 'i1', kind: 'incident' }, { orgUnitId: 'unit-1', ownerUserId: 'ghost', title: 'x' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(calls).toHaveLength(1);
    expect(audits).toHaveLength(0);
  });

  it('links through the column of the source kind and reports an existing link as null, writing no audit row', async () => {
    const { audits, service } = setup();
    const { calls, manager } = fakeManager([[]]);

    expect(await service.link(manager, actor, 'm1', { id: 'i1', kind: 'incident' })).toBeNull();
    expect(calls[0]?.sql).toContain('incident_id');
    expect(audits).toHaveLength(0);
  });
});
