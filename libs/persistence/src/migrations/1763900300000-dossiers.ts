import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dossiers, their append-only history, the transactional outbox, the per-agency daily code counter,
 * idempotency keys and citizen ratings.
 */
export class Dossiers1763900300000 implements MigrationInterface {
  name = 'Dossiers1763900300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dossier_code_counters (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        day date NOT NULL,
        last_sequence integer NOT NULL,
        PRIMARY KEY (agency_id, day)
      )`);
    await db.query(`
      CREATE TABLE dossiers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT dossiers_code_key UNIQUE,
        status text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('counter', 'online', 'post')),
        procedure_code text NOT NULL REFERENCES procedures (code),
        variant_key text,
        procedure_name text NOT NULL,
        procedure_field text NOT NULL,
        workflow_version integer,
        legal_time jsonb NOT NULL,
        supplement_mode text NOT NULL,
        receiving_agency_id uuid NOT NULL REFERENCES agencies (id),
        receiving_unit_path text NOT NULL,
        province_code text NOT NULL,
        district_code text,
        commune_code text,
        applicant jsonb NOT NULL,
        applicant_search text NOT NULL,
        proxy jsonb,
        documents jsonb NOT NULL,
        notes text,
        verifier text NOT NULL,
        submitted_at timestamptz NOT NULL,
        received_at timestamptz,
        counting_start timestamptz,
        due_at timestamptz,
        original_due_at timestamptz,
        pauses jsonb NOT NULL DEFAULT '[]',
        supplement_request jsonb,
        refusal_reason text,
        resolved_at timestamptz,
        returned_at timestamptz,
        return_method text,
        closed_at timestamptz,
        created_by uuid REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX dossiers_scope_idx ON dossiers (receiving_unit_path text_pattern_ops, received_at DESC)`);
    await db.query(`CREATE INDEX dossiers_agency_received_idx ON dossiers (receiving_agency_id, received_at)`);
    await db.query(`CREATE INDEX dossiers_open_due_idx ON dossiers (due_at) WHERE closed_at IS NULL`);

    await db.query(`
      CREATE TABLE dossier_history (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossiers (id),
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_id uuid REFERENCES users (id),
        actor_name text,
        agency_id uuid REFERENCES agencies (id),
        note text,
        details jsonb
      )`);
    await db.query(`CREATE INDEX dossier_history_dossier_idx ON dossier_history (dossier_id, id)`);
    // Append-only: history is the legal record of who did what, when.
    await db.query(`
      CREATE FUNCTION forbid_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'dossier_history is append-only'; END $$`);
    await db.query(`
      CREATE TRIGGER dossier_history_append_only BEFORE UPDATE OR DELETE ON dossier_history
      FOR EACH ROW EXECUTE FUNCTION forbid_history_change()`);

    await db.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL`);

    await db.query(`
      CREATE TABLE idempotency_keys (
        actor_id uuid NOT NULL REFERENCES users (id),
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_id, key)
      )`);

    await db.query(`
      CREATE TABLE dossier_ratings (
        dossier_id uuid PRIMARY KEY REFERENCES dossiers (id),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['dossier_ratings', 'idempotency_keys', 'outbox', 'dossier_history', 'dossiers', 'dossier_code_counters']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION forbid_history_change()`);
  }
}
