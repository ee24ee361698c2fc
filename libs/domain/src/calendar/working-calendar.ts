import { CalendarError } from './calendar.errors';
import { CalendarSpec, CompiledSpec, compileSpec, SessionMinutes } from './calendar-spec';
import { assertDeadlineAmount, DeadlineRequest, Pause, PausedDeadlineRequest } from './deadline';
import {
  assertValidInstant,
  assertYearInRange,
  civilDateOf,
  DayNumber,
  dayNumberOf,
  daysInMonth,
  formatLocalDate,
  fromLocalInstant,
  LocalDate,
  LocalInstant,
  MINUTES_PER_DAY,
  MINUTES_PER_HOUR,
  parseLocalDate,
  toLocalInstant,
} from './local-date';
import { buildYearIndex, DayPlan, Measure, NonWorkingKind, YearIndex } from './year-index';

export interface BuildCalendarOptions {
  /** false drops the Labour Code holidays (tests, agencies on their own schedule); overrides still apply. */
  readonly publicHolidays?: boolean;
}

export interface NonWorkingDay {
  readonly date: LocalDate;
  readonly kind: NonWorkingKind;
  readonly label: string;
}

export interface MakeUpWorkingDay {
  readonly date: LocalDate;
  readonly label: string;
}

export interface YearSummary {
  readonly year: number;
  readonly nonWorkingDays: readonly NonWorkingDay[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDay[];
}

/** This calendar's regular week, to compare durations given in different units. */
export interface WorkingWeek {
  /** Session minutes of a full office day (07:30–11:30 and 13:30–17:00: 450). */
  readonly dayMinutes: number;
  readonly daysPerWeek: number;
}

/** Working time left as officers count it: whole working days on the calendar, then the minutes of the partial days. */
export interface TimeLeft {
  readonly days: number;
  readonly minutes: number;
  /** The deadline has passed; days and minutes then count the time since. */
  readonly overdue: boolean;
}

/** A counting position: a local instant inside a session, with the session's index in its day. */
interface SessionPosition extends LocalInstant {
  readonly session: number;
}

interface Located {
  readonly index: YearIndex;
  readonly offset: number;
  /** What is left of the target inside the located day: 1-based for counts, (0, day total] for minutes. */
  readonly rest: number;
}

function minutesIntoDay(sessions: readonly SessionMinutes[], minute: number): number {
  let minutes = 0;
  for (const session of sessions) minutes += Math.min(Math.max(minute - session.start, 0), session.end - session.start);
  return minutes;
}

type CompletedPause = Pause & { readonly to: Date };

function assertValidPause(pause: Pause, i: number): void {
  assertValidInstant(pause.from, `pauses[${i}].from`);
  if (pause.to === null) return;
  assertValidInstant(pause.to, `pauses[${i}].to`);
  if (pause.to < pause.from) {
    throw new CalendarError('INVALID_DATE', `pauses[${i}] ends before it starts`, { field: `pauses[${i}]` });
  }
}

function assertWholeAmount(amount: number, field: string): void {
  if (!Number.isInteger(amount) || amount < 0) {
    throw new CalendarError('INVALID_AMOUNT', `${field} must be a whole number ≥ 0, got ${amount}`, {
      [field]: amount,
    });
  }
}

/**
 * An immutable snapshot of one calendar spec, and the only place deadlines are computed. Years are
 * indexed on first use and cached; a changed spec means a new snapshot (and `reprojectDeadlines`).
 *
 * The time rules (DOMAIN.md, "Time: the heart of the system"):
 *
 * - Counting start: a receipt inside a session and before the cut-off counts from that instant. At or
 *   after the cut-off it counts from the first session of the next working day. Outside office hours
 *   (before the morning session, in the lunch break, at night, on a closed day) it counts from the next
 *   session start, so a filing in the 11:30–13:30 break counts from 13:30 the same day, and one at
 *   night or on a holiday from the next working morning. The rule is the same for counter, post and
 *   online filings. The receipt day is the local date of the counting start.
 * - A working day ends at the end of its last session (17:00 by default): N working days are due at
 *   the end of the N-th working day after the receipt day, which itself is not counted (received
 *   Monday 09:00, 1 day: due Tuesday 17:00). 0 working days: the end of the receipt day.
 * - Half-days are sessions: k half-days are due at the end of the k-th session after the one the
 *   counting start is in (morning + 0.5 day: the same afternoon; afternoon + 0.5 day: the next working
 *   morning). A working-day amount with a half (0.5, 1.5, …) is counted as 2 × amount half-days. From
 *   an afternoon start 2N half-days and N working days agree; from a morning start the working-day
 *   rule ends one session later, because it leaves the whole receipt day out while the half-day rule
 *   only leaves out the current session (Monday 09:00: 1.5 days and 1 day are both due Tuesday 17:00).
 * - Working hours: session time added to the counting start; the deadline may fall inside a session.
 * - Calendar days: the end of the N-th day after the receipt day; months: the same day of the month N
 *   months later (clamped to the month's end). Either way, a closed day moves the deadline to the end
 *   of the next working day.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, YearIndex>();

  constructor(
    private readonly spec: CompiledSpec,
    private readonly publicHolidays: boolean,
  ) {}

  isWorkingDay(date: LocalDate): boolean {
    return this.plan(parseLocalDate(date)).sessions.length > 0;
  }

  /** The n-th working day after `date` (`date` itself for n = 0). */
  addWorkingDays(date: LocalDate, days: number): LocalDate {
    assertWholeAmount(days, 'days');
    return formatLocalDate(this.workingDayAfter(parseLocalDate(date), days));
  }

