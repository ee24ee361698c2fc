import fc from 'fast-check';
import { DEFAULT_CALENDAR_SPEC } from './calendar-spec';
import { at, vn } from './calendar.test-helpers';
import { DEADLINE_UNITS, DeadlineUnit, Pause, reprojectDeadlines } from './deadline';
import { NATIONAL_CALENDAR_SPEC } from './official-schedules';
import { buildWorkingCalendar } from './working-calendar';

const national = buildWorkingCalendar(NATIONAL_CALENDAR_SPEC);

const due = (start: string, amount: number, unit: DeadlineUnit): string | null => vn(national.deadline({ start: at(start), amount, unit }));

describe('deadline with the 2025–2026 national calendar', () => {
  it.each([
    ['received Monday 09:00, 1 day: the receipt day is not counted', '2025-03-10 09:00', 1, '2025-03-11 17:00'],
    ['received Friday 16:00 (after the cut-off), 1 day', '2025-03-14 16:00', 1, '2025-03-18 17:00'],
    ['received at 15:00 sharp, 2 days', '2025-03-10 15:00', 2, '2025-03-13 17:00'],
    ['received at 14:59, 2 days', '2025-03-10 14:59', 2, '2025-03-12 17:00'],
    ['the day before Tết 2025, 3 days: after the holiday', '2025-01-24 09:00', 3, '2025-02-05 17:00'],
    ['the day before Tết 2025, 6 days: make-up Saturday 8 Feb counts', '2025-01-24 09:00', 6, '2025-02-08 17:00'],
    ['the day before Tết 2025, 7 days', '2025-01-24 09:00', 7, '2025-02-10 17:00'],
    ['5 days across 30/4 – 1/5 2025, make-up Saturday 26 Apr counts', '2025-04-25 10:00', 5, '2025-05-06 17:00'],
    ['5 days from the eve of 30/4 2025', '2025-04-29 10:00', 5, '2025-05-09 17:00'],
    ['3 days across the year boundary', '2025-12-30 10:00', 3, '2026-01-05 17:00'],
    ['1 day from the Friday before Tết 2026', '2026-02-13 10:00', 1, '2026-02-23 17:00'],
    ['1 day, filed online during Tết 2026', '2026-02-14 10:00', 1, '2026-02-24 17:00'],
    ['1 day, filed online at night', '2025-03-12 22:00', 1, '2025-03-14 17:00'],
    ['0 days: the end of the receipt day', '2025-03-10 09:00', 0, '2025-03-10 17:00'],
    ['120 days', '2025-03-10 09:00', 120, '2025-08-28 17:00'],
  ])('working days: %s', (_case, start, amount, expected) => {
    expect(due(start, amount, 'working_days')).toBe(expected);
  });

  it.each([
    ['0.5 day from the morning: the same afternoon', '2025-03-10 09:00', 0.5, 'working_days', '2025-03-10 17:00'],
    ['0.5 day from the afternoon: the next morning', '2025-03-10 14:00', 0.5, 'working_days', '2025-03-11 11:30'],
    ['0.5 day from a Friday afternoon', '2025-03-14 14:00', 0.5, 'working_days', '2025-03-17 11:30'],
    ['0.5 day from the lunch break (counts from 13:30)', '2025-03-10 12:00', 0.5, 'working_days', '2025-03-11 11:30'],
    ['0.5 day after the cut-off', '2025-03-10 15:30', 0.5, 'working_days', '2025-03-11 17:00'],
    ['0.5 day into a make-up Saturday', '2025-04-25 14:00', 0.5, 'working_days', '2025-04-26 11:30'],
    ['1.5 days from the morning', '2025-03-10 09:00', 1.5, 'working_days', '2025-03-11 17:00'],
    ['1.5 days from the afternoon', '2025-03-10 14:00', 1.5, 'working_days', '2025-03-12 11:30'],
    ['1 half-day from the morning', '2025-03-10 09:00', 1, 'half_days', '2025-03-10 17:00'],
    ['3 half-days from the morning', '2025-03-10 09:00', 3, 'half_days', '2025-03-11 17:00'],
    ['1 half-day over 30/4 – 1/5', '2025-04-29 14:00', 1, 'half_days', '2025-05-05 11:30'],
  ] as const)('half-days: %s', (_case, start, amount, unit, expected) => {
    expect(due(start, amount, unit)).toBe(expected);
  });

  it.each([
    ['8 hours from Monday 09:00', '2025-03-10 09:00', 8, '2025-03-11 09:30'],
    ['4 hours over the lunch break', '2025-03-10 10:00', 4, '2025-03-10 16:00'],
    ['to the end of the morning session exactly', '2025-03-10 09:00', 2.5, '2025-03-10 11:30'],
    ['half an hour over lunch', '2025-03-10 11:15', 0.5, '2025-03-10 13:45'],
    ['after the cut-off before Tết', '2025-01-24 15:30', 1, '2025-02-03 08:30'],
  ])('working hours: %s', (_case, start, amount, expected) => {
    expect(due(start, amount, 'working_hours')).toBe(expected);
  });

  it.each([
    ['7 days: a working Monday', '2025-03-10 09:00', 7, 'calendar_days', '2025-03-17 17:00'],
    ['5 days landing on Tết: the next working day', '2025-01-24 09:00', 5, 'calendar_days', '2025-02-03 17:00'],
    ['15 days landing on a make-up Saturday', '2025-01-24 09:00', 15, 'calendar_days', '2025-02-08 17:00'],
    ['3 days after the cut-off: counted from Monday', '2025-03-14 16:00', 3, 'calendar_days', '2025-03-20 17:00'],
    ['2 months from 31 Jul: clamped to 30 Sep', '2025-07-31 10:00', 2, 'months', '2025-09-30 17:00'],
    ['1 month from a Tết day: from the receipt day after Tết', '2025-01-31 10:00', 1, 'months', '2025-03-03 17:00'],
    ['1 month landing on 30 Apr: moved past the holidays', '2025-03-31 10:00', 1, 'months', '2025-05-05 17:00'],
    ['3 months across the year', '2025-10-15 10:00', 3, 'months', '2026-01-15 17:00'],
    ['12 months from a leap day', '2024-02-29 10:00', 12, 'months', '2025-02-28 17:00'],
  ] as const)('calendar time: %s', (_case, start, amount, unit, expected) => {
    expect(due(start, amount, unit)).toBe(expected);
  });

  it.each([
    ['an unknown unit', 1, 'weeks', 'INVALID_UNIT'],
    ['a negative amount', -1, 'working_days', 'INVALID_AMOUNT'],
    ['an infinite amount', Number.POSITIVE_INFINITY, 'working_hours', 'INVALID_AMOUNT'],
    ['NaN', Number.NaN, 'working_hours', 'INVALID_AMOUNT'],
    ['a third of a day', 1.3, 'working_days', 'INVALID_AMOUNT'],
    ['half a half-day', 0.5, 'half_days', 'INVALID_AMOUNT'],
    ['half a month', 0.5, 'months', 'INVALID_AMOUNT'],
  ])('rejects %s', (_case, amount, unit, code) => {
    expect(() => national.deadline({ start: at('2025-03-10 09:00'), amount, unit: unit as DeadlineUnit })).toThrow(expect.objectContaining({ reason: code }));
  });

  it('rejects an invalid start and a year out of range', () => {
    expect(() => national.deadline({ start: new Date('not a date'), amount: 1, unit: 'working_days' })).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }));
    expect(() => national.deadline({ start: at('1999-12-31 09:00'), amount: 1, unit: 'working_days' })).toThrow(expect.objectContaining({ reason: 'YEAR_OUT_OF_RANGE' }));
    expect(() => national.deadline({ start: at('2100-12-20 09:00'), amount: 30, unit: 'working_days' })).toThrow(expect.objectContaining({ reason: 'YEAR_OUT_OF_RANGE' }));
  });
});

