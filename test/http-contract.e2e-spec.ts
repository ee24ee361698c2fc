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
    const response = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'x'.repeat(2_000_000) });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await api.http().get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'Cannot GET /api/no-such-thing' });
  });

  it('serves the web console at every page address outside /api, and JSON 404s to everything else there', async () => {
    const page = await api.http().get('/tra-cuu?ma=000.00.12.H56-250207-0001').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<div id="root"></div>');
    const script = page.text.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    const asset = await api.http().get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const [method, path, accept] of [
      ['get', '/assets/missing.js', '*/*'],
      ['post', '/tra-cuu', 'text/html'],
      ['get', '/x', 'application/json'],
    ] as const) {
      const answer = await api.http()[method](path).set('Accept', accept);
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 404, body: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
    const unknownApi = await api.http().get('/api/no-such-page').set('Accept', 'text/html');
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.body.code).toBe('NOT_FOUND');
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

  it('refuses JSON nested deeper than 32 levels before parsing it, and takes 32', async () => {
    const nested = (depth: number) => `{"username": "admin", "password": "x", "extra": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    const deep = await api.http().post('/api/auth/login').set('Content-Type', 'application/json').send(nested(33));
    expect(deep.status).toBe(400);
    expect(deep.body).toEqual({ code: 'VALIDATION_FAILED', message: 'The request body nests deeper than 32 levels', details: { fields: [{ field: 'body', reason: 'nested deeper than 32 levels' }] } });
    const brackets = await api.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "[[[[", "password": "x", "extra": 1}');
    expect(brackets.body.details.fields).toEqual([{ field: 'extra', reason: 'is not an allowed field' }]);
    const deepest = await api.http().post('/api/auth/login').set('Content-Type', 'application/json').send(nested(32));
    expect(deepest.body.details.fields).toEqual([{ field: 'extra', reason: 'is not an allowed field' }]);
  });

  it('refuses the NUL character, which no text column holds, in the address and in the body', async () => {
    const address = await api.http().get('/api/public/dossiers/a%00b').query({ verifier: '1234' });
    expect(address.status).toBe(400);
    expect(address.body.details.fields).toEqual([{ field: 'url', reason: 'contains the NUL character' }]);
    const body = await api.http().post('/api/auth/login').send({ username: 'admin\u0000', password: 'x' });
    expect(body.status).toBe(400);
    expect(body.body.details.fields).toEqual([{ field: 'body', reason: 'contains the NUL character' }]);
  });

  it('refuses lone UTF-16 surrogates, which are not text, and takes proper pairs', async () => {
    const lone = await api.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "admin\\ud800", "password": "x"}');
    expect(lone.status).toBe(400);
    expect(lone.body.details.fields).toEqual([{ field: 'body', reason: 'contains a lone surrogate' }]);
    const pair = await api.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "admin\\ud83d\\ude00", "password": "x"}');
    expect(pair.status).toBe(401);
  });

  it('takes JSON in UTF-8 only (the checks read UTF-8), and no form bodies', async () => {
    const utf16 = await api.http().post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-16le').send(Buffer.from('{"username":"admin\\u0000","password":"x"}', 'utf16le'));
    expect(utf16.status).toBe(415);
    expect(utf16.body.details.fields).toEqual([{ field: 'content-type', reason: 'charset must be utf-8' }]);
    const form = await api.http().post('/api/auth/login').type('form').send('username=a%00b&password=x');
    expect({ status: form.status, code: form.body.code, fields: form.body.details.fields }).toEqual({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      fields: [{ field: 'content-type', reason: 'must be application/json' }],
    });
    const text = await api.http().post('/api/auth/login').set('Content-Type', 'text/plain').send('admin');
    expect(text.status).toBe(415);
    // No body needs no type.
    const empty = await api.http().post('/api/auth/login');
    expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('answers headers too large for Node in JSON too', async () => {
    const response = await api
      .http()
      .get('/api/procedures')
      .query({ q: 'x'.repeat(20_000) });
    expect(response.status).toBe(431);
    expect(response.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request line or headers are too large' });
  });

  it('sends security headers and no X-Powered-By; no CORS unless configured', async () => {
    const response = await api.http().get('/api/health/live').set('Origin', 'https://evil.example');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'strict-transport-security': expect.stringContaining('max-age=') });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
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

describe('CORS, when configured', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi({ CORS_ORIGINS: 'https://portal.khanhhoa.gov.vn,http://localhost:5173' })));
  afterAll(() => api.close());

  it('allows the listed origins only', async () => {
    const preflight = await api.http().options('/api/auth/login').set('Origin', 'https://portal.khanhhoa.gov.vn').set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://portal.khanhhoa.gov.vn');
    const stranger = await api.http().get('/api/health/live').set('Origin', 'https://evil.example');
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });
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
