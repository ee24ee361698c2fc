import { jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkflowEngine } from '@motcua/workflow';
import { startApi, TestApi } from './support/api';
import { freezeClock, landDossier } from './support/dossiers';
import { eventually, startWorker } from './support/worker';

/** A working day is its sessions (7.5 hours by default), not 8 hours. */
describe('working days are days', () => {
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

  it('stops a dossier whose supplement did not come at the end of the 15th working day after the request, not a day later', async () => {
    const counter = await api.login('tiepnhan.vinhhai');
    const registry = await api.login('xuly.vpdk.nhatrang');
    const { code } = (await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body;
    const task = await eventually(async () => {
      const [found] = (await api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', registry)).body.items as { id: string }[];
      expect(found).toBeDefined();
      return found;
    });
    expect((await api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', registry)).status).toBe(200);
    // Asked on Monday 10 March 2025 at 09:00: the 15th working day after it is Monday 31 March (no holiday between).
    freezeClock(api, '2025-03-10 09:00');
    const asked = await api
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', registry)
      .send({ action: 'request-supplement', items: [{ what: 'Hợp đồng chuyển nhượng', why: 'Thiếu chữ ký' }] });
    expect(asked.status).toBe(200);
    const engine = worker.get(WorkflowEngine);
    const status = async () => (await api.env.query<{ status: string }>(`SELECT status FROM dossiers WHERE code = $1`, [code]))[0].status;

    await engine.stopExpiredSupplements(new Date('2025-03-31T16:59:00+07:00'));
    expect(await status()).toBe('SUPPLEMENT_REQUESTED');
    await engine.stopExpiredSupplements(new Date('2025-03-31T17:01:00+07:00'));
    expect(await status()).toBe('STOPPED');
    const open = await api.env.query(`SELECT 1 FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = $1 AND t.status IN ('open', 'claimed')`, [code]);
    expect(open).toEqual([]);
  });

  it("tells the officer the time left in the calendar's working days", async () => {
    freezeClock(api, '2025-03-10 09:00');
    freezeClock(worker, '2025-03-10 09:00');
    const counter = await api.login('tiepnhan.vinhhai');
    const registry = await api.login('xuly.vpdk.nhatrang');
    const { code } = (await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body;
    const item = await eventually(async () => {
      const [found] = (await api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', registry)).body.items as { dueText: string; timeLeft: unknown; overdue: boolean }[];
      expect(found).toBeDefined();
      return found;
    });
    // Received Monday 09:00 with three working days for the appraisal: the rest of Monday (6 hours) and Tuesday to Thursday.
    expect(item.dueText).toBe('17:00, ngày 13/03/2025');
    expect(item.timeLeft).toEqual({ days: 3, minutes: 360 });
    expect(item.overdue).toBe(false);
  });

  it('refuses a workflow whose steps need more than the legal time counted in 7.5-hour days', async () => {
    const admin = await api.login('quantri.hethong');
    const steps = (hours: number) => [
      {
        key: 'tham-dinh',
        kind: 'task',
        name: 'Thẩm định',
        performer: { agencyKind: 'LAND_REGISTRY', level: 'district' },
        role: 'PROCESSOR',
        budget: { amount: hours, unit: 'working_hours' },
        next: ['tra-ket-qua'],
      },
      { key: 'tra-ket-qua', kind: 'task', name: 'Trả kết quả', performer: { receivingAgency: true }, role: 'RECEPTION', budget: { amount: 2, unit: 'working_hours' }, next: [] },
    ];
    // 10 working days are 75 session hours: 74 + 2 is too long (8-hour days would allow 80).
    const tooLong = await api
      .http()
      .post('/api/procedures/1.004227/workflow-versions')
      .set('Authorization', admin)
      .send({ steps: steps(74) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.details.fields).toEqual([{ field: 'steps', reason: 'the longest path (tham-dinh → tra-ket-qua) needs 76 working hours; the legal time allows 75' }]);
    expect(
      (
        await api
          .http()
          .post('/api/procedures/1.004227/workflow-versions')
          .set('Authorization', admin)
          .send({ steps: steps(73) })
      ).status,
    ).toBe(201);
  });
});
