import { CompiledSpec, SessionMinutes } from './calendar-spec';
import { RuleDayOff, ruleDaysOff } from './holidays';
import { DayNumber, dayNumberOf, weekdayOf } from './local-date';

export type NonWorkingKind = 'weekend' | 'holiday' | 'compensatory' | 'override';
/** `make_up`: a day the rules close and an override opens (ngày làm bù). */
export type DayKind = 'workday' | 'make_up' | NonWorkingKind;

export interface DayPlan {
  readonly kind: DayKind;
  /** Vietnamese label: the holiday, the weekday or the override's reason; '' for an ordinary workday. */
  readonly label: string;
  /** Empty exactly when the day is not a working day. */
  readonly sessions: readonly SessionMinutes[];
}

/**
 * One year of the calendar with prefix sums, so that "the n-th working day / session / minute after"
 * is a binary search instead of a walk. Each `…Before[i]` counts what days 0..i-1 of the year hold;
 * the arrays have one extra slot holding the year's total.
 */
export interface YearIndex {
  readonly year: number;
  readonly firstDay: DayNumber;
  readonly days: readonly DayPlan[];
  readonly workingDaysBefore: Int32Array;
  readonly sessionsBefore: Int32Array;
  readonly minutesBefore: Int32Array;
}

export type Measure = 'workingDaysBefore' | 'sessionsBefore' | 'minutesBefore';

const WEEKDAY_LABELS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/**
 * Overrides win over the rules. A `working_day` override opens a closed day with the make-up sessions
 * (a full day, also where the weekday has shorter hours); on a day that is open anyway it changes nothing.
 */
function planDay(day: DayNumber, spec: CompiledSpec, ruleDayOff: RuleDayOff | undefined): DayPlan {
  const override = spec.overrides.get(day);
  if (override?.kind === 'day_off') return { kind: 'override', label: override.reason, sessions: [] };
  const weekday = weekdayOf(day);
  const weekly = spec.weeklySessions[weekday];
  const closedBy = ruleDayOff ?? (weekly.length === 0 ? { kind: 'weekend' as const, label: WEEKDAY_LABELS[weekday] } : null);
  if (closedBy === null) return { kind: 'workday', label: '', sessions: weekly };
  if (override?.kind === 'working_day') {
    return { kind: 'make_up', label: override.reason, sessions: spec.makeUpDaySessions };
  }
  return { kind: closedBy.kind, label: closedBy.label, sessions: [] };
}

export function buildYearIndex(year: number, spec: CompiledSpec, publicHolidays: boolean): YearIndex {
  const firstDay = dayNumberOf(year, 1, 1);
  const length = dayNumberOf(year + 1, 1, 1) - firstDay;
  const daysOff = publicHolidays ? ruleDaysOff(year) : new Map<DayNumber, RuleDayOff>();
  const days: DayPlan[] = [];
  const workingDaysBefore = new Int32Array(length + 1);
  const sessionsBefore = new Int32Array(length + 1);
  const minutesBefore = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    const plan = planDay(firstDay + i, spec, daysOff.get(firstDay + i));
    days.push(plan);
    workingDaysBefore[i + 1] = workingDaysBefore[i] + (plan.sessions.length > 0 ? 1 : 0);
    sessionsBefore[i + 1] = sessionsBefore[i] + plan.sessions.length;
    minutesBefore[i + 1] =
      minutesBefore[i] + plan.sessions.reduce((sum, session) => sum + session.end - session.start, 0);
  }
  return { year, firstDay, days, workingDaysBefore, sessionsBefore, minutesBefore };
}
