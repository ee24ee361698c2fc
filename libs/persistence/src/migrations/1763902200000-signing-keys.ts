import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agency's signing key (its certificate and private key as a PKCS#12 file, with the file's
 * passphrase), with which the system signs the electronic results the agency issues. And a result's
 * number and date (số, ký hiệu; ngày ký) on its file.
 */
export class SigningKeys1763902200000 implements MigrationInterface {
  name = 'SigningKeys1763902200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agency_signing_keys (
        agency_id uuid PRIMARY KEY REFERENCES agencies (id),
        pkcs12 bytea NOT NULL,
        passphrase text NOT NULL,
        installed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE dossier_files ADD COLUMN result_number text, ADD COLUMN result_date date, ADD COLUMN signed boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE dossier_files ADD CONSTRAINT dossier_files_result_check CHECK ((kind = 'result') = (result_number IS NOT NULL AND result_date IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_files DROP CONSTRAINT dossier_files_result_check, DROP COLUMN result_number, DROP COLUMN result_date, DROP COLUMN signed`);
    await db.query(`DROP TABLE agency_signing_keys`);
  }
}
