import { DataSource } from 'typeorm';
import { localDayRange } from '@motcua/domain';
import { dataSourceOptions, ReportsRepository } from '@motcua/persistence';
async function main() {
  const ds = new DataSource(dataSourceOptions(process.env.URL!));
  await ds.initialize();
  const orig = ds.query.bind(ds);
  const captured: [string, unknown[]][] = [];
  (ds as any).query = async (sql: string, params: unknown[]) => { captured.push([sql, params]); return orig(sql, params); };
  const r = new ReportsRepository(ds);
  const y = localDayRange('2025-01-01', '2025-12-31');
  await r.timeliness({ unitPath: process.env.SCOPE || null }, { from: y.start, to: y.end }, (process.env.GROUP || 'province') as any);
  const [sql, params] = captured[captured.length - 1];
  const plan = await orig('EXPLAIN (ANALYZE, BUFFERS) ' + sql, params);
  console.log(plan.map((p: any) => p['QUERY PLAN']).join('\n'));
  await ds.destroy();
}
main();
