import { DEFAULT_CALENDAR_SPEC, mergeCalendarSpec } from './calendar-spec';
import { at, vn } from './calendar.test-helpers';
import { NATIONAL_CALENDAR_SPEC } from './official-schedules';
import { buildWorkingCalendar } from './working-calendar';

const national = buildWorkingCalendar(NATIONAL_CALENDAR_SPEC);

function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  const day = new Date(`${first}T00:00:00Z`);
  for (; day <= new Date(`${last}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

describe('countingStart', () => {
  it.each([
    ['inside the morning session', '2025-03-10 09:00', '2025-03-10 09:00'],
    ['inside the afternoon session, before the cut-off', '2025-03-10 14:59', '2025-03-10 14:59'],
    ['before the office opens', '2025-03-10 06:45', '2025-03-10 07:30'],
    ['in the lunch break (same afternoon)', '2025-03-10 12:00', '2025-03-10 13:30'],
    ['at the session end, 11:30', '2025-03-10 11:30', '2025-03-10 13:30'],
    ['at the 15:00 cut-off', '2025-03-10 15:00', '2025-03-11 07:30'],
    ['after the cut-off on a Friday', '2025-03-14 16:00', '2025-03-17 07:30'],
    ['online at night', '2025-03-12 22:00', '2025-03-13 07:30'],
    ['online on a Saturday morning', '2025-03-15 10:00', '2025-03-17 07:30'],
    ['online on a holiday', '2025-04-30 10:00', '2025-05-05 07:30'],
    ['after the cut-off the day before Tết 2025', '2025-01-24 15:30', '2025-02-03 07:30'],
    ['after the cut-off before a make-up Saturday', '2025-04-25 16:00', '2025-04-26 07:30'],
    ['after the cut-off on New Year’s Eve', '2025-12-31 16:00', '2026-01-02 07:30'],
  ])('received %s', (_case, received, expected) => {
    expect(vn(national.countingStart(at(received)))).toBe(expected);
  });

  it('keeps the seconds of a receipt inside a session', () => {
    const received = new Date('2025-03-10T02:00:30.500Z');
    expect(national.countingStart(received)).toEqual(received);
  });
});

describe('yearSummary', () => {
  it('lists exactly the 2025 schedule', () => {
    const summary = national.yearSummary(2025);
    expect(summary.nonWorkingDays.filter(({ kind }) => kind !== 'weekend')).toEqual([
      { date: '2025-01-01', kind: 'holiday', label: 'Tết Dương lịch' },
      { date: '2025-01-27', kind: 'holiday', label: 'Tết Nguyên đán' },
      { date: '2025-01-28', kind: 'holiday', label: 'Tết Nguyên đán' },
      { date: '2025-01-29', kind: 'holiday', label: 'Tết Nguyên đán' },
      { date: '2025-01-30', kind: 'holiday', label: 'Tết Nguyên đán' },
      { date: '2025-01-31', kind: 'holiday', label: 'Tết Nguyên đán' },
      { date: '2025-04-07', kind: 'holiday', label: 'Giỗ Tổ Hùng Vương' },
      { date: '2025-04-30', kind: 'holiday', label: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
      { date: '2025-05-01', kind: 'holiday', label: 'Ngày Quốc tế Lao động' },
      { date: '2025-05-02', kind: 'override', label: 'Nghỉ lễ 30/4 – 1/5 (hoán đổi, làm bù thứ Bảy 26/04/2025)' },
      { date: '2025-09-01', kind: 'holiday', label: 'Quốc khánh' },
      { date: '2025-09-02', kind: 'holiday', label: 'Quốc khánh' },
    ]);
    expect(summary.makeUpWorkingDays).toEqual([
      { date: '2025-02-08', label: 'Làm bù theo lịch nghỉ Tết Nguyên đán 2025' },
      { date: '2025-04-26', label: 'Làm bù cho ngày 02/05/2025' },
    ]);
    // 104 Saturdays and Sundays, two of them worked.
    const weekends = summary.nonWorkingDays.filter(({ kind }) => kind === 'weekend');
    expect(weekends).toHaveLength(102);
    expect(weekends.slice(0, 2)).toEqual([
      { date: '2025-01-04', kind: 'weekend', label: 'Thứ Bảy' },
      { date: '2025-01-05', kind: 'weekend', label: 'Chủ nhật' },
    ]);
    const dates = summary.nonWorkingDays.map(({ date }) => date);
    expect(dates).toEqual([...dates].sort());
  });

  it.each([
    ['Tết 2025', '2025-01-24', '2025-01-25', '2025-02-02', '2025-02-03'],
    ['30/4 – 1/5 2025', '2025-04-29', '2025-04-30', '2025-05-04', '2025-05-05'],
    ['National Day 2025', '2025-08-29', '2025-08-30', '2025-09-02', '2025-09-03'],
    ['Tết 2026', '2026-02-13', '2026-02-14', '2026-02-22', '2026-02-23'],
  ])('%s: off from %s to %s, working on both sides', (_case, before, first, last, after) => {
    expect(national.isWorkingDay(before)).toBe(true);
    expect(datesBetween(first, last).filter((date) => national.isWorkingDay(date))).toEqual([]);
    expect(national.isWorkingDay(after)).toBe(true);
  });

  it('lists the 2026 Tết holidays and the compensatory day of Giỗ Tổ', () => {
    const notWeekend = national.yearSummary(2026).nonWorkingDays.filter(({ kind }) => kind !== 'weekend');
    expect(notWeekend.filter(({ date }) => date.startsWith('2026-02'))).toEqual(
      ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
        date,
        kind: 'holiday',
        label: 'Tết Nguyên đán',
      })),
    );
    expect(notWeekend.filter(({ date }) => date.startsWith('2026-04'))).toEqual([
      { date: '2026-04-26', kind: 'holiday', label: 'Giỗ Tổ Hùng Vương' },
      { date: '2026-04-27', kind: 'compensatory', label: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026)' },
      { date: '2026-04-30', kind: 'holiday', label: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
    ]);
  });

  it('has only weekends when public holidays are off', () => {
    const summary = buildWorkingCalendar(DEFAULT_CALENDAR_SPEC, { publicHolidays: false }).yearSummary(2025);
    expect(summary.nonWorkingDays.every(({ kind }) => kind === 'weekend')).toBe(true);
    expect(summary.nonWorkingDays).toHaveLength(104);
  });

  it.each([1999, 2101, 2025.5])('rejects the year %d', (year) => {
    expect(() => national.yearSummary(year)).toThrow(expect.objectContaining({ reason: 'YEAR_OUT_OF_RANGE' }));
  });
});

describe('working days', () => {
  it.each([
    ['2025-01-24', 1, '2025-02-03'],
    ['2025-01-24', 6, '2025-02-08'],
    ['2025-04-25', 1, '2025-04-26'],
    ['2025-12-30', 3, '2026-01-05'],
    ['2025-03-15', 0, '2025-03-15'],
    ['2025-03-15', 1, '2025-03-17'],
  ])('the working day %i after %s', (date, days, expected) => {
    expect(national.addWorkingDays(date, days)).toBe(expected);
  });

  it('counts 251 working days in 2025', () => {
    expect(national.addWorkingDays('2024-12-31', 251)).toBe('2025-12-31');
  });

  it.each([-1, 1.5, Number.NaN])('rejects %d days', (days) => {
    expect(() => national.addWorkingDays('2025-03-10', days)).toThrow(expect.objectContaining({ reason: 'INVALID_AMOUNT' }));
  });

  it('fails past 2100 with a typed error', () => {
    expect(() => national.addWorkingDays('2100-12-30', 5)).toThrow(expect.objectContaining({ reason: 'YEAR_OUT_OF_RANGE', details: { reason: 'YEAR_OUT_OF_RANGE', year: 2101 } }));
  });
});

describe('working time', () => {
  it.each([
    ['within a day', '2025-03-10 09:00', '2025-03-10 16:00', 360 - 60],
    ['overnight', '2025-03-10 09:00', '2025-03-11 09:00', 150 + 210 + 90],
    ['over Tết 2025', '2025-01-24 09:00', '2025-02-03 09:00', 360 + 90],
    ['over the new year', '2025-12-31 16:00', '2026-01-02 08:00', 60 + 30],
    ['backwards', '2025-03-11 09:00', '2025-03-10 09:00', -450],
    ['between two closed instants', '2025-03-15 09:00', '2025-03-16 12:00', 0],
  ])('%s', (_case, from, to, minutes) => {
    expect(national.workingTimeBetween(at(from), at(to))).toBe(minutes);
  });

  it('counts the remaining time down to a negative overdue', () => {
    const deadline = at('2025-03-11 17:00');
    expect(national.remainingWorkingTime(at('2025-03-11 16:00'), deadline)).toBe(60);
    expect(national.remainingWorkingTime(at('2025-03-12 09:00'), deadline)).toBe(-90);
  });

  it('adds session time, skipping the lunch break, nights and holidays', () => {
    expect(vn(national.addWorkingTime(at('2025-03-10 11:00'), 60))).toBe('2025-03-10 14:00');
    expect(vn(national.addWorkingTime(at('2025-03-10 17:00'), 30))).toBe('2025-03-11 08:00');
    expect(vn(national.addWorkingTime(at('2025-01-24 16:30'), 60))).toBe('2025-02-03 08:00');
    expect(vn(national.addWorkingTime(at('2025-03-10 09:00'), 150))).toBe('2025-03-10 11:30');
  });
});

describe('an agency calendar', () => {
  const agency = buildWorkingCalendar(
    mergeCalendarSpec(NATIONAL_CALENDAR_SPEC, {
      weeklySessions: { sat: [{ start: '07:30', end: '11:30' }] },
      cutoff: '16:00',
      overrides: [{ date: '2025-03-12', kind: 'day_off', reason: 'Kiểm kê kho lưu trữ' }],
    }),
  );

  it('works its Saturday mornings and applies its own cut-off', () => {
    expect(vn(agency.deadline({ start: at('2025-03-07 15:30'), amount: 1, unit: 'working_days' }))).toBe('2025-03-08 11:30');
  });

  it('closes on its own day off', () => {
    expect(agency.isWorkingDay('2025-03-12')).toBe(false);
    expect(agency.yearSummary(2025).nonWorkingDays).toContainEqual({
      date: '2025-03-12',
      kind: 'override',
      label: 'Kiểm kê kho lưu trữ',
    });
    expect(national.isWorkingDay('2025-03-12')).toBe(true);
  });

  it('works a full day on a make-up Saturday', () => {
    expect(vn(agency.deadline({ start: at('2025-02-07 16:30'), amount: 0, unit: 'working_days' }))).toBe('2025-02-08 17:00');
  });
});

describe('workingWeek', () => {
  it('is five 7.5-hour days by default', () => {
    expect(national.workingWeek()).toEqual({ dayMinutes: 450, daysPerWeek: 5 });
  });

  it('follows an agency that also opens Saturday mornings and works longer days', () => {
    const long = [
      { start: '07:00', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ] as const;
    const spec = mergeCalendarSpec(DEFAULT_CALENDAR_SPEC, { weeklySessions: { mon: long, sat: [{ start: '07:30', end: '11:30' }] } });
    expect(buildWorkingCalendar(spec).workingWeek()).toEqual({ dayMinutes: 510, daysPerWeek: 6 });
  });
});

describe('timeLeft', () => {
  it.each([
    ['the rest of a morning', '2025-03-10 09:00', '2025-03-10 11:00', { days: 0, minutes: 120 }],
    ['a whole day, from opening to closing', '2025-03-10 07:30', '2025-03-10 17:00', { days: 1, minutes: 0 }],
    ['this afternoon and two whole days (a 7.5-hour day is a day)', '2025-03-10 15:00', '2025-03-12 17:00', { days: 2, minutes: 120 }],
    ['over a weekend: Friday 15:00 to Tuesday 17:00', '2025-03-14 15:00', '2025-03-18 17:00', { days: 2, minutes: 120 }],
    ['over the 30/4 holidays', '2025-04-29 17:00', '2025-05-05 17:00', { days: 1, minutes: 0 }],
    ['ending inside a session', '2025-03-10 16:00', '2025-03-11 09:00', { days: 0, minutes: 150 }],
    ['15 working days from a Monday opening', '2025-03-10 07:30', '2025-03-28 17:00', { days: 15, minutes: 0 }],
  ])('counts %s', (_case, now, deadline, expected) => {
    expect(national.timeLeft(at(now), at(deadline))).toEqual({ ...expected, overdue: false });
  });

  it('counts the time since a passed deadline', () => {
    expect(national.timeLeft(at('2025-03-12 09:00'), at('2025-03-10 17:00'))).toEqual({ days: 1, minutes: 90, overdue: true });
  });
});
