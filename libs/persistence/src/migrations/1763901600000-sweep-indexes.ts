import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The minute's sweep asks for open steps past their due-soon instant and for dossiers waiting for
 * papers: without these partial indexes both were sequential scans of tables that only grow.
 */
export class SweepIndexes1763901600000 implements MigrationInterface {
  name = 'SweepIndexes1763901600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX tasks_due_soon_idx ON tasks (due_soon_at) WHERE status IN ('open', 'claimed')`);
    await db.query(`CREATE INDEX dossiers_awaiting_supplement_idx ON dossiers (id) WHERE status = 'SUPPLEMENT_REQUESTED' AND received_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossiers_awaiting_supplement_idx`);
    await db.query(`DROP INDEX tasks_due_soon_idx`);
  }
}
