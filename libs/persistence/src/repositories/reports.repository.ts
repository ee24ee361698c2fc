import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { localDayRange, toLocalDate } from '@motcua/domain';
import type { Dossier, Scope } from '@motcua/domain';
import { toDossier } from './dossiers.repository';
import { pathUnder } from './scope-sql';

export type ReportGroup = 'province' | 'district' | 'commune' | 'agency' | 'procedure' | 'field';

export interface ReportPeriod {
  /** First instant of the period (inclusive) and the instant after it (exclusive). */
  from: Date;
  to: Date;
  /** Only dossiers received under this unit path (inside the scope). */
  unitPath?: string;
  /** '2025-07': group by the two-level units, rolling pre-reform dossiers up through the succession table. */
  unitSet?: '2025-07';
}

/** The standard statistics columns (Biểu II.06a) for one group. */
export interface ReportCounts {
  carriedOver: number;
  newOnline: number;
  newInPerson: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  inProgress: number;
  withinDeadline: number;
  overdue: number;
}

export interface ReportRow extends ReportCounts {
  key: string | null;
  label: string | null;
}

export interface SatisfactionRow {
  key: string | null;
  label: string | null;
  ratings: number;
  /** Mean score, 1–5. */
  average: number;
  /** Ratings of 4 or 5. */
  satisfied: number;
}

export type ReportBucket = 'carried_over' | 'new_online' | 'new_in_person' | 'resolved' | 'early' | 'on_time' | 'late' | 'in_progress' | 'within_deadline' | 'overdue';

/** The group key of a dossier, from the unit it was received in (district: null at province level and after the reform). */
const GROUP_KEY: Record<ReportGroup, string> = {
  province: `split_part(d.receiving_unit_path, '.', 1)`,
  district: `CASE WHEN d.receiving_unit_path ~ '^\\d{2}\\.\\d{3}(\\.|$)' THEN left(d.receiving_unit_path, 6) END`,
  commune: `CASE WHEN d.receiving_unit_path ~ '\\.\\d{5}$' THEN d.receiving_unit_path END`,
  agency: `d.receiving_agency_id::text`,
  procedure: `d.procedure_code`,
  field: `d.procedure_field`,
};

/**
 * The post-reform unit of a pre-reform dossier. A commune merged whole has one successor; one split
 * between several new communes (a partial merge) goes to the new commune that kept its code, else to
 * the lowest code among them. Dossiers received after the reform already carry new codes.
 */
const PRE_REFORM = `(SELECT u.unit_set = '2025-03' FROM agencies a JOIN administrative_units u ON u.id = a.unit_id WHERE a.id = d.receiving_agency_id)`;
const NEW_PROVINCE = `CASE WHEN ${PRE_REFORM}
  THEN (SELECT min(s.new_code) FROM unit_successions s WHERE s.old_level = 'province' AND s.old_code = d.province_code) ELSE d.province_code END`;
const NEW_COMMUNE = `CASE WHEN ${PRE_REFORM}
  THEN (SELECT coalesce(min(s.new_code) FILTER (WHERE s.new_code = s.old_code), min(s.new_code)) FROM unit_successions s
        WHERE s.old_level = 'commune' AND s.old_code = d.commune_code) ELSE d.commune_code END`;
const POST_REFORM_KEY: Partial<Record<ReportGroup, string>> = {
  province: NEW_PROVINCE,
  district: `NULL::text`,
  commune: `CASE WHEN d.commune_code IS NOT NULL THEN (${NEW_PROVINCE}) || '.' || (${NEW_COMMUNE}) END`,
};

/** A dossier's end of processing: finished (RESOLVED, STOPPED), else closed (withdrawn). */
const ENDED = `coalesce(d.finished_at, d.closed_at)`;
const OPEN_AT_END = `(${ENDED} IS NULL OR ${ENDED} >= $2)`;

