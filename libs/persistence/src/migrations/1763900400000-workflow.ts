import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow at run time: each dossier's resolved routes, its tasks (one row per activation of a
 * step, with its own deadline and result), notifications, and the outbox events already handled.
 */
export class Workflow1763900400000 implements MigrationInterface {
  name = 'Workflow1763900400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossiers ADD COLUMN workflow_variant text, ADD COLUMN routes jsonb, ADD COLUMN apology jsonb`);
    await db.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossiers (id),
        step_key text NOT NULL,
        step_name text NOT NULL,
        activation integer NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        role text NOT NULL,
        optional boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('open', 'claimed', 'done', 'skipped', 'cancelled')),
        assignee_id uuid REFERENCES users (id),
        budget jsonb NOT NULL,
        activated_at timestamptz NOT NULL,
        due_soon_at timestamptz,
        due_at timestamptz,
        completed_at timestamptz,
        completed_by uuid REFERENCES users (id),
        action text,
        result text CHECK (result IN ('early', 'on_time', 'late')),
        note text,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT tasks_activation_key UNIQUE (dossier_id, step_key, activation)
      )`);
    await db.query(`CREATE INDEX tasks_inbox_idx ON tasks (agency_id, role, due_at) WHERE status IN ('open', 'claimed')`);
    await db.query(`CREATE INDEX tasks_due_idx ON tasks (due_at) WHERE status IN ('open', 'claimed')`);
    await db.query(`CREATE INDEX tasks_dossier_idx ON tasks (dossier_id, activated_at)`);
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks (id),
        dossier_id uuid NOT NULL REFERENCES dossiers (id),
        kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
        recipient_id uuid NOT NULL REFERENCES users (id),
        title text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        delivered_at timestamptz,
        delivery_error text,
        CONSTRAINT notifications_once_key UNIQUE (task_id, kind, recipient_id)
      )`);
    await db.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC)`);
    await db.query(`CREATE TABLE processed_events (outbox_id bigint PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now())`);
    // Wakes the outbox relay as soon as a transaction that wrote to the outbox commits.
    await db.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await db.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER outbox_notify ON outbox`);
    await db.query(`DROP FUNCTION notify_outbox()`);
    await db.query(`DROP TABLE processed_events`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE tasks`);
    await db.query(`ALTER TABLE dossiers DROP COLUMN workflow_variant, DROP COLUMN routes, DROP COLUMN apology`);
  }
}
