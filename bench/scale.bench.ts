// The queries that run every minute, every pass or every page view, on a province's years of data:
// 1,000,000 dossiers, 300,000 open steps (60,000 of them in one agency's inbox), 20,000 dossiers
// waiting for papers, 2,000,000 handled outbox events. Each runs through the repository method the
// system calls, 50 times after 3 warm-ups; the table gives its p95 against the 20 ms target and the
// plan of each statement it sent (indexes read, and any sequential scan).
// Run: npm run bench:scale   (BENCH_DOSSIERS=200000 for a quicker build)
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { buildWorkingCalendar, latestExpiredRequest, NATIONAL_CALENDAR_SPEC, Role } from '@motcua/domain';
import { dataSourceOptions, DossiersRepository, OutboxRepository, ReportsRepository, TasksRepository } from '@motcua/persistence';
import { insertSyntheticDossiers } from '@motcua/testing';
import { benchEnvironment, percentile, table } from './support';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const CHUNK = 250_000;
const RUNS = 50;
const TARGET_MS = 20;
const NOW = new Date('2026-01-20T10:00:00+07:00');

/** Deterministic picks from the dossier number, as the synthetic dossiers draw theirs. */
const pick = (salt: number) => `(hashint8extended(n, ${salt}) & 1023)::float8 / 1024`;
const FAMILY = ['nguyen', 'nguyen', 'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo'];
const MIDDLE = ['van', 'thi', 'minh', 'ngoc', 'duc', 'thanh', 'huu', 'quoc', 'thu', 'hoang'];
const GIVEN = ['an', 'binh', 'hoa', 'lan', 'hung', 'dung', 'tuan', 'huong', 'mai', 'nam', 'linh', 'trang', 'son', 'ha', 'phuong', 'long', 'thao', 'quan', 'yen', 'khoa'];

