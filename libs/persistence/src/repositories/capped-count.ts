/** Lists that can hold hundreds of thousands of rows count at most this many: the count stays a few milliseconds. */
export const COUNT_CAP = 10_000;

export interface CappedCount {
  total: number;
  /** True when there are more than `total` (= COUNT_CAP) rows. */
  totalCapped: boolean;
}

/** Counts the rows of `fromWhere` (a `FROM … WHERE …` clause) up to COUNT_CAP. */
export async function cappedCount(db: { query(sql: string, params: unknown[]): Promise<{ n: number }[]> }, fromWhere: string, params: unknown[]): Promise<CappedCount> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${COUNT_CAP + 1}) capped`, params);
  return n > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };
}
