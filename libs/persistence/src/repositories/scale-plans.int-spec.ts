import { DataSource } from 'typeorm';
import { Role } from '@motcua/domain';
import { createTestEnvironment, insertSyntheticDossiers, TestEnvironment } from '@motcua/testing';
import { dataSourceOptions } from '../data-source';
import { COUNT_CAP } from './capped-count';
import { DossiersRepository } from './dossiers.repository';
import { OutboxRepository } from './outbox.repository';
import { TasksRepository } from './tasks.repository';

/** A database of its own holding 50,000 synthetic dossiers. */
async function withSyntheticDossiers(): Promise<{ env: TestEnvironment; db: DataSource }> {
  const env = await createTestEnvironment();
  const db = await new DataSource(dataSourceOptions(env.databaseUrl)).initialize();
  await insertSyntheticDossiers((sql, params) => db.query(sql, params), { first: 1, last: 50_000, since: '2025-01-02', days: 300, now: new Date('2025-12-31T10:00:00Z') });
  return { env, db };
}

/** The sweep's and the lists' queries read an index, not the whole table, and count no further than a page needs. */
describe('the deadline sweep on 50,000 dossiers and their steps', () => {
  let env: TestEnvironment;
  let db: DataSource;
  const plan = async (sql: string, params: unknown[]) => JSON.stringify(await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params));

  beforeAll(async () => {
    ({ env, db } = await withSyntheticDossiers());
    // One step per dossier: most done, a few open; and a few dossiers waiting for papers.
    await db.query(
      `INSERT INTO tasks (dossier_id, step_key, step_name, activation, agency_id, role, optional, status, budget, activated_at, due_soon_at, due_at)
       SELECT d.id, 'tham-dinh', 'Thẩm định', 1, d.receiving_agency_id, 'PROCESSOR', false, CASE WHEN d.code LIKE '%7' THEN 'open' ELSE 'done' END,
              '{"amount": 3, "unit": "working_days"}', d.received_at, d.due_at - interval '1 day', d.due_at
       FROM dossiers d`,
    );
    await db.query(
      `UPDATE dossiers SET status = 'SUPPLEMENT_REQUESTED', pauses = jsonb_build_array(jsonb_build_object('kind', 'supplement', 'from', to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'to', NULL))
       WHERE code LIKE '%13'`,
    );
    await db.query(`ANALYZE tasks`);
    await db.query(`ANALYZE dossiers`);
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
    await env.dispose();
  });

  it('finds open steps past their due-soon instant or deadline through tasks_due_soon_idx and tasks_overdue_idx', async () => {
    for (const [mark, noticed, index] of [
      ['due_soon_at', 'due_soon_noticed_at', 'tasks_due_soon_idx'],
      ['due_at', 'overdue_noticed_at', 'tasks_overdue_idx'],
    ]) {
      const sql = `SELECT * FROM tasks WHERE status IN ('open', 'claimed') AND ${noticed} IS NULL AND ${mark} <= $1 ORDER BY ${mark} LIMIT 500`;
      const explained = await plan(sql, [new Date('2025-03-01T00:00:00Z')]);
      expect(explained).toContain(index);
      expect(explained).not.toContain('"Seq Scan"');
    }
  });

  it('finds each overdue step until its notice is handled, whether or not anyone was told, then moves on to the next', async () => {
    const tasks = new TasksRepository(db);
    const now = new Date('2025-12-31T10:00:00Z');
    const first = await tasks.unnoticed('overdue', now, 300);
    expect(first).toHaveLength(300);
    // Nobody is told about these (the test database has no users): handled all the same.
    for (const task of first) await tasks.markNoticed(task.id, 'overdue', now);
    const next = await tasks.unnoticed('overdue', now, 300);
    expect(next).toHaveLength(300);
    expect(next.filter((task) => first.some((handled) => handled.id === task.id))).toEqual([]);
    expect(next[0].dueAt!.getTime()).toBeGreaterThanOrEqual(first[299].dueAt!.getTime());
  });

  it('finds the dossiers waiting for papers since before an instant through dossiers_supplement_since_idx', async () => {
    const dossiers = new DossiersRepository(db, new OutboxRepository(db));
    const before = new Date('2025-03-01T00:00:00Z');
    const [{ expected }] = await db.query(`SELECT count(*)::int AS expected FROM dossiers WHERE code LIKE '%13' AND received_at < $1`, [before]);
    expect((await dossiers.awaitingSupplement(before)).length).toBe(expected);
    expect(expected).toBeGreaterThan(10);
    const explained = await plan(`SELECT * FROM dossiers WHERE status = 'SUPPLEMENT_REQUESTED' AND received_at IS NOT NULL AND open_supplement_since(pauses) < $1`, [before]);
    expect(explained).toContain('dossiers_supplement_since_idx');
    expect(explained).not.toContain('"Seq Scan"');
  });
});

