import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed what through the API, when and from where: appended, never updated or deleted. A
 * dossier's history (every state change, the worker's included) is made append-only the same way.
 */
export class Audit1763900900000 implements MigrationInterface {
  name = 'Audit1763900900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_username text,
        actor_role text,
        ip text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_key text,
        status smallint NOT NULL,
        request_id text
      )`);
    await db.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
    await db.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_key, at DESC)`);
    await db.query(`CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await db.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION append_only()`);
    await db.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION append_only()`);
    await db.query(`CREATE TRIGGER dossier_history_no_change BEFORE UPDATE OR DELETE ON dossier_history FOR EACH ROW EXECUTE FUNCTION append_only()`);
    await db.query(`CREATE TRIGGER dossier_history_no_truncate BEFORE TRUNCATE ON dossier_history FOR EACH STATEMENT EXECUTE FUNCTION append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP FUNCTION append_only CASCADE`);
  }
}
