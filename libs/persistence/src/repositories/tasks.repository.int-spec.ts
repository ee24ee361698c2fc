import { DataSource } from 'typeorm';
import { Role } from '@motcua/domain';
import { createTestEnvironment, insertSyntheticDossiers, TestEnvironment } from '@motcua/testing';
import { dataSourceOptions } from '../data-source';
import { NewTask, TasksRepository } from './tasks.repository';

describe('TasksRepository.insert: one step activation, opened once', () => {
  let env: TestEnvironment;
  let db: DataSource;
  let tasks: TasksRepository;
  let opening: NewTask;

  beforeAll(async () => {
    env = await createTestEnvironment();
    db = await new DataSource(dataSourceOptions(env.databaseUrl)).initialize();
    tasks = new TasksRepository(db);
    await insertSyntheticDossiers((sql, params) => db.query(sql, params), { first: 1, last: 1, since: '2025-03-10', days: 1, now: new Date('2025-03-10T00:00:00Z') });
    const [dossier] = await db.query(`SELECT id, receiving_agency_id FROM dossiers WHERE code = 'SYN-1'`);
    const at = new Date('2025-03-10T02:00:00Z');
    opening = {
      dossierId: dossier.id,
      stepKey: 'tham-dinh',
      stepName: 'Thẩm định',
      activation: 1,
      agencyId: dossier.receiving_agency_id,
      role: Role.PROCESSOR,
      optional: false,
      budget: { amount: 1, unit: 'working_days' },
      activatedAt: at,
      dueSoonAt: at,
      dueAt: at,
    };
  });
  afterAll(async () => {
    await db.destroy();
    await env.dispose();
  });

  it('opens an activation once when eight transactions open it at the same moment, and none of them fails', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => db.transaction((tx) => tasks.insert(tx, [opening]))));
    expect(results.map((opened) => opened.length).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    const rows = await db.query(`SELECT step_key, activation, status FROM tasks WHERE dossier_id = $1`, [opening.dossierId]);
    expect(rows).toEqual([{ step_key: 'tham-dinh', activation: 1, status: 'open' }]);
  });

  it('opens the next activation of the same step as its own task', async () => {
    const [second] = await db.transaction((tx) => tasks.insert(tx, [{ ...opening, activation: 2 }]));
    expect(second).toMatchObject({ stepKey: 'tham-dinh', activation: 2, status: 'open' });
  });
});
