import { MigrationInterface, QueryRunner } from 'typeorm';

/** The system administrator: the owner of the national calendar and the procedure catalog. */
export class SystemAdmin1763901400000 implements MigrationInterface {
  name = 'SystemAdmin1763901400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('SYSTEM_ADMIN', 'ADMIN', 'RECEPTION', 'PROCESSOR', 'LEADER', 'SUPERVISOR'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('ADMIN', 'RECEPTION', 'PROCESSOR', 'LEADER', 'SUPERVISOR'))`);
  }
}
