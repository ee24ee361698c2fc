import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD } from '@motcua/domain';
import { childEnvironment, createTestEnvironment, freePort, spawnBuiltProcess, TestEnvironment, withRedis } from '@motcua/testing';
import { CERTIFIED_COPY, INVESTMENT, landDossier } from './support/dossiers';

/** Every demo procedure with a workflow, the counter that receives it, and the steps a dossier of it opens. */
const PROCEDURES = [
  { body: landDossier(), counter: 'tiepnhan.vinhhai', steps: ['tham-dinh', 'nghia-vu-tai-chinh', 'cap-giay', 'tra-ket-qua'] },
  { body: CERTIFIED_COPY, counter: 'tiepnhan.vinhhai', steps: ['chung-thuc', 'ky', 'tra-ket-qua'] },
  { body: INVESTMENT, counter: 'tiepnhan.tinh', steps: ['tham-dinh', 'y-kien-tnmt', 'y-kien-xay-dung', 'quyet-dinh', 'tra-ket-qua'] },
];
const PROCESSORS = ['xuly.vpdk.nhatrang', 'xuly.thue.nhatrang', 'xuly.vinhhai', 'lanhdao.vinhhai', 'xuly.sokhdt', 'xuly.sotnmt', 'xuly.soxd', 'lanhdao.sokhdt'];
const DOSSIERS = 90;
const DEADLINE_MS = 150_000;
const MAX_FILES = 6;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/**
 * Two built API processes and two built workers on one database and Redis: dossiers of every demo
 * procedure worked by concurrent drivers that double-submit on purpose, through both APIs, while one
 * worker is SIGKILLed and Redis loses its keys one by one. Every effect must happen exactly once.
 */
