import { MigrationInterface, QueryRunner } from 'typeorm';

/** The counted measures of a roll-up row, in the order every function below returns them. */
const MEASURES = ['received_online', 'received_other', 'ended', 'resolved', 'early', 'on_time', 'late', 'overdue'];
const measureColumns = MEASURES.map((m) => `${m} integer NOT NULL`).join(', ');
const addExcluded = (table: string) => MEASURES.map((m) => `${m} = ${table}.${m} + EXCLUDED.${m}`).join(', ');

/**
 * Roll-ups of the on-time statistics, exact against the plain aggregate over the dossiers.
 *
 * Every column of the report is a difference of prefix sums of daily flows: received (by channel),
 * ended (finished or closed), resolved (early / on time / late), and an "overdue" flow that is +1 on
 * the day a dossier passes its appointment still open (or is received, if that is later) and -1 on the
 * day it ends late. In progress at
 * an instant T is received − ended before T; overdue at T is the overdue flow summed before T.
 *
 * The flows are kept per local day for provinces and districts (their whole subtree), per month and
 * per year for those and for each receiving agency, and per month and year and procedure for all
 * three. A prefix sum before a day reads the years before its year, the months of its year before its
 * month and the days of its month before it: a few dozen rows per group, however long the history.
 *
 * A trigger queues every dossier whose counted columns change; the worker's projector (report_project)
 * takes the queue in batches, subtracts the dossier's last projected state and adds its current one.
 * Projection is state-based, so replaying a change is harmless.
 */
export class ReportCounts1763900800000 implements MigrationInterface {
  name = 'ReportCounts1763900800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION report_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);

    await db.query(`
      CREATE TABLE report_state (
        dossier_id uuid PRIMARY KEY,
        receiving_agency_id uuid NOT NULL,
        receiving_unit_path text NOT NULL,
        procedure_code text NOT NULL,
        procedure_field text NOT NULL,
        channel text NOT NULL,
        received_at timestamptz NOT NULL,
        due_at timestamptz,
        finished_at timestamptz,
        closed_at timestamptz,
        timeliness text
      )`);
    await db.query(`CREATE TABLE report_changes (id bigserial PRIMARY KEY, dossier_id uuid NOT NULL)`);
    // kind: 'province' | 'district' (the node's whole subtree) | 'agency' (node = unit path '#' agency id).
    // grain: 'D' (bucket = a day; provinces and districts only) | 'M' (the first day of a month) | 'Y' (of a year).
    await db.query(`
      CREATE TABLE report_totals (
        kind text NOT NULL, node text COLLATE "C" NOT NULL, grain "char" NOT NULL, bucket date NOT NULL, ${measureColumns},
        PRIMARY KEY (kind, grain, node, bucket)
      )`);
    // The days of one month for every province or district at once (a national report's period edges).
    await db.query(`CREATE INDEX report_totals_days_idx ON report_totals (kind, bucket, node) WHERE grain = 'D'`);
    await db.query(`
      CREATE TABLE report_procedure_totals (
        kind text NOT NULL, node text COLLATE "C" NOT NULL, procedure_code text NOT NULL, procedure_field text NOT NULL, grain "char" NOT NULL, bucket date NOT NULL,
        ${measureColumns},
        PRIMARY KEY (kind, node, procedure_code, procedure_field, grain, bucket)
      )`);

    // One dossier's flows. The end of processing is the finish, else the closing (withdrawn, refused later).
    await db.query(`
      CREATE FUNCTION report_facts(s report_state)
      RETURNS TABLE (day date, ${MEASURES.map((m) => `${m} integer`).join(', ')})
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT f.* FROM (SELECT coalesce(s.finished_at, s.closed_at) AS ended_at) e,
        LATERAL (VALUES
          (report_day(s.received_at), (s.channel = 'online')::int, (s.channel <> 'online')::int, 0, 0, 0, 0, 0, 0),
          (report_day(e.ended_at), 0, 0, 1, (s.finished_at IS NOT NULL)::int,
            (s.finished_at IS NOT NULL AND s.timeliness = 'early')::int, (s.finished_at IS NOT NULL AND s.timeliness = 'on_time')::int,
            (s.finished_at IS NOT NULL AND s.timeliness = 'late')::int, 0),
          (CASE WHEN s.due_at IS NOT NULL AND (e.ended_at IS NULL OR e.ended_at > s.due_at) THEN report_day(greatest(s.due_at, s.received_at)) END, 0, 0, 0, 0, 0, 0, 0, 1),
          (CASE WHEN e.ended_at > s.due_at THEN report_day(e.ended_at) END, 0, 0, 0, 0, 0, 0, 0, -1)
        ) f (day, ${MEASURES.join(', ')})
        WHERE f.day IS NOT NULL
      $$`);

    // Where one dossier's flows are counted: its province's and district's subtree and its receiving agency,
    // each for all procedures and for its own.
    await db.query(`
      CREATE FUNCTION report_expand(s report_state)
      RETURNS TABLE (kind text, node text, procedure_code text, procedure_field text, grain "char", bucket date, ${MEASURES.map((m) => `${m} integer`).join(', ')})
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT n.kind, n.node, p.code, p.field, g.grain,
          CASE g.grain WHEN 'D' THEN f.day WHEN 'M' THEN date_trunc('month', f.day)::date ELSE date_trunc('year', f.day)::date END, ${MEASURES.map((m) => `f.${m}`).join(', ')}
        FROM report_facts(s) f
        CROSS JOIN (VALUES
          ('province', split_part(s.receiving_unit_path, '.', 1)),
          ('district', CASE WHEN s.receiving_unit_path ~ '^\\d{2}\\.\\d{3}(\\.|$)' THEN left(s.receiving_unit_path, 6) END),
          ('agency', s.receiving_unit_path || '#' || s.receiving_agency_id)
        ) n (kind, node)
        CROSS JOIN (VALUES ('', ''), (s.procedure_code, s.procedure_field)) p (code, field)
        CROSS JOIN (VALUES ('D'::"char"), ('M'), ('Y')) g (grain)
        WHERE n.node IS NOT NULL AND (g.grain <> 'D' OR (p.code = '' AND n.kind <> 'agency'))
      $$`);

