import { jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { TimersProcessor } from '../apps/worker/src/timers/timers.processor';
import { startApi, TestApi } from './support/api';
import { freezeClock, INVESTMENT, landDossier } from './support/dossiers';
import { eventually, startWorker } from './support/worker';

/** Regressions of issue 14: things that must happen once, sent several times at the same moment. */
describe('exactly once under concurrency', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const as = (username: string) => api.login(username);
  const file = async (username: string, body: object) =>
    (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await as(username))
        .send(body)
    ).body.code as string;
  const stepOf = (username: string, code: string, stepKey: string) =>
    eventually(async () => {
      const items = (
        await api
          .http()
          .get('/api/tasks')
          .query({ dossier: code })
          .set('Authorization', await as(username))
      ).body.items as { id: string; stepKey: string; status: string }[];
      const task = items.find((item) => item.stepKey === stepKey);
      expect(task).toBeDefined();
      return task!;
    });
  const claim = async (username: string, taskId: string) => {
    const response = await api
      .http()
      .post(`/api/tasks/${taskId}/claim`)
      .set('Authorization', await as(username));
    expect(response.status).toBe(200);
  };
  const tasksOf = (code: string) =>
    api.env.query<{ step_key: string; activation: number; status: string; assignee_id: string | null }>(
      `SELECT t.step_key, t.activation, t.status, t.assignee_id FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = $1 ORDER BY t.activated_at, t.step_key`,
      [code],
    );
  const historyOf = (code: string) =>
    api.env.query<{ action: string; at: Date; details: Record<string, unknown> | null }>(
      `SELECT h.action, h.at, h.details FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.code = $1 ORDER BY h.id`,
      [code],
    );

  it('completes a step once when the same complete is sent 8 times at the same moment: one 200, seven 409 STEP_ALREADY_COMPLETED, one next step', async () => {
    const code = await file('tiepnhan.vinhhai', landDossier());
    const task = await stepOf('xuly.vpdk.nhatrang', code, 'tham-dinh');
    await claim('xuly.vpdk.nhatrang', task.id);
    const token = await as('xuly.vpdk.nhatrang');
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.http().post(`/api/tasks/${task.id}/complete`).set('Authorization', token).send({ action: 'forward' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(new Set(answers.filter((answer) => answer.status === 409).map((answer) => answer.body.code))).toEqual(new Set(['STEP_ALREADY_COMPLETED']));
    // The next step is open at once (routed in the completing transaction), and only once.
    expect((await tasksOf(code)).map((row) => `${row.step_key}#${row.activation}:${row.status}`)).toEqual(['tham-dinh#1:done', 'nghia-vu-tai-chinh#1:open']);
    expect((await historyOf(code)).filter((entry) => entry.action === 'complete-step')).toHaveLength(1);
  });

  it('opens the step after a join once when both parallel branches are completed at the same moment', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const code = await file('tiepnhan.tinh', INVESTMENT);
      const appraisal = await stepOf('xuly.sokhdt', code, 'tham-dinh');
      await claim('xuly.sokhdt', appraisal.id);
      expect(
        (
          await api
            .http()
            .post(`/api/tasks/${appraisal.id}/complete`)
            .set('Authorization', await as('xuly.sokhdt'))
            .send({ action: 'forward' })
        ).status,
      ).toBe(200);
      const environment = await stepOf('xuly.sotnmt', code, 'y-kien-tnmt');
      const building = await stepOf('xuly.soxd', code, 'y-kien-xay-dung');
      await claim('xuly.sotnmt', environment.id);
      await claim('xuly.soxd', building.id);
      const [first, second] = await Promise.all([
        api
          .http()
          .post(`/api/tasks/${environment.id}/complete`)
          .set('Authorization', await as('xuly.sotnmt'))
          .send({ action: 'forward' }),
        api
          .http()
          .post(`/api/tasks/${building.id}/complete`)
          .set('Authorization', await as('xuly.soxd'))
          .send({ action: 'forward' }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      // Give a late duplicate time to appear: there must never be one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await tasksOf(code)).filter((row) => row.step_key === 'quyet-dinh').map((row) => row.activation)).toEqual([1]);
    }
  });

  it("lets the agency's leader release and reassign a step its officer holds, and deactivation release every claim", async () => {
    const code = await file(
      'tiepnhan.vinhhai',
      landDossier({
        procedureCode: '2.000815',
        documents: [
          { key: 'ban-chinh', originals: 1, copies: 0 },
          { key: 'ban-sao', originals: 0, copies: 1 },
        ],
      }),
    );
    const task = await stepOf('xuly.vinhhai', code, 'chung-thuc');
    await claim('xuly.vinhhai', task.id);
    const leader = await as('lanhdao.vinhhai');
    // Another agency's leader does not see the step; a processor may not release it.
    expect(
      (
        await api
          .http()
          .post(`/api/tasks/${task.id}/release`)
          .set('Authorization', await as('lanhdao.nhatrang'))
      ).status,
    ).toBe(404);
    expect(
      (
        await api
          .http()
          .post(`/api/tasks/${task.id}/release`)
          .set('Authorization', await as('xuly.vinhhai'))
      ).status,
    ).toBe(403);
    const released = await api.http().post(`/api/tasks/${task.id}/release`).set('Authorization', leader);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'open', assigneeId: null });
    const again = await api.http().post(`/api/tasks/${task.id}/release`).set('Authorization', leader);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'STEP_NOT_CLAIMED' });
    // Assigning checks the officer: a leader is not the step's role.
    const wrong = await api.http().post(`/api/tasks/${task.id}/assign`).set('Authorization', leader).send({ username: 'lanhdao.vinhhai' });
    expect({ status: wrong.status, field: wrong.body.details?.fields?.[0]?.field }).toEqual({ status: 422, field: 'username' });
    const assigned = await api.http().post(`/api/tasks/${task.id}/assign`).set('Authorization', leader).send({ username: 'xuly.vinhhai' });
    expect(assigned.body).toMatchObject({ status: 'claimed' });
    expect((await historyOf(code)).map((entry) => entry.action)).toEqual(expect.arrayContaining(['release-step', 'assign-step']));

    // The administrator deactivates the officer: the step goes back to the agency's inbox, where nobody else could have taken it.
    const admin = await as('admin');
    expect((await api.http().patch('/api/users/xuly.vinhhai').set('Authorization', admin).send({ active: false })).status).toBe(200);
    expect((await tasksOf(code))[0]).toMatchObject({ status: 'open', assignee_id: null });
    expect((await api.http().patch('/api/users/xuly.vinhhai').set('Authorization', admin).send({ active: true })).status).toBe(200);
  });

  it('tells somebody of an unclaimed overdue step at an agency without leaders: its officers and the leaders of its unit', async () => {
    const code = await file('tiepnhan.vinhhai', landDossier());
    const task = await stepOf('xuly.vpdk.nhatrang', code, 'tham-dinh');
    await worker.get(TimersProcessor).sweep(new Date(Date.now() + 60 * 24 * 3600 * 1000));
    const told = await api.env.query<{ username: string }>(
      `SELECT u.username FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE n.task_id = $1 AND n.kind = 'overdue' ORDER BY u.username`,
      [task.id],
    );
    expect(told.map((row) => row.username)).toEqual(['giamsat.nhatrang', 'lanhdao.nhatrang', 'xuly.vpdk.nhatrang']);
  });

  it("stamps history with the application's clock, like the deadlines it is compared with", async () => {
    const move = freezeClock(api, '2025-03-10 09:00');
    try {
      const code = await file('tiepnhan.vinhhai', landDossier());
      const task = await stepOf('xuly.vpdk.nhatrang', code, 'tham-dinh');
      await claim('xuly.vpdk.nhatrang', task.id);
      move('2025-03-11 10:15');
      expect(
        (
          await api
            .http()
            .post(`/api/tasks/${task.id}/complete`)
            .set('Authorization', await as('xuly.vpdk.nhatrang'))
            .send({ action: 'forward' })
        ).status,
      ).toBe(200);
      const history = await historyOf(code);
      expect(history.filter((entry) => ['submit', 'accept'].includes(entry.action)).map((entry) => entry.at.toISOString())).toEqual(['2025-03-10T02:00:00.000Z', '2025-03-10T02:00:00.000Z']);
      expect(history.find((entry) => entry.action === 'complete-step')!.at.toISOString()).toBe('2025-03-11T03:15:00.000Z');
    } finally {
      jest.restoreAllMocks();
    }
  });
});
