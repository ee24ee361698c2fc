import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The minute's sweep looked for open steps past their due-soon or deadline instant without a
 * notification row: an anti-join over every overdue step, growing with the backlog, and a step
 * whose agency has nobody to tell was found again on every sweep, ahead of the ones behind it. Each
 * step now records that its notice was handled, and the sweep's indexes hold only unhandled steps.
 */
export class TaskNotices1763901900000 implements MigrationInterface {
  name = 'TaskNotices1763901900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks ADD COLUMN due_soon_noticed_at timestamptz, ADD COLUMN overdue_noticed_at timestamptz`);
    await db.query(`UPDATE tasks t SET due_soon_noticed_at = n.at FROM (SELECT task_id, min(created_at) AS at FROM notifications WHERE kind = 'due_soon' GROUP BY task_id) n WHERE n.task_id = t.id`);
    await db.query(`UPDATE tasks t SET overdue_noticed_at = n.at FROM (SELECT task_id, min(created_at) AS at FROM notifications WHERE kind = 'overdue' GROUP BY task_id) n WHERE n.task_id = t.id`);
    await db.query(`DROP INDEX tasks_due_soon_idx`);
    await db.query(`CREATE INDEX tasks_due_soon_idx ON tasks (due_soon_at) WHERE status IN ('open', 'claimed') AND due_soon_noticed_at IS NULL`);
    await db.query(`CREATE INDEX tasks_overdue_idx ON tasks (due_at) WHERE status IN ('open', 'claimed') AND overdue_noticed_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX tasks_overdue_idx`);
    await db.query(`DROP INDEX tasks_due_soon_idx`);
    await db.query(`CREATE INDEX tasks_due_soon_idx ON tasks (due_soon_at) WHERE status IN ('open', 'claimed')`);
    await db.query(`ALTER TABLE tasks DROP COLUMN due_soon_noticed_at, DROP COLUMN overdue_noticed_at`);
  }
}