/** Every dossier that counts in the period: received before its end and not ended before its start. */
const POPULATION = `d.received_at < $2 AND (${ENDED} IS NULL OR ${ENDED} >= $1)`;

/** Each column's condition, on a dossier of the population. */
const BUCKETS: Record<ReportBucket, string> = {
  carried_over: `d.received_at < $1`,
  new_online: `d.received_at >= $1 AND d.channel = 'online'`,
  new_in_person: `d.received_at >= $1 AND d.channel <> 'online'`,
  resolved: `d.finished_at < $2`,
  early: `d.finished_at < $2 AND d.timeliness = 'early'`,
  on_time: `d.finished_at < $2 AND d.timeliness = 'on_time'`,
  late: `d.finished_at < $2 AND d.timeliness = 'late'`,
  in_progress: OPEN_AT_END,
  within_deadline: `${OPEN_AT_END} AND (d.due_at IS NULL OR d.due_at >= $2)`,
  overdue: `${OPEN_AT_END} AND d.due_at < $2`,
};

const MEASURES = ['received_online', 'received_other', 'ended', 'resolved', 'early', 'on_time', 'late', 'overdue'] as const;

/** One roll-up source: rows of a kind under a node condition, counted under a key, added or taken away. */
interface Source {
  kind: 'province' | 'district' | 'agency';
  node: string;
  key: string;
  sign: 1 | -1;
}

/** A unit path's level, from the width of its last code (province 2, district 3, commune 5 digits). */
function levelOf(path: string): 'province' | 'district' | 'commune' {
  const width = path.length - path.lastIndexOf('.') - 1;
  return width === 2 ? 'province' : width === 3 ? 'district' : 'commune';
}

/** Dossiers projected per statement when catching up, and when recounting everything. */
const PROJECTION_BATCH = 5000;
const REBUILD_BATCH = 25_000;

function toReportRow(row: Record<string, unknown>): ReportRow {
  return {
    key: row.key as string | null,
    label: row.label as string | null,
    carriedOver: row.carried_over as number,
    newOnline: row.new_online as number,
    newInPerson: row.new_in_person as number,
    resolved: row.resolved as number,
    early: row.early as number,
    onTime: row.on_time as number,
    late: row.late as number,
    inProgress: row.in_progress as number,
    withinDeadline: row.within_deadline as number,
    overdue: row.overdue as number,
  };
}

/** The period as local dates and the first days of their months and years, if both bounds are local midnights. */
function localBounds(period: ReportPeriod): { from: string; to: string; fromMonth: string; toMonth: string; fromYear: string; toYear: string } | null {
  const from = toLocalDate(period.from);
  const to = toLocalDate(period.to);
  const midnight = (date: string, at: Date) => localDayRange(date, date).start.getTime() === at.getTime();
  if (!midnight(from, period.from) || !midnight(to, period.to)) return null;
  return { from, to, fromMonth: `${from.slice(0, 8)}01`, toMonth: `${to.slice(0, 8)}01`, fromYear: `${from.slice(0, 5)}01-01`, toYear: `${to.slice(0, 5)}01-01` };
}

/** The narrower of two unit paths when one holds the other; null for the whole country; undefined when they are apart. */
function narrowestPath(a: string | null | undefined, b: string | null | undefined): string | null | undefined {
  if (!a || !b) return a || b || null;
  if (b === a || b.startsWith(`${a}.`)) return b;
  if (a.startsWith(`${b}.`)) return a;
  return undefined;
}

/** The two-level province of a province code (the same code when it survived the reform). */
const newProvince = (code: string) => `coalesce((SELECT min(s.new_code) FROM unit_successions s WHERE s.old_level = 'province' AND s.old_code = ${code}), ${code})`;
/** The two-level commune of a pre-reform commune code: the one that kept the code, else the lowest. */
const newCommune = (code: string) =>
  `(SELECT coalesce(min(s.new_code) FILTER (WHERE s.new_code = s.old_code), min(s.new_code)) FROM unit_successions s WHERE s.old_level = 'commune' AND s.old_code = ${code})`;
