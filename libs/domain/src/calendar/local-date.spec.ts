import fc from 'fast-check';
import { CalendarError } from './calendar.errors';
import { at } from './calendar.test-helpers';
import {
  addLocalDays,
  civilDateOf,
  dayNumberOf,
  formatLocalDate,
  formatVietnameseDateTime,
  fromLocalInstant,
  parseLocalDate,
  parseLocalTime,
  toLocalDate,
  toLocalInstant,
  weekdayOf,
} from './local-date';

describe('local dates', () => {
  it('maps civil dates to day numbers exactly like Date.UTC, over 1900–2200', () => {
    const days = fc.integer({ min: dayNumberOf(1900, 1, 1), max: dayNumberOf(2200, 12, 31) });
    fc.assert(
      fc.property(days, (day) => {
        const utc = new Date(Date.UTC(1970, 0, 1 + day));
        expect(civilDateOf(day)).toEqual({
          year: utc.getUTCFullYear(),
          month: utc.getUTCMonth() + 1,
          day: utc.getUTCDate(),
        });
        expect(dayNumberOf(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate())).toBe(day);
        expect(weekdayOf(day)).toBe(utc.getUTCDay());
      }),
    );
  });

  it('reads the local date in +07:00, not in UTC', () => {
    expect(toLocalDate(at('2025-01-01 00:30'))).toBe('2025-01-01');
    expect(toLocalDate(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
    expect(toLocalDate(new Date('2024-12-31T16:59:59Z'))).toBe('2024-12-31');
  });

  it('round-trips instants through local day and minute, seconds included', () => {
    const instant = new Date('2025-03-10T02:00:30.250Z');
    const local = toLocalInstant(instant);
    expect(formatLocalDate(local.day)).toBe('2025-03-10');
    expect(local.minute).toBeCloseTo(9 * 60 + 0.5 + 0.25 / 60, 9);
    expect(fromLocalInstant(local.day, local.minute)).toEqual(instant);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-01', 'yesterday', ''])('rejects the date %j', (date) => {
    expect(() => parseLocalDate(date)).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }));
  });

  it.each(['7:30', '24:01', '12:60', 'noon'])('rejects the time %j', (time) => {
    expect(() => parseLocalTime(time)).toThrow(CalendarError);
  });

  it('accepts a leap day and 24:00', () => {
    expect(formatLocalDate(parseLocalDate('2024-02-29'))).toBe('2024-02-29');
    expect(parseLocalTime('24:00')).toBe(1440);
  });
});

describe('Vietnamese formatting', () => {
  it('prints an instant as HH:mm, ngày dd/MM/yyyy in Vietnamese local time', () => {
    expect(formatVietnameseDateTime(new Date('2025-02-07T10:00:00Z'))).toBe('17:00, ngày 07/02/2025');
    expect(formatVietnameseDateTime(new Date('2025-12-31T17:05:00Z'))).toBe('00:05, ngày 01/01/2026');
  });

  it('adds days to a local date across months and years', () => {
    expect(addLocalDays('2025-07-01', -1)).toBe('2025-06-30');
    expect(addLocalDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addLocalDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
