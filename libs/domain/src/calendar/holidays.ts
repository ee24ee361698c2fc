import { Lunar } from 'lunar-typescript';
import { DayNumber, dayNumberOf, formatVietnameseDate, isSaturdayOrSunday, weekdayOf } from './local-date';

/** A day off given by the Labour Code 2019 rules (Art. 112), before any per-year override. */
export interface RuleDayOff {
  readonly kind: 'holiday' | 'compensatory';
  /** Vietnamese label shown in the year listing. */
  readonly label: string;
}

const MONDAY = 1;
const THURSDAY = 4;
const FRIDAY = 5;
const TET_DAYS = 5;
const TET_STARTS_DAYS_BEFORE_NEW_YEAR = 2;

/**
 * Lunar dates come from lunar-typescript, which follows the Chinese calendar (UTC+8). Vietnam's
 * lunar calendar is computed for UTC+7 and in rare years starts a lunar month a day earlier (Tết 2007:
 * 17 Feb in Vietnam, 18 Feb in China). The Government publishes each year's schedule, and those
 * per-year overrides are the correction.
 */
function solarDayOfLunarDate(year: number, lunarMonth: number, lunarDay: number): DayNumber {
  const solar = Lunar.fromYmd(year, lunarMonth, lunarDay).getSolar();
  return dayNumberOf(solar.getYear(), solar.getMonth(), solar.getDay());
}

/**
 * Tết Nguyên đán: the five Monday–Friday days counted from two days before the lunar new year,
 * which is how the Government's schedules of 2022–2026 fall; weekends inside the span are ordinary
 * weekends, so they need no compensation. Never reaches another year: Tết is 21 Jan – 20 Feb.
 */
function tetDays(year: number): DayNumber[] {
  const days: DayNumber[] = [];
  for (let day = solarDayOfLunarDate(year, 1, 1) - TET_STARTS_DAYS_BEFORE_NEW_YEAR; days.length < TET_DAYS; day++) {
    if (!isSaturdayOrSunday(day)) days.push(day);
  }
  return days;
}

/**
 * National Day: 2 September plus one adjacent day, normally 1 September. When 2 September is a
 * Monday, Thursday or Friday the extra day is 3 September instead, on the weekend's side (for a Monday,
 * 1 September is a Sunday); a 3 September Saturday then gives its compensatory Monday like any holiday.
 */
function nationalDayExtraDay(year: number): DayNumber {
  const weekday = weekdayOf(dayNumberOf(year, 9, 2));
  return dayNumberOf(year, 9, weekday === MONDAY || weekday === THURSDAY || weekday === FRIDAY ? 3 : 1);
}

/**
 * The rule-based days off of a year: public holidays, then one compensatory day (nghỉ bù) for each
 * holiday on a Saturday or Sunday, on the next Monday–Friday that is neither a holiday nor already a
 * compensatory day. No holiday falls in late December, so no compensation crosses into the next year.
 */
export function ruleDaysOff(year: number): ReadonlyMap<DayNumber, RuleDayOff> {
  const holidays: [DayNumber, string][] = [
    [dayNumberOf(year, 1, 1), 'Tết Dương lịch'],
    ...tetDays(year).map((day): [DayNumber, string] => [day, 'Tết Nguyên đán']),
    [solarDayOfLunarDate(year, 3, 10), 'Giỗ Tổ Hùng Vương'],
    [dayNumberOf(year, 4, 30), 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
    [dayNumberOf(year, 5, 1), 'Ngày Quốc tế Lao động'],
    [nationalDayExtraDay(year), 'Quốc khánh'],
    [dayNumberOf(year, 9, 2), 'Quốc khánh'],
  ];
  holidays.sort(([a], [b]) => a - b);

  // The holidays never coincide: Giỗ Tổ falls between 30 March and 29 April in 2000–2100.
  const daysOff = new Map<DayNumber, RuleDayOff>(holidays.map(([day, label]) => [day, { kind: 'holiday', label }]));
  for (const [day, label] of holidays) {
    if (!isSaturdayOrSunday(day)) continue;
    let compensatory = day + 1;
    while (isSaturdayOrSunday(compensatory) || daysOff.has(compensatory)) compensatory++;
    daysOff.set(compensatory, { kind: 'compensatory', label: `Nghỉ bù ${label} (${formatVietnameseDate(day)})` });
  }
  return daysOff;
}