  countingStart(receivedAt: Date): Date {
    assertValidInstant(receivedAt, 'receivedAt');
    const start = this.countingStartOf(receivedAt);
    return fromLocalInstant(start.day, start.minute);
  }

  deadline(request: DeadlineRequest): Date {
    assertValidInstant(request.start, 'start');
    assertDeadlineAmount(request.amount, request.unit);
    const start = this.countingStartOf(request.start);
    const { amount } = request;
    switch (request.unit) {
      case 'working_days':
        return Number.isInteger(amount) ? this.endOfDay(this.workingDayAfter(start.day, amount)) : this.endOfSessionAfter(start, amount * 2);
      case 'half_days':
        return this.endOfSessionAfter(start, amount);
      case 'working_hours':
        return this.addMinutes(start, amount * MINUTES_PER_HOUR);
      case 'calendar_days':
        return this.endOfWorkingDayFrom(start.day + amount);
      case 'months':
        return this.endOfWorkingDayFrom(this.sameDayMonthsLater(start.day, amount));
    }
  }

  /**
   * The deadline once pauses are taken into account; null while a pause is open (no deadline yet).
   * `resume`: pushed by exactly the working time inside the pauses (overlaps counted once, time
   * before the counting start ignored). `restart`: the full legal time counted afresh from the end
   * of the last pause, with the counting-start rule applied to that instant.
   */
  deadlineWithPauses(request: PausedDeadlineRequest): Date | null {
    assertValidInstant(request.start, 'start');
    assertDeadlineAmount(request.amount, request.unit);
    request.pauses.forEach(assertValidPause);
    const completed = request.pauses.filter((pause): pause is CompletedPause => pause.to !== null);
    if (completed.length < request.pauses.length) return null;
    if (request.mode === 'restart') {
      const restartAt = completed.reduce((latest, pause) => (pause.to > latest ? pause.to : latest), request.start);
      return this.deadline({ ...request, start: restartAt });
    }
    const deadline = this.deadline(request);
    return this.addWorkingTime(deadline, this.pausedWorkingTime(completed, this.countingStart(request.start)));
  }

