/** Lists that can hold hundreds of thousands of rows count at most this many: the count stays a few milliseconds. */
export const COUNT_CAP = 10_000;

export interface CappedCount {
  total: number;
  /** True when there are more than `total` (= COUNT_CAP) rows. */
  totalCapped: boolean;
}

/**
 * The total of a page of `fromWhere` (a `FROM … WHERE …` clause): a page that is neither full nor
 * empty ends the list, so it tells the total without counting (most searches); otherwise the rows
 * are counted up to COUNT_CAP.
 */
export async function cappedCount(
  db: { query(sql: string, params: unknown[]): Promise<{ n: number }[]> },
  fromWhere: string,
  params: unknown[],
  page: { shown: number; limit: number; offset: number },
): Promise<CappedCount> {
  if (page.shown > 0 && page.shown < page.limit) return { total: page.offset + page.shown, totalCapped: false };
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${COUNT_CAP + 1}) capped`, params);
  return n > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };
}
