import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files of a dossier: papers digitised at the counter (by checklist line), working papers, and
 * results. The bytes are in the file storage; this is what is known of them. Rows are immutable once
 * stored: a new version names the one it supersedes, and both stay. A row is written "uploading"
 * before its first byte is stored, so the worker can remove what an interrupted upload left.
 */
export class DossierFiles1763902100000 implements MigrationInterface {
  name = 'DossierFiles1763902100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dossier_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossiers (id),
        kind text NOT NULL CHECK (kind IN ('paper', 'working', 'result')),
        document_key text,
        name text NOT NULL,
        media_type text,
        size bigint,
        sha256 text,
        storage_key text NOT NULL,
        state text NOT NULL DEFAULT 'uploading' CHECK (state IN ('uploading', 'stored')),
        uploaded_by uuid NOT NULL REFERENCES users (id),
        uploaded_by_name text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        digitised_at_counter boolean NOT NULL DEFAULT false,
        reused_from uuid REFERENCES dossier_files (id),
        from_citizen_store boolean NOT NULL DEFAULT false,
        supersedes uuid UNIQUE REFERENCES dossier_files (id),
        CHECK ((kind = 'paper') = (document_key IS NOT NULL)),
        CHECK (state = 'uploading' OR (media_type IS NOT NULL AND size IS NOT NULL AND sha256 IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX dossier_files_dossier_idx ON dossier_files (dossier_id, uploaded_at)`);
    // A paper reused in a later dossier is a row of its own over the same stored bytes.
    await db.query(`CREATE INDEX dossier_files_storage_key_idx ON dossier_files (storage_key)`);
    // Earlier papers of the same applicant, offered for reuse at the counter.
    await db.query(`CREATE INDEX dossiers_applicant_id_idx ON dossiers ((applicant ->> 'idNumber'))`);
    await db.query(`CREATE INDEX dossier_files_uploading_idx ON dossier_files (uploaded_at) WHERE state = 'uploading'`);
    // Stored rows never change: a correction is a new version.
    await db.query(`CREATE FUNCTION dossier_files_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.state = 'uploading' THEN RETURN NEW; END IF;
        IF TG_OP = 'DELETE' AND OLD.state = 'uploading' THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'stored dossier files are immutable' USING ERRCODE = 'P0001';
      END $$`);
    await db.query(`CREATE TRIGGER dossier_files_immutable BEFORE UPDATE OR DELETE ON dossier_files FOR EACH ROW EXECUTE FUNCTION dossier_files_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossiers_applicant_id_idx`);
    await db.query(`DROP TABLE dossier_files`);
    await db.query(`DROP FUNCTION dossier_files_immutable`);
  }
}
