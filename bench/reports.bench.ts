// On-time reports at national scale: the roll-ups against the plain aggregate over the dossiers, on
// synthetic dossiers spread over the real 63 provinces / 696 districts / 10,047 communes.
// Run: npm run bench:reports   (BENCH_DOSSIERS=1000000 for a shorter run)
// The data set is built once into the database motcua_bench_reports_<count> and reused by later runs;
// drop that database to build it again.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { localDayRange } from '@motcua/domain';
import { dataSourceOptions, ReportGroup, ReportPeriod, ReportsRepository } from '@motcua/persistence';
import type { Scope } from '@motcua/domain';
import { insertSyntheticDossiers } from '@motcua/testing';
import { percentile, table } from './support';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000_000);
const CHUNK = 500_000;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROLLUP_RUNS = 20;
const PLAIN_RUNS = 3;
const YEAR_2025 = localDayRange('2025-01-01', '2025-12-31');
const FIELDS = ['Đất đai', 'Hộ tịch', 'Chứng thực', 'Xây dựng', 'Đầu tư', 'Tư pháp', 'Lao động', 'Giáo dục'];

interface Report {
  name: string;
  scope: Scope;
  period: ReportPeriod;
  groupBy: ReportGroup;
}

function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * The real units, 40 procedures in 8 fields, an agency per commune, two per district and ten per
 * province (all before the July 2025 reform), then the dossiers, received over 2024 and 2025, in
 * chunks with triggers off, and the roll-ups counted from them by the projector.
 */
async function build(url: string, reports: ReportsRepository): Promise<void> {
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
  cli('migrate');
  cli('units:import', '../shared/data/dvhc-2025-03-three-level.json');
  cli('units:import', '../shared/data/dvhc-2025-07-two-level.json');
  await withClient(url, async (client) => {
    await client.query(
      `INSERT INTO procedures (code, name, search_name, field, level, online_level, definition)
       SELECT '2.' || (100000 + i), 'Thủ tục thử nghiệm số ' || i, 'thu tuc thu nghiem so ' || i, ($1::text[])[1 + i % 8], 'commune', 'partial', '{}'
       FROM generate_series(1, 40) i`,
      [FIELDS],
    );
    await client.query(
      `INSERT INTO agencies (code, name, kind, unit_id)
       SELECT 'BENCH.' || u.path || '.' || k, 'Cơ quan ' || k || ' – ' || u.name, 'PEOPLES_COMMITTEE', u.id
       FROM administrative_units u
       CROSS JOIN LATERAL generate_series(1, CASE u.level WHEN 'province' THEN 10 WHEN 'district' THEN 2 ELSE 1 END) k
       WHERE u.unit_set = '2025-03'`,
    );
    const started = performance.now();
    await client.query(`SET session_replication_role = replica`); // no triggers or foreign-key checks during the load
    for (let first = 1; first <= DOSSIERS; first += CHUNK) {
      const last = Math.min(DOSSIERS, first + CHUNK - 1);
      await insertSyntheticDossiers((sql, params) => client.query(sql, params), { first, last, since: '2024-01-01', days: 731, now: new Date('2026-01-20T10:00:00+07:00') });
      process.stdout.write(`\rdossiers: ${last.toLocaleString('en')} (${seconds(started)} s)`);
    }
    process.stdout.write('\n');
    await client.query(`SET session_replication_role = origin`);
  });
  const started = performance.now();
  const counted = await reports.rebuild();
  console.log(`roll-ups: ${counted.toLocaleString('en')} dossiers projected in ${seconds(started)} s`);
  await withClient(url, (client) => client.query('VACUUM ANALYZE'));
}

async function time(run: () => Promise<unknown>, runs: number): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    timings.push(performance.now() - started);
  }
  return timings;
}

async function main(): Promise<void> {
  const database = `motcua_bench_reports_${DOSSIERS}`;
  const url = databaseUrl(database);
  const exists = await withClient(ADMIN_URL, async (client) => (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database])).rowCount === 1);
  const dataSource = new DataSource(dataSourceOptions(url));
  if (exists) await dataSource.initialize();
  const reports = new ReportsRepository(dataSource);
  if (!exists) {
    console.log(`Building ${database} (${DOSSIERS.toLocaleString('en')} dossiers)…`);
    try {
      await withClient(ADMIN_URL, (client) => client.query(`CREATE DATABASE "${database}"`));
      await dataSource.initialize();
      await build(url, reports);
    } catch (error) {
      await dataSource.destroy().catch(() => undefined);
      await withClient(ADMIN_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
      throw error;
    }
  }
  const [facts] = await dataSource.query(
    `SELECT (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM report_totals)::int + (SELECT count(*) FROM report_procedure_totals)::int AS rollups,
       (SELECT min(u.path) FROM administrative_units u WHERE u.unit_set = '2025-03' AND u.level = 'commune' AND u.path LIKE '01.%') AS commune`,
  );
  const queries: Report[] = [
    { name: 'country by province, 2025', scope: { unitPath: null }, period: { from: YEAR_2025.start, to: YEAR_2025.end }, groupBy: 'province' },
    { name: 'Hà Nội (01) by commune, 2025', scope: { unitPath: '01' }, period: { from: YEAR_2025.start, to: YEAR_2025.end }, groupBy: 'commune' },
    { name: `commune ${facts.commune} by procedure, 2025`, scope: { unitPath: null }, period: { from: YEAR_2025.start, to: YEAR_2025.end, unitPath: facts.commune }, groupBy: 'procedure' },
    { name: 'Hà Nội (01) by commune, two-level units, 2025', scope: { unitPath: '01' }, period: { from: YEAR_2025.start, to: YEAR_2025.end, unitSet: '2025-07' }, groupBy: 'commune' },
    {
      name: 'country by province, 15/12/2024–14/12/2025',
      scope: { unitPath: null },
      period: (({ start, end }) => ({ from: start, to: end }))(localDayRange('2024-12-15', '2025-12-14')),
      groupBy: 'province',
    },
  ];
  const rows: (string | number)[][] = [['report', 'groups', 'roll-up median ms', 'roll-up p95 ms', 'plain median ms', 'speed-up']];
  let failed = false;
  for (const query of queries) {
    const rollup = () => reports.timeliness(query.scope, query.period, query.groupBy);
    const plain = () => reports.timelinessFromDossiers(query.scope, query.period, query.groupBy);
    const [expected, actual] = [await plain(), await rollup()];
    if (!isDeepStrictEqual(expected, actual)) {
      console.error(`${query.name}: the roll-ups and the plain aggregate disagree`);
      failed = true;
    }
    const rollupTimes = await time(rollup, ROLLUP_RUNS);
    const plainTimes = await time(plain, PLAIN_RUNS);
    const [rollupMedian, plainMedian] = [percentile(rollupTimes, 50), percentile(plainTimes, 50)];
    rows.push([query.name, actual.length, rollupMedian.toFixed(1), percentile(rollupTimes, 95).toFixed(1), plainMedian.toFixed(0), `${Math.round(plainMedian / rollupMedian)}×`]);
  }
  console.log(
    `\n${facts.dossiers.toLocaleString('en')} dossiers, ${facts.rollups.toLocaleString('en')} roll-up rows; ${ROLLUP_RUNS} roll-up runs and ${PLAIN_RUNS} plain runs per report, after one of each to compare them`,
  );
  console.log(table(rows));
  await dataSource.destroy();
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