  /** The earliest instant by which `minutes` of session time have passed since `from`. */
  addWorkingTime(from: Date, minutes: number): Date {
    assertValidInstant(from, 'from');
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new CalendarError('INVALID_AMOUNT', `minutes must be a finite number ≥ 0, got ${minutes}`, { minutes });
    }
    return this.addMinutes(toLocalInstant(from), minutes);
  }

  /** Session minutes in [a, b); negative when b is before a. */
  workingTimeBetween(a: Date, b: Date): number {
    assertValidInstant(a, 'a');
    assertValidInstant(b, 'b');
    if (b < a) return -this.workingTimeBetween(b, a);
    const from = this.workingMinutesAt(toLocalInstant(a));
    const to = this.workingMinutesAt(toLocalInstant(b));
    let minutes = to.minutes - from.minutes;
    for (let year = from.index.year; year < to.index.year; year++) {
      minutes += this.total(this.year(year), 'minutesBefore');
    }
    return minutes;
  }

  /** Working minutes left until the deadline; negative once it has passed. */
  remainingWorkingTime(now: Date, deadline: Date): number {
    return this.workingTimeBetween(now, deadline);
  }

  workingWeek(): WorkingWeek {
    const days = this.spec.weeklySessions.map((sessions) => minutesIntoDay(sessions, MINUTES_PER_DAY)).filter((minutes) => minutes > 0);
    return { dayMinutes: Math.max(0, ...days), daysPerWeek: days.length };
  }

  /**
   * The working time between now and a deadline as whole working days plus minutes: today's rest and
   * the deadline day's part are minutes unless they cover their whole day. Friday 15:00 to Tuesday
   * 17:00 is 2 days and 2 hours whatever the sessions add up to.
   */
  timeLeft(now: Date, deadline: Date): TimeLeft {
    assertValidInstant(now, 'now');
    assertValidInstant(deadline, 'deadline');
    const overdue = deadline < now;
    const [from, to] = overdue ? [toLocalInstant(deadline), toLocalInstant(now)] : [toLocalInstant(now), toLocalInstant(deadline)];
    const partOf = (day: DayNumber, fromMinute: number, toMinute: number) => {
      const sessions = this.plan(day).sessions;
      const minutes = minutesIntoDay(sessions, toMinute) - minutesIntoDay(sessions, fromMinute);
      const whole = minutes > 0 && minutes === minutesIntoDay(sessions, MINUTES_PER_DAY);
      return { days: whole ? 1 : 0, minutes: whole ? 0 : minutes };
    };
    if (from.day === to.day) return { ...partOf(from.day, from.minute, to.minute), overdue };
    const first = partOf(from.day, from.minute, MINUTES_PER_DAY);
    const last = partOf(to.day, 0, to.minute);
    const between = from.day + 1 < to.day ? this.workingDaysIn(from.day + 1, to.day - 1) : 0;
    return { days: first.days + between + last.days, minutes: first.minutes + last.minutes, overdue };
  }

  yearSummary(year: number): YearSummary {
    assertYearInRange(year);
    const index = this.year(year);
    const nonWorkingDays: NonWorkingDay[] = [];
    const makeUpWorkingDays: MakeUpWorkingDay[] = [];
    index.days.forEach(({ kind, label }, offset) => {
      const date = formatLocalDate(index.firstDay + offset);
      if (kind === 'make_up') makeUpWorkingDays.push({ date, label });
      else if (kind !== 'workday') nonWorkingDays.push({ date, kind, label });
    });
    return { year, nonWorkingDays, makeUpWorkingDays };
  }

  private year(year: number): YearIndex {
    let index = this.years.get(year);
    if (index === undefined) {
      assertYearInRange(year);
      index = buildYearIndex(year, this.spec, this.publicHolidays);
      this.years.set(year, index);
    }
    return index;
  }

  private indexOf(day: DayNumber): YearIndex {
    return this.year(civilDateOf(day).year);
  }

  private plan(day: DayNumber): DayPlan {
    const index = this.indexOf(day);
    return index.days[day - index.firstDay];
  }

  private total(index: YearIndex, measure: Measure): number {
    return index[measure][index.days.length];
  }

  /** Finds where a running total of `measure`, counted from the start of `from`'s year, reaches `target` (> 0). */
  private seek(measure: Measure, from: YearIndex, target: number): Located {
    let index = from;
    let rest = target;
    while (rest > this.total(index, measure)) {
      rest -= this.total(index, measure);
      index = this.year(index.year + 1);
    }
    const before = index[measure];
    let low = 0;
    let high = index.days.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before[middle + 1] >= rest) high = middle;
      else low = middle + 1;
    }
    return { index, offset: low, rest: rest - before[low] };
  }

  /** Working days in [first, last]. */
  private workingDaysIn(first: DayNumber, last: DayNumber): number {
    const counted = (day: DayNumber) => {
      const index = this.indexOf(day);
      return { index, before: index.workingDaysBefore[day - index.firstDay] };
    };
    const start = counted(first);
    const end = counted(last + 1);
    let days = end.before - start.before;
    for (let year = start.index.year; year < end.index.year; year++) days += this.total(this.year(year), 'workingDaysBefore');
    return days;
  }

  private workingDayAfter(day: DayNumber, days: number): DayNumber {
    if (days === 0) return day;
    const index = this.indexOf(day);
    const found = this.seek('workingDaysBefore', index, index.workingDaysBefore[day - index.firstDay + 1] + days);
    return found.index.firstDay + found.offset;
  }

  private countingStartOf(receivedAt: Date): SessionPosition {
    const { day, minute } = toLocalInstant(receivedAt);
    if (minute < this.spec.cutoff) {
      const sessions = this.plan(day).sessions;
      const session = sessions.findIndex(({ end }) => minute < end);
      if (session >= 0) return { day, minute: Math.max(minute, sessions[session].start), session };
    }
    const next = this.workingDayAfter(day, 1);
    return { day: next, minute: this.plan(next).sessions[0].start, session: 0 };
  }

  private endOfDay(day: DayNumber): Date {
    const sessions = this.plan(day).sessions;
    return fromLocalInstant(day, sessions[sessions.length - 1].end);
  }

  private endOfWorkingDayFrom(day: DayNumber): Date {
    return this.endOfDay(this.plan(day).sessions.length > 0 ? day : this.workingDayAfter(day, 1));
  }

  private endOfSessionAfter(start: SessionPosition, sessions: number): Date {
    const index = this.indexOf(start.day);
    const current = index.sessionsBefore[start.day - index.firstDay] + start.session + 1;
    const found = this.seek('sessionsBefore', index, current + sessions);
    const day = found.index.firstDay + found.offset;
    return fromLocalInstant(day, found.index.days[found.offset].sessions[found.rest - 1].end);
  }

  private sameDayMonthsLater(day: DayNumber, months: number): DayNumber {
    const date = civilDateOf(day);
    const monthIndex = date.month - 1 + months;
    const year = date.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    return dayNumberOf(year, month, Math.min(date.day, daysInMonth(year, month)));
  }

  private workingMinutesAt({ day, minute }: LocalInstant): { index: YearIndex; minutes: number } {
    const index = this.indexOf(day);
    const offset = day - index.firstDay;
    return { index, minutes: index.minutesBefore[offset] + minutesIntoDay(index.days[offset].sessions, minute) };
  }

  private addMinutes(from: LocalInstant, minutes: number): Date {
    if (minutes === 0) return fromLocalInstant(from.day, from.minute);
    const start = this.workingMinutesAt(from);
    const found = this.seek('minutesBefore', start.index, start.minutes + minutes);
    const sessions = found.index.days[found.offset].sessions;
    let rest = found.rest;
    let session = 0;
    while (rest > sessions[session].end - sessions[session].start) {
      rest -= sessions[session].end - sessions[session].start;
      session++;
    }
    return fromLocalInstant(found.index.firstDay + found.offset, sessions[session].start + rest);
  }

  private pausedWorkingTime(pauses: readonly CompletedPause[], countingStart: Date): number {
    const intervals = pauses.map(({ from, to }) => ({ from: from < countingStart ? countingStart : from, to })).sort((a, b) => a.from.getTime() - b.from.getTime());
    let minutes = 0;
    let covered = countingStart;
    for (const { from, to } of intervals) {
      if (to <= covered) continue;
      minutes += this.workingTimeBetween(from > covered ? from : covered, to);
      covered = to;
    }
    return minutes;
  }
}

export function buildWorkingCalendar(spec: CalendarSpec, options: BuildCalendarOptions = {}): WorkingCalendar {
  const calendar = new WorkingCalendar(compileSpec(spec), options.publicHolidays ?? true);
  Object.freeze(calendar);
  return calendar;
}
