import type { DataSource } from 'typeorm';

/** Rows per query of a sweep (and per Redis round trip of what it enqueues). */
export const SWEEP_BATCH = 1_000;

/**
 * Pages through every row of `select` by primary key (keyset: `id > last ORDER BY id`, never OFFSET), handing each
 * page to `handle`; returns how many rows it saw. `select` is a `SELECT … FROM … [WHERE …]` whose columns include
 * `id`, without ORDER BY or LIMIT. Rows inserted during the sweep may or may not be seen; none is seen twice.
 */
export const keysetPages = async <Row extends { id: string }>(
  dataSource: DataSource,
  select: string,
  handle: (rows: Row[]) => Promise<unknown>,
  batch = SWEEP_BATCH,
): Promise<number> => {
  // The nil uuid sorts before every generated id, so the first page needs no special query.
  let after = '00000000-0000-0000-0000-000000000000';
  let seen = 0;
  for (;;) {
    const rows = (await dataSource.query(`SELECT * FROM (${select}) AS page WHERE page.id > $1::uuid ORDER BY page.id LIMIT $2`, [
      after,
      batch,
    ])) as Row[];
    if (rows.length === 0) return seen;
    await handle(rows);
    seen += rows.length;
    if (rows.length < batch) return seen;
    after = rows[rows.length - 1]?.id ?? after;
  }
};
