import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roll-ups for the on-time reports, kept exact by a trigger in the same transaction as every change
 * of a dossier. Each received dossier counts in one row per level of the unit tree (province,
 * district, commune) and in one row per procedure of its receiving unit:
 * - report_flows: per day, how many were received (online / in person), finished (early / on time /
 *   late) and withdrawn after receipt. Stocks at any instant are differences of cumulative flows.
 * - report_due: per due day and end day (9999-12-31 while open), how many: the overdue at a period's
 *   end are those due before it and not ended before it.
 * A dossier received at a province- or district-level agency counts at the deeper levels under its
 * own path with a trailing dot: the "no district / no commune" group of the plain aggregate.
 */
export class ReportRollups1763900700000 implements MigrationInterface {
  name = 'ReportRollups1763900700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_flows (
        level text NOT NULL,
        path text NOT NULL,
        procedure_code text NOT NULL DEFAULT '',
        day date NOT NULL,
        received_online integer NOT NULL DEFAULT 0,
        received_in_person integer NOT NULL DEFAULT 0,
        early integer NOT NULL DEFAULT 0,
        on_time integer NOT NULL DEFAULT 0,
        late integer NOT NULL DEFAULT 0,
        withdrawn integer NOT NULL DEFAULT 0,
        PRIMARY KEY (level, path, procedure_code, day)
      )`);
    await db.query(`
      CREATE TABLE report_due (
        level text NOT NULL,
        path text NOT NULL,
        procedure_code text NOT NULL DEFAULT '',
        due_day date NOT NULL,
        end_day date NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (level, path, procedure_code, due_day, end_day)
      )`);

    // The (level, path, procedure) rows a dossier counts in.
    await db.query(`
      CREATE FUNCTION report_groups(unit_path text, code text) RETURNS TABLE (level text, path text, procedure_code text) LANGUAGE sql IMMUTABLE AS $$
        SELECT 'province', split_part(unit_path, '.', 1), ''
        UNION ALL SELECT 'district', coalesce(substring(unit_path from '^\\d{2}\\.\\d{3}'), unit_path || '.'), ''
        UNION ALL SELECT 'commune', CASE WHEN unit_path ~ '\\.\\d{5}$' THEN unit_path ELSE unit_path || '.' END, ''
        UNION ALL SELECT 'procedure', unit_path, code
      $$`);

    // Adds (sign +1) or removes (-1) a dossier's contribution.
    await db.query(`
      CREATE FUNCTION report_contribute(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        g record;
        received_on date := (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
        ended_on date := (coalesce(d.finished_at, d.closed_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
      BEGIN
        IF d.received_at IS NULL THEN RETURN; END IF;
        FOR g IN SELECT * FROM report_groups(d.receiving_unit_path, d.procedure_code) LOOP
          INSERT INTO report_flows (level, path, procedure_code, day, received_online, received_in_person)
          VALUES (g.level, g.path, g.procedure_code, received_on,
                  CASE WHEN d.channel = 'online' THEN sign ELSE 0 END, CASE WHEN d.channel <> 'online' THEN sign ELSE 0 END)
          ON CONFLICT (level, path, procedure_code, day) DO UPDATE SET
            received_online = report_flows.received_online + EXCLUDED.received_online,
            received_in_person = report_flows.received_in_person + EXCLUDED.received_in_person;
          IF d.finished_at IS NOT NULL OR d.closed_at IS NOT NULL THEN
            INSERT INTO report_flows (level, path, procedure_code, day, early, on_time, late, withdrawn)
            VALUES (g.level, g.path, g.procedure_code, ended_on,
                    CASE WHEN d.finished_at IS NOT NULL AND d.timeliness = 'early' THEN sign ELSE 0 END,
                    CASE WHEN d.finished_at IS NOT NULL AND d.timeliness = 'on_time' THEN sign ELSE 0 END,
                    CASE WHEN d.finished_at IS NOT NULL AND d.timeliness = 'late' THEN sign ELSE 0 END,
                    CASE WHEN d.finished_at IS NULL THEN sign ELSE 0 END)
            ON CONFLICT (level, path, procedure_code, day) DO UPDATE SET
              early = report_flows.early + EXCLUDED.early, on_time = report_flows.on_time + EXCLUDED.on_time,
              late = report_flows.late + EXCLUDED.late, withdrawn = report_flows.withdrawn + EXCLUDED.withdrawn;
          END IF;
          IF d.due_at IS NOT NULL THEN
            INSERT INTO report_due (level, path, procedure_code, due_day, end_day, n)
            VALUES (g.level, g.path, g.procedure_code, (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(ended_on, '9999-12-31'), sign)
            ON CONFLICT (level, path, procedure_code, due_day, end_day) DO UPDATE SET n = report_due.n + EXCLUDED.n;
          END IF;
        END LOOP;
      END $$`);

    await db.query(`
      CREATE FUNCTION report_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN PERFORM report_contribute(OLD, -1); END IF;
        PERFORM report_contribute(NEW, 1);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER dossiers_report_insert AFTER INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION report_track()`);
    await db.query(`
      CREATE TRIGGER dossiers_report_update AFTER UPDATE ON dossiers FOR EACH ROW
      WHEN ((OLD.received_at, OLD.finished_at, OLD.closed_at, OLD.due_at, OLD.timeliness, OLD.channel)
            IS DISTINCT FROM (NEW.received_at, NEW.finished_at, NEW.closed_at, NEW.due_at, NEW.timeliness, NEW.channel))
      EXECUTE FUNCTION report_track()`);

    // Rebuilds every roll-up from the dossiers (after a bulk load with the triggers disabled).
    await db.query(`
      CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE report_flows, report_due;
        WITH r AS (
          SELECT g.level, g.path, g.procedure_code, d.channel, d.timeliness, d.finished_at,
                 (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS received_day,
                 (coalesce(d.finished_at, d.closed_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS end_day,
                 (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS due_day
          FROM dossiers d CROSS JOIN LATERAL report_groups(d.receiving_unit_path, d.procedure_code) g WHERE d.received_at IS NOT NULL
        ), flows AS (
          SELECT level, path, procedure_code, received_day AS day,
                 count(*) FILTER (WHERE channel = 'online') AS received_online, count(*) FILTER (WHERE channel <> 'online') AS received_in_person,
                 0 AS early, 0 AS on_time, 0 AS late, 0 AS withdrawn
          FROM r GROUP BY 1, 2, 3, 4
          UNION ALL
          SELECT level, path, procedure_code, end_day, 0, 0,
                 count(*) FILTER (WHERE finished_at IS NOT NULL AND timeliness = 'early'), count(*) FILTER (WHERE finished_at IS NOT NULL AND timeliness = 'on_time'),
                 count(*) FILTER (WHERE finished_at IS NOT NULL AND timeliness = 'late'), count(*) FILTER (WHERE finished_at IS NULL)
          FROM r WHERE end_day IS NOT NULL GROUP BY 1, 2, 3, 4
        )
        INSERT INTO report_flows (level, path, procedure_code, day, received_online, received_in_person, early, on_time, late, withdrawn)
        SELECT level, path, procedure_code, day, sum(received_online), sum(received_in_person), sum(early), sum(on_time), sum(late), sum(withdrawn)
        FROM flows GROUP BY 1, 2, 3, 4;
        INSERT INTO report_due (level, path, procedure_code, due_day, end_day, n)
        SELECT g.level, g.path, g.procedure_code, (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
               coalesce((coalesce(d.finished_at, d.closed_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, '9999-12-31'), count(*)
        FROM dossiers d CROSS JOIN LATERAL report_groups(d.receiving_unit_path, d.procedure_code) g WHERE d.received_at IS NOT NULL AND d.due_at IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5;
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER dossiers_report_update ON dossiers`);
    await db.query(`DROP TRIGGER dossiers_report_insert ON dossiers`);
    await db.query(`DROP FUNCTION report_rebuild(), report_track(), report_contribute(dossiers, integer), report_groups(text, text)`);
    await db.query(`DROP TABLE report_due, report_flows`);
  }
}
