import { CalendarError } from './calendar.errors';

/**
 * Local time in Asia/Ho_Chi_Minh. Vietnam has kept a fixed UTC+07:00 offset with no daylight saving
 * since 1975, so a constant offset is exact for the supported years 2000–2100 and no time-zone
 * database is involved. Instants are JS `Date`s (UTC); everything local is derived from them here.
 */

/** A calendar date in Vietnamese local time, 'yyyy-MM-dd'. */
export type LocalDate = string;
/** A time of day in Vietnamese local time, 'HH:mm'. */
export type LocalTime = string;
/** Days since 1970-01-01 in local time: the lib's internal date representation. */
export type DayNumber = number;

export const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * MINUTES_PER_HOUR;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** 1970-01-01 was a Thursday; weekdays are numbered like `Date#getUTCDay` (0 = Sunday). */
const EPOCH_WEEKDAY = 4;
const DAYS_PER_WEEK = 7;

/** An instant seen in local time: its day and its minute of the day (fractional when it has seconds). */
export interface LocalInstant {
  readonly day: DayNumber;
  readonly minute: number;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function assertValidInstant(at: Date, field: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new CalendarError('INVALID_DATE', `${field} is not a valid instant`, { field });
  }
}

export function toLocalInstant(at: Date): LocalInstant {
  const minutes = at.getTime() / MS_PER_MINUTE + VIETNAM_UTC_OFFSET_MINUTES;
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  return { day, minute: minutes - day * MINUTES_PER_DAY };
}

export function fromLocalInstant(day: DayNumber, minute: number): Date {
  return new Date(Math.round((day * MINUTES_PER_DAY + minute - VIETNAM_UTC_OFFSET_MINUTES) * MS_PER_MINUTE));
}

// Civil date <-> day number: H. Hinnant's "days_from_civil" / "civil_from_days" algorithms
// (proleptic Gregorian, exact for any year; 146097 days per 400-year era, March-based years).
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilDateOf(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1,
  };
}

export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayNumberOf(year, month + 1, 1) - dayNumberOf(year, month, 1);
}

export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + EPOCH_WEEKDAY) % DAYS_PER_WEEK) + DAYS_PER_WEEK) % DAYS_PER_WEEK;
}

/** The national weekend (the Labour Code's weekly rest days for civil servants). */
export function isSaturdayOrSunday(dayNumber: DayNumber): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 6 || weekday === 0;
}

export function assertYearInRange(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('YEAR_OUT_OF_RANGE', `Year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`, { year });
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatLocalDate(dayNumber: DayNumber): LocalDate {
  const { year, month, day } = civilDateOf(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** 'dd/MM/yyyy', the way Vietnamese documents print a date. */
export function formatVietnameseDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilDateOf(dayNumber);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

export function parseLocalDate(date: LocalDate): DayNumber {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return dayNumberOf(year, month, day);
    }
  }
  throw new CalendarError('INVALID_DATE', `'${date}' is not a date of the form yyyy-MM-dd`, { date });
}

/** Minutes since local midnight; '24:00' is allowed as the end of a day. */
export function parseLocalTime(time: LocalTime): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (match) {
    const minutes = Number(match[1]) * MINUTES_PER_HOUR + Number(match[2]);
    if (Number(match[2]) < MINUTES_PER_HOUR && minutes <= MINUTES_PER_DAY) return minutes;
  }
  throw new CalendarError('INVALID_DATE', `'${time}' is not a time of the form HH:mm`, { time });
}

/** The local calendar date of an instant. */
export function toLocalDate(at: Date): LocalDate {
  assertValidInstant(at, 'at');
  return formatLocalDate(toLocalInstant(at).day);
}

/** The instants of local dates [from, to]: from the start of `from` to the start of the day after `to`. */
export function localDayRange(from: LocalDate, to: LocalDate): { start: Date; end: Date } {
  return { start: fromLocalInstant(parseLocalDate(from), 0), end: fromLocalInstant(parseLocalDate(to) + 1, 0) };
}

/** The local date `days` days after (or before, if negative) a local date. */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return formatLocalDate(parseLocalDate(date) + days);
}

/** 'HH:mm, ngày dd/MM/yyyy' in Vietnamese local time: how receipts and slips print an instant. */
export function formatVietnameseDateTime(at: Date): string {
  assertValidInstant(at, 'at');
  const { day, minute } = toLocalInstant(at);
  const whole = Math.floor(minute);
  return `${pad2(Math.floor(whole / MINUTES_PER_HOUR))}:${pad2(whole % MINUTES_PER_HOUR)}, ngày ${formatVietnameseDate(day)}`;
}
