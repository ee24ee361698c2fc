/** Runs one SQL statement with parameters (a pg client, a TypeORM data source, a test environment). */
export type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

export interface SyntheticDossiers {
  /** Numbers of the first and last dossier: codes are `SYN-{n}`, and the same n always gives the same dossier. */
  first: number;
  last: number;
  /** Local date of the first reception; dossiers are received on the `days` days from it. */
  since: string;
  days: number;
  /** Dossiers due, finished or closed after this instant are left open. */
  now: Date;
  seed?: number;
}

/**
 * Inserts dossiers with realistic outcomes straight into the table, for report tests and benchmarks:
 * received in office hours at any existing agency, 35 % online, 5 % by post; a budget of 3 to 22 days;
 * 5 % withdrawn, the rest finished at up to 1.3 times their budget (so about a fifth late), unless
 * that is after `now`. Outcomes are drawn from a hash of the dossier number, so a run is reproducible.
 * The timestamps are synthetic: spans in calendar days, not appointments computed by the calendar.
 */
export async function insertSyntheticDossiers(query: Query, options: SyntheticDossiers): Promise<void> {
  const { first, last, since, days, now, seed = 1 } = options;
  await query(
    `WITH agency AS (
       SELECT row_number() OVER (ORDER BY a.code) AS n, a.id, u.path, u.code, u.level, u.parent_code
       FROM agencies a JOIN administrative_units u ON u.id = a.unit_id
     ), procedure AS (
       SELECT row_number() OVER (ORDER BY code) AS n, code, name, field FROM procedures
     ), drawn AS (
       SELECT i, ${[1, 2, 3, 4, 5, 6, 7, 8].map((k) => `(hashint8extended(i, $6 * 16 + ${k}) & 4503599627370495)::float8 / 4503599627370496 AS r${k}`).join(', ')}
       FROM generate_series($1::bigint, $2::bigint) i
     ), timed AS (
       SELECT d.*, received_at, received_at + (3 + floor(d.r6 * 20)) * interval '1 day' AS due_at,
         received_at + d.r8 * 1.3 * (3 + floor(d.r6 * 20)) * interval '1 day' AS end_at
       FROM drawn d,
       LATERAL (SELECT (($3::date + floor(d.r2 * $4)::int) + time '07:30' + d.r3 * interval '9 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS received_at) r
     ), ended AS (
       SELECT t.*, CASE WHEN t.r7 >= 0.05 AND t.end_at <= $5 THEN t.end_at END AS finished_at,
         CASE WHEN t.r7 < 0.05 AND t.end_at <= $5 THEN t.end_at END AS closed_at
       FROM timed t
     )
     INSERT INTO dossiers (code, status, channel, procedure_code, procedure_name, procedure_field, legal_time, supplement_mode,
       receiving_agency_id, receiving_unit_path, province_code, district_code, commune_code, applicant, applicant_search, documents,
       verifier, submitted_at, received_at, counting_start, due_at, original_due_at, finished_at, closed_at, timeliness)
     SELECT 'SYN-' || e.i,
       CASE WHEN e.finished_at IS NOT NULL THEN 'RESOLVED' WHEN e.closed_at IS NOT NULL THEN 'WITHDRAWN' ELSE 'PROCESSING' END,
       CASE WHEN e.r4 < 0.35 THEN 'online' WHEN e.r4 < 0.95 THEN 'counter' ELSE 'post' END,
       p.code, p.name, p.field, '{"amount": 10, "unit": "working_days"}', 'restart',
       a.id, a.path, split_part(a.path, '.', 1),
       CASE WHEN a.path ~ '^\\d{2}\\.\\d{3}(\\.|$)' THEN substr(a.path, 4, 3) END,
       CASE WHEN a.level = 'commune' THEN a.code END,
       '{"fullName": "Người nộp thử"}', 'nguoi nop thu', '[]', 'SYN', e.received_at, e.received_at, e.received_at, e.due_at, e.due_at,
       e.finished_at, e.closed_at,
       CASE WHEN e.finished_at IS NULL THEN NULL
            WHEN (e.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < (e.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'early'
            WHEN e.finished_at <= e.due_at THEN 'on_time' ELSE 'late' END
     FROM ended e
     JOIN agency a ON a.n = 1 + floor(e.r1 * (SELECT count(*) FROM agency))
     JOIN procedure p ON p.n = 1 + floor(e.r5 * e.r5 * (SELECT count(*) FROM procedure))`,
    [first, last, since, days, now, seed],
  );
}
