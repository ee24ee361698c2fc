import { startApi, TestApi } from './support/api';
import { landDossier } from './support/dossiers';

describe('audit log', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi({ TRUST_PROXY: 'loopback' })));
  afterAll(() => api.close());

  const audit = async (query: Record<string, string>) =>
    (
      await api
        .http()
        .get('/api/audit')
        .query(query)
        .set('Authorization', await api.login('admin'))
    ).body;

  it('records who changed what, when and from which address, and not the reads', async () => {
    const before = new Date();
    const counter = await api.login('tiepnhan.vinhhai');
    const filed = await api.http().post('/api/dossiers').set('Authorization', counter).set('X-Forwarded-For', '203.0.113.50').send(landDossier());
    expect(filed.status).toBe(201);
    await api.http().get(`/api/dossiers/${filed.body.code}`).set('Authorization', counter).set('X-Forwarded-For', '203.0.113.50');
    const admin = await api.login('quantri.hethong');
    const calendar = await api.http().get('/api/calendar/2026').set('Authorization', admin);
    const overrides = [...calendar.body.overrides, { date: '2026-12-07', kind: 'day_off', reason: 'Nghỉ thử nghiệm' }];
    expect((await api.http().put('/api/calendar/2026/overrides').set('Authorization', admin).set('X-Forwarded-For', '198.51.100.9').send({ overrides })).status).toBe(200);

    const dossier = await audit({ entity: 'dossiers', key: filed.body.code });
    expect(dossier.items).toEqual([
      expect.objectContaining({ actorUsername: 'tiepnhan.vinhhai', actorRole: 'RECEPTION', ip: '203.0.113.50', action: 'POST /api/dossiers', entityKey: filed.body.code, status: 201 }),
    ]);
    expect(new Date(dossier.items[0].at).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect((await audit({ limit: '500' })).items.filter((item: { action: string }) => item.action.startsWith('GET'))).toEqual([]);
    expect((await audit({ entity: 'calendar', key: '2026' })).items).toEqual([
      expect.objectContaining({ actorUsername: 'quantri.hethong', actorRole: 'SYSTEM_ADMIN', ip: '198.51.100.9', action: 'PUT /api/calendar/:year/overrides', status: 200 }),
    ]);
  });

  it('records failed logins with the username they claimed', async () => {
    expect((await api.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.66').send({ username: 'admin', password: 'doan-mo' })).status).toBe(401);
    expect((await api.http().post('/api/AUTH/Login/').set('X-Forwarded-For', '203.0.113.66').send({ username: 'admin', password: 'doan-mo-2' })).status).toBe(401);
    const entries = (await audit({ entity: 'auth' })).items.filter((item: { ip: string }) => item.ip === '203.0.113.66');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actorId: null, actorUsername: 'admin', action: 'POST /api/auth/login', status: 401 });
  });

  it("shows a commune ADMIN the entries of their own commune's accounts only", async () => {
    const admin = await api.login('admin');
    const communeAdmin = { username: 'quantri.vinhhai', fullName: 'Trần Văn Quản', role: 'ADMIN', agencyCode: '002.00.31.H56', password: 'Quan-Tri-Vinh-Hai-2025' };
    expect((await api.http().post('/api/users').set('Authorization', admin).send(communeAdmin)).status).toBe(201);
    const vinhHai = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', await api.login('tiepnhan.vinhhai'))
      .send(landDossier());
    const locTho = await api
      .http()
      .post('/api/dossiers')
      .set('Authorization', await api.login('tiepnhan.loctho'))
      .send(landDossier());
    expect([vinhHai.status, locTho.status]).toEqual([201, 201]);
    for (const username of ['xuly.vinhhai', 'tiepnhan.loctho', 'khong-ton-tai']) {
      expect((await api.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.77').send({ username, password: 'doan-mo' })).status).toBe(401);
    }

    const token = await api.login('quantri.vinhhai', communeAdmin.password);
    const seen = (await api.http().get('/api/audit').query({ limit: '500' }).set('Authorization', token)).body.items as { actorUsername: string; entityKey: string }[];
    expect(seen.some((item) => item.entityKey === vinhHai.body.code)).toBe(true);
    expect(seen.some((item) => item.actorUsername === 'xuly.vinhhai')).toBe(true);
    expect(new Set(seen.map((item) => item.actorUsername))).toEqual(new Set(['tiepnhan.vinhhai', 'xuly.vinhhai', 'quantri.vinhhai']));
    const province = (await api.http().get('/api/audit').query({ limit: '500' }).set('Authorization', admin)).body.items as { actorUsername: string; entityKey: string }[];
    expect(province.some((item) => item.entityKey === locTho.body.code)).toBe(true);
    expect(province.some((item) => item.actorUsername === 'tiepnhan.loctho')).toBe(true);
  });

  it("is for ADMIN only; it and every dossier's history refuse updates and deletes", async () => {
    expect(
      (
        await api
          .http()
          .get('/api/audit')
          .set('Authorization', await api.login('giamsat.tinh'))
      ).status,
    ).toBe(403);
    await expect(api.env.query(`UPDATE audit_log SET ip = 'x'`)).rejects.toThrow('audit_log is append-only');
    await expect(api.env.query(`DELETE FROM audit_log`)).rejects.toThrow('audit_log is append-only');
    await expect(api.env.query(`TRUNCATE audit_log`)).rejects.toThrow('audit_log is append-only');
    await expect(api.env.query(`UPDATE dossier_history SET note = 'sửa lại'`)).rejects.toThrow('dossier_history is append-only');
    await expect(api.env.query(`DELETE FROM dossier_history`)).rejects.toThrow('dossier_history is append-only');
  });
});