async function build(client: Client): Promise<void> {
  const started = performance.now();
  const step = (what: string) => console.log(`  ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  await client.query(`SET session_replication_role = replica`); // no triggers or foreign-key checks during the load
  for (let first = 1; first <= DOSSIERS; first += CHUNK) {
    await insertSyntheticDossiers((sql, params) => client.query(sql, params), { first, last: Math.min(DOSSIERS, first + CHUNK - 1), since: '2024-01-01', days: 731, now: NOW });
  }
  step('dossiers');
  // Names to search for, in the folded form the list searches; 2 % of the dossiers wait for papers.
  await client.query(
    `UPDATE dossiers d SET applicant_search = ($1::text[])[1 + floor(${pick(1)} * $4)::int] || ' ' || ($2::text[])[1 + floor(${pick(2)} * $5)::int] || ' ' || ($3::text[])[1 + floor(${pick(3)} * $6)::int],
       status = CASE WHEN ${pick(4)} < 0.02 THEN 'SUPPLEMENT_REQUESTED' ELSE d.status END
     FROM (SELECT id, substr(code, 5)::bigint AS n FROM dossiers) s WHERE s.id = d.id`,
    [FAMILY, MIDDLE, GIVEN, FAMILY.length, MIDDLE.length, GIVEN.length],
  );
  // Their requests were made over the last 14 days (older ones the sweep has stopped), 50 past the limit.
  await client.query(
    `UPDATE dossiers d SET pauses = jsonb_build_array(jsonb_build_object('kind', 'supplement', 'from', to_char(s.since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'to', NULL))
     FROM (SELECT id, CASE WHEN row_number() OVER (ORDER BY id) <= 50 THEN $1::timestamptz - interval '22 days'
                           ELSE $1::timestamptz - (hashint8extended(substr(code, 5)::bigint, 7) & 1023)::float8 / 1024 * interval '14 days' END AS since
           FROM dossiers WHERE status = 'SUPPLEMENT_REQUESTED') s
     WHERE s.id = d.id`,
    [NOW],
  );
  step('names and supplements');
  // A done reception step for every dossier; an open step for 30 % of them, 60,000 of those in the
  // busiest agency's inbox, 40 % overdue, their notices handled when they were due.
  const [{ id: busiest }] = (await client.query(`SELECT id FROM agencies WHERE code = (SELECT min(code) FROM agencies)`)).rows;
  await client.query(
    `INSERT INTO tasks (dossier_id, step_key, step_name, activation, agency_id, role, status, budget, activated_at, due_soon_at, due_at, completed_at)
     SELECT id, 'tiep-nhan', 'Tiếp nhận', 1, receiving_agency_id, 'RECEPTION', 'done', '{"amount": 1, "unit": "working_days"}', received_at, NULL, received_at, received_at
     FROM dossiers`,
  );
  await client.query(
    `INSERT INTO tasks (dossier_id, step_key, step_name, activation, agency_id, role, status, budget, activated_at, due_soon_at, due_at, due_soon_noticed_at, overdue_noticed_at)
     SELECT s.id, 'tham-dinh', 'Thẩm định', 1, CASE WHEN s.k < 60000 THEN $1::uuid ELSE s.agency END, 'PROCESSOR', 'open', '{"amount": 3, "unit": "working_days"}',
       $2::timestamptz - interval '5 days', s.due - interval '1 day', s.due,
       CASE WHEN s.due - interval '1 day' <= $2 THEN s.due - interval '1 day' END, CASE WHEN s.due <= $2 THEN s.due END
     FROM (SELECT id, receiving_agency_id AS agency, row_number() OVER (ORDER BY code) - 1 AS k,
             $2::timestamptz + ((substr(code, 5)::bigint % 997)::float8 / 997 * 30 - 12) * interval '1 day' AS due
           FROM dossiers WHERE substr(code, 5)::bigint % 10 < 3) s`,
    [busiest, NOW],
  );
  // A few steps just past their marks, still to be noticed: what the sweep finds each minute.
  await client.query(
    `UPDATE tasks SET due_soon_noticed_at = NULL, overdue_noticed_at = NULL, due_at = $1::timestamptz - interval '30 seconds'
     WHERE id IN (SELECT id FROM tasks WHERE status = 'open' ORDER BY id LIMIT 200)`,
    [NOW],
  );
  step('tasks');
  // Two handled events per dossier, settled; a few hundred recent ones on their way.
  await client.query(
    `INSERT INTO outbox (topic, aggregate_id, payload, created_at, sent_at, checked_at, settled_at)
     SELECT t.topic, d.id, '{}', d.received_at, d.received_at, d.received_at, d.received_at FROM dossiers d CROSS JOIN (VALUES ('dossier.received'), ('task.completed')) t (topic)`,
  );
  await client.query(`INSERT INTO processed_events (outbox_id, processed_at) SELECT id, created_at FROM outbox`);
  await client.query(
    `INSERT INTO outbox (topic, aggregate_id, payload, created_at, sent_at, checked_at)
     SELECT 'task.completed', id, '{}', $1::timestamptz - interval '40 seconds', $1::timestamptz - interval '40 seconds', $1::timestamptz - interval '40 seconds' FROM dossiers ORDER BY id LIMIT 300`,
    [NOW],
  );
  await client.query(`INSERT INTO processed_events (outbox_id) SELECT id FROM outbox WHERE settled_at IS NULL ORDER BY id LIMIT 280`);
  step('outbox');
  await client.query(`SET session_replication_role = origin`);
  await client.query(`VACUUM ANALYZE`);
  step('vacuum analyze');
}

/** The statements a call sent, captured from TypeORM's query log while `capturing` is set. */
class Capture implements TypeOrmLogger {
  capturing = false;
  statements: [string, unknown[] | undefined][] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    if (this.capturing && !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query)) this.statements.push([query, parameters]);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** What a plan reads: its index scans by index name and its sequential scans by table. */
function reads(node: PlanNode, found = new Set<string>()): Set<string> {
  if (node['Index Name']) found.add(node['Index Name']);
  if (node['Node Type'] === 'Seq Scan') found.add(`SEQ SCAN ${node['Relation Name']}`);
  for (const child of node.Plans ?? []) reads(child, found);
  return found;
}

async function main(): Promise<void> {
  const env = await benchEnvironment('scale');
  const capture = new Capture();
  const db = await new DataSource({ ...dataSourceOptions(env.databaseUrl), logging: ['query'], logger: capture }).initialize();
  try {
    console.log(`Building ${DOSSIERS.toLocaleString('en')} dossiers…`);
    const client = new Client({ connectionString: env.databaseUrl });
    await client.connect();
    await build(client);
    await client.end();

    const outbox = new OutboxRepository(db);
    const dossiers = new DossiersRepository(db, outbox);
    const tasks = new TasksRepository(db);
    const reports = new ReportsRepository(db);
    const [{ busiest, province }] = await db.query(
      `SELECT a.id AS busiest, split_part(min(u.path), '.', 1) AS province FROM agencies a JOIN administrative_units u ON u.id = a.unit_id WHERE a.code = (SELECT min(code) FROM agencies) GROUP BY a.id`,
    );
    const [facts] = await db.query(
      `SELECT (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM tasks WHERE status = 'open')::int AS open,
         (SELECT count(*) FROM tasks WHERE status = 'open' AND agency_id = $1)::int AS inbox, (SELECT count(*) FROM dossiers WHERE status = 'SUPPLEMENT_REQUESTED')::int AS waiting,
         (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM dossiers WHERE applicant_search LIKE '%tran thi hoa%')::int AS named`,
      [busiest],
    );
    const list = { sort: 'receivedAt', order: 'desc', limit: 20, offset: 0 } as const;
    const calendar = buildWorkingCalendar(NATIONAL_CALENDAR_SPEC);
    const operations: [string, () => Promise<unknown>][] = [
      ['sweep: steps due soon, notice not handled', () => tasks.unnoticed('due_soon', NOW, 1000)],
      ['sweep: steps overdue, notice not handled', () => tasks.unnoticed('overdue', NOW, 1000)],
      ['sweep: requests for papers past 15 working days', () => dossiers.awaitingSupplement(latestExpiredRequest(calendar, NOW))],
      ['relay: redelivery pass (settle + in flight)', () => outbox.transaction(async (tx) => (await outbox.settle(tx), outbox.inFlight(tx, new Date(Date.now() - 30_000), 500)))],
      [`inbox: ${facts.inbox.toLocaleString('en')} open steps, first page + count`, () => tasks.inbox({ agencyId: busiest, role: Role.PROCESSOR, limit: 20, offset: 0 })],
      [`dossier list: province ${province}, first page + count`, () => dossiers.list({ unitPath: province }, list)],
      [`dossier list: name "Trần Thị Hoa" (${facts.named} match)`, () => dossiers.list({ unitPath: province }, { ...list, search: 'Trần Thị Hoa' })],
      ['dossier list: code "SYN-98765"', () => dossiers.list({ unitPath: province }, { ...list, search: 'SYN-98765' })],
      ['report projector: idle turn', () => reports.projectIfFree(500)],
    ];
    const rows: (string | number)[][] = [['operation', 'median ms', 'p95 ms', `< ${TARGET_MS} ms`, 'plan reads']];
    for (const [name, run] of operations) {
      for (let i = 0; i < 3; i++) await run();
      capture.statements = [];
      capture.capturing = true;
      await run();
      capture.capturing = false;
      const plans: string[] = [];
      for (const [sql, params] of capture.statements) {
        const [
          {
            'QUERY PLAN': [plan],
          },
        ] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
        plans.push([...reads(plan.Plan)].join(' + ') || 'no table');
      }
      const timings: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        timings.push(performance.now() - started);
      }
      const p95 = percentile(timings, 95);
      rows.push([name, percentile(timings, 50).toFixed(1), p95.toFixed(1), p95 < TARGET_MS ? 'yes' : 'NO', plans.join(' ; ')]);
    }
    console.log(
      `\n${facts.dossiers.toLocaleString('en')} dossiers, ${facts.open.toLocaleString('en')} open steps, ${facts.waiting.toLocaleString('en')} waiting for papers, ${facts.outbox.toLocaleString('en')} outbox rows; ${RUNS} runs each`,
    );
    console.log(table(rows));
  } finally {
    await db.destroy();
    await env.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