/** The post-reform key of a commune's path, before the reform (three levels) or after it (two). */
function newCommuneOfPath(path: string, literal: (value: string) => string): string {
  if (path.split('.').length === 2) return literal(path);
  return `${newProvince(literal(path.slice(0, 2)))} || '.' || ${newCommune(literal(path.slice(-5)))}`;
}

/**
 * The roll-up rows that make up each group. A group below the filtered unit is the subtree of one
 * district (its row) or commune (its agencies' rows); what the groups leave out of the filtered unit
 * (dossiers received at a higher level) is the whole minus the groups, under the null key.
 */
function rollupSources(
  groupBy: ReportGroup,
  within: string | null,
  unitSet: ReportPeriod['unitSet'],
  bind: (value: unknown) => string,
): { table: 'report_totals' | 'report_procedure_totals'; sources: Source[] } {
  // A node and everything under it: its agencies ('#') and its children ('.') sort between it and it + '/'.
  const under = (path: string) => `node >= ${bind(path)} AND node < ${bind(`${path}/`)}`;
  const literal = (value: string | null) => (value === null ? 'NULL' : bind(value));
  const whole = (key: string, sign: 1 | -1 = 1): Source => {
    if (within === null) return { kind: 'province', node: 'TRUE', key, sign };
    const level = levelOf(within);
    return level === 'commune' ? { kind: 'agency', node: under(within), key, sign } : { kind: level, node: `node = ${bind(within)}`, key, sign };
  };
  const split = (pieces: Omit<Source, 'sign'>): Source[] => [{ ...pieces, sign: 1 }, whole('NULL'), { ...pieces, key: 'NULL', sign: -1 }];
  const below = () => (within === null ? 'TRUE' : under(within));
  const totals = (sources: Source[]) => ({ table: 'report_totals' as const, sources });
  if (unitSet === '2025-07') {
    switch (groupBy) {
      case 'province':
        return totals([within === null ? { kind: 'province', node: 'TRUE', key: newProvince('node COLLATE "default"'), sign: 1 } : whole(newProvince(literal(within.slice(0, 2))))]);
      case 'district':
        return totals([whole('NULL')]); // no districts after the reform
      case 'commune': {
        if (within !== null && levelOf(within) === 'commune') return totals([whole(newCommuneOfPath(within, literal))]);
        const path = `split_part(node, '#', 1) COLLATE "default"`;
        const key = `CASE WHEN node ~ '^\\d{2}\\.\\d{3}\\.\\d{5}#' THEN ${newProvince(`left(${path}, 2)`)} || '.' || ${newCommune(`right(${path}, 5)`)} WHEN node ~ '^\\d{2}\\.\\d{5}#' THEN ${path} END`;
        return totals([{ kind: 'agency', node: below(), key, sign: 1 }]);
      }
    }
  }
  switch (groupBy) {
    case 'province':
      return totals([within === null ? { kind: 'province', node: 'TRUE', key: 'node', sign: 1 } : whole(literal(within.slice(0, 2)))]);
    case 'district':
      if (within === null || levelOf(within) === 'province') return totals(split({ kind: 'district', node: below(), key: 'node' }));
      return totals([whole(literal(/^\d{2}\.\d{3}(\.|$)/.test(within) ? within.slice(0, 6) : null))]);
    case 'commune':
      // Every agency under the unit: those of a commune under its key, the others (district, province) under the null key.
      if (within === null || levelOf(within) !== 'commune') return totals([{ kind: 'agency', node: below(), key: `CASE WHEN node ~ '\\.\\d{5}#' THEN split_part(node, '#', 1) END`, sign: 1 }]);
      return totals([whole(literal(within))]);
    case 'agency':
      return totals([{ kind: 'agency', node: below(), key: `split_part(node, '#', 2)`, sign: 1 }]);
    case 'procedure':
      return { table: 'report_procedure_totals', sources: [whole('procedure_code')] };
    case 'field':
      return { table: 'report_procedure_totals', sources: [whole('procedure_field')] };
  }
}

