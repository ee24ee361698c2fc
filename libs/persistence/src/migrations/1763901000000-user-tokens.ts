import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tokens issued before this instant are refused: set when an administrator sets a new password. */
export class UserTokens1763901000000 implements MigrationInterface {
  name = 'UserTokens1763901000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN tokens_valid_after`);
  }
}
