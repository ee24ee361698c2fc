import { Injectable } from '@nestjs/common';
import { DomainError } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { ReportBucket, ReportCounts, ReportGroup, ReportPeriod, ReportRow, ReportsRepository, SatisfactionRow, UnitsRepository } from '@motcua/persistence';

export interface ReportLine extends ReportRow {
  received: number;
  /** (early + on time) / resolved; null without resolved dossiers. */
  onTimeRate: number | null;
  /** Decision 766: (resolved early or on time + in progress within deadline) / all handled. */
  progressRate: number | null;
  /** Received online / received new. */
  onlineShare: number | null;
}

export interface TimelinessReport {
  groupBy: ReportGroup;
  rows: ReportLine[];
  totals: ReportLine;
}

export interface Ranking {
  /** Share of units whose resolved dossiers were all early or on time (the reform-index criterion). */
  shareFullyOnTime: number | null;
  units: { key: string | null; label: string | null; resolved: number; onTimeRate: number | null }[];
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

function withRates(row: ReportRow): ReportLine {
  const onTime = row.early + row.onTime;
  return {
    ...row,
    received: row.carriedOver + row.newOnline + row.newInPerson,
    onTimeRate: ratio(onTime, row.resolved),
    progressRate: ratio(onTime + row.withinDeadline, row.resolved + row.inProgress),
    onlineShare: ratio(row.newOnline, row.newOnline + row.newInPerson),
  };
}

const COUNTS: (keyof ReportCounts)[] = ['carriedOver', 'newOnline', 'newInPerson', 'resolved', 'early', 'onTime', 'late', 'inProgress', 'withinDeadline', 'overdue'];

/** On-time statistics for supervisors, inside their scope. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly units: UnitsRepository,
  ) {}

  async timeliness(actor: Actor, period: ReportPeriod & { unitCode?: string }, groupBy: ReportGroup): Promise<TimelinessReport> {
    const rows = (await this.reports.timeliness(actor.scope, await this.resolveUnit(actor, period), groupBy)).map(withRates);
    const sum = Object.fromEntries(COUNTS.map((column) => [column, rows.reduce((total, row) => total + row[column], 0)])) as unknown as ReportCounts;
    return { groupBy, rows, totals: withRates({ key: null, label: 'Tổng cộng', ...sum }) };
  }

  async dossiers(actor: Actor, period: ReportPeriod & { unitCode?: string }, groupBy: ReportGroup | undefined, key: string | undefined, bucket: ReportBucket, limit: number, offset: number) {
    return this.reports.dossiers(actor.scope, await this.resolveUnit(actor, period), groupBy, key, bucket, limit, offset);
  }

  async satisfaction(actor: Actor, period: ReportPeriod & { unitCode?: string }, groupBy: ReportGroup): Promise<SatisfactionRow[]> {
    return this.reports.satisfaction(actor.scope, await this.resolveUnit(actor, period), groupBy);
  }

  async ranking(actor: Actor, period: ReportPeriod & { unitCode?: string }, level: 'agency' | 'district' | 'commune'): Promise<Ranking> {
    const rows = (await this.reports.timeliness(actor.scope, await this.resolveUnit(actor, period), level)).filter((row) => row.key !== null && row.resolved > 0).map(withRates);
    const units = rows
      .map(({ key, label, resolved, onTimeRate }) => ({ key, label, resolved, onTimeRate }))
      .sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || (a.key ?? '').localeCompare(b.key ?? ''));
    return { shareFullyOnTime: ratio(units.filter((unit) => unit.onTimeRate === 1).length, units.length), units };
  }

  /** A unit code narrows the report to that unit's subtree; outside the scope it is not found. */
  private async resolveUnit(actor: Actor, period: ReportPeriod & { unitCode?: string }): Promise<ReportPeriod> {
    if (!period.unitCode) return period;
    const unit = await this.units.findByCodeInScope(actor.scope, period.unitCode);
    if (!unit) throw DomainError.notFound('Unit', period.unitCode);
    return { ...period, unitPath: unit.path };
  }
}
