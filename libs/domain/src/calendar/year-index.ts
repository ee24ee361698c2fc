import { CompiledSpec, SessionMinutes } from './calendar-spec';
import { RuleDayOff, ruleDaysOff } from './holidays';
import { DayNumber, dayNumberOf, isSaturdayOrSunday, weekdayOf } from './local-date';

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
 * Overrides win over the rules. A `working_day` override on a Saturday, a Sunday or a closed day makes
 * a make-up day, worked for the make-up sessions (a full day, also where an agency opens Saturday
 * mornings); on an ordinary working weekday it changes nothing.
 */
function planDay(day: DayNumber, spec: CompiledSpec, ruleDayOff: RuleDayOff | undefined): DayPlan {
  const override = spec.overrides.get(day);
  if (override?.kind === 'day_off') return { kind: 'override', label: override.reason, sessions: [] };
  const weekday = weekdayOf(day);
  const weekly = spec.weeklySessions[weekday];
  const ordinaryWeekday = ruleDayOff === undefined && weekly.length > 0 && !isSaturdayOrSunday(day);
  if (override?.kind === 'working_day' && !ordinaryWeekday) {
    return { kind: 'make_up', label: override.reason, sessions: spec.makeUpDaySessions };
  }
  if (ruleDayOff !== undefined) return { kind: ruleDayOff.kind, label: ruleDayOff.label, sessions: [] };
  if (weekly.length === 0) return { kind: 'weekend', label: WEEKDAY_LABELS[weekday], sessions: [] };
  return { kind: 'workday', label: '', sessions: weekly };
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
    minutesBefore[i + 1] = minutesBefore[i] + plan.sessions.reduce((sum, session) => sum + session.end - session.start, 0);
  }
  return { year, firstDay, days, workingDaysBefore, sessionsBefore, minutesBefore };
}
