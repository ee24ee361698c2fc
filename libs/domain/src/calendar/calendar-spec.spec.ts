import { CalendarSpec, DEFAULT_CALENDAR_SPEC, DEFAULT_DAY_SESSIONS, mergeCalendarSpec } from './calendar-spec';
import { NATIONAL_CALENDAR_SPEC } from './official-schedules';
import { buildWorkingCalendar } from './working-calendar';

describe('mergeCalendarSpec', () => {
  it('keeps the inherited calendar when the agency changes nothing', () => {
    expect(mergeCalendarSpec(NATIONAL_CALENDAR_SPEC, {})).toEqual({
      ...NATIONAL_CALENDAR_SPEC,
      overrides: [...NATIONAL_CALENDAR_SPEC.overrides].sort((a, b) => a.date.localeCompare(b.date)),
    });
  });

  it("replaces the given weekdays and cut-off, and lets the agency's override win on the same date", () => {
    const saturdayMorning = [{ start: '07:30', end: '11:30' }];
    const merged = mergeCalendarSpec(NATIONAL_CALENDAR_SPEC, {
      weeklySessions: { sat: saturdayMorning },
      cutoff: '16:00',
      overrides: [
        { date: '2025-04-26', kind: 'day_off', reason: 'Trung tâm nghỉ' },
        { date: '2025-03-12', kind: 'day_off', reason: 'Kiểm kê' },
      ],
    });
    expect(merged.weeklySessions).toEqual({ ...DEFAULT_CALENDAR_SPEC.weeklySessions, sat: saturdayMorning });
    expect(merged.cutoff).toBe('16:00');
    expect(merged.makeUpDaySessions).toBe(DEFAULT_DAY_SESSIONS);
    expect(merged.overrides).toEqual([
      { date: '2025-02-08', kind: 'working_day', reason: 'Làm bù theo lịch nghỉ Tết Nguyên đán 2025' },
      { date: '2025-03-12', kind: 'day_off', reason: 'Kiểm kê' },
      { date: '2025-04-26', kind: 'day_off', reason: 'Trung tâm nghỉ' },
      { date: '2025-05-02', kind: 'day_off', reason: 'Nghỉ lễ 30/4 – 1/5 (hoán đổi, làm bù thứ Bảy 26/04/2025)' },
    ]);
  });
});

describe('spec validation (buildWorkingCalendar)', () => {
  const withSessions = (mon: CalendarSpec['weeklySessions']['mon']): CalendarSpec => ({
    ...DEFAULT_CALENDAR_SPEC,
    weeklySessions: { ...DEFAULT_CALENDAR_SPEC.weeklySessions, mon },
  });

  it.each([
    ['a session ending before it starts', withSessions([{ start: '11:30', end: '07:30' }])],
    [
      'overlapping sessions',
      withSessions([
        { start: '07:30', end: '11:30' },
        { start: '11:00', end: '17:00' },
      ]),
    ],
    ['a malformed time', withSessions([{ start: '7h30', end: '11:30' }])],
    ['a malformed cut-off', { ...DEFAULT_CALENDAR_SPEC, cutoff: '3pm' }],
    ['make-up days without sessions', { ...DEFAULT_CALENDAR_SPEC, makeUpDaySessions: [] }],
    [
      'two overrides on one date',
      {
        ...DEFAULT_CALENDAR_SPEC,
        overrides: [
          { date: '2025-03-12', kind: 'day_off', reason: 'a' },
          { date: '2025-03-12', kind: 'working_day', reason: 'b' },
        ],
      },
    ],
    ['an override on an impossible date', { ...DEFAULT_CALENDAR_SPEC, overrides: [{ date: '2025-02-30', kind: 'day_off', reason: 'x' }] }],
  ] as [string, CalendarSpec][])('rejects %s', (_case, spec) => {
    expect(() => buildWorkingCalendar(spec)).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }));
  });
});
