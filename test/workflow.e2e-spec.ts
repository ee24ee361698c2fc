import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { readPdf } from '@motcua/testing';
import { TimersProcessor } from '../apps/worker/src/timers/timers.processor';
import { asBuffer, startApi, TestApi } from './support/api';
import { freezeClock, landDossier, verifierOf } from './support/dossiers';
import { eventually, startWorker } from './support/worker';

describe('workflow: liên thông across agencies', () => {
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
  const inbox = async (username: string, code: string) => {
    const response = await api
      .http()
      .get('/api/tasks')
      .query({ dossier: code })
      .set('Authorization', await as(username));
    expect(response.status).toBe(200);
    expect(response.body.items.every((item: { dossierCode: string }) => item.dossierCode === code)).toBe(true);
    return response.body.items as { id: string; stepKey: string; dueText: string; remainingWorkingHours: number }[];
  };
  /** Waits for the step to reach the user's inbox, claims it and completes it with an action. */
  const work = async (username: string, code: string, stepKey: string, body: Record<string, unknown> = { action: 'forward' }) => {
    const [task] = await eventually(async () => {
      const tasks = (await inbox(username, code)).filter((item) => item.stepKey === stepKey);
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    expect(
      (
        await api
          .http()
          .post(`/api/tasks/${task.id}/claim`)
          .set('Authorization', await as(username))
      ).status,
    ).toBe(200);
    const done = await api
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', await as(username))
      .send(body);
    expect(done.status).toBe(200);
    return done.body;
  };
  const dossier = async (code: string) =>
    (
      await api
        .http()
        .get(`/api/dossiers/${code}`)
        .set('Authorization', await as('giamsat.tinh'))
    ).body;

  it('carries the land transfer from the commune to the land registry, the tax office (with a payment pause), back, and to the return desk', async () => {
    const counter = await as('tiepnhan.vinhhai');
    const { code } = (await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body;
    await eventually(async () => expect((await dossier(code)).status).toBe('IN_PROCESS'));

    expect((await work('xuly.vpdk.nhatrang', code, 'tham-dinh')).result).toBe('early');
    await work('xuly.thue.nhatrang', code, 'nghia-vu-tai-chinh', { action: 'request-payment', note: 'Thông báo nộp thuế TNCN, lệ phí trước bạ' });
    expect((await dossier(code)).status).toBe('AWAITING_PAYMENT');
    // The tax step stays with its officer while the citizen pays; nobody else can take it.
    const paid = await api.http().post(`/api/dossiers/${code}/payment`).set('Authorization', counter).send({ note: 'Biên lai số 0012345' });
    expect(paid.body.status).toBe('IN_PROCESS');
    const [taxTask] = await inbox('xuly.thue.nhatrang', code);
    expect(
      (
        await api
          .http()
          .post(`/api/tasks/${taxTask.id}/complete`)
          .set('Authorization', await as('xuly.thue.nhatrang'))
          .send({ action: 'forward' })
      ).status,
    ).toBe(200);

    await work('xuly.vpdk.nhatrang', code, 'cap-giay', { action: 'approve', note: 'Đã cập nhật biến động' });
    await eventually(async () => expect((await dossier(code)).status).toBe('RESOLVED'));
    const [returnDesk] = await inbox('tiepnhan.vinhhai', code);
    expect(returnDesk.stepKey).toBe('tra-ket-qua');
    const returned = await api.http().post(`/api/dossiers/${code}/return`).set('Authorization', counter).send({ method: 'counter' });
    expect(returned.body).toMatchObject({ status: 'RETURNED', statusCode: 10 });
    expect(await inbox('tiepnhan.vinhhai', code)).toEqual([]);

    const slip = await api.http().get(`/api/dossiers/${code}/slips/BM.05.pdf`).set('Authorization', counter).buffer(true).parse(asBuffer);
    const text = (await readPdf(slip.body as Buffer))
      .map((page) => page.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    for (const agency of ['Chi nhánh Văn phòng Đăng ký đất đai thành phố Nha Trang', 'Chi cục Thuế khu vực Nha Trang – Cam Lâm', 'Ủy ban nhân dân phường Vĩnh Hải']) expect(text).toContain(agency);
    expect(text).toContain('Sớm hạn');

    const history = (await dossier(code)).history.map((entry: { action: string }) => entry.action);
    expect(history).toEqual(['submit', 'accept', 'start', 'complete-step', 'request-payment', 'payment', 'complete-step', 'complete-step', 'resolve', 'return']);
    const verifier = await verifierOf(api, code);
    const rating = await api.http().post(`/api/public/dossiers/${code}/rating`).send({ verifier, score: 5, comment: 'Nhanh, đúng hẹn' });
    expect(rating.status).toBe(204);
    expect((await api.http().post(`/api/public/dossiers/${code}/rating`).send({ verifier, score: 1 })).status).toBe(409);
  });

  it('tells every officer who may see the dossier where it is: the steps open at any agency, who took them, where each step goes', async () => {
    const { code } = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await as('tiepnhan.vinhhai'))
        .send(landDossier())
    ).body;
    const registry = { username: 'xuly.vpdk.nhatrang', agencyCode: '001.01.12.H56', agencyName: 'Chi nhánh Văn phòng Đăng ký đất đai thành phố Nha Trang' };
    // A supervisor of the province sees the step waiting at the district's land registry.
    await eventually(async () =>
      expect((await dossier(code)).currentSteps).toEqual([
        expect.objectContaining({
          stepKey: 'tham-dinh',
          activation: 1,
          agencyCode: registry.agencyCode,
          agencyName: registry.agencyName,
          role: 'PROCESSOR',
          status: 'open',
          assigneeName: null,
          overdue: false,
        }),
      ]),
    );
    const [task] = await inbox(registry.username, code);

    // The counter that received it (another agency) sees the same, and who took the step once it is taken.
    const counter = await as('tiepnhan.vinhhai');
    expect(
      (
        await api
          .http()
          .post(`/api/tasks/${task.id}/claim`)
          .set('Authorization', await as(registry.username))
      ).status,
    ).toBe(200);
    const officer = (
      await api
        .http()
        .get('/api/me')
        .set('Authorization', await as(registry.username))
    ).body;
    const seen = (await api.http().get(`/api/dossiers/${code}`).set('Authorization', counter)).body;
    expect(seen.currentSteps).toEqual([expect.objectContaining({ stepKey: 'tham-dinh', status: 'claimed', assigneeName: officer.fullName })]);
    expect(seen.routes).toEqual(
      expect.arrayContaining([
        { stepKey: 'nghia-vu-tai-chinh', agencyCode: '001.00.20.H56', agencyName: 'Chi cục Thuế khu vực Nha Trang – Cam Lâm' },
        { stepKey: 'tra-ket-qua', agencyCode: '002.00.31.H56', agencyName: 'Ủy ban nhân dân phường Vĩnh Hải' },
      ]),
    );
    expect(seen.applicantAddress).toBe('12 Trần Phú, Phường Vĩnh Hải');

    // Completed, the step leaves; the next one opens at the tax office.
    expect(
      (
        await api
          .http()
          .post(`/api/tasks/${task.id}/complete`)
          .set('Authorization', await as(registry.username))
          .send({ action: 'forward' })
      ).status,
    ).toBe(200);
    expect((await dossier(code)).currentSteps.map((step: { stepKey: string }) => step.stepKey)).not.toContain('tham-dinh');
    await eventually(async () =>
      expect((await dossier(code)).currentSteps).toEqual([
        expect.objectContaining({ stepKey: 'nghia-vu-tai-chinh', agencyName: 'Chi cục Thuế khu vực Nha Trang – Cam Lâm', role: 'PROCESSOR', status: 'open' }),
      ]),
    );
  });

  it('fans out to two departments in parallel and joins when both are done or skipped', async () => {
    const { code } = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await as('tiepnhan.tinh'))
        .send({
          procedureCode: '1.009645',
          channel: 'counter',
          applicant: { kind: 'organisation', fullName: 'Công ty TNHH Biển Xanh', idNumber: '4201234567', phone: '02583812345', address: { line: '01 Trần Phú', communeCode: '22330' } },
          documents: [
            { key: 'van-ban-de-nghi', originals: 1, copies: 0 },
            { key: 'de-xuat-du-an', originals: 1, copies: 3 },
            { key: 'nang-luc-tai-chinh', originals: 0, copies: 1 },
          ],
        })
    ).body;
    await work('xuly.sokhdt', code, 'tham-dinh');
    await eventually(async () => {
      expect((await inbox('xuly.sotnmt', code)).map((task) => task.stepKey)).toEqual(['y-kien-tnmt']);
      expect((await inbox('xuly.soxd', code)).map((task) => task.stepKey)).toEqual(['y-kien-xay-dung']);
    });
    await work('xuly.sotnmt', code, 'y-kien-tnmt');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await inbox('lanhdao.sokhdt', code)).toEqual([]);
    await work('xuly.soxd', code, 'y-kien-xay-dung', { action: 'skip', note: 'Dự án không có hạng mục xây dựng' });
    await work('lanhdao.sokhdt', code, 'quyet-dinh', { action: 'approve' });
    await eventually(async () => expect((await dossier(code)).status).toBe('RESOLVED'));
  });

  it('sends a dossier back to an earlier step, and refuses actions that do not fit', async () => {
    const counter = await as('tiepnhan.vinhhai');
    const { code } = (await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body;
    await work('xuly.vpdk.nhatrang', code, 'tham-dinh');
    const [tax] = await eventually(async () => {
      const tasks = await inbox('xuly.thue.nhatrang', code);
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    const taxOfficer = await as('xuly.thue.nhatrang');
    expect((await api.http().post(`/api/tasks/${tax.id}/complete`).set('Authorization', taxOfficer).send({ action: 'forward' })).status).toBe(409);
    const [first, second] = await Promise.all([
      api.http().post(`/api/tasks/${tax.id}/claim`).set('Authorization', taxOfficer),
      api.http().post(`/api/tasks/${tax.id}/claim`).set('Authorization', taxOfficer),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect((await api.http().post(`/api/tasks/${tax.id}/complete`).set('Authorization', taxOfficer).send({ action: 'skip' })).status).toBe(422);
    expect((await api.http().post(`/api/tasks/${tax.id}/complete`).set('Authorization', taxOfficer).send({ action: 'return', targetStep: 'cap-giay' })).status).toBe(422);
    await api.http().post(`/api/tasks/${tax.id}/complete`).set('Authorization', taxOfficer).send({ action: 'return', note: 'Thiếu thông tin địa chính' });
    const again = await eventually(async () => {
      const tasks = await inbox('xuly.vpdk.nhatrang', code);
      expect(tasks.map((task) => task.stepKey)).toEqual(['tham-dinh']);
      return tasks;
    });
    expect(again).toHaveLength(1);
    expect(
      (
        await api
          .http()
          .post(`/api/tasks/${tax.id}/claim`)
          .set('Authorization', await as('xuly.vpdk.nhatrang'))
      ).status,
    ).toBe(404);
  });

  it('raises due-soon and overdue notices once per person, however often the sweep runs', async () => {
    const { code } = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await as('tiepnhan.vinhhai'))
        .send(landDossier())
    ).body;
    const [task] = await eventually(async () => {
      const tasks = await inbox('xuly.vpdk.nhatrang', code);
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    await api
      .http()
      .post(`/api/tasks/${task.id}/claim`)
      .set('Authorization', await as('xuly.vpdk.nhatrang'));
    const timers = worker.get(TimersProcessor);
    const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    await timers.sweep(later);
    await timers.sweep(later);
    const notifications = await api
      .http()
      .get('/api/notifications')
      .query({ limit: 500 })
      .set('Authorization', await as('xuly.vpdk.nhatrang'));
    const mine = notifications.body.items.filter((n: { taskId: string }) => n.taskId === task.id);
    expect(mine.map((n: { kind: string }) => n.kind).sort()).toEqual(['due_soon', 'overdue']);
    expect(mine.find((n: { kind: string; title: string }) => n.kind === 'overdue').title).toBe('Quá hạn: Chi nhánh Văn phòng Đăng ký đất đai thẩm định, gửi thông tin địa chính');
  });

  it('lets the handling agency apologise once with a new date (BM.04); the dossier still counts as late', async () => {
    const { code } = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await as('tiepnhan.vinhhai'))
        .send(landDossier())
    ).body;
    await eventually(async () => expect(await inbox('xuly.vpdk.nhatrang', code)).toHaveLength(1));
    const registry = await as('xuly.vpdk.nhatrang');
    const before = await dossier(code);
    const newDate = new Date(Date.parse(before.dueAt) + 5 * 24 * 3600 * 1000).toISOString();
    const apology = await api.http().post(`/api/dossiers/${code}/apology`).set('Authorization', registry).send({ reason: 'Chờ kết quả xác minh nguồn gốc đất', newReturnDate: newDate });
    expect(apology.status).toBe(200);
    expect(apology.body.dueAt).toBe(before.dueAt);
    expect((await api.http().post(`/api/dossiers/${code}/apology`).set('Authorization', registry).send({ reason: 'Lần hai', newReturnDate: newDate })).status).toBe(409);
    expect(
      (
        await api
          .http()
          .post(`/api/dossiers/${code}/apology`)
          .set('Authorization', await as('xuly.sotnmt'))
          .send({ reason: 'Không liên quan', newReturnDate: newDate })
      ).status,
    ).toBe(403);
    const slip = await api.http().get(`/api/dossiers/${code}/slips/BM.04`).set('Authorization', registry);
    expect(slip.text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(slip.text).toContain('Chờ kết quả xác minh nguồn gốc đất');
  });
});

describe('calendar changes', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    freezeClock(api, '2025-03-03 09:00');
    freezeClock(worker, '2025-03-03 09:00');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('re-projects open dossier and step deadlines when an administrator adds a day off', async () => {
    const counter = await api.login('tiepnhan.vinhhai');
    const { code, dueText } = (await api.http().post('/api/dossiers').set('Authorization', counter).send(landDossier())).body;
    expect(dueText).toBe('17:00, ngày 17/03/2025');
    const taskDue = async () => {
      const inbox = await api
        .http()
        .get('/api/tasks')
        .set('Authorization', await api.login('xuly.vpdk.nhatrang'));
      return inbox.body.items.find((item: { dossierCode: string }) => item.dossierCode === code)?.dueText;
    };
    await eventually(async () => expect(await taskDue()).toBe('17:00, ngày 06/03/2025'));

    const admin = await api.login('quantri.hethong');
    const year = await api.http().get('/api/calendar/2025').set('Authorization', admin);
    const overrides = [...year.body.overrides, { date: '2025-03-05', kind: 'day_off', reason: 'Nghỉ đột xuất' }];
    expect((await api.http().put('/api/calendar/2025/overrides').set('Authorization', admin).send({ overrides })).status).toBe(200);

    await eventually(async () => {
      const dossier = (await api.http().get(`/api/dossiers/${code}`).set('Authorization', counter)).body;
      expect(dossier.dueText).toBe('17:00, ngày 18/03/2025');
      expect(dossier.history.map((entry: { action: string }) => entry.action)).toContain('reproject');
      expect(await taskDue()).toBe('17:00, ngày 07/03/2025');
    });
  });
});

describe('e-mailed notices', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: SMTPServer;
  const mails: { to: string; subject: string }[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
          for (const to of session.envelope.rcptTo) mails.push({ to: to.address, subject });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    api = await startApi({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('e-mails the assignee once when a step is overdue', async () => {
    const { code } = (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await api.login('tiepnhan.vinhhai'))
        .send(landDossier())
    ).body;
    const registry = await api.login('xuly.vpdk.nhatrang');
    const [task] = await eventually(async () => {
      const tasks = (await api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', registry)).body.items;
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    await api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', registry);
    const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    await worker.get(TimersProcessor).sweep(later);
    await worker.get(TimersProcessor).sweep(later);
    await eventually(async () => expect(mails.filter((mail) => mail.to === 'xuly.vpdk.nhatrang@motcua.demo')).toHaveLength(2));
    // Subjects are MIME-encoded (Vietnamese); one due-soon and one overdue, nothing twice.
    expect(new Set(mails.map((mail) => mail.subject)).size).toBe(2);
  });
});
