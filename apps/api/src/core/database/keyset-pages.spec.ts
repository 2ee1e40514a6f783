import type { DataSource } from 'typeorm';

import { keysetPages } from './keyset-pages';

/** An in-memory stand-in for the one query keysetPages sends: `… WHERE page.id > $1 ORDER BY page.id LIMIT $2`. */
const fakeDataSource = (ids: string[]) => {
  const queries: unknown[][] = [];
  const dataSource = {
    query: (sql: string, params: [string, number]) => {
      queries.push(params);
      expect(sql).toMatch(/WHERE page\.id > \$1::uuid ORDER BY page\.id LIMIT \$2$/);
      const [after, limit] = params;
      return Promise.resolve(
        [...ids]
          .sort()
          .filter((id) => id > after)
          .slice(0, limit)
          .map((id) => ({ id })),
      );
    },
  } as unknown as DataSource;
  return { dataSource, queries };
};

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('keysetPages', () => {
  it('should hand every row exactly once, page by page, however many there are', async () => {
    const ids = Array.from({ length: 2_345 }, (_, n) => uuid(n + 1));
    const { dataSource, queries } = fakeDataSource(ids);
    const seen: string[] = [];
    const total = await keysetPages<{ id: string }>(
      dataSource,
      'SELECT id FROM incident',
      async (rows) => {
        seen.push(...rows.map((row) => row.id));
      },
      1_000,
    );
    expect(total).toBe(2_345);
    expect(seen).toEqual([...ids].sort());
    // 1000 + 1000 + 345: the short page ends it.
    expect(queries.map(([after]) => after)).toEqual(['00000000-0000-0000-0000-000000000000', uuid(1_000), uuid(2_000)]);
  });

  it('should stop after an empty page when the rows fill the last page exactly', async () => {
    const { dataSource, queries } = fakeDataSource(Array.from({ length: 4 }, (_, n) => uuid(n + 1)));
    const pages: number[] = [];
    expect(await keysetPages<{ id: string }>(dataSource, 'SELECT id FROM measure', async (rows) => pages.push(rows.length), 2)).toBe(4);
    expect(pages).toEqual([2, 2]);
    expect(queries).toHaveLength(3);
  });
});
