import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from '@motcua/domain';
import { startApi, TestApi } from './support/api';

/** The README's demo-login table is the contract: every row must log in as written. */
function readmeLogins(): { role: string; level: string; agency: string; username: string; password: string }[] {
  const readme = readFileSync('README.md', 'utf8');
  const header = '| role | level | agency | username | password |';
  const rows = readme.slice(readme.indexOf(header)).split('\n').slice(2);
  const tableEnd = rows.findIndex((line) => !line.startsWith('|'));
  return rows
    .slice(0, tableEnd)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .map(([role, level, agency, username, password]) => ({ role, level, agency, username, password }));
}

describe('auth', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('logs in every demo user of the README with the role and agency the README states', async () => {
    const logins = readmeLogins();
    expect(logins.length).toBeGreaterThanOrEqual(13);
    for (const login of logins) {
      const response = await api.http().post('/api/auth/login').send({ username: login.username, password: login.password });
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ username: login.username, role: login.role });
      const me = await api.http().get('/api/me').set('Authorization', `Bearer ${response.body.accessToken}`);
      expect(me.status).toBe(200);
      const agency = await api.http().get(`/api/agencies/${me.body.agencyCode}`).set('Authorization', `Bearer ${response.body.accessToken}`);
      expect(agency.body.name).toBe(login.agency);
      expect(agency.body.unit.level).toBe(login.level);
    }
    for (const role of ['ADMIN', 'RECEPTION', 'PROCESSOR', 'LEADER', 'SUPERVISOR']) {
      expect(logins.some((login) => login.role === role)).toBe(true);
    }
  });

  it('answers 401 INVALID_CREDENTIALS alike for a wrong password and an unknown user', async () => {
    const wrong = await api.http().post('/api/auth/login').send({ username: 'admin', password: 'wrong' });
    const unknown = await api.http().post('/api/auth/login').send({ username: 'nobody', password: 'wrong' });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    }
  });

  it('needs a valid bearer token everywhere but login and health', async () => {
    const missing = await api.http().get('/api/me');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
    const forged = await api.http().get('/api/me').set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
  });

  it("shows the caller's own scope on /api/me", async () => {
    const me = await api
      .http()
      .get('/api/me')
      .set('Authorization', await api.login('giamsat.nhatrang'));
    expect(me.body).toMatchObject({ username: 'giamsat.nhatrang', role: 'SUPERVISOR', agencyCode: '000.00.31.H56', scopeUnitPath: '56.568' });
  });

  it('validates the login body and names each field', async () => {
    const response = await api.http().post('/api/auth/login').send({ username: 42 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields).toEqual([
      { field: 'username', reason: 'username must be a string' },
      { field: 'password', reason: 'is required' },
    ]);
  });
});

describe('login back-off', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi({ TRUST_PROXY: 'loopback' })));
  afterAll(() => api.close());
  const login = (client: string, username: string, password: string) => api.http().post('/api/auth/login').set('X-Forwarded-For', client).send({ username, password });

  it('makes a client wait after 5 wrong passwords for one account, even with the right one, but not other clients', async () => {
    for (let i = 0; i < 5; i++) expect((await login('203.0.113.7', 'tiepnhan.vinhhai', 'wrong-password')).status).toBe(401);
    const locked = await login('203.0.113.7', 'tiepnhan.vinhhai', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect((await login('198.51.100.20', 'tiepnhan.vinhhai', DEMO_PASSWORD)).status).toBe(200);
    expect((await login('203.0.113.7', 'tiepnhan.loctho', DEMO_PASSWORD)).status).toBe(200);
  });

  it('forgets an account’s failures after a successful login', async () => {
    for (let i = 0; i < 4; i++) expect((await login('203.0.113.8', 'xuly.vinhhai', 'wrong-password')).status).toBe(401);
    expect((await login('203.0.113.8', 'xuly.vinhhai', DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('203.0.113.8', 'xuly.vinhhai', 'wrong-password')).status).toBe(401);
    expect((await login('203.0.113.8', 'xuly.vinhhai', DEMO_PASSWORD)).status).toBe(200);
  });

  it('lets no more than 5 of 20 simultaneous guesses through', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => login('203.0.113.10', 'giamsat.nhatrang', 'wrong-password')));
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(15);
  });

  it('makes a client wait after 30 wrong passwords across accounts', async () => {
    for (let i = 0; i < 30; i++) expect((await login('203.0.113.9', `nobody${i}`, 'wrong-password')).status).toBe(401);
    expect((await login('203.0.113.9', 'giamsat.tinh', DEMO_PASSWORD)).status).toBe(429);
  });
});

describe('auth in production', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' });
  });
  afterAll(() => api.close());

  it('refuses the demo password', async () => {
    const response = await api.http().post('/api/auth/login').send({ username: 'admin', password: 'MotCua@2025' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('DEMO_PASSWORD_REFUSED');
  });
});
