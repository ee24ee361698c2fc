import { startApi, TestApi } from './support/api';

describe('user accounts', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const admin = async () => api.login('admin');
  const login = (username: string, password: string) => api.http().post('/api/auth/login').send({ username, password });
  const newOfficer = { username: 'xuly2.vinhhai', fullName: 'Lê Thị Mai', role: 'PROCESSOR', agencyCode: '002.00.31.H56', email: 'mai.le@khanhhoa.gov.vn', password: 'Vinh-Hai-2025' };

  it('lets ADMIN create an officer, who can log in with the scope of their agency; the change is audited', async () => {
    const created = await api
      .http()
      .post('/api/users')
      .set('Authorization', await admin())
      .send(newOfficer);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'xuly2.vinhhai', role: 'PROCESSOR', agencyCode: '002.00.31.H56', agencyName: 'Ủy ban nhân dân phường Vĩnh Hải', active: true });
    expect(created.body.passwordHash).toBeUndefined();
    const loggedIn = await login('xuly2.vinhhai', 'Vinh-Hai-2025');
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body.user).toMatchObject({ role: 'PROCESSOR', agencyCode: '002.00.31.H56', scopeUnitPath: '56.568.22330' });
    const listed = await api
      .http()
      .get('/api/users')
      .query({ agency: '002.00.31.H56', role: 'PROCESSOR' })
      .set('Authorization', await admin());
    expect(listed.body.items.map((user: { username: string }) => user.username)).toEqual(['xuly.vinhhai', 'xuly2.vinhhai']);
    const audit = await api
      .http()
      .get('/api/audit')
      .query({ entity: 'users', key: 'xuly2.vinhhai' })
      .set('Authorization', await admin());
    expect(audit.body.items).toEqual([expect.objectContaining({ actorUsername: 'admin', action: 'POST /api/users', status: 201 })]);
  });

  it('refuses a taken username, a weak password and an unknown agency, naming the field, and writes nothing', async () => {
    const token = await admin();
    const before = await api.env.query(`SELECT count(*)::int AS n FROM users`);
    const taken = await api
      .http()
      .post('/api/users')
      .set('Authorization', token)
      .send({ ...newOfficer, username: 'tiepnhan.vinhhai' });
    expect(taken.status).toBe(409);
    expect(taken.body.details.fields).toEqual([{ field: 'username', reason: 'is taken' }]);
    const weak = await api
      .http()
      .post('/api/users')
      .set('Authorization', token)
      .send({ ...newOfficer, username: 'weak.one', password: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.body.details.fields.map((problem: { field: string }) => problem.field)).toEqual(['password']);
    const nowhere = await api
      .http()
      .post('/api/users')
      .set('Authorization', token)
      .send({ ...newOfficer, username: 'nowhere.one', agencyCode: '999.99.99.H56' });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.details.fields).toEqual([{ field: 'agencyCode', reason: 'no such agency in your scope' }]);
    expect(await api.env.query(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
  });

  it('deactivates an account at once (its token stops working) and sets a new password', async () => {
    const token = (await login('xuly.vinhhai', 'MotCua@2025')).body.accessToken;
    const deactivated = await api
      .http()
      .patch('/api/users/xuly.vinhhai')
      .set('Authorization', await admin())
      .send({ active: false });
    expect(deactivated.body.active).toBe(false);
    expect((await api.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await login('xuly.vinhhai', 'MotCua@2025')).status).toBe(401);
    await api
      .http()
      .patch('/api/users/xuly.vinhhai')
      .set('Authorization', await admin())
      .send({ active: true });
    const before = (await login('xuly.vinhhai', 'MotCua@2025')).body.accessToken;
    expect((await api.http().get('/api/me').set('Authorization', `Bearer ${before}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // tokens carry whole seconds
    expect(
      (
        await api
          .http()
          .put('/api/users/xuly.vinhhai/password')
          .set('Authorization', await admin())
          .send({ password: 'Mat-khau-moi-2026' })
      ).status,
    ).toBe(204);
    expect((await api.http().get('/api/me').set('Authorization', `Bearer ${before}`)).status).toBe(401);
    expect((await login('xuly.vinhhai', 'MotCua@2025')).status).toBe(401);
    expect((await login('xuly.vinhhai', 'Mat-khau-moi-2026')).status).toBe(200);
  });

  it('refuses null for a field an account must have, naming it', async () => {
    const response = await api
      .http()
      .patch('/api/users/xuly.vinhhai')
      .set('Authorization', await admin())
      .send({ fullName: null, active: null });
    expect(response.status).toBe(400);
    expect(response.body.details.fields.map((problem: { field: string }) => problem.field).sort()).toEqual(['active', 'fullName']);
  });

  it('does not let ADMIN lock themselves out, and is ADMIN only', async () => {
    const self = await api
      .http()
      .patch('/api/users/admin')
      .set('Authorization', await admin())
      .send({ active: false });
    expect(self.status).toBe(422);
    expect(
      (
        await api
          .http()
          .get('/api/users')
          .set('Authorization', await api.login('giamsat.tinh'))
      ).status,
    ).toBe(403);
  });

  it("does not let a unit ADMIN make, see or take over a system administrator's account", async () => {
    const token = await admin();
    const made = await api
      .http()
      .post('/api/users')
      .set('Authorization', token)
      .send({ ...newOfficer, username: 'quantri2.vinhhai', role: 'SYSTEM_ADMIN' });
    expect([made.status, made.body.code, made.body.details?.fields?.[0]?.field]).toEqual([403, 'FORBIDDEN', 'role']);
    const promoted = await api.http().patch('/api/users/xuly.vinhhai').set('Authorization', token).send({ role: 'SYSTEM_ADMIN' });
    expect(promoted.status).toBe(403);
    expect((await api.http().put('/api/users/quantri.hethong/password').set('Authorization', token).send({ password: 'Chiem-Quyen-2025' })).status).toBe(404);
    expect((await api.http().get('/api/users/quantri.hethong').set('Authorization', token)).status).toBe(404);
    const listed = (await api.http().get('/api/users').query({ limit: '200' }).set('Authorization', token)).body.items as { username: string }[];
    expect(listed.map((user) => user.username)).not.toContain('quantri.hethong');
    expect((await login('quantri.hethong', 'Chiem-Quyen-2025')).status).toBe(401);

    const system = await api.login('quantri.hethong');
    const second = await api
      .http()
      .post('/api/users')
      .set('Authorization', system)
      .send({ ...newOfficer, username: 'quantri2.hethong', role: 'SYSTEM_ADMIN' });
    expect(second.status).toBe(201);
    const me = await api
      .http()
      .get('/api/me')
      .set('Authorization', await api.login('quantri2.hethong', newOfficer.password));
    expect(me.body).toMatchObject({ role: 'SYSTEM_ADMIN', scopeUnitPath: null });
  });
});
