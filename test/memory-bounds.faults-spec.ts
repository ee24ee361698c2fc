import type { ChildProcess } from 'node:child_process';
import { DEMO_PASSWORD } from '@motcua/domain';
import { childEnvironment, createTestEnvironment, freePort, insertSyntheticDossiers, peakResidentMb, spawnBuiltProcess, TestEnvironment } from '@motcua/testing';
import { landDossier } from './support/dossiers';

/**
 * The built API (`npm run build`) as `npm start` runs it, its heap capped at 256 MB, under what used to
 * exhaust it: 200 simultaneous PDF prints, and a register book of 100,000 dossiers. Its query timeout
 * is 1 s, far less than the download takes: the book must not be one long statement.
 */
describe('bounded memory under heavy reads', () => {
  let env: TestEnvironment;
  let child: ChildProcess;
  let base: string;
  let token: string;
  const get = (path: string) => fetch(`${base}${path}`, { headers: { Authorization: token } });

  beforeAll(async () => {
    env = await createTestEnvironment();
    const port = await freePort();
    child = await spawnBuiltProcess(
      'api',
      childEnvironment({ DATABASE_URL: env.databaseUrl, REDIS_URL: env.redisUrl, REDIS_PREFIX: env.redisPrefix, NODE_ENV: 'test', PORT: String(port), DATABASE_QUERY_TIMEOUT_MS: '1000' }),
    );
    base = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan.vinhhai', password: DEMO_PASSWORD }),
    });
    token = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
  }, 60_000);
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await env?.dispose();
  });

  it('prints 200 simultaneous PDF slips a few at a time: 200s and 503s with Retry-After, under 300 MB', async () => {
    const filed = await fetch(`${base}/dossiers`, { method: 'POST', headers: { Authorization: token, 'Content-Type': 'application/json' }, body: JSON.stringify(landDossier()) });
    const { code } = (await filed.json()) as { code: string };
    const answers = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const response = await get(`/dossiers/${code}/slips/BM.01.pdf`);
        const body = Buffer.from(await response.arrayBuffer());
        return { status: response.status, retryAfter: response.headers.get('retry-after'), pdf: body.subarray(0, 5).toString() === '%PDF-' };
      }),
    );
    const printed = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(printed.length).toBeGreaterThanOrEqual(18);
    expect(printed.every((answer) => answer.pdf)).toBe(true);
    expect(refused.filter((answer) => answer.status !== 503 || answer.retryAfter !== '5')).toEqual([]);
    expect(child.exitCode).toBeNull();
    expect(peakResidentMb(child.pid!)).toBeLessThan(300);
    expect((await get(`/dossiers/${code}/slips/BM.01.pdf`)).status).toBe(200);
  }, 120_000);

  it('streams a register book of 100,000 dossiers as CSV and pages it as JSON, under 300 MB', async () => {
    await insertSyntheticDossiers((sql, params) => env.query(sql, params), { first: 1, last: 100_000, since: '2025-01-02', days: 300, now: new Date('2025-12-31T10:00:00Z') });
    // The synthetic dossiers land at random agencies: move them all to Phường Vĩnh Hải's counter.
    await env.query(
      `UPDATE dossiers SET receiving_agency_id = a.id, receiving_unit_path = u.path FROM agencies a JOIN administrative_units u ON u.id = a.unit_id WHERE a.code = '002.00.31.H56' AND dossiers.code LIKE 'SYN-%'`,
    );
    const csv = await get('/registers?from=2025-01-01&to=2025-12-31&format=csv');
    expect(csv.status).toBe(200);
    let lines = 0;
    const decoder = new TextDecoder();
    for await (const chunk of csv.body!) lines += (decoder.decode(chunk as Uint8Array, { stream: true }).match(/\n/g) ?? []).length;
    expect(lines).toBe(100_001); // the header and every dossier (the synthetic applicant's name has no line break)
    const page = (await (await get('/registers?from=2025-01-01&to=2025-12-31&limit=500&offset=1000')).json()) as { rows: unknown[]; total: number };
    expect([page.rows.length, page.total]).toEqual([500, 100_000]);
    expect(peakResidentMb(child.pid!)).toBeLessThan(300);
  }, 180_000);
});
