import { DataSource } from 'typeorm';
import { createTestEnvironment, insertSyntheticDossiers, TestEnvironment } from '@motcua/testing';
import { dataSourceOptions } from '../data-source';

/** The sweep's queries read an index, not the whole table, once the tables are large. */
describe('the deadline sweep on 50,000 dossiers and their steps', () => {
  let env: TestEnvironment;
  let db: DataSource;
  const plan = async (sql: string, params: unknown[]) => JSON.stringify(await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params));

  beforeAll(async () => {
    env = await createTestEnvironment();
    db = await new DataSource(dataSourceOptions(env.databaseUrl)).initialize();
    await insertSyntheticDossiers((sql, params) => db.query(sql, params), { first: 1, last: 50_000, since: '2025-01-02', days: 300, now: new Date('2025-12-31T10:00:00Z') });
    // One step per dossier: most done, a few open; and a few dossiers waiting for papers.
    await db.query(
      `INSERT INTO tasks (dossier_id, step_key, step_name, activation, agency_id, role, optional, status, budget, activated_at, due_soon_at, due_at)
       SELECT d.id, 'tham-dinh', 'Thẩm định', 1, d.receiving_agency_id, 'PROCESSOR', false, CASE WHEN d.code LIKE '%7' THEN 'open' ELSE 'done' END,
              '{"amount": 3, "unit": "working_days"}', d.received_at, d.due_at - interval '1 day', d.due_at
       FROM dossiers d`,
    );
    await db.query(`UPDATE dossiers SET status = 'SUPPLEMENT_REQUESTED' WHERE code LIKE '%13'`);
    await db.query(`ANALYZE tasks`);
    await db.query(`ANALYZE dossiers`);
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
    await env.dispose();
  });

  it('finds open steps past their due-soon instant through tasks_due_soon_idx', async () => {
    const sql = `SELECT t.* FROM tasks t WHERE t.status IN ('open', 'claimed') AND t.due_soon_at <= $1 ORDER BY t.due_soon_at LIMIT 500`;
    const explained = await plan(sql, [new Date('2025-03-01T00:00:00Z')]);
    expect(explained).toContain('tasks_due_soon_idx');
    expect(explained).not.toContain('"Seq Scan"');
  });

  it('finds the dossiers waiting for papers through dossiers_awaiting_supplement_idx', async () => {
    const explained = await plan(`SELECT * FROM dossiers WHERE status = 'SUPPLEMENT_REQUESTED' AND received_at IS NOT NULL`, []);
    expect(explained).toContain('dossiers_awaiting_supplement_idx');
    expect(explained).not.toContain('"Seq Scan"');
  });
});