describe('deadlineWithPauses', () => {
  const pause = (from: string, to: string | null): Pause => ({ from: at(from), to: to === null ? null : at(to) });
  const dueWithPauses = (start: string, amount: number, mode: 'resume' | 'restart', pauses: Pause[]): string | null =>
    vn(national.deadlineWithPauses({ start: at(start), amount, unit: 'working_days', pauses, mode }));

  it('resume: a pause spanning 30/4 – 1/5 pushes the deadline by its working time only', () => {
    // Without the pause: Saturday 26 Apr 17:00. Paused working time: Fri 25 Apr 09:00–17:00 (360),
    // Sat 26, Mon 28, Tue 29 Apr and Mon 5 May (4 × 480), Tue 6 May 07:30–09:00 (90) = 2370 minutes.
    expect(dueWithPauses('2025-04-21 09:00', 5, 'resume', [])).toBe('2025-04-26 17:00');
    expect(dueWithPauses('2025-04-21 09:00', 5, 'resume', [pause('2025-04-25 09:00', '2025-05-06 09:00')])).toBe('2025-05-07 17:00');
  });

  it('resume: a pause over closed days only changes nothing', () => {
    expect(dueWithPauses('2025-01-24 09:00', 3, 'resume', [pause('2025-01-25 08:00', '2025-02-02 20:00')])).toBe('2025-02-05 17:00');
  });

  it('resume: overlapping pauses count once, time before the counting start not at all', () => {
    // Merged pause 09:00–14:30 on Monday: 150 + 60 minutes.
    const pauses = [pause('2025-03-10 09:00', '2025-03-10 12:00'), pause('2025-03-10 10:00', '2025-03-10 14:30')];
    expect(dueWithPauses('2025-03-10 08:00', 1, 'resume', pauses)).toBe('2025-03-12 11:00');
    expect(dueWithPauses('2025-03-10 16:00', 1, 'resume', [pause('2025-03-10 16:00', '2025-03-10 16:50')])).toBe('2025-03-12 17:00');
  });

  it('restart: the legal time starts from zero when the last pause ends', () => {
    expect(dueWithPauses('2025-03-03 09:00', 5, 'restart', [])).toBe('2025-03-10 17:00');
    expect(dueWithPauses('2025-03-03 09:00', 5, 'restart', [pause('2025-03-05 10:00', '2025-03-10 10:00')])).toBe('2025-03-17 17:00');
    // Completed after the cut-off: counted as received the next working day.
    expect(dueWithPauses('2025-03-03 09:00', 5, 'restart', [pause('2025-03-05 10:00', '2025-03-10 16:00')])).toBe('2025-03-18 17:00');
    const twoPauses = [pause('2025-03-05 10:00', '2025-03-06 10:00'), pause('2025-03-07 09:00', '2025-03-24 09:00')];
    expect(dueWithPauses('2025-03-03 09:00', 5, 'restart', twoPauses)).toBe('2025-03-31 17:00');
  });

  it.each(['resume', 'restart'] as const)('%s: no deadline while a pause is open', (mode) => {
    expect(dueWithPauses('2025-03-03 09:00', 5, mode, [pause('2025-03-05 10:00', null)])).toBeNull();
  });

  it('rejects a pause that ends before it starts', () => {
    const backwards = pause('2025-03-06 10:00', '2025-03-05 10:00');
    expect(() => dueWithPauses('2025-03-03 09:00', 5, 'resume', [backwards])).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }));
  });
});

