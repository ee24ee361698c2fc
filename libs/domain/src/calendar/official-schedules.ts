import { CalendarOverride, CalendarSpec, DEFAULT_CALENDAR_SPEC } from './calendar-spec';

/**
 * The Government's civil-service holiday schedules, as corrections to the rules in holidays.ts: only
 * the dates where the rules alone would give a different schedule. Seed data; administrators add
 * each new year's decision as overrides.
 */
export const OFFICIAL_OVERRIDES: Readonly<Record<number, readonly CalendarOverride[]>> = Object.freeze({
  // Tết: off Sat 25 Jan – Sun 2 Feb, which the rules give (Mon 27 – Fri 31 Jan), and Sat 8 Feb is a
  // make-up working day. 30/4 – 1/5: off Wed 30 Apr – Sun 4 May, Fri 2 May swapped with Sat 26 Apr.
  2025: Object.freeze<CalendarOverride[]>([
    { date: '2025-02-08', kind: 'working_day', reason: 'Làm bù theo lịch nghỉ Tết Nguyên đán 2025' },
    { date: '2025-04-26', kind: 'working_day', reason: 'Làm bù cho ngày 02/05/2025' },
    { date: '2025-05-02', kind: 'day_off', reason: 'Nghỉ lễ 30/4 – 1/5 (hoán đổi, làm bù thứ Bảy 26/04/2025)' },
  ]),
  // Tết: off Sat 14 – Sun 22 Feb, which the rules already give (Mon 16 – Fri 20 Feb).
  2026: Object.freeze<CalendarOverride[]>([]),
});

/** The national calendar: the rules plus every official schedule. Agencies inherit it. */
export const NATIONAL_CALENDAR_SPEC: CalendarSpec = Object.freeze({
  ...DEFAULT_CALENDAR_SPEC,
  overrides: Object.freeze(Object.values(OFFICIAL_OVERRIDES).flat()),
});