    await db.query(`
      CREATE FUNCTION report_project(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        projected integer;
      BEGIN
        -- One projector at a time: concurrent ones would only queue on the same hot rows.
        PERFORM pg_advisory_xact_lock(hashtext('report_project'));
        WITH taken AS (
          DELETE FROM report_changes WHERE id IN (SELECT id FROM report_changes ORDER BY id LIMIT batch) RETURNING dossier_id
        ), changed AS (
          SELECT DISTINCT dossier_id FROM taken
        ), current AS (
          SELECT ROW(d.id, d.receiving_agency_id, d.receiving_unit_path, d.procedure_code, d.procedure_field, d.channel,
                     d.received_at, d.due_at, d.finished_at, d.closed_at, d.timeliness)::report_state AS state
          FROM dossiers d JOIN changed c ON c.dossier_id = d.id WHERE d.received_at IS NOT NULL
        ), saved AS (
          INSERT INTO report_state SELECT (state).* FROM current
          ON CONFLICT (dossier_id) DO UPDATE SET
            receiving_agency_id = EXCLUDED.receiving_agency_id, receiving_unit_path = EXCLUDED.receiving_unit_path,
            procedure_code = EXCLUDED.procedure_code, procedure_field = EXCLUDED.procedure_field, channel = EXCLUDED.channel,
            received_at = EXCLUDED.received_at, due_at = EXCLUDED.due_at, finished_at = EXCLUDED.finished_at,
            closed_at = EXCLUDED.closed_at, timeliness = EXCLUDED.timeliness
        ), signed AS (
          SELECT -1 AS sign, s AS state FROM report_state s JOIN changed c USING (dossier_id)
          UNION ALL
          SELECT 1, state FROM current
        ), deltas AS (
          SELECT e.kind, e.node, e.procedure_code, e.procedure_field, e.grain, e.bucket, ${MEASURES.map((m) => `sum(s.sign * e.${m})::int AS ${m}`).join(', ')}
          FROM signed s CROSS JOIN LATERAL report_expand(s.state) e
          GROUP BY 1, 2, 3, 4, 5, 6
          HAVING ${MEASURES.map((m) => `sum(s.sign * e.${m}) <> 0`).join(' OR ')}
        ), totals AS (
          INSERT INTO report_totals (kind, node, grain, bucket, ${MEASURES.join(', ')})
          SELECT kind, node, grain, bucket, ${MEASURES.join(', ')} FROM deltas WHERE procedure_code = ''
          ON CONFLICT (kind, grain, node, bucket) DO UPDATE SET ${addExcluded('report_totals')}
        ), procedures AS (
          INSERT INTO report_procedure_totals (kind, node, procedure_code, procedure_field, grain, bucket, ${MEASURES.join(', ')})
          SELECT kind, node, procedure_code, procedure_field, grain, bucket, ${MEASURES.join(', ')} FROM deltas WHERE procedure_code <> ''
          ON CONFLICT (kind, node, procedure_code, procedure_field, grain, bucket) DO UPDATE SET ${addExcluded('report_procedure_totals')}
        )
        SELECT count(*) INTO projected FROM taken;
        RETURN projected;
      END $$`);

    // Queue a dossier whenever a counted column changes (in its own transaction: nothing is missed).
    await db.query(`CREATE FUNCTION report_dossier_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO report_changes (dossier_id) VALUES (NEW.id); RETURN NULL; END $$`);
    await db.query(`CREATE TRIGGER dossiers_report_inserted AFTER INSERT ON dossiers FOR EACH ROW
      WHEN (NEW.received_at IS NOT NULL) EXECUTE FUNCTION report_dossier_changed()`);
    await db.query(`CREATE TRIGGER dossiers_report_updated AFTER UPDATE ON dossiers FOR EACH ROW
      WHEN ((OLD.received_at, OLD.channel, OLD.due_at, OLD.finished_at, OLD.closed_at, OLD.timeliness, OLD.receiving_agency_id,
             OLD.receiving_unit_path, OLD.procedure_code, OLD.procedure_field)
        IS DISTINCT FROM (NEW.received_at, NEW.channel, NEW.due_at, NEW.finished_at, NEW.closed_at, NEW.timeliness, NEW.receiving_agency_id,
             NEW.receiving_unit_path, NEW.procedure_code, NEW.procedure_field))
      EXECUTE FUNCTION report_dossier_changed()`);

    // Start over from the dossiers (after a bulk load with triggers off): queue every dossier, grouped by unit.
    await db.query(`CREATE FUNCTION report_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        queued bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('report_project'));
        TRUNCATE report_totals, report_procedure_totals, report_state, report_changes;
        INSERT INTO report_changes (dossier_id) SELECT id FROM dossiers WHERE received_at IS NOT NULL ORDER BY receiving_unit_path, received_at;
        GET DIAGNOSTICS queued = ROW_COUNT;
        RETURN queued;
      END $$`);

    // Existing dossiers are counted by the first projection.
    await db.query(`INSERT INTO report_changes (dossier_id) SELECT id FROM dossiers WHERE received_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION report_project, report_rebuild`);
    await db.query(`DROP TABLE report_totals, report_procedure_totals, report_changes, report_state CASCADE`);
    await db.query(`DROP FUNCTION report_day, report_dossier_changed CASCADE`);
  }
}
