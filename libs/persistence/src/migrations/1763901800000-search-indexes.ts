import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dossier list's search is a substring match (`LIKE '%…%'`) on the folded applicant name and on
 * the code: a sequential scan without trigram indexes (159 ms at 200,000 dossiers).
 */
export class SearchIndexes1763901800000 implements MigrationInterface {
  name = 'SearchIndexes1763901800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE INDEX dossiers_applicant_search_idx ON dossiers USING gin (applicant_search gin_trgm_ops)`);
    await db.query(`CREATE INDEX dossiers_code_search_idx ON dossiers USING gin (lower(code) gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossiers_code_search_idx`);
    await db.query(`DROP INDEX dossiers_applicant_search_idx`);
  }
}
