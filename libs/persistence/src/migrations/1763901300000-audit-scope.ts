import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit path of the account behind each audit entry (the actor, or the account a login claimed), so
 * that an administrator reads the entries of their own subtree only. Earlier entries have none (the
 * log is append-only): only a national scope reads them.
 */
export class AuditScope1763901300000 implements MigrationInterface {
  name = 'AuditScope1763901300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log ADD COLUMN scope_path text`);
    await db.query(`CREATE INDEX audit_log_scope_idx ON audit_log (scope_path text_pattern_ops, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log DROP COLUMN scope_path`);
  }
}
