import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE administrative_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_set text NOT NULL CHECK (unit_set IN ('2025-03', '2025-07')),
        code text NOT NULL,
        level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
        name text NOT NULL,
        type text NOT NULL,
        parent_code text,
        path text NOT NULL,
        valid_from date,
        valid_to date,
        CONSTRAINT administrative_units_set_level_code_key UNIQUE (unit_set, level, code),
        CONSTRAINT administrative_units_valid_range CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to)
      )`);
    await db.query(`CREATE INDEX administrative_units_path_idx ON administrative_units (path text_pattern_ops)`);
    await db.query(`CREATE INDEX administrative_units_level_code_idx ON administrative_units (level, code)`);

    await db.query(`
      CREATE TABLE unit_successions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        old_level text NOT NULL,
        old_code text NOT NULL,
        new_level text NOT NULL,
        new_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('full', 'partial')),
        effective_on date NOT NULL,
        CONSTRAINT unit_successions_link_key UNIQUE (old_level, old_code, new_level, new_code, effective_on)
      )`);
    await db.query(`CREATE INDEX unit_successions_new_idx ON unit_successions (new_level, new_code)`);

    await db.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT agencies_code_key UNIQUE,
        name text NOT NULL,
        kind text NOT NULL,
        unit_id uuid NOT NULL REFERENCES administrative_units (id),
        parent_id uuid REFERENCES agencies (id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX agencies_unit_idx ON agencies (unit_id)`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CONSTRAINT users_username_key UNIQUE,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'RECEPTION', 'PROCESSOR', 'LEADER', 'SUPERVISOR')),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE agencies`);
    await db.query(`DROP TABLE unit_successions`);
    await db.query(`DROP TABLE administrative_units`);
  }
}
