import { at } from './calendar.test-helpers';
import { classifyTimeliness } from './timeliness';

describe('classifyTimeliness', () => {
  const deadline = at('2025-03-18 17:00');

  it.each([
    ['the day before the deadline', '2025-03-17 16:00', 'early'],
    ['late in the evening the day before', '2025-03-17 23:30', 'early'],
    ['just after local midnight on the deadline day (still the 17th in UTC)', '2025-03-18 00:30', 'on_time'],
    ['on the deadline day, before the deadline', '2025-03-18 08:00', 'on_time'],
    ['at the deadline instant', '2025-03-18 17:00', 'on_time'],
    ['a minute after the deadline', '2025-03-18 17:01', 'late'],
    ['the next day', '2025-03-19 09:00', 'late'],
  ])('ended %s: %s', (_case, endedAt, expected) => {
    expect(classifyTimeliness(at(endedAt), deadline)).toBe(expected);
  });

  it('rejects an invalid instant', () => {
    expect(() => classifyTimeliness(new Date(Number.NaN), deadline)).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }));
  });
});