describe('reprojectDeadlines', () => {
  it('returns only the open deadlines a calendar change moves', () => {
    const request = (start: string, pauses: Pause[] = []) => ({ start: at(start), amount: 2, unit: 'working_days', pauses, mode: 'resume' }) as const;
    const open = [
      { key: 'crosses the new day off', request: request('2025-03-10 09:00') },
      { key: 'before it', request: request('2025-03-05 09:00') },
      { key: 'paused', request: request('2025-03-10 09:00', [{ from: at('2025-03-10 10:00'), to: null }]) },
    ].map((item) => ({ ...item, deadline: national.deadlineWithPauses(item.request) }));

    const edited = buildWorkingCalendar({
      ...NATIONAL_CALENDAR_SPEC,
      overrides: [...NATIONAL_CALENDAR_SPEC.overrides, { date: '2025-03-11', kind: 'day_off', reason: 'Nghỉ đột xuất' }],
    });

    expect(reprojectDeadlines(national, open)).toEqual([]);
    const changes = reprojectDeadlines(edited, open);
    expect(changes.map(({ key, previous, next }) => ({ key, previous: vn(previous), next: vn(next) }))).toEqual([
      { key: 'crosses the new day off', previous: '2025-03-12 17:00', next: '2025-03-13 17:00' },
    ]);
  });
});

