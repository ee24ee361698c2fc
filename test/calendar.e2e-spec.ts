import { startApi, TestApi } from './support/api';

describe('calendar', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const deadline = async (from: string, amount: number | string, unit: string, extra: Record<string, string> = {}) =>
    api
      .http()
      .get('/api/calendar/deadline')
      .query({ from, amount, unit, ...extra })
      .set('Authorization', await api.login('tiepnhan.vinhhai'));

  it('shows the official 2025 schedule exactly', async () => {
    const response = await api
      .http()
      .get('/api/calendar/2025')
      .set('Authorization', await api.login('tiepnhan.vinhhai'));
    expect(response.status).toBe(200);
    const weekdaysOff = response.body.nonWorkingDays.filter((day: { kind: string }) => day.kind !== 'weekend').map((day: { date: string }) => day.date);
    expect(weekdaysOff).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(response.body.makeUpWorkingDays.map((day: { date: string }) => day.date)).toEqual(['2025-02-08', '2025-04-26']);
    const labels = Object.fromEntries(response.body.nonWorkingDays.map((day: { date: string; label: string }) => [day.date, day.label]));
    expect(labels['2025-01-29']).toMatch(/Tết Nguyên đán/);
    expect(labels['2025-04-07']).toMatch(/Hùng/);
    // Saturdays and Sundays of the holiday spans are weekend days, still off: 25 Jan – 2 Feb is nine days off.
    expect(response.body.nonWorkingDays.filter((day: { date: string }) => day.date >= '2025-01-25' && day.date <= '2025-02-02')).toHaveLength(9);
    expect(response.body.overrides).toHaveLength(3);
  });

  it('shows 2026 Tết from Sat 14 to Sun 22 Feb, with Mon 16 – Fri 20 the holidays', async () => {
    const response = await api
      .http()
      .get('/api/calendar/2026')
      .set('Authorization', await api.login('giamsat.tinh'));
    const february = response.body.nonWorkingDays.filter((day: { date: string }) => day.date >= '2026-02-14' && day.date <= '2026-02-22');
    expect(february.map((day: { date: string }) => day.date)).toHaveLength(9);
    expect(february.filter((day: { kind: string }) => day.kind !== 'weekend').map((day: { date: string }) => day.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it.each([
    ['received Friday 16:00 (after the cut-off) with 1 working day', '2025-03-14T16:00:00+07:00', 1, 'working_days', '2025-03-17T00:30:00.000Z', '17:00, ngày 18/03/2025'],
    ['received the day before Tết 2025 with 3 working days', '2025-01-24T09:00:00+07:00', 3, 'working_days', '2025-01-24T02:00:00.000Z', '17:00, ngày 05/02/2025'],
    ['6 working days before Tết 2025 counts Sat 8 Feb', '2025-01-24T09:00:00+07:00', 6, 'working_days', '2025-01-24T02:00:00.000Z', '17:00, ngày 08/02/2025'],
    ['5 working days across 30 April 2025', '2025-04-28T10:00:00+07:00', 5, 'working_days', '2025-04-28T03:00:00.000Z', '17:00, ngày 08/05/2025'],
    ['half a day received in the morning', '2025-03-10T08:00:00+07:00', 0.5, 'working_days', '2025-03-10T01:00:00.000Z', '17:00, ngày 10/03/2025'],
    ['half a day received in the afternoon', '2025-03-10T14:00:00+07:00', 0.5, 'working_days', '2025-03-10T07:00:00.000Z', '11:30, ngày 11/03/2025'],
    ['across the year boundary', '2025-12-30T10:00:00+07:00', 3, 'working_days', '2025-12-30T03:00:00.000Z', '17:00, ngày 05/01/2026'],
    ['4 working hours across lunch', '2025-03-10T10:00:00+07:00', 4, 'working_hours', '2025-03-10T03:00:00.000Z', '16:00, ngày 10/03/2025'],
  ])('answers %s', async (_case, from, amount, unit, countingStart, deadlineText) => {
    const response = await deadline(from, amount, unit);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ countingStart, deadlineText, amount, unit, channel: 'counter' });
  });

  it('rejects bad input with 400 naming each field', async () => {
    const response = await deadline('2025-03-10T09:00:00', -1, 'fortnights');
    expect(response.status).toBe(400);
    expect(response.body.details.fields.map((problem: { field: string }) => problem.field).sort()).toEqual(['amount', 'from', 'unit']);
    const notNumber = await deadline('2025-03-10T09:00:00+07:00', 'abc', 'working_days');
    expect(notNumber.body.details.fields).toEqual([{ field: 'amount', reason: 'amount must be a number' }]);
    const badDate = await deadline('2025-02-30T09:00:00+07:00', 1, 'working_days');
    expect(badDate.body.details.fields).toEqual([{ field: 'from', reason: 'from must be an ISO 8601 instant' }]);
    const thirdOfDay = await deadline('2025-03-10T09:00:00+07:00', 1.3, 'working_days');
    expect(thirdOfDay.status).toBe(400);
    expect(thirdOfDay.body.details.reason).toBe('INVALID_AMOUNT');
    for (const year of ['1999', '2101', 'abc']) {
      const response = await api
        .http()
        .get(`/api/calendar/${year}`)
        .set('Authorization', await api.login('admin'));
      expect(response.status).toBe(400);
      expect(response.body.details.fields[0].field).toBe('year');
    }
  });

  it("lets the system administrator replace a year's overrides, which moves deadlines at once", async () => {
    const admin = await api.login('quantri.hethong');
    const before = await deadline('2025-11-28T09:00:00+07:00', 1, 'working_days');
    expect(before.body.deadlineText).toBe('17:00, ngày 01/12/2025');

    const current = await api.http().get('/api/calendar/2025').set('Authorization', admin);
    const overrides = [...current.body.overrides, { date: '2025-12-01', kind: 'day_off', reason: 'Nghỉ thử nghiệm' }];
    const replaced = await api.http().put('/api/calendar/2025/overrides').set('Authorization', admin).send({ overrides });
    expect(replaced.status).toBe(200);
    expect(replaced.body.nonWorkingDays).toContainEqual({ date: '2025-12-01', kind: 'override', label: 'Nghỉ thử nghiệm' });

    const after = await deadline('2025-11-28T09:00:00+07:00', 1, 'working_days');
    expect(after.body.deadlineText).toBe('17:00, ngày 02/12/2025');
  });

  it('refuses overrides outside the year or twice the same date, and changes nothing', async () => {
    const admin = await api.login('quantri.hethong');
    const response = await api
      .http()
      .put('/api/calendar/2026/overrides')
      .set('Authorization', admin)
      .send({
        overrides: [
          { date: '2027-01-02', kind: 'day_off', reason: 'x' },
          { date: '2026-03-02', kind: 'day_off', reason: 'x' },
          { date: '2026-03-02', kind: 'working_day', reason: 'y' },
          { date: '2026-02-30', kind: 'holiday', reason: '' },
        ],
      });
    expect(response.status).toBe(400);
    expect(response.body.details.fields).toEqual([
      { field: 'overrides[3].date', reason: 'date must be a real date as yyyy-MM-dd' },
      { field: 'overrides[3].kind', reason: 'kind must be one of the following values: day_off, working_day' },
      { field: 'overrides[3].reason', reason: 'reason must be longer than or equal to 1 characters' },
    ]);
    const semantic = await api
      .http()
      .put('/api/calendar/2026/overrides')
      .set('Authorization', admin)
      .send({
        overrides: [
          { date: '2027-01-02', kind: 'day_off', reason: 'x' },
          { date: '2026-03-02', kind: 'day_off', reason: 'x' },
          { date: '2026-03-02', kind: 'working_day', reason: 'y' },
        ],
      });
    expect(semantic.status).toBe(400);
    expect(semantic.body.details.fields).toEqual([
      { field: 'overrides[0].date', reason: 'must be a date in 2026' },
      { field: 'overrides[2].date', reason: 'appears twice' },
    ]);
    const year = await api.http().get('/api/calendar/2026').set('Authorization', admin);
    expect(year.body.overrides).toEqual([]);
  });

  it("is the system administrator's to edit: a province ADMIN or supervisor gets 403 and changes nothing", async () => {
    const before = (
      await api
        .http()
        .get('/api/calendar/2026')
        .set('Authorization', await api.login('admin'))
    ).body;
    for (const username of ['giamsat.tinh', 'admin']) {
      const response = await api
        .http()
        .put('/api/calendar/2026/overrides')
        .set('Authorization', await api.login(username))
        .send({ overrides: [] });
      expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect(
      (
        await api
          .http()
          .get('/api/calendar/2026')
          .set('Authorization', await api.login('admin'))
      ).body,
    ).toEqual(before);
  });
});