describe('the dossier list and the inbox on 50,000 dossiers', () => {
  let env: TestEnvironment;
  let db: DataSource;
  let dossiers: DossiersRepository;
  let tasks: TasksRepository;
  let busyAgency: string;
  const plan = async (sql: string, params: unknown[]) => JSON.stringify(await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params));
  const list = { sort: 'receivedAt', order: 'desc', limit: 20, offset: 0 } as const;

  beforeAll(async () => {
    ({ env, db } = await withSyntheticDossiers());
    dossiers = new DossiersRepository(db, new OutboxRepository(db));
    tasks = new TasksRepository(db);
    [{ id: busyAgency }] = await db.query(`SELECT id FROM agencies ORDER BY code LIMIT 1`);
    // 10,050 open steps waiting for one agency's processors.
    await db.query(
      `INSERT INTO tasks (dossier_id, step_key, step_name, activation, agency_id, role, status, budget, activated_at, due_at)
       SELECT d.id, 'phe-duyet', 'Phê duyệt', 1, $1, 'PROCESSOR', 'open', '{"amount": 1, "unit": "working_days"}', d.received_at, d.due_at
       FROM dossiers d ORDER BY d.code LIMIT 10050`,
      [busyAgency],
    );
    await db.query(`UPDATE dossiers SET applicant = '{"fullName": "Trần Thị Hoà"}', applicant_search = 'tran thi hoa' WHERE code LIKE '%4321'`);
    await db.query(`ANALYZE tasks`);
    await db.query(`ANALYZE dossiers`);
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
    await env.dispose();
  });

  it('counts a long dossier list up to 10,000 and says there are more', async () => {
    const page = await dossiers.list({ unitPath: null }, list);
    expect({ total: page.total, totalCapped: page.totalCapped, rows: page.items.length }).toEqual({ total: COUNT_CAP, totalCapped: true, rows: 20 });
  });

  it('counts a short one exactly', async () => {
    const page = await dossiers.list({ unitPath: null }, { ...list, search: 'Trần Thị Hoà' });
    expect({ total: page.total, totalCapped: page.totalCapped }).toEqual({ total: 5, totalCapped: false });
    expect(page.items.map((dossier) => dossier.applicant.fullName)).toEqual(Array(5).fill('Trần Thị Hoà'));
    expect((await dossiers.list({ unitPath: null }, { ...list, search: 'tran thi hoa' })).total).toBe(5);
  });

  it('counts an inbox of 10,050 open steps up to 10,000', async () => {
    const inbox = await tasks.inbox({ agencyId: busyAgency, role: Role.PROCESSOR, limit: 20, offset: 0 });
    expect({ total: inbox.total, totalCapped: inbox.totalCapped, rows: inbox.items.length }).toEqual({ total: COUNT_CAP, totalCapped: true, rows: 20 });
  });

  it('searches applicant names by their words and codes by any part, through their indexes', async () => {
    expect((await dossiers.list({ unitPath: null }, { ...list, search: 'tran thi h' })).total).toBe(0);
    expect((await dossiers.list({ unitPath: null }, { ...list, search: 'Thị Hoà' })).total).toBe(5);
    expect((await dossiers.list({ unitPath: null }, { ...list, search: 'hoa tran' })).total).toBe(5);
    expect((await dossiers.list({ unitPath: null }, { ...list, search: 'ran thi hoa' })).total).toBe(0);
    // SYN-4432 and SYN-44320 to SYN-44329.
    expect((await dossiers.list({ unitPath: null }, { ...list, search: 'syn-4432' })).total).toBe(11);
    // The last page tells the total without a count; a page past the end counts.
    const last = await dossiers.list({ unitPath: null }, { ...list, search: 'syn-4432', limit: 5, offset: 10 });
    expect({ rows: last.items.length, total: last.total }).toEqual({ rows: 1, total: 11 });
    const past = await dossiers.list({ unitPath: null }, { ...list, search: 'syn-4432', offset: 40 });
    expect({ rows: past.items.length, total: past.total }).toEqual({ rows: 0, total: 11 });
    expect((await dossiers.list({ unitPath: null }, { ...list, search: '%_' })).total).toBe(0);
    for (const [sql, params, index] of [
      [`SELECT * FROM dossiers WHERE to_tsvector('simple', applicant_search) @@ to_tsquery('simple', $1)`, ['tran & thi & hoa'], 'dossiers_applicant_words_idx'],
      [`SELECT * FROM dossiers WHERE lower(code) LIKE $1`, ['%syn-4432%'], 'dossiers_code_search_idx'],
    ]) {
      const explained = await plan(sql as string, params as string[]);
      expect(explained).toContain(index);
      expect(explained).not.toContain('"Seq Scan"');
    }
  });
});
