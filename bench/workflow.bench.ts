// Step transitions through the three-agency land workflow (commune → land registry → tax office →
// land registry → return desk), driven over HTTP as fast as the processors can click, with the worker
// as its own process; beside bare BullMQ no-op jobs on the same Redis in the same run.
// Run: npm run bench:workflow   (DOSSIERS=300 CONCURRENCY=8 to change the load)
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { createApiApp } from '../apps/api/src/bootstrap';
import { spawnWorkerProcess } from '@motcua/testing';
import { benchEnvironment, percentile, table } from './support';

const DOSSIERS = Number(process.env.DOSSIERS ?? 300);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const LATENCY_SAMPLES = 40;
const NOOP_JOBS = 20_000;
const PASSWORD = 'MotCua@2025';
const NEXT_USER: Record<string, string> = { 'tham-dinh': 'xuly.thue.nhatrang', 'nghia-vu-tai-chinh': 'xuly.vpdk.nhatrang', 'cap-giay': 'tiepnhan.vinhhai' };
const PROCESSORS = ['xuly.vpdk.nhatrang', 'xuly.thue.nhatrang'];

const LAND_DOSSIER = {
  procedureCode: '1.004227',
  channel: 'counter',
  applicant: { kind: 'person', fullName: 'Nguyễn Thị Hồng Thủy', idNumber: '056185001234', dateOfBirth: '1985-04-12', phone: '0905123456', address: { line: '12 Trần Phú', communeCode: '22330' } },
  documents: ['don-dang-ky', 'hop-dong', 'giay-chung-nhan', 'to-khai-thue'].map((key) => ({ key, originals: 1, copies: 0 })),
};

interface InboxItem {
  id: string;
  dossierCode: string;
  stepKey: string;
  status: string;
}

