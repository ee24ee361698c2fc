import { createHmac } from 'node:crypto';
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

/** An HS256 token signed by hand, to present what an attacker (or a careless signer) would. */
function signToken(secret: string, claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (part: Record<string, unknown>) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const body = `${encode(header)}.${encode(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('tokens', () => {
  let api: TestApi;
  let secret: string;
  let adminId: string;
  const now = () => Math.floor(Date.now() / 1000);
  const me = (token: string) => api.http().get('/api/me').set('Authorization', `Bearer ${token}`);
  beforeAll(async () => {
    api = await startApi({ JWT_SECRET: '' });
    await api.login('admin'); // the first login makes the key exist
    [{ value: secret }] = await api.env.query<{ value: string }>(`SELECT value FROM app_secrets WHERE name = 'jwt'`);
    [{ id: adminId }] = await api.env.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
  });
  afterAll(() => api.close());

  it('signs with a random key kept in the database, not a constant from the repository', async () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const published = signToken('motcua-development-secret-do-not-use-in-production', { sub: adminId, ver: 0, iat: now(), exp: now() + 60, iss: 'motcua', aud: 'motcua-api' });
    expect((await me(published)).status).toBe(401);
    const valid = signToken(secret, { sub: adminId, ver: 0, iat: now(), exp: now() + 60, iss: 'motcua', aud: 'motcua-api' });
    expect((await me(valid)).status).toBe(200);
  });

  it.each([
    ['without exp', { exp: undefined }],
    ['expired', { exp: now() - 10 }],
    ['issued an hour in the future', { iat: now() + 3600 }],
    ['for another audience', { aud: 'another-service' }],
    ['from another issuer', { iss: 'someone-else' }],
    ['without a token version', { ver: undefined }],
    ['for a subject that is not a user id', { sub: "1' OR '1'='1" }],
    ['for an unknown user id', { sub: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses a token %s with 401 UNAUTHENTICATED', async (_case, change) => {
    const claims = Object.fromEntries(Object.entries({ sub: adminId, ver: 0, iat: now(), exp: now() + 60, iss: 'motcua', aud: 'motcua-api', ...change }).filter(([, value]) => value !== undefined));
    const response = await me(signToken(secret, claims));
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses another algorithm than HS256, and no algorithm', async () => {
    const claims = { sub: adminId, ver: 0, iat: now(), exp: now() + 60, iss: 'motcua', aud: 'motcua-api' };
    expect((await me(signToken(secret, claims, { alg: 'HS512', typ: 'JWT' }))).status).toBe(401);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect((await me(unsigned)).status).toBe(401);
  });

  it('stops a token at once when the password is set again, in the same second it was issued', async () => {
    const admin = await api.login('admin');
    const token = await api.login('xuly.vinhhai');
    expect((await api.http().get('/api/me').set('Authorization', token)).status).toBe(200);
    expect((await api.http().put('/api/users/xuly.vinhhai/password').set('Authorization', admin).send({ password: 'Mat-khau-moi-2025' })).status).toBe(204);
    expect((await api.http().get('/api/me').set('Authorization', token)).status).toBe(401);
    expect(
      (
        await api
          .http()
          .get('/api/me')
          .set('Authorization', await api.login('xuly.vinhhai', 'Mat-khau-moi-2025'))
      ).status,
    ).toBe(200);
  });

  it('does not revive old tokens when a deactivated account is reactivated', async () => {
    const admin = await api.login('admin');
    const token = await api.login('giamsat.nhatrang');
    expect((await api.http().patch('/api/users/giamsat.nhatrang').set('Authorization', admin).send({ active: false })).status).toBe(200);
    expect((await api.http().get('/api/me').set('Authorization', token)).status).toBe(401);
    expect((await api.http().patch('/api/users/giamsat.nhatrang').set('Authorization', admin).send({ active: true })).status).toBe(200);
    expect((await api.http().get('/api/me').set('Authorization', token)).status).toBe(401);
    expect(
      (
        await api
          .http()
          .get('/api/me')
          .set('Authorization', `Bearer ${(await api.http().post('/api/auth/login').send({ username: 'giamsat.nhatrang', password: DEMO_PASSWORD })).body.accessToken}`)
      ).status,
    ).toBe(200);
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

  it('lets eight simultaneous right passwords of one account all in', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => login('203.0.113.11', 'lanhdao.vinhhai', DEMO_PASSWORD)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
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

  it('refuses the demo password without telling whether the account exists or the password matched', async () => {
    const bodies = [];
    for (const username of ['admin', 'nobody-at-all', 'xuly.vinhhai']) {
      const response = await api.http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
      expect(response.status).toBe(403);
      bodies.push(response.body);
    }
    expect(bodies[0].code).toBe('DEMO_PASSWORD_REFUSED');
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });
});
