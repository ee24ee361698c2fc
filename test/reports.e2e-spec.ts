import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { asBuffer, startApi, TestApi } from './support/api';
import { freezeClock, landDossier, verifierOf } from './support/dossiers';
import { eventually, startWorker } from './support/worker';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe('on-time reports', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let setApiTime: (local: string) => void;
  let setWorkerTime: (local: string) => void;
  const codes: Record<string, string> = {};

  const at = (local: string) => {
    setApiTime(local);
    setWorkerTime(local);
  };
  const file = async (counter: string, body: Record<string, unknown> = landDossier()) =>
    (
      await api
        .http()
        .post('/api/dossiers')
        .set('Authorization', await api.login(counter))
        .send(body)
    ).body.code as string;
  const status = async (code: string) =>
    (
      await api
        .http()
        .get(`/api/dossiers/${code}`)
        .set('Authorization', await api.login('giamsat.tinh'))
    ).body.status;
  /** Works the three processing steps of a land dossier at one instant: it is RESOLVED then. */
  const resolve = async (code: string, local: string) => {
    at(local);
    for (const username of ['xuly.vpdk.nhatrang', 'xuly.thue.nhatrang', 'xuly.vpdk.nhatrang']) {
      const token = await api.login(username);
      const [task] = await eventually(async () => {
        const items = (await api.http().get('/api/tasks').query({ dossier: code }).set('Authorization', token)).body.items;
        expect(items).toHaveLength(1);
        return items;
      });
      await api.http().post(`/api/tasks/${task.id}/claim`).set('Authorization', token);
      expect((await api.http().post(`/api/tasks/${task.id}/complete`).set('Authorization', token).send({ action: 'forward' })).status).toBe(200);
    }
    await eventually(async () => expect(await status(code)).toBe('RESOLVED'));
  };

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    setApiTime = freezeClock(api, '2025-02-24 09:00');
    setWorkerTime = freezeClock(worker, '2025-02-24 09:00');
    at('2025-02-24 09:00');
    codes.a = await file('tiepnhan.vinhhai'); // carried over from February, due 10/03
    at('2025-03-03 09:00');
    const online = await file('tiepnhan.vinhhai', landDossier({ channel: 'online' }));
    await api
      .http()
      .post(`/api/dossiers/${online}/accept`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'))
      .send({});
    codes.b = online; // due 17/03
    codes.c = await file('tiepnhan.vinhhai'); // due 17/03
    at('2025-03-05 09:00');
    codes.f = await file('tiepnhan.vinhhai');
    at('2025-03-06 09:00');
    await api
      .http()
      .post(`/api/dossiers/${codes.f}/withdraw`)
      .set('Authorization', await api.login('tiepnhan.vinhhai'))
      .send({ reason: 'Công dân rút hồ sơ' });
    at('2025-03-10 09:00');
    codes.d = await file('tiepnhan.vinhhai'); // due 24/03, still open at the end of March
    at('2025-03-28 09:00');
    codes.e = await file('tiepnhan.loctho'); // due in April
    await resolve(codes.a, '2025-03-05 10:00'); // early
    await resolve(codes.b, '2025-03-17 16:00'); // on time
    await resolve(codes.c, '2025-03-20 10:00'); // late
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const report = async (username: string, query: Record<string, string>) =>
    api
      .http()
      .get('/api/reports/timeliness')
      .query(query)
      .set('Authorization', await api.login(username));

  it('counts received, resolved (early / on time / late) and in progress per commune, with a totals row and rates', async () => {
    const response = await report('giamsat.tinh', { ...MARCH, groupBy: 'commune' });
    expect(response.status).toBe(200);
    const byKey = Object.fromEntries(response.body.rows.map((row: { key: string }) => [row.key, row]));
    expect(byKey['56.568.22330']).toMatchObject({
      label: 'Phường Vĩnh Hải',
      received: 5,
      carriedOver: 1,
      newOnline: 1,
      newInPerson: 3,
      resolved: 3,
      early: 1,
      onTime: 1,
      late: 1,
      inProgress: 1,
      withinDeadline: 0,
      overdue: 1,
    });
    expect(byKey['56.568.22363']).toMatchObject({ label: 'Phường Lộc Thọ', received: 1, newInPerson: 1, resolved: 0, inProgress: 1, withinDeadline: 1, overdue: 0 });
    expect(response.body.totals).toMatchObject({
      label: 'Tổng cộng',
      received: 6,
      resolved: 3,
      inProgress: 2,
      onTimeRate: 0.6667,
      progressRate: 0.6,
      onlineShare: 0.2,
    });
  });

  it('adds up across levels: communes → district → province', async () => {
    const communes = (await report('giamsat.tinh', { ...MARCH, groupBy: 'commune' })).body.totals;
    const districts = (await report('giamsat.tinh', { ...MARCH, groupBy: 'district' })).body;
    const province = (await report('giamsat.tinh', { ...MARCH, groupBy: 'province' })).body;
    expect(districts.rows.map((row: { key: string; label: string }) => [row.key, row.label])).toEqual([['56.568', 'Thành phố Nha Trang']]);
    expect(province.rows.map((row: { key: string }) => row.key)).toEqual(['56']);
    for (const totals of [districts.totals, province.totals, districts.rows[0], province.rows[0]]) {
      expect({ ...totals, key: null, label: null }).toEqual({ ...communes, key: null, label: null });
    }
  });

  it('rolls pre-reform dossiers up to the two-level units through the succession table', async () => {
    const communes = (await report('giamsat.tinh', { ...MARCH, groupBy: 'commune', units: '2025-07' })).body;
    expect(communes.rows.map((row: { key: string; label: string; received: number }) => [row.key, row.label, row.received])).toEqual([
      ['56.22333', 'Phường Bắc Nha Trang', 5],
      ['56.22366', 'Phường Nha Trang', 1],
    ]);
    const provinces = (await report('giamsat.tinh', { ...MARCH, groupBy: 'province', units: '2025-07' })).body;
    expect(provinces.rows.map((row: { key: string; label: string }) => [row.key, row.label])).toEqual([['56', 'Tỉnh Khánh Hòa']]);
    expect(provinces.totals.received).toBe(communes.totals.received);
  });

  it('lists the dossiers behind a figure', async () => {
    const drill = async (bucket: string) =>
      (
        await api
          .http()
          .get('/api/reports/timeliness/dossiers')
          .query({ ...MARCH, bucket, groupBy: 'commune', key: '56.568.22330' })
          .set('Authorization', await api.login('giamsat.tinh'))
      ).body.items.map((item: { code: string }) => item.code);
    expect(await drill('late')).toEqual([codes.c]);
    expect(await drill('overdue')).toEqual([codes.d]);
    expect(await drill('carried_over')).toEqual([codes.a]);
    expect(await drill('new_in_person')).toEqual([codes.c, codes.f, codes.d]);
  });

  it('ranks the units by their on-time rate and gives the share of units fully on time', async () => {
    const ranking = await api
      .http()
      .get('/api/reports/ranking')
      .query({ ...MARCH, level: 'commune' })
      .set('Authorization', await api.login('giamsat.tinh'));
    expect(ranking.body).toEqual({ shareFullyOnTime: 0, units: [{ key: '56.568.22330', label: 'Phường Vĩnh Hải', resolved: 3, onTimeRate: 0.6667 }] });
    // Narrowed to another district, the ranking has none of Nha Trang's communes.
    const elsewhere = await api
      .http()
      .get('/api/reports/ranking')
      .query({ ...MARCH, level: 'commune', unit: '569' })
      .set('Authorization', await api.login('giamsat.tinh'));
    expect(elsewhere.body).toEqual({ shareFullyOnTime: null, units: [] });
  });

  it('downloads the same table as XLSX, Vietnamese headers and the totals row in bold', async () => {
    const xlsx = await api
      .http()
      .get('/api/reports/timeliness')
      .query({ ...MARCH, groupBy: 'commune', format: 'xlsx' })
      .set('Authorization', await api.login('giamsat.tinh'))
      .buffer(true)
      .parse(asBuffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(sheet.getRow(1).getCell(1).value).toMatch(/\(từ ngày \d{2}\/03\/2025 đến ngày \d{2}\/03\/2025\)$/);
    expect(sheet.getRow(2).getCell(1).value).toBe('Xã, phường, thị trấn');
    expect(sheet.getRow(2).getCell(13).value).toBe('Tỷ lệ đúng hạn (%)');
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('Tổng cộng');
    expect(last.getCell(2).value).toBe(6);
    expect(last.getCell(13).value).toBe(66.67);
    expect(last.font?.bold).toBe(true);
  });

  it("walks a supervisor's year: province by district, a district by commune, each figure's dossiers, the XLSX and the ranking, all agreeing", async () => {
    const token = await api.login('giamsat.tinh');
    const YEAR = { from: '2025-01-01', to: '2025-12-31' };
    const districts = (await report('giamsat.tinh', { ...YEAR, groupBy: 'district' })).body;
    const nhaTrang = districts.rows.find((row: { key: string }) => row.key === '56.568');
    const communes = (await report('giamsat.tinh', { ...YEAR, groupBy: 'commune', unit: '568' })).body;
    expect({ ...communes.totals, key: null, label: null }).toEqual({ ...nhaTrang, key: null, label: null });
    const BUCKETS = {
      carried_over: 'carriedOver',
      new_online: 'newOnline',
      new_in_person: 'newInPerson',
      resolved: 'resolved',
      early: 'early',
      on_time: 'onTime',
      late: 'late',
      in_progress: 'inProgress',
      within_deadline: 'withinDeadline',
      overdue: 'overdue',
    };
    for (const row of communes.rows as Record<string, number | string | null>[]) {
      for (const [bucket, column] of Object.entries(BUCKETS)) {
        const listed = await api
          .http()
          .get('/api/reports/timeliness/dossiers')
          .query({ ...YEAR, unit: '568', groupBy: 'commune', key: row.key ?? '', bucket })
          .set('Authorization', token);
        expect({ commune: row.key, bucket, total: listed.body.total }).toEqual({ commune: row.key, bucket, total: row[column] });
      }
    }
    const xlsx = await api
      .http()
      .get('/api/reports/timeliness')
      .query({ ...YEAR, groupBy: 'commune', unit: '568', format: 'xlsx' })
      .set('Authorization', token)
      .buffer(true)
      .parse(asBuffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(sheet.getRow(sheet.rowCount).getCell(2).value).toBe(communes.totals.received);
    const ranking = (
      await api
        .http()
        .get('/api/reports/ranking')
        .query({ ...YEAR, level: 'commune' })
        .set('Authorization', token)
    ).body;
    for (const unit of ranking.units) {
      expect(unit.onTimeRate).toBe(communes.rows.find((row: { key: string }) => row.key === unit.key).onTimeRate);
    }
  });

  it("averages the citizens' ratings of returned dossiers", async () => {
    at('2025-03-21 09:00');
    const counter = await api.login('tiepnhan.vinhhai');
    for (const [code, score] of [
      [codes.a, 5],
      [codes.c, 2],
    ] as const) {
      await api.http().post(`/api/dossiers/${code}/return`).set('Authorization', counter).send({ method: 'counter' });
      expect(
        (
          await api
            .http()
            .post(`/api/public/dossiers/${code}/rating`)
            .send({ verifier: await verifierOf(api, code), score })
        ).status,
      ).toBe(204);
    }
    const response = await api
      .http()
      .get('/api/reports/satisfaction')
      .query({ ...MARCH, groupBy: 'procedure' })
      .set('Authorization', await api.login('giamsat.tinh'));
    expect(response.body).toEqual([{ key: '1.004227', label: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng', ratings: 2, average: 3.5, satisfied: 1 }]);
  });

  it('keeps supervisors to their scope', async () => {
    const commune = await report('giamsat.vinhhai', { ...MARCH, groupBy: 'commune' });
    expect(commune.body.rows.map((row: { key: string }) => row.key)).toEqual(['56.568.22330']);
    expect((await report('giamsat.vinhhai', { ...MARCH, groupBy: 'commune', unit: '22363' })).status).toBe(404);
    expect((await report('xuly.vinhhai', { ...MARCH, groupBy: 'commune' })).status).toBe(403);
    const bad = await report('giamsat.tinh', { from: '2025-3-1', to: MARCH.to, groupBy: 'hamlet' });
    expect(bad.body.details.fields.map((problem: { field: string }) => problem.field).sort()).toEqual(['from', 'groupBy']);
    const backwards = await report('giamsat.tinh', { from: '2025-03-31', to: '2025-03-01', groupBy: 'commune' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details.fields).toEqual([{ field: 'to', reason: 'must be on or after from' }]);
    const impossible = await report('giamsat.tinh', { from: '2025-02-31', to: '2025-03-31', groupBy: 'commune' });
    expect({ status: impossible.status, fields: impossible.body.details.fields }).toEqual({ status: 400, fields: [{ field: 'from', reason: 'from must be a real date as yyyy-MM-dd' }] });
  });
});