describe('deadline properties', () => {
  const START_2025 = at('2025-01-01 00:00').getTime();
  const MINUTES_2025_2026 = 2 * 365 * 24 * 60;
  const anyStart = fc.integer({ min: 0, max: MINUTES_2025_2026 - 1 }).map((minute) => new Date(START_2025 + minute * 60_000));
  const amountOf = (unit: DeadlineUnit, n: number): number => (unit === 'working_days' ? n / 2 : unit === 'working_hours' ? n / 4 : unit === 'months' ? n % 25 : n);
  const anyUnit = fc.constantFrom(...DEADLINE_UNITS);
  const anyCount = fc.integer({ min: 0, max: 240 });

  const inWorkingTime = (instant: Date): boolean => {
    const [date, time] = vn(instant)!.split(' ');
    const inside = (from: string, to: string) => time >= from && time <= to;
    return national.isWorkingDay(date) && (inside('07:30', '11:30') || inside('13:30', '17:00'));
  };

  it('a deadline is always inside a session or at its end', () => {
    fc.assert(
      fc.property(anyStart, anyUnit, anyCount, (start, unit, n) => {
        expect(inWorkingTime(national.deadline({ start, amount: amountOf(unit, n), unit }))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(anyStart, anyUnit, anyCount, anyCount, (start, unit, a, b) => {
        const [small, large] = [amountOf(unit, a), amountOf(unit, b)].sort((x, y) => x - y);
        const early = national.deadline({ start, amount: small, unit });
        const late = national.deadline({ start, amount: large, unit });
        expect(early.getTime()).toBeLessThanOrEqual(late.getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('adding a then b working days equals adding a + b; the same for working time', () => {
    fc.assert(
      fc.property(anyStart, anyCount, anyCount, (start, a, b) => {
        const date = vn(start)!.slice(0, 10);
        expect(national.addWorkingDays(national.addWorkingDays(date, a), b)).toBe(national.addWorkingDays(date, a + b));
        expect(national.addWorkingTime(national.addWorkingTime(start, a * 7), b * 7)).toEqual(national.addWorkingTime(start, (a + b) * 7));
      }),
    );
  });

  it('working time between a start and start + m is m', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 0, max: 100_000 }), (start, minutes) => {
        expect(national.workingTimeBetween(start, national.addWorkingTime(start, minutes))).toBe(minutes);
      }),
    );
  });

  it('without public holidays, N working days from a Monday 08:00 is N weekdays later at 17:00', () => {
    const plain = buildWorkingCalendar(DEFAULT_CALENDAR_SPEC, { publicHolidays: false });
    const anyMonday = fc.integer({ min: 0, max: 5200 }).map((week) => new Date(Date.UTC(2000, 0, 3 + week * 7)));
    fc.assert(
      fc.property(anyMonday, fc.integer({ min: 0, max: 300 }), (monday, n) => {
        const expected = new Date(monday);
        expected.setUTCDate(expected.getUTCDate() + Math.floor(n / 5) * 7 + (n % 5));
        const date = monday.toISOString().slice(0, 10);
        expect(vn(plain.deadline({ start: at(`${date} 08:00`), amount: n, unit: 'working_days' }))).toBe(`${expected.toISOString().slice(0, 10)} 17:00`);
      }),
    );
  });

  it('a resumed pause wholly outside office hours does not move the deadline', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const request = { start, amount: n, unit: 'working_days' as const, mode: 'resume' as const };
        const date = vn(start)!.slice(0, 10);
        const night = { from: at(`${date} 17:00`), to: new Date(at(`${date} 17:00`).getTime() + 14 * 3_600_000) };
        expect(national.deadlineWithPauses({ ...request, pauses: [night] })).toEqual(national.deadline(request));
      }),
    );
  });
});
