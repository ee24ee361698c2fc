import { setTimeout as sleep } from 'node:timers/promises';
import { startApi, TestApi } from './support/api';
import { CERTIFIED_COPY } from './support/dossiers';
import { TcpProxy } from './support/tcp-proxy';

describe('a silent network partition between the API and PostgreSQL', () => {
  let api: TestApi;
  let database: TcpProxy;
  beforeAll(async () => {
    api = await startApi(async (env) => {
      const { proxy, url } = await TcpProxy.in(env.databaseUrl);
      database = proxy;
      return { DATABASE_URL: url, DATABASE_QUERY_TIMEOUT_MS: '2000' };
    });
  });
  afterAll(async () => {
    database.heal();
    await api.close();
    await database.down();
  }, 30_000);

  it('answers 503 with Retry-After within seconds instead of hanging, and works again once the network is back', async () => {
    const token = await api.login('tiepnhan.vinhhai');
    expect((await api.http().post('/api/dossiers').set('Authorization', token).send(CERTIFIED_COPY)).status).toBe(201);
    database.partition();
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const started = Date.now();
        const response = await api.http().post('/api/dossiers').set('Authorization', token).timeout(30_000).send(CERTIFIED_COPY);
        return { status: response.status, code: response.body.code, retryAfter: response.headers['retry-after'], slow: Date.now() - started > 8000 };
      }),
    );
    expect(answers).toEqual(Array.from({ length: 6 }, () => ({ status: 503, code: 'UNAVAILABLE', retryAfter: '5', slow: false })));

    database.heal();
    await sleep(500);
    const after = await Promise.all(Array.from({ length: 6 }, () => api.http().post('/api/dossiers').set('Authorization', token).timeout(10_000).send(CERTIFIED_COPY)));
    expect(after.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
  }, 60_000);
});

describe('PostgreSQL out of connections', () => {
  let api: TestApi;
  const role = `motcua_limited_${process.pid}`;
  beforeAll(async () => {
    api = await startApi(async (env) => {
      // A role that may hold two connections, with the owner's privileges: the API's pool wants more.
      await env.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 2 IN ROLE postgres`);
      const url = new URL(env.databaseUrl);
      url.username = role;
      return { DATABASE_URL: url.toString() };
    });
  });
  afterAll(async () => {
    await api.close();
    await api.env.query(`DROP ROLE ${role}`).catch(() => undefined);
  });

  it('answers 503 with Retry-After (not 500) to the requests it has no connection for, and serves the rest', async () => {
    const token = await api.login('tiepnhan.vinhhai');
    const answers = await Promise.all(Array.from({ length: 24 }, () => api.http().post('/api/dossiers').set('Authorization', token).send(CERTIFIED_COPY)));
    const statuses = answers.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201 && status !== 503)).toEqual([]);
    expect(statuses).toContain(201);
    expect(statuses).toContain(503);
    const refused = answers.find((response) => response.status === 503)!;
    expect([refused.body.code, refused.headers['retry-after']]).toEqual(['UNAVAILABLE', '5']);
    const accepted = answers.filter((response) => response.status === 201).map((response) => response.body.code);
    expect(await api.env.query(`SELECT code FROM dossiers WHERE code = ANY($1)`, [accepted])).toHaveLength(accepted.length);
  }, 60_000);
});
