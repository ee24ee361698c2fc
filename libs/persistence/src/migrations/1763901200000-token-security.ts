import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets a process generates when its operator gave none (the development and demo JWT key), kept
 * where every API process finds the same one; and a token version per user: a token carries the
 * version it was issued under, and a new password or a deactivation bumps it, so old tokens stop at
 * once (a timestamp compared in whole seconds let a token issued in the same second through, and
 * reactivating an account revived its old tokens).
 */
export class TokenSecurity1763901200000 implements MigrationInterface {
  name = 'TokenSecurity1763901200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE app_secrets (name text PRIMARY KEY, value text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await db.query(`UPDATE users SET token_version = 1 WHERE tokens_valid_after IS NOT NULL`);
    await db.query(`ALTER TABLE users DROP COLUMN tokens_valid_after`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz`);
    await db.query(`ALTER TABLE users DROP COLUMN token_version`);
    await db.query(`DROP TABLE app_secrets`);
  }
}
