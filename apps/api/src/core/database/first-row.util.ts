/** The first row of a query that must return one (an INSERT … RETURNING, an upsert); throws otherwise. */
export const firstRow = <T>(rows: readonly T[], what: string): T => {
  const [row] = rows;
  if (row === undefined) throw new Error(`Expected a row from ${what}`);
  return row;
};