describe('two APIs and two workers on one database', () => {
  let env: TestEnvironment;
  const children: ChildProcess[] = [];
  const apis: string[] = [];
  let workerEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = await createTestEnvironment();
    const shared = {
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      REDIS_PREFIX: env.redisPrefix,
      NODE_ENV: 'test',
      OUTBOX_REDELIVER_MS: '1000',
      EVENT_RETRY_DELAY_MS: '50',
      FILE_STORAGE_DIR: env.filesDir,
      FILE_MAX_PER_DOSSIER: String(MAX_FILES),
    };
    workerEnv = childEnvironment({ ...shared, WORKER_HEALTH_PORT: '0' });
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      children.push(await spawnBuiltProcess('api', childEnvironment({ ...shared, PORT: String(port) })));
      apis.push(`http://127.0.0.1:${port}/api`);
    }
    for (let i = 0; i < 2; i++) children.push(await spawnBuiltProcess('worker', workerEnv));
  }, 60_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await env?.dispose();
  }, 30_000);

  const tokens = new Map<string, string>();
  const call = async (api: number, username: string, method: string, path: string, body?: unknown) => {
    if (!tokens.has(username)) {
      const login = await fetch(`${apis[0]}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      tokens.set(username, `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`);
    }
    const response = await fetch(`${apis[api % apis.length]}${path}`, {
      method,
      headers: { Authorization: tokens.get(username)!, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('opens every step once, writes every history row once, and leaves no dossier stuck', async () => {
    const filed: { code: string; steps: string[]; counter: string }[] = [];
    for (let i = 0; i < DOSSIERS; i++) {
      const procedure = PROCEDURES[i % PROCEDURES.length];
      const answer = await call(i, procedure.counter, 'POST', '/dossiers', procedure.body);
      expect(answer.status).toBe(201);
      filed.push({ code: answer.body.code as string, steps: procedure.steps, counter: procedure.counter });
    }

    /** Per completed task: the statuses its duplicated completes got. */
    const completes = new Map<string, number[]>();
    const returns = new Map<string, number[]>();
    const started = Date.now();
    let transitions = 0;
    const finished = async () => {
      const rows = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossiers WHERE code = ANY($1) AND status <> 'RETURNED'`, [filed.map((dossier) => dossier.code)]);
      return rows[0].n === 0;
    };
    const driver = async (offset: number) => {
      while (Date.now() - started < DEADLINE_MS && !(await finished())) {
        let worked = 0;
        for (const [index, username] of PROCESSORS.entries()) {
          const inbox = await call(offset + index, username, 'GET', '/tasks?limit=50');
          for (const task of (inbox.body.items ?? []) as { id: string; status: string; dossierStatus: string }[]) {
            if (task.dossierStatus !== 'IN_PROCESS') continue;
            if (task.status === 'open' && (await call(offset, username, 'POST', `/tasks/${task.id}/claim`)).status !== 200) continue;
            // The same complete, twice at the same moment, to both APIs.
            const answers = await Promise.all([0, 1].map((api) => call(offset + api, username, 'POST', `/tasks/${task.id}/complete`, { action: 'forward' })));
            completes.set(task.id, [...(completes.get(task.id) ?? []), ...answers.map((answer) => answer.status)]);
            worked += answers.filter((answer) => answer.status === 200).length;
          }
        }
        for (const dossier of filed.filter((_, i) => i % 2 === offset % 2)) {
          const answers = await Promise.all([0, 1].map(async (api) => call(offset + api, dossier.counter, 'POST', `/dossiers/${dossier.code}/return`, { method: 'counter' })));
          if (answers.some((answer) => answer.status === 200))
            returns.set(
              dossier.code,
              answers.map((answer) => answer.status),
            );
        }
        transitions += worked;
        if (worked === 0) await sleep(200);
      }
    };
    const faults = async () => {
      while (transitions < 60 && Date.now() - started < DEADLINE_MS) await sleep(100);
      // One worker dies without a word; another takes its place a little later.
      children[2].kill('SIGKILL');
      await sleep(2000);
      children.push(await spawnBuiltProcess('worker', workerEnv));
      // Redis loses its keys one at a time, not atomically, while everything runs.
      await withRedis(async (redis) => {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.redisPrefix}:*`, 'COUNT', 100);
          for (const key of keys) {
            await redis.del(key);
            await sleep(5);
          }
          cursor = next;
        } while (cursor !== '0');
      });
    };
    await Promise.all([driver(0), driver(1), driver(2), driver(3), faults()]);

    const codes = filed.map((dossier) => dossier.code);
    const statuses = await env.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM dossiers WHERE code = ANY($1) GROUP BY status`, [codes]);
    expect(statuses).toEqual([{ status: 'RETURNED', n: DOSSIERS }]);
    // Each step of each dossier opened exactly once (no send-backs in this run), the join's successor included.
    const steps = await env.query<{ code: string; steps: string[] }>(
      `SELECT d.code, array_agg(t.step_key || '#' || t.activation ORDER BY t.step_key) AS steps FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = ANY($1) GROUP BY d.code`,
      [codes],
    );
    const wrongSteps = filed.filter((dossier) => {
      const opened = steps.find((row) => row.code === dossier.code)?.steps ?? [];
      return JSON.stringify(opened) !== JSON.stringify([...dossier.steps].sort().map((step) => `${step}#1`));
    });
    expect(wrongSteps.map((dossier) => ({ code: dossier.code, opened: steps.find((row) => row.code === dossier.code)?.steps }))).toEqual([]);
    // One history row per transition: per dossier one submit, accept, start, resolve and return; one complete-step per worked step.
    const history = await env.query<{ code: string; actions: string[] }>(
      `SELECT d.code, array_agg(h.action ORDER BY h.action) AS actions FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.code = ANY($1) GROUP BY d.code`,
      [codes],
    );
    const wrongHistory = filed.filter((dossier) => {
      const expected = ['accept', 'resolve', 'return', 'start', 'submit', ...Array(dossier.steps.length - 1).fill('complete-step')].sort();
      return JSON.stringify(history.find((row) => row.code === dossier.code)?.actions) !== JSON.stringify(expected);
    });
    expect(wrongHistory.map((dossier) => ({ code: dossier.code, history: history.find((row) => row.code === dossier.code)?.actions }))).toEqual([]);
    // Every duplicated complete and return: exactly one 200, the other 409.
    const doubles = [...completes.values(), ...returns.values()].filter(
      (answers) => answers.filter((status) => status === 200).length !== 1 || answers.some((status) => status !== 200 && status !== 409),
    );
    expect(doubles).toEqual([]);
    expect(completes.size).toBe(filed.reduce((sum, dossier) => sum + dossier.steps.length - 1, 0));
    // No step left open or claimed on a finished dossier.
    expect(await env.query(`SELECT t.id FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = ANY($1) AND t.status IN ('open', 'claimed')`, [codes])).toEqual([]);
    // Codes unique and gap-free per agency and day.
    const sequences = await env.query<{ prefix: string; n: number; max: number }>(
      `SELECT substring(code from '^(.*)-\\d+$') AS prefix, count(*)::int AS n, max(substring(code from '-(\\d+)$')::int) AS max FROM dossiers GROUP BY 1`,
    );
    expect(sequences.filter((row) => row.n !== row.max)).toEqual([]);
    // The reports count what the table holds.
    const supervisor = await call(0, 'giamsat.tinh', 'GET', `/reports/timeliness?from=2020-01-01&to=2099-12-31&groupBy=province`);
    expect(supervisor.status).toBe(200);
    const [table] = await env.query<{ received: number; resolved: number }>(
      `SELECT count(*) FILTER (WHERE received_at IS NOT NULL)::int AS received, count(*) FILTER (WHERE finished_at IS NOT NULL)::int AS resolved FROM dossiers WHERE province_code = '56'`,
    );
    const totals = supervisor.body.totals as { received: number; resolved: number };
    expect({ received: totals.received, resolved: totals.resolved }).toEqual(table);
  }, 240_000);

  it("stores a dossier's last places and one replacement once when both APIs take the same uploads at once", async () => {
    const filed = await call(0, 'tiepnhan.vinhhai', 'POST', '/dossiers', landDossier());
    const code = filed.body.code as string;
    const upload = async (api: number, fields: Record<string, string>, name: string) => {
      const form = new FormData();
      for (const [key, value] of Object.entries({ kind: 'paper', documentKey: 'don-dang-ky', ...fields })) form.append(key, value);
      form.append('file', new Blob([PNG], { type: 'image/png' }), name);
      const response = await fetch(`${apis[api % apis.length]}/dossiers/${code}/files`, { method: 'POST', headers: { Authorization: tokens.get('tiepnhan.vinhhai')! }, body: form });
      return { status: response.status, body: (await response.json()) as { id: string; code: string } };
    };
    const first = await upload(0, {}, 'trang-1.png');
    for (let i = 2; i < MAX_FILES - 1; i++) expect((await upload(i, {}, `trang-${i}.png`)).status).toBe(201);
    // Two places left: eight uploads for them, four through each API, two of them replacing the first page.
    const raced = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(i, i < 2 ? { supersedes: first.body.id } : {}, `dua-${i}.png`)));
    const stored = raced.filter((answer) => answer.status === 201);
    expect(stored).toHaveLength(2);
    expect(raced.filter((answer) => answer.status !== 201 && !['422 UNPROCESSABLE', '409 CONFLICT'].includes(`${answer.status} ${answer.body.code}`))).toEqual([]);
    const rows = await env.query<{ state: string; n: number }>(`SELECT f.state, count(*)::int AS n FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id WHERE d.code = $1 GROUP BY f.state`, [
      code,
    ]);
    expect(rows).toEqual([{ state: 'stored', n: MAX_FILES }]);
    const replacements = await env.query(`SELECT f.id FROM dossier_files f WHERE f.supersedes = $1`, [first.body.id]);
    expect(replacements.length).toBeLessThanOrEqual(1);
    // Every row's bytes are on the shared disk, and no refused upload left bytes behind.
    const onDisk = (await readdir(env.filesDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && !entry.name.startsWith('.'));
    expect(onDisk).toHaveLength(MAX_FILES);
  }, 60_000);
});
