/*
 * Seeds the demo municipality (Fjordvik kommune): runs pending migrations, then inserts a generated
 * municipality in one transaction and prints counts and timings.
 *
 *   node dist/apps/api/seed.js [--employees 4000] [--seed 2026] [--today YYYY-MM-DD]
 *                              [--database-url postgres://…] [--if-empty] [--logins-json] [--json]
 *
 * Built by `npx nx build api` (webpack entry `seed`). Without a build, through ts-node:
 *   TS_NODE_PROJECT=tsconfig.base.json TS_NODE_TRANSPILE_ONLY=true TS_NODE_COMPILER_OPTIONS='{"module":"commonjs"}' \
 *     npx ts-node -r tsconfig-paths/register apps/api/src/seeds/seed.cli.ts --employees 4000
 *
 * The database URL defaults to DATABASE_URL, then postgres://postgres@127.0.0.1:5432/helhet.
 * --if-empty skips seeding (exit 0) when a municipality already exists; --logins-json only prints
 * the demo logins as JSON ({ password, logins }) and touches no database; --json prints the seed report
 * (counts and timings) as one JSON line at the end, for scripts such as the benchmarks.
 */
import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { DataSource } from 'typeorm';

import { schemaDataSourceOptions } from '../database/schema-data-source-options';
import { ensureDefaultIncidentCategories } from '../incidents/default-categories';
import { ensureDefaultRiskFactors } from '../risk/default-risk-factors';
import { ensureDefaultScaleSets } from '../risk/default-scale-sets';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-logins.constants';
import { isDatabaseEmpty, seedDemoMunicipality } from './seed-runner';

const USAGE = 'usage: seed [--employees N] [--seed S] [--today YYYY-MM-DD] [--database-url URL] [--if-empty] [--logins-json] [--json]';

const integer = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new Error(`--${name} must be an integer, got "${value}"\n${USAGE}`);
  return Number(value);
};

const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      employees: { type: 'string' },
      help: { short: 'h', type: 'boolean' },
      'if-empty': { type: 'boolean' },
      json: { type: 'boolean' },
      'logins-json': { type: 'boolean' },
      seed: { type: 'string' },
      today: { type: 'string' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values['logins-json']) {
    const logins = DEMO_LOGINS.map(({ description, email, name, role }) => ({ description, email, name, role }));
    console.log(JSON.stringify({ logins, password: DEMO_PASSWORD }, null, 2));
    return 0;
  }
  const options = { employees: integer('employees', values.employees), seed: integer('seed', values.seed), today: values.today };
  const url = values['database-url'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/helhet';

  const started = performance.now();
  const dataSource = new DataSource(schemaDataSourceOptions(url));
  await dataSource.initialize();
  try {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    console.log(`[seed] ${redact(url)}: ${migrations.length} migration(s) applied`);
    if (values['if-empty'] && !(await isDatabaseEmpty(dataSource))) {
      // A database seeded before a feature existed still gets that feature's tenant defaults.
      const tenants = (await dataSource.query(`SELECT id FROM tenant`)) as { id: string }[];
      for (const tenant of tenants) {
        await ensureDefaultIncidentCategories(dataSource.manager, tenant.id);
        await ensureDefaultScaleSets(dataSource.manager, tenant.id);
        await ensureDefaultRiskFactors(dataSource.manager, tenant.id);
      }
      console.log('[seed] a municipality already exists; only missing defaults added (--if-empty)');
      return 0;
    }
    const report = await seedDemoMunicipality(dataSource, options);
    const { counts, timings } = report;
    console.log(
      `[seed] Fjordvik kommune (employees ${report.options.employees}, seed ${report.options.seed}, today ${report.options.today}), tenant ${report.tenantId}\n` +
        `[seed]   org units ${counts.orgUnits}, users ${counts.users}, role assignments ${counts.roleAssignments}, delegations ${counts.delegations}, avvik ${counts.incidents}, ROS ${counts.riskAnalyses}, audit ${counts.auditLogEntries}\n` +
        `[seed]   generate ${timings.generateMs} ms, hash ${timings.hashMs} ms, insert ${timings.insertMs} ms, analyze ${timings.analyzeMs} ms, ` +
        `total ${Math.round(performance.now() - started)} ms\n` +
        `[seed] demo logins (password ${DEMO_PASSWORD}):\n${DEMO_LOGINS.map((login) => `[seed]   ${login.role.padEnd(20)} ${login.email}`).join('\n')}`,
    );
    if (values.json) console.log(JSON.stringify({ ...report, totalMs: Math.round(performance.now() - started) }));
    return 0;
  } finally {
    await dataSource.destroy();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
