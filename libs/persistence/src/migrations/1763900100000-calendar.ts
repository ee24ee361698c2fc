import { MigrationInterface, QueryRunner } from 'typeorm';

/** National calendar overrides, seeded with the official civil-service schedules of 2025 and 2026. */
export class Calendar1763900100000 implements MigrationInterface {
  name = 'Calendar1763900100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_overrides (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('day_off', 'working_day')),
        reason text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id)
      )`);
    // 2026 needs none: the rules already give Tết Mon 16 – Fri 20 Feb.
    await db.query(`
      INSERT INTO calendar_overrides (date, kind, reason) VALUES
        ('2025-02-08', 'working_day', 'Làm bù theo lịch nghỉ Tết Nguyên đán 2025'),
        ('2025-04-26', 'working_day', 'Làm bù cho ngày 02/05/2025'),
        ('2025-05-02', 'day_off', 'Nghỉ lễ 30/4 – 1/5 (hoán đổi, làm bù thứ Bảy 26/04/2025)')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_overrides`);
  }
}
