import { at } from '../calendar/calendar.test-helpers';
import { NATIONAL_CALENDAR_SPEC } from '../calendar/official-schedules';
import { buildWorkingCalendar } from '../calendar/working-calendar';
import { latestExpiredRequest, supplementLimit } from './supplement-limit';

describe('the supplement limit', () => {
  const calendar = buildWorkingCalendar(NATIONAL_CALENDAR_SPEC);

  it('ends with the 15th working day after the request', () => {
    // Asked on Monday 10 March 2025: three weekends later, Monday 31 March at the end of its sessions.
    expect(supplementLimit(calendar, at('2025-03-10 09:00'))).toEqual(at('2025-03-31 17:00'));
  });

  it('gives the sweep the instant where requests stop having run out, within a second', () => {
    for (const now of [at('2025-03-31 17:01'), at('2025-03-31 16:59'), at('2025-05-06 08:00'), at('2025-09-01 10:00')]) {
      const bound = latestExpiredRequest(calendar, now);
      expect(supplementLimit(calendar, bound) > now).toBe(true);
      expect(supplementLimit(calendar, new Date(bound.getTime() - 1000)) <= now).toBe(true);
    }
    expect(latestExpiredRequest(calendar, at('2025-03-31 17:01')) > at('2025-03-10 09:00')).toBe(true);
    expect(latestExpiredRequest(calendar, at('2025-03-31 16:59')) <= at('2025-03-10 09:00')).toBe(true);
  });
});
