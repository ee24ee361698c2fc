import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Scope } from '@motcua/domain';

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
  district: `substring(d.receiving_unit_path from '^\\d{2}\\.\\d{3}')`,
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

/** Every dossier that counts in the period: received before its end and not finished or closed before its start. */
const POPULATION = `d.received_at < $2 AND (d.finished_at >= $1 OR (d.finished_at IS NULL AND (d.closed_at IS NULL OR d.closed_at >= $1)))`;

/** Each column's condition, on a dossier of the population. */
const BUCKETS: Record<ReportBucket, string> = {
  carried_over: `d.received_at < $1`,
  new_online: `d.received_at >= $1 AND d.channel = 'online'`,
  new_in_person: `d.received_at >= $1 AND d.channel <> 'online'`,
  resolved: `d.finished_at < $2`,
  early: `d.finished_at < $2 AND d.timeliness = 'early'`,
  on_time: `d.finished_at < $2 AND d.timeliness = 'on_time'`,
  late: `d.finished_at < $2 AND d.timeliness = 'late'`,
  in_progress: `(d.finished_at IS NULL OR d.finished_at >= $2) AND (d.closed_at IS NULL OR d.closed_at >= $2)`,
  within_deadline: `(d.finished_at IS NULL OR d.finished_at >= $2) AND (d.closed_at IS NULL OR d.closed_at >= $2) AND d.due_at >= $2`,
  overdue: `(d.finished_at IS NULL OR d.finished_at >= $2) AND (d.closed_at IS NULL OR d.closed_at >= $2) AND d.due_at < $2`,
};

/**
 * The on-time statistics as one plain aggregate over the dossiers. Scope and unit filter are
 * conditions on the receiving unit's path.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async timeliness(scope: Scope, period: ReportPeriod, groupBy: ReportGroup): Promise<ReportRow[]> {
    const [filter, params] = this.filter(scope, period);
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH grouped AS (
         SELECT ${this.key(groupBy, period)} AS key, d.* FROM dossiers d WHERE ${filter}
       )
       SELECT g.key, ${this.label(groupBy, period)} AS label,
         ${Object.entries(BUCKETS).map(([bucket, condition]) => `count(*) FILTER (WHERE ${condition.replaceAll('d.', 'g.')})::int AS ${bucket}`).join(',\n         ')}
       FROM grouped g GROUP BY g.key ORDER BY g.key NULLS FIRST`,
      params,
    );
    return rows.map((row) => ({
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
    }));
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
    return rows.map((row) => ({ key: row.key as string | null, label: row.label as string | null, ratings: row.ratings as number, average: row.average as number, satisfied: row.satisfied as number }));
  }

  /** The dossiers behind one figure: a bucket of one group (key null: the group without a key). */
  async dossiers(scope: Scope, period: ReportPeriod, groupBy: ReportGroup | undefined, key: string | undefined, bucket: ReportBucket, limit: number, offset: number): Promise<{ codes: string[]; total: number }> {
    const [filter, params] = this.filter(scope, period);
    const conditions = [filter, BUCKETS[bucket]];
    if (groupBy && key !== undefined) {
      params.push(key);
      conditions.push(`${this.key(groupBy, period)} = $${params.length}`);
    }
    const where = conditions.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM dossiers d WHERE ${where}`, params);
    const rows: { code: string }[] = await this.db.query(
      `SELECT d.code FROM dossiers d WHERE ${where} ORDER BY d.received_at, d.code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { codes: rows.map((row) => row.code), total };
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
    for (const path of [scope.unitPath, period.unitPath]) {
      if (path === null || path === undefined) continue;
      params.push(path, `${path}.%`);
      conditions.push(`(d.receiving_unit_path = $${params.length - 1} OR d.receiving_unit_path LIKE $${params.length})`);
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
        return `min(g.procedure_name)`;
      case 'field':
        return `g.key`;
    }
  }
}