/**
 * The on-time statistics. `timeliness` reads the roll-ups (migration ReportCounts), in the units of
 * either set; the plain aggregate over the dossiers is the definition they are tested against, and
 * still answers periods not bounded by local midnights. Scope and unit filter are conditions on the
 * receiving unit's path.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async timeliness(scope: Scope, period: ReportPeriod, groupBy: ReportGroup): Promise<ReportRow[]> {
    const bounds = localBounds(period);
    if (!bounds) return this.timelinessFromDossiers(scope, period, groupBy);
    const within = narrowestPath(scope.unitPath, period.unitPath);
    if (within === undefined) return [];
    await this.catchUp();
    const params: unknown[] = [bounds.from, bounds.to, bounds.fromMonth, bounds.toMonth, bounds.fromYear, bounds.toYear];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const { table, sources } = rollupSources(groupBy, within, period.unitSet, bind);
    const select = (source: Source) =>
      `SELECT (${source.key})::text COLLATE "default" AS key, grain, bucket, ${MEASURES.map((m) => `${source.sign === 1 ? '' : '-'}${m} AS ${m}`).join(', ')}
       FROM ${table} WHERE kind = '${source.kind}' AND ${source.node}`;
    // The years before the bounds' years, the months of those years before the bounds' months, the days of those months before the bounds.
    const ranges = (grain: string, ranges: [string, string, boolean][]) => ranges.filter(([, , any]) => any).map(([from, to]) => `grain = '${grain}' AND bucket >= ${from} AND bucket < ${to}`);
    const months = ranges('M', [
      ['$5', '$3', bounds.fromYear !== bounds.fromMonth],
      ['$6', '$4', bounds.toYear !== bounds.toMonth],
    ]);
    const days = ranges('D', [
      ['$3', '$1', bounds.fromMonth !== bounds.from],
      ['$4', '$2', bounds.toMonth !== bounds.to],
    ]);
    const parts = sources.map((source) => `${select(source)} AND (${[`grain = 'Y' AND bucket < $6`, ...months].join(' OR ')})`);
    if (days.length > 0) {
      // The days are held for provinces and districts, counted from the dossiers otherwise.
      if (table === 'report_totals' && sources.every((source) => source.kind !== 'agency')) {
        parts.push(...sources.map((source) => `${select(source)} AND (${days.join(' OR ')})`));
      } else {
        const path = within === null ? 'TRUE' : pathUnder('d.receiving_unit_path', within, bind);
        parts.push(
          `SELECT ${this.key(groupBy, period)} AS key, 'D'::"char" AS grain, f.day AS bucket, ${MEASURES.map((m) => `f.${m}`).join(', ')}
           FROM dossiers d CROSS JOIN LATERAL report_facts(ROW(d.id, d.receiving_agency_id, d.receiving_unit_path, d.procedure_code, d.procedure_field,
             d.channel, d.received_at, d.due_at, d.finished_at, d.closed_at, d.timeliness)::report_state) f
           WHERE d.received_at IS NOT NULL AND ${path}
             AND greatest(d.received_at, d.due_at, d.finished_at, d.closed_at) >= ${bind(localDayRange(bounds.fromMonth, bounds.fromMonth).start)}
             AND (f.day >= $3 AND f.day < $1 OR f.day >= $4 AND f.day < $2)`,
        );
      }
    }
    const upTo = (measure: string, before: 'before_from' | 'before_to') => `coalesce(sum(${measure}) FILTER (WHERE ${before}), 0)`;
    const between = (measure: string) => `${upTo(measure, 'before_to')} - ${upTo(measure, 'before_from')}`;
    const open = (before: 'before_from' | 'before_to') => upTo('received_online + received_other - ended', before);
    const sql = `WITH parts AS (${parts.join('\n UNION ALL ')}),
       flagged AS (
         SELECT p.*,
           grain = 'Y' AND bucket < $5 OR grain = 'M' AND bucket >= $5 AND bucket < $3 OR grain = 'D' AND bucket >= $3 AND bucket < $1 AS before_from,
           grain = 'Y' AND bucket < $6 OR grain = 'M' AND bucket >= $6 AND bucket < $4 OR grain = 'D' AND bucket >= $4 AND bucket < $2 AS before_to
         FROM parts p
       ),
       g AS (
         SELECT key, ${open('before_from')}::int AS carried_over,
           (${between('received_online')})::int AS new_online, (${between('received_other')})::int AS new_in_person,
           (${between('resolved')})::int AS resolved, (${between('early')})::int AS early,
           (${between('on_time')})::int AS on_time, (${between('late')})::int AS late,
           ${open('before_to')}::int AS in_progress, ${upTo('overdue', 'before_to')}::int AS overdue
         FROM flagged GROUP BY key
         HAVING ${upTo('received_online + received_other', 'before_to')} - ${upTo('ended', 'before_from')} > 0
       )
       SELECT g.*, ${this.label(groupBy, period)} AS label FROM g ORDER BY g.key NULLS FIRST`;
    const rows: Record<string, number | string | null>[] = await this.db.transaction(async (manager) => {
      // A few thousand rows: starting parallel workers would cost more than they save.
      await manager.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
      return manager.query(sql, params);
    });
    return rows.map((row) => toReportRow({ ...row, within_deadline: (row.in_progress as number) - (row.overdue as number) }));
  }

  /** Projects the queued dossier changes into the roll-ups; returns how many were taken (at most `batch`). */
  async project(batch: number): Promise<number> {
    const [{ projected }] = await this.db.query(`SELECT report_project($1) AS projected`, [batch]);
    return projected;
  }

  /**
   * The background projector's turn: nothing when the queue is empty or another projector holds the
   * lock, so idle workers neither wait on the lock nor keep a transaction open for it. The try-lock
   * and report_project's own lock are the same transaction's (one statement), so it re-enters.
   */
  async projectIfFree(batch: number): Promise<number> {
    const [{ projected }] = await this.db.query(
      `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM report_changes) THEN 0
                   WHEN pg_try_advisory_xact_lock(hashtext('report_project')) THEN report_project($1)
                   ELSE 0 END AS projected`,
      [batch],
    );
    return projected;
  }

  /** Projects everything still queued, so a report counts every committed change. */
  async catchUp(batch = PROJECTION_BATCH): Promise<void> {
    while ((await this.project(batch)) === batch);
  }

  /** Projects what is queued unless another projector is at it (see projectIfFree). */
  async catchUpIfFree(batch = PROJECTION_BATCH): Promise<void> {
    while ((await this.projectIfFree(batch)) === batch);
  }

  /** Recounts the roll-ups from the dossiers (after a bulk load); returns how many dossiers were counted. */
  async rebuild(): Promise<number> {
    const [{ queued }] = await this.db.query(`SELECT report_rebuild()::int AS queued`);
    await this.catchUp(REBUILD_BATCH);
    return queued;
  }

  /** The same statistics as one plain aggregate over the dossiers: what the roll-ups must equal. */
  async timelinessFromDossiers(scope: Scope, period: ReportPeriod, groupBy: ReportGroup): Promise<ReportRow[]> {
    const [filter, params] = this.filter(scope, period);
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH grouped AS (
         SELECT ${this.key(groupBy, period)} AS key, d.* FROM dossiers d WHERE ${filter}
       )
       SELECT g.key, ${this.label(groupBy, period)} AS label,
         ${Object.entries(BUCKETS)
           .map(([bucket, condition]) => `count(*) FILTER (WHERE ${condition.replaceAll('d.', 'g.')})::int AS ${bucket}`)
           .join(',\n         ')}
       FROM grouped g GROUP BY g.key ORDER BY g.key NULLS FIRST`,
      params,
    );
    return rows.map(toReportRow);
  }

  /** Citizens' ratings of dossiers returned in the period, per group. */
  async satisfaction(scope: Scope, period: ReportPeriod, groupBy: ReportGroup): Promise<SatisfactionRow[]> {
    const [inScope, params] = this.scoped(scope, period);
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH grouped AS (
         SELECT ${this.key(groupBy, period)} AS key, d.*, r.score FROM dossiers d JOIN dossier_ratings r ON r.dossier_id = d.id
         WHERE d.returned_at >= $1 AND d.returned_at < $2 AND ${inScope}
       )
       SELECT g.key, ${this.label(groupBy, period)} AS label, count(*)::int AS ratings, round(avg(g.score), 2)::float AS average,
         count(*) FILTER (WHERE g.score >= 4)::int AS satisfied
       FROM grouped g GROUP BY g.key ORDER BY g.key NULLS FIRST`,
      params,
    );
    return rows.map((row) => ({
      key: row.key as string | null,
      label: row.label as string | null,
      ratings: row.ratings as number,
      average: row.average as number,
      satisfied: row.satisfied as number,
    }));
  }

  /** The dossiers behind one figure: a bucket of one group (key null: the group without a key). */
  async dossiers(
    scope: Scope,
    period: ReportPeriod,
    groupBy: ReportGroup | undefined,
    key: string | undefined,
    bucket: ReportBucket,
    limit: number,
    offset: number,
  ): Promise<{ items: Dossier[]; total: number }> {
    const [filter, params] = this.filter(scope, period);
    const conditions = [filter, BUCKETS[bucket]];
    if (groupBy && key !== undefined) {
      params.push(key);
      conditions.push(`${this.key(groupBy, period)} = $${params.length}`);
    }
    const where = conditions.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM dossiers d WHERE ${where}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT d.* FROM dossiers d WHERE ${where} ORDER BY d.received_at, d.code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      limit,
      offset,
    ]);
    return { items: rows.map(toDossier), total };
  }

  /** The period's population inside the scope; parameters $1 and $2 are the period's bounds. */
  private filter(scope: Scope, period: ReportPeriod): [string, unknown[]] {
    const [inScope, params] = this.scoped(scope, period);
    return [`${POPULATION} AND ${inScope}`, params];
  }

  /** The scope and unit conditions on the receiving unit's path, after the period's two parameters. */
  private scoped(scope: Scope, period: ReportPeriod): [string, unknown[]] {
    const conditions = ['TRUE'];
    const params: unknown[] = [period.from, period.to];
    const bind = (value: unknown) => `$${params.push(value)}`;
    for (const path of [scope.unitPath, period.unitPath]) {
      if (path !== null && path !== undefined) conditions.push(pathUnder('d.receiving_unit_path', path, bind));
    }
    return [conditions.join(' AND '), params];
  }

  private key(groupBy: ReportGroup, period: ReportPeriod): string {
    return (period.unitSet === '2025-07' && POST_REFORM_KEY[groupBy]) || GROUP_KEY[groupBy];
  }

  private label(groupBy: ReportGroup, period: ReportPeriod): string {
    switch (groupBy) {
      case 'province':
      case 'district':
      case 'commune':
        return period.unitSet
          ? `(SELECT min(u.name) FROM administrative_units u WHERE u.path = g.key AND u.unit_set = '${period.unitSet}')`
          : `(SELECT min(u.name) FROM administrative_units u WHERE u.path = g.key)`;
      case 'agency':
        return `(SELECT a.name FROM agencies a WHERE a.id::text = g.key)`;
      case 'procedure':
        return `(SELECT p.name FROM procedures p WHERE p.code = g.key)`;
      case 'field':
        return `g.key`;
    }
  }
}
