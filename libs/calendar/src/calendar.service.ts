import { Injectable } from '@nestjs/common';
import { buildWorkingCalendar, CalendarOverride, DEFAULT_CALENDAR_SPEC, DeadlineUnit, DomainError, FieldProblem, WorkingCalendar } from '@motcua/domain';
import { CalendarRepository } from '@motcua/persistence';
import { EVENTS } from '@motcua/queue';

/** How long a replica trusts its snapshot; calendar edits are rare (a few a year), reads constant. */
const SNAPSHOT_TTL_MS = 30_000;

interface Snapshot {
  calendar: WorkingCalendar;
  overrides: readonly CalendarOverride[];
  loadedAt: number;
}

/**
 * The national working calendar as PostgreSQL holds it: the rule-based defaults plus the overrides an
 * administrator edits. Snapshots are cached per process and rebuilt after an edit here or when the
 * TTL passes, so other replicas see an edit within SNAPSHOT_TTL_MS.
 */
@Injectable()
export class CalendarService {
  private snapshot?: Snapshot;

  constructor(private readonly repository: CalendarRepository) {}

  async current(): Promise<WorkingCalendar> {
    return (await this.load()).calendar;
  }

  /** The calendar and the overrides it was built from. */
  async view(): Promise<{ calendar: WorkingCalendar; overrides: readonly CalendarOverride[] }> {
    return this.load();
  }

  /** The counting start and the deadline for an amount of legal time from a receipt instant. */
  async deadline(from: Date, amount: number, unit: DeadlineUnit): Promise<{ countingStart: Date; deadline: Date }> {
    const calendar = await this.current();
    return { countingStart: calendar.countingStart(from), deadline: calendar.deadline({ start: from, amount, unit }) };
  }

  /** Replaces a year's overrides; every date must lie in the year, once. Validated before anything is written. */
  async replaceYear(year: number, overrides: readonly CalendarOverride[], userId: string): Promise<void> {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    overrides.forEach((override, index) => {
      if (!override.date.startsWith(`${year}-`)) problems.push({ field: `overrides[${index}].date`, reason: `must be a date in ${year}` });
      else if (seen.has(override.date)) problems.push({ field: `overrides[${index}].date`, reason: 'appears twice' });
      seen.add(override.date);
    });
    if (problems.length > 0) throw DomainError.validation(problems);
    await this.repository.replaceYear(year, overrides, userId, EVENTS.calendarChanged);
    this.invalidate();
  }

  /** Forgets the cached snapshot: the next read loads the calendar PostgreSQL holds now. */
  invalidate(): void {
    this.snapshot = undefined;
  }

  private async load(): Promise<Snapshot> {
    const now = performance.now();
    if (!this.snapshot || now - this.snapshot.loadedAt > SNAPSHOT_TTL_MS) {
      const overrides = await this.repository.overrides();
      this.snapshot = { calendar: buildWorkingCalendar({ ...DEFAULT_CALENDAR_SPEC, overrides }), overrides, loadedAt: now };
    }
    return this.snapshot;
  }
}
