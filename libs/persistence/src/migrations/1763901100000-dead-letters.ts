import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each outbox row counts its deliveries (a new BullMQ job id each) and the ones that failed every
 * attempt; after a few failed deliveries it is a dead letter: kept with its last error, no longer
 * published, until an administrator retries it.
 */
export class DeadLetters1763901100000 implements MigrationInterface {
  name = 'DeadLetters1763901100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox
        ADD COLUMN delivery integer NOT NULL DEFAULT 1,
        ADD COLUMN failed_deliveries integer NOT NULL DEFAULT 0,
        ADD COLUMN checked_at timestamptz,
        ADD COLUMN dead_at timestamptz`);
    await db.query(`CREATE INDEX outbox_in_flight_idx ON outbox (id) WHERE sent_at IS NOT NULL AND dead_at IS NULL`);
    await db.query(`
      CREATE TABLE dead_letters (
        id bigserial PRIMARY KEY,
        outbox_id bigint NOT NULL UNIQUE REFERENCES outbox (id),
        topic text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        dead_at timestamptz NOT NULL,
        retried_at timestamptz,
        retried_by uuid REFERENCES users (id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dead_letters`);
    await db.query(`DROP INDEX outbox_in_flight_idx`);
    await db.query(`ALTER TABLE outbox DROP COLUMN delivery, DROP COLUMN failed_deliveries, DROP COLUMN checked_at, DROP COLUMN dead_at`);
  }
}
