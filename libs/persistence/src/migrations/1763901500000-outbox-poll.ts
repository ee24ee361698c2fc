import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No NOTIFY on outbox inserts: PostgreSQL serialises the commits of notifying transactions (16
 * connections committed about a quarter as fast with it), and every intake and step writes the outbox.
 * The relay polls the unsent rows' partial index instead, a few times a second.
 */
export class OutboxPoll1763901500000 implements MigrationInterface {
  name = 'OutboxPoll1763901500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER outbox_notify ON outbox`);
    await db.query(`DROP FUNCTION notify_outbox()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await db.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);
  }
}
