import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startApi, TestApi } from './support/api';

describe('HTTP contract', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await api.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "admin",');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' });
  });

  it('answers an oversized body with 413', async () => {
    const response = await api.http().post('/api/auth/login').send({ username: 'admin', password: 'x'.repeat(2_000_000) });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await api.http().get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'Cannot GET /api/no-such-thing' });
  });

  it('names every unknown field', async () => {
    const response = await api.http().post('/api/auth/login').send({ username: 'admin', password: 'x', role: 'ADMIN', isAdmin: true });
    expect(response.status).toBe(400);
    expect(response.body.details.fields).toEqual([
      { field: 'role', reason: 'is not an allowed field' },
      { field: 'isAdmin', reason: 'is not an allowed field' },
    ]);
  });

  it('tags every response with a request id, keeping a sane one from the client', async () => {
    const given = await api.http().get('/api/health/live').set('X-Request-Id', 'counter-7-req-000123');
    expect(given.headers['x-request-id']).toBe('counter-7-req-000123');
    const generated = await api.http().get('/api/health/live').set('X-Request-Id', '<script>');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends no X-Powered-By header', async () => {
    const response = await api.http().get('/api/health/live');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI page, and the committed openapi.json matches the code', async () => {
    const page = await api.http().get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    const live = await api.http().get('/api/docs-json');
    expect(live.status).toBe(200);
    const committed = JSON.parse(readFileSync('openapi.json', 'utf8'));
    expect(Object.keys(live.body.paths).sort()).toEqual(Object.keys(committed.paths).sort());
    // The generator runs in plain Node, as `npm run openapi` does; it exits 1 when openapi.json has drifted.
    expect(() => execFileSync('npm', ['run', '-s', 'openapi', '--', '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 60_000);
});

describe('health', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('is up when PostgreSQL and Redis answer', async () => {
    const response = await api.http().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('is 503 UNAVAILABLE naming PostgreSQL when its database goes away, while liveness stays 200', async () => {
    await api.env.dropDatabase();
    const response = await api.http().get('/api/health');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.code).toBe('UNAVAILABLE');
    expect(response.body.details.error).toHaveProperty('database');
    expect((await api.http().get('/api/health/live')).status).toBe(200);
  });
});

describe('health without Redis', () => {
  let api: TestApi;
  // Port 1 on loopback: nothing listens there, so every Redis command fails at once.
  beforeAll(async () => (api = await startApi({ REDIS_URL: 'redis://127.0.0.1:1' })));
  afterAll(() => api.close());

  it('is 503 UNAVAILABLE naming Redis', async () => {
    const response = await api.http().get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body.details.error).toEqual({ redis: expect.objectContaining({ status: 'down' }) });
  });
});
