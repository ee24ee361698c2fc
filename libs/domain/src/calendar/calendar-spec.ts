import { CalendarError } from './calendar.errors';
import { DayNumber, LocalDate, LocalTime, parseLocalDate, parseLocalTime } from './local-date';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Indexed like `Date#getUTCDay`. */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** One office session (buổi làm việc), half-open: [start, end). */
export interface OfficeSession {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** The sessions of each weekday; an empty list closes the weekday (the weekend). */
export type WeeklySessions = Readonly<Record<Weekday, readonly OfficeSession[]>>;

/**
 * A date-specific correction to the rules: the Government's yearly decisions (moved days off,
 * make-up Saturdays) or an agency's own closures.
 */
export interface CalendarOverride {
  readonly date: LocalDate;
  /** `working_day` on a closed day is a make-up day (ngày làm bù). */
  readonly kind: 'day_off' | 'working_day';
  readonly reason: string;
}

/** A working calendar as data; `buildWorkingCalendar` turns it into a snapshot. */
export interface CalendarSpec {
  readonly weeklySessions: WeeklySessions;
  /** Sessions of a make-up day: a day the rules close and a `working_day` override opens. */
  readonly makeUpDaySessions: readonly OfficeSession[];
  /** Receipts at or after this time count from the next working day. */
  readonly cutoff: LocalTime;
  readonly overrides: readonly CalendarOverride[];
}

/** What an agency changes in the calendar it inherits. */
export interface AgencyCalendarSpec {
  /** Replaces the listed weekdays only. */
  readonly weeklySessions?: Partial<WeeklySessions>;
  readonly makeUpDaySessions?: readonly OfficeSession[];
  readonly cutoff?: LocalTime;
  /** Added to the inherited overrides; on the same date the agency's wins. */
  readonly overrides?: readonly CalendarOverride[];
}

export const DEFAULT_DAY_SESSIONS: readonly OfficeSession[] = Object.freeze([Object.freeze({ start: '07:30', end: '11:30' }), Object.freeze({ start: '13:30', end: '17:00' })]);

/** The rules alone: Monday–Friday office hours, 15:00 cut-off, no per-year overrides. */
export const DEFAULT_CALENDAR_SPEC: CalendarSpec = Object.freeze({
  weeklySessions: Object.freeze({
    mon: DEFAULT_DAY_SESSIONS,
    tue: DEFAULT_DAY_SESSIONS,
    wed: DEFAULT_DAY_SESSIONS,
    thu: DEFAULT_DAY_SESSIONS,
    fri: DEFAULT_DAY_SESSIONS,
    sat: [],
    sun: [],
  }),
  makeUpDaySessions: DEFAULT_DAY_SESSIONS,
  cutoff: '15:00',
  overrides: Object.freeze([]),
});

export function mergeCalendarSpec(base: CalendarSpec, agency: AgencyCalendarSpec): CalendarSpec {
  const overrides = new Map<LocalDate, CalendarOverride>();
  for (const override of [...base.overrides, ...(agency.overrides ?? [])]) overrides.set(override.date, override);
  return {
    weeklySessions: { ...base.weeklySessions, ...agency.weeklySessions },
    makeUpDaySessions: agency.makeUpDaySessions ?? base.makeUpDaySessions,
    cutoff: agency.cutoff ?? base.cutoff,
    overrides: [...overrides.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** A session in minutes since local midnight. */
export interface SessionMinutes {
  readonly start: number;
  readonly end: number;
}

/** A validated spec in the form the calendar computes with. */
export interface CompiledSpec {
  /** Indexed like `Date#getUTCDay`. */
  readonly weeklySessions: readonly (readonly SessionMinutes[])[];
  readonly makeUpDaySessions: readonly SessionMinutes[];
  readonly cutoff: number;
  readonly overrides: ReadonlyMap<DayNumber, CalendarOverride>;
}

function compileSessions(sessions: readonly OfficeSession[], field: string): readonly SessionMinutes[] {
  const compiled = sessions.map(({ start, end }) => ({ start: parseLocalTime(start), end: parseLocalTime(end) }));
  compiled.forEach((session, i) => {
    if (session.start >= session.end || (i > 0 && session.start < compiled[i - 1].end)) {
      throw new CalendarError('INVALID_DATE', `${field}: sessions must be non-empty, in order and not overlap`, {
        field,
        sessions,
      });
    }
  });
  return compiled;
}

function compileMakeUpDaySessions(sessions: readonly OfficeSession[]): readonly SessionMinutes[] {
  if (sessions.length === 0) {
    throw new CalendarError('INVALID_DATE', 'makeUpDaySessions: a make-up day needs at least one session', {
      field: 'makeUpDaySessions',
    });
  }
  return compileSessions(sessions, 'makeUpDaySessions');
}

export function compileSpec(spec: CalendarSpec): CompiledSpec {
  const overrides = new Map<DayNumber, CalendarOverride>();
  for (const override of spec.overrides) {
    const day = parseLocalDate(override.date);
    if (overrides.has(day)) {
      throw new CalendarError('INVALID_DATE', `Two overrides for ${override.date}`, { date: override.date });
    }
    overrides.set(day, override);
  }
  return {
    weeklySessions: WEEKDAYS.map((weekday) => compileSessions(spec.weeklySessions[weekday], `weeklySessions.${weekday}`)),
    makeUpDaySessions: compileMakeUpDaySessions(spec.makeUpDaySessions),
    cutoff: parseLocalTime(spec.cutoff),
    overrides,
  };
}
