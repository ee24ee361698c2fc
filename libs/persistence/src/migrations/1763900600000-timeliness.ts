import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier's end of processing and its result against the appointment, fixed when processing ends
 * (RESOLVED, or STOPPED after acceptance): what the on-time statistics count.
 */
export class Timeliness1763900600000 implements MigrationInterface {
  name = 'Timeliness1763900600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE dossiers
        ADD COLUMN finished_at timestamptz,
        ADD COLUMN timeliness text CHECK (timeliness IN ('early', 'on_time', 'late'))`);
    await db.query(`CREATE INDEX dossiers_finished_idx ON dossiers (finished_at) WHERE finished_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossiers DROP COLUMN finished_at, DROP COLUMN timeliness`);
  }
}
