import { jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { startApi, TestApi } from './support/api';
import { freezeClock, landDossier } from './support/dossiers';
import { workStep } from './support/steps';
import { eventually, startWorker } from './support/worker';

/** Every view shows the appointment as it is now; the forms that ask for the original show it too. */
describe('the citizen is told the new date', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await worker.close();
    await api.close();
  });

  const dossier = async (code: string) =>
    (
      await api
        .http()
        .get(`/api/dossiers/${code}`)
        .set('Authorization', await api.login('giamsat.tinh'))
    ).body;

  it('shows the apology’s new return date on the dossier and the public lookup; the deadline the statistics use stays', async () => {
    const { code, verifier } = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await api.login('tiepnhan.vinhhai'))
        .send(landDossier())
    ).body;
    await eventually(async () => expect((await dossier(code)).status).toBe('IN_PROCESS'));
    const before = await dossier(code);
    const newDate = new Date(Date.parse(before.dueAt) + 5 * 24 * 3600 * 1000).toISOString();
    const apology = await api
      .http()
      .post(`/api/dossiers/${code}/apology`)
      .set('Authorization', await api.login('xuly.vpdk.nhatrang'))
      .send({ reason: 'Chờ xác minh', newReturnDate: newDate });
    expect(apology.status).toBe(200);
    const after = await dossier(code);
    expect({ appointmentAt: after.appointmentAt, dueAt: after.dueAt, originalDueAt: after.originalDueAt }).toEqual({ appointmentAt: newDate, dueAt: before.dueAt, originalDueAt: before.dueAt });
    const lookup = await api.http().get(`/api/public/dossiers/${code}`).query({ verifier });
    expect(lookup.body.appointmentAt).toBe(newDate);
    const day = new Date(before.receivedAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    const register = await api
      .http()
      .get('/api/registers')
      .query({ from: day, to: day })
      .set('Authorization', await api.login('tiepnhan.vinhhai'));
    expect(register.body.rows.find((row: { dossierCode: string }) => row.dossierCode === code).appointmentAt).toBe(newDate);
  });

  it('prints the appointment a payment pause moved on the control slip (BM.05), not the receipt’s', async () => {
    const move = freezeClock(api, '2025-03-10 09:00');
    const { code } = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await api.login('tiepnhan.vinhhai'))
        .send(landDossier())
    ).body;
    await workStep(api, 'xuly.vpdk.nhatrang', code, { step: 'tham-dinh' });
    await workStep(api, 'xuly.thue.nhatrang', code, { step: 'nghia-vu-tai-chinh', action: 'request-payment' });
    move('2025-03-13 09:00');
    expect(
      (
        await api
          .http()
          .post(`/api/dossiers/${code}/payment`)
          .set('Authorization', await api.login('tiepnhan.vinhhai'))
          .send({ note: 'Biên lai số 1' })
      ).status,
    ).toBe(200);
    const moved = await dossier(code);
    expect(moved.dueAt).not.toBe(moved.originalDueAt);
    const slip = await api
      .http()
      .get(`/api/dossiers/${code}/slips/BM.05`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'));
    expect(slip.status).toBe(200);
    expect(slip.text).toContain(moved.dueText);
  });
});
