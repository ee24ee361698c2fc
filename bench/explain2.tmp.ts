import { DataSource } from 'typeorm';
import { localDayRange } from '@motcua/domain';
import { dataSourceOptions, ReportsRepository } from '@motcua/persistence';
async function main() {
  const ds = new DataSource(dataSourceOptions(process.env.URL!));
  await ds.initialize();
  const r = new ReportsRepository(ds);
  const y = localDayRange('2025-01-01', '2025-12-31');
  const t = async (name: string, f: () => Promise<unknown>) => { const xs = []; for (let i = 0; i < 20; i++) { const s = performance.now(); await f(); xs.push(performance.now() - s); } xs.sort((a, b) => a - b); console.log(name, xs[10].toFixed(2)); };
  await t('catchUp', () => r.catchUp());
  await t('select1', () => ds.query('SELECT 1'));
  await t('report', () => r.timeliness({ unitPath: '01' }, { from: y.start, to: y.end }, 'commune'));
  await ds.query('SET max_parallel_workers_per_gather = 0');
  await t('report noparallel', () => r.timeliness({ unitPath: '01' }, { from: y.start, to: y.end }, 'commune'));
  await ds.destroy();
}
main();
