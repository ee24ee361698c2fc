import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { DEMO_PASSWORD } from '@motcua/domain';
import { startApi, TestApi } from './support/api';
import { CERTIFIED_COPY, workInboxes } from './support/dossiers';
import { TcpProxy } from './support/tcp-proxy';
import { eventually, spawnWorker, startWorker } from './support/worker';

/** Dossiers missing the rows every accepted dossier has: its history and its outbox event. */
const HALF_WRITTEN = `SELECT d.code FROM dossiers d
  WHERE NOT EXISTS (SELECT 1 FROM dossier_history h WHERE h.dossier_id = d.id)
     OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.aggregate_id = d.id)`;

describe('PostgreSQL stopped and started while the counters are busy', () => {
  let api: TestApi;
  let database: TcpProxy;
  beforeAll(async () => {
    api = await startApi(async (env) => {
      const { proxy, url } = await TcpProxy.in(env.databaseUrl);
      database = proxy;
      return { DATABASE_URL: url };
    });
  });
  afterAll(async () => {
    await database.up();
    await api.close();
    await database.down();
  }, 30_000);

  it('fails fast with 503 UNAVAILABLE and Retry-After while it is down, recovers without a restart, and loses or half-writes nothing', async () => {
    const token = await api.login('tiepnhan.vinhhai');
    type Phase = 'before' | 'down' | 'after';
    let phase = 'before' as Phase;
    let running = true;
    const accepted: Record<Phase, string[]> = { before: [], down: [], after: [] };
    const refused: { phase: string; status: number; code: string; retryAfter: string; ms: number }[] = [];
    const counter = async () => {
      while (running) {
        const started = Date.now();
        const response = await api.http().post('/api/dossiers').set('Authorization', token).timeout(10_000).send(CERTIFIED_COPY);
        if (response.status === 201) accepted[phase].push(response.body.code);
        else refused.push({ phase, status: response.status, code: response.body.code, retryAfter: response.headers['retry-after'], ms: Date.now() - started });
      }
    };
    const counters = Array.from({ length: 8 }, counter);
    let health;
    try {
      // Up to speed first: on a loaded machine the first intakes can take seconds.
      await eventually(async () => expect(accepted.before.length).toBeGreaterThan(20), 20_000);
      phase = 'down';
      await database.down();
      await sleep(2000);
      health = await api.http().get('/api/health');
      phase = 'after';
      await database.up();
      await eventually(async () => expect(accepted.after.length).toBeGreaterThan(20), 20_000);
    } finally {
      running = false;
      await Promise.all(counters);
    }

    expect(health?.status).toBe(503);
    const whileDown = refused.filter((answer) => answer.phase === 'down');
    expect(whileDown.length).toBeGreaterThan(20);
    expect(refused.filter((answer) => answer.status !== 503 || answer.code !== 'UNAVAILABLE' || answer.retryAfter !== '5')).toEqual([]);
    expect(Math.max(...whileDown.map((answer) => answer.ms))).toBeLessThan(1000);
    const codes = [...accepted.before, ...accepted.down, ...accepted.after];
    const stored = await api.env.query<{ code: string }>(`SELECT code FROM dossiers WHERE code = ANY($1)`, [codes]);
    expect(stored).toHaveLength(codes.length);
    expect(await api.env.query(HALF_WRITTEN)).toEqual([]);
  }, 80_000);
});

describe('Redis stopped and started', () => {
  let api: TestApi;
  let redis: TcpProxy;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    api = await startApi(async (env) => {
      const { proxy, url } = await TcpProxy.in(env.redisUrl);
      redis = proxy;
      return { REDIS_URL: url };
    });
    worker = await startWorker();
  });
  afterAll(async () => {
    await redis.up();
    await worker.close();
    await api.close();
    await redis.down();
  }, 30_000);

  const file = async (count: number) => {
    const token = await api.login('tiepnhan.vinhhai');
    const codes: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await api.http().post('/api/dossiers').set('Authorization', token).send(CERTIFIED_COPY);
      expect(response.status).toBe(201);
      codes.push(response.body.code);
    }
    return codes;
  };
  const started = (codes: string[]) => api.env.query<{ code: string }>(`SELECT DISTINCT d.code FROM dossiers d JOIN tasks t ON t.dossier_id = d.id WHERE d.code = ANY($1)`, [codes]);

  it('keeps the counters accepting and logging in (the outbox holds the work) and the worker resumes: every dossier starts, once', async () => {
    const before = await file(5);
    await eventually(async () => expect(await started(before)).toHaveLength(5));
    await redis.down();
    const during = await file(10);
    // Logging in needs no Redis either: the failure counts fall back to memory.
    expect((await api.http().post('/api/auth/login').send({ username: 'xuly.vinhhai', password: DEMO_PASSWORD })).status).toBe(200);
    await sleep(1500);
    await redis.up();
    const codes = [...before, ...during];
    await eventually(async () => expect(await started(codes)).toHaveLength(15), 30_000);
    const tasks = await api.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = ANY($1) GROUP BY t.dossier_id`, [codes]);
    expect(tasks.map((row) => row.n)).toEqual(codes.map(() => 1));
  }, 60_000);
});

describe('the worker killed at random moments during 1,000 dossiers', () => {
  let api: TestApi;
  const spawned: ChildProcess[] = [];
  beforeAll(async () => (api = await startApi()));
  afterAll(async () => {
    for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await api.close();
  });

  /** Works every task in the processor's and the leader's inboxes once; returns how many steps were completed. */
  const drive = () => workInboxes(api, ['xuly.vinhhai', 'lanhdao.vinhhai']);

  it('finishes every dossier after restarts, each step exactly once', async () => {
    const token = await api.login('tiepnhan.vinhhai');
    const codes: string[] = [];
    for (let i = 0; i < 1000; i++) codes.push((await api.http().post('/api/dossiers').set('Authorization', token).send(CERTIFIED_COPY)).body.code);
    const resolved = async () => (await api.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossiers WHERE code = ANY($1) AND status = 'RESOLVED'`, [codes]))[0].n;

    let kills = 0;
    let worker = await spawnWorker();
    spawned.push(worker);
    const driving = (async () => {
      while ((await resolved()) < codes.length) if ((await drive()) === 0) await sleep(100);
    })();
    // Kill it five times, 0.5 to 3 seconds into each life, then let the last one finish.
    while (kills < 5) {
      await sleep(500 + Math.random() * 2500);
      worker.kill('SIGKILL');
      await once(worker, 'exit');
      kills++;
      worker = await spawnWorker();
      spawned.push(worker);
    }
    await Promise.race([driving, sleep(240_000, undefined, { ref: false }).then(() => Promise.reject(new Error(`${codes.length} dossiers not all resolved in time`)))]);
    worker.kill('SIGTERM');
    expect((await once(worker, 'exit'))[0]).toBe(0);

    const steps = await api.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = ANY($1) GROUP BY t.dossier_id, t.step_key`, [codes]);
    expect(steps).toHaveLength(codes.length * 3);
    expect(steps.filter((row) => row.n !== 1)).toEqual([]);
    const history = await api.env.query<{ action: string; n: number }>(
      `SELECT h.action, count(*)::int AS n FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.code = ANY($1) GROUP BY h.action ORDER BY h.action`,
      [codes],
    );
    expect(history).toEqual([
      { action: 'accept', n: codes.length },
      { action: 'complete-step', n: codes.length * 2 },
      { action: 'resolve', n: codes.length },
      { action: 'start', n: codes.length },
      { action: 'submit', n: codes.length },
    ]);
  }, 420_000);
});
