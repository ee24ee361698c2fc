import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where e-mailed notifications go. */
export class UserEmail1763900500000 implements MigrationInterface {
  name = 'UserEmail1763900500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN email text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN email`);
  }
}
