import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The procedure catalog. A procedure's papers, fees, times and variants are one JSON document
 * (read whole, written whole); the columns beside it are what lists filter on. Workflow versions
 * are append-only: publishing never changes a version a dossier may have pinned.
 */
export class Catalog1763900200000 implements MigrationInterface {
  name = 'Catalog1763900200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE procedures (
        code text PRIMARY KEY CHECK (code ~ '^\\d\\.\\d{6}$'),
        name text NOT NULL,
        search_name text NOT NULL,
        field text NOT NULL,
        level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
        online_level text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
        definition jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX procedures_field_idx ON procedures (field)`);
    await db.query(`
      CREATE TABLE workflow_versions (
        procedure_code text NOT NULL REFERENCES procedures (code),
        variant_key text NOT NULL DEFAULT '',
        version integer NOT NULL CHECK (version > 0),
        definition jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users (id),
        PRIMARY KEY (procedure_code, variant_key, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE workflow_versions`);
    await db.query(`DROP TABLE procedures`);
  }
}
