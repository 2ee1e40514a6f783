import type { DataSource } from 'typeorm';

/** Row count of every table of the schema (migrations bookkeeping excluded), in one query: "was anything written?". */
export const rowCounts = async (dataSource: DataSource): Promise<Record<string, number>> => {
  const tables = (await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
  )) as { name: string }[];
  const rows = (await dataSource.query(
    tables.map(({ name }) => `SELECT '${name}' AS t, count(*)::int AS n FROM "${name}"`).join(' UNION ALL '),
  )) as { t: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.t, row.n]));
};