async function main(): Promise<void> {
  const environment = await benchEnvironment('workflow');
  Object.assign(process.env, environment.env);
  const app = await createApiApp();
  app.useLogger(false);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api`;
  const worker = await spawnWorkerProcess(environment.env);
  try {
    const tokens = new Map<string, string>();
    for (const username of [...PROCESSORS, 'tiepnhan.vinhhai']) {
      const response = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
      tokens.set(username, `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`);
    }
    const timings = new Map<string, number[]>();
    const call = async (username: string, method: string, path: string, body?: unknown) => {
      const began = performance.now();
      const kind = `${method} ${path.replace(/[0-9a-f-]{36}/, ':id').replace(/\?.*/, '')}`;
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: tokens.get(username)!, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const result = { status: response.status, body: (await response.json()) as Record<string, unknown> };
      timings.set(kind, [...(timings.get(kind) ?? []), performance.now() - began]);
      return result;
    };
    const inbox = async (username: string) => (await call(username, 'GET', '/tasks?limit=200')).body.items as InboxItem[];

    // The worker alone: file every dossier with the worker stopped, then time how fast it starts them
    // all (RECEIVED → IN_PROCESS, first task opened, wake-ups scheduled) from the outbox backlog.
    worker.kill('SIGSTOP');
    for (let filed = 0; filed < DOSSIERS; filed += CONCURRENCY) {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, DOSSIERS - filed) }, () => call('tiepnhan.vinhhai', 'POST', '/dossiers', LAND_DOSSIER)));
    }
    const backlogStarted = performance.now();
    worker.kill('SIGCONT');
    const opened = async () => (await call('xuly.vpdk.nhatrang', 'GET', '/tasks?limit=1')).body.total as number;
    while ((await opened()) < DOSSIERS) await new Promise((resolve) => setTimeout(resolve, 10));
    const backlogSeconds = (performance.now() - backlogStarted) / 1000;

    // The driver: each loop takes the next item of a processor's inbox, claims and completes it.
    const total = DOSSIERS * 3;
    let completed = 0;
    const latencies: number[] = [];
    const taken = new Set<string>();
    const started = performance.now();
    const loop = async (username: string, probe: boolean) => {
      let queue: InboxItem[] = [];
      while (completed < total) {
        if (queue.length === 0) queue = (await inbox(username)).filter((candidate) => !taken.has(candidate.id));
        const item = queue.shift();
        if (!item) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        if (taken.has(item.id)) continue;
        taken.add(item.id);
        if ((await call(username, 'POST', `/tasks/${item.id}/claim`)).status !== 200) continue;
        const sent = performance.now();
        if ((await call(username, 'POST', `/tasks/${item.id}/complete`, { action: 'forward' })).status !== 200) continue;
        completed++;
        if (probe && latencies.length < LATENCY_SAMPLES) {
          // How long until the next step shows in the next inbox.
          const next = NEXT_USER[item.stepKey];
          for (;;) {
            const steps = (await call(next, 'GET', `/tasks?dossier=${encodeURIComponent(item.dossierCode)}`)).body.items as InboxItem[];
            if (steps.some((candidate) => candidate.stepKey !== item.stepKey)) break;
          }
          latencies.push(performance.now() - sent);
        }
      }
    };
    await Promise.all(PROCESSORS.flatMap((username) => Array.from({ length: CONCURRENCY / 2 }, (_, i) => loop(username, i === 0))));
    const seconds = (performance.now() - started) / 1000;

    // Baseline: bare BullMQ no-op jobs on the same Redis.
    const connection = { url: environment.redisUrl, maxRetriesPerRequest: null };
    const queue = new Queue('bench-noop', { connection, prefix: environment.redisPrefix });
    const noop = new Worker('bench-noop', async () => undefined, { connection, prefix: environment.redisPrefix, concurrency: 16 });
    const noopStarted = performance.now();
    let processed = 0;
    const done = new Promise<void>((resolve) => noop.on('completed', () => ++processed === NOOP_JOBS && resolve()));
    for (let i = 0; i < NOOP_JOBS; i += 1000) await queue.addBulk(Array.from({ length: 1000 }, (_, j) => ({ name: 'noop', data: { i: i + j } })));
    await done;
    const noopSeconds = (performance.now() - noopStarted) / 1000;
    await noop.close();
    await queue.close();

    console.log(`Land workflow, ${DOSSIERS} dossiers × 3 processing steps, ${CONCURRENCY} driver loops over HTTP, worker as its own process`);
    console.log(
      table([
        ['measure', 'value'],
        ['worker alone: dossiers started from an outbox backlog / s', (DOSSIERS / backlogSeconds).toFixed(0)],
        ['step transitions completed', completed],
        ['step transitions / s (complete + route + next task opened)', (completed / seconds).toFixed(0)],
        ['complete → next inbox, p50 (ms)', percentile(latencies, 50).toFixed(1)],
        ['complete → next inbox, p99 (ms)', percentile(latencies, 99).toFixed(1)],
        ['baseline: bare BullMQ no-op jobs / s (same Redis)', (NOOP_JOBS / noopSeconds).toFixed(0)],
      ]),
    );
    if (process.env.BENCH_DEBUG) {
      const { Client } = await import('pg');
      const db = new Client({ connectionString: environment.databaseUrl });
      await db.connect();
      const lag = await db.query(
        `SELECT o.topic, count(*)::int AS n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.processed_at - o.created_at) * 1000) AS p50,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM p.processed_at - o.created_at) * 1000) AS p99,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM o.sent_at - o.created_at) * 1000) AS sent_p99
         FROM outbox o JOIN processed_events p ON p.outbox_id = o.id GROUP BY o.topic`,
      );
      console.table(lag.rows);
      await db.end();
      for (const [kind, values] of timings) console.log(kind, values.length, 'p50', percentile(values, 50).toFixed(1), 'p99', percentile(values, 99).toFixed(1));
    }
  } finally {
    worker.kill('SIGTERM');
    await app.close();
    await environment.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
