// Step transitions through the three-agency land workflow (commune → land registry → tax office →
// land registry → return desk), driven over HTTP as fast as the processors can click, against the
// built API and worker as their own processes (as the npm start scripts run them, at their log level);
// beside bare BullMQ no-op jobs on the same Redis, measured first with the stack stopped. Each figure
// is the median of BENCH_RUNS runs, with the CPU each process spent per transition.
// Run: npm run bench:workflow   (DOSSIERS=300 per run, CONCURRENCY=8, BENCH_RUNS=3)
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { cpuMeter, CpuShare, cpuPerOperation, loadAverage, median, medianText, RUNS, startStack, waitUntilIdle } from './stack';
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

interface Run {
  operations: number;
  rate: number;
  p50: number;
  p99: number;
  backlogRate: number;
  cpu: CpuShare;
}

/** Bare BullMQ: no-op jobs added in bulk and processed at concurrency 16, on the same Redis. */
async function bareBullmq(redisUrl: string, prefix: string): Promise<{ operations: number; rate: number }> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('bench-noop', { connection, prefix });
  const noop = new Worker('bench-noop', async () => undefined, { connection, prefix, concurrency: 16 });
  const started = performance.now();
  let processed = 0;
  const done = new Promise<void>((resolve) => noop.on('completed', () => ++processed === NOOP_JOBS && resolve()));
  for (let i = 0; i < NOOP_JOBS; i += 1000) await queue.addBulk(Array.from({ length: 1000 }, (_, j) => ({ name: 'noop', data: { i: i + j } })));
  await done;
  const seconds = (performance.now() - started) / 1000;
  await noop.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { operations: NOOP_JOBS, rate: NOOP_JOBS / seconds };
}

async function main(): Promise<void> {
  const environment = await benchEnvironment('workflow');
  const database = new URL(environment.databaseUrl).pathname.slice(1);
  const loadBefore = loadAverage();
  const baseline: { rate: number; cpu: CpuShare; operations: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const stop = await cpuMeter(database, environment.databaseUrl, {});
    const result = await bareBullmq(environment.redisUrl, environment.redisPrefix);
    baseline.push({ ...result, cpu: await stop() });
  }

  const { LOG_LEVEL: _benchLogLevel, ...env } = environment.env;
  const stack = await startStack(env);
  const base = stack.base;
  try {
    const tokens = new Map<string, string>();
    for (const username of [...PROCESSORS, 'tiepnhan.vinhhai']) {
      const response = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
      tokens.set(username, `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`);
    }
    const call = async (username: string, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: tokens.get(username)!, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const inbox = async (username: string) => (await call(username, 'GET', '/tasks?limit=200')).body.items as InboxItem[];
    const processes = { api: stack.api.pid!, worker: stack.worker.pid! };

    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      // The worker alone: file the run's dossiers with the worker stopped, then time how fast it starts
      // them all (RECEIVED → IN_PROCESS, first task opened, wake-ups scheduled) from the outbox backlog.
      const openedBefore = (await call('xuly.vpdk.nhatrang', 'GET', '/tasks?limit=1')).body.total as number;
      stack.worker.kill('SIGSTOP');
      for (let filed = 0; filed < DOSSIERS; filed += CONCURRENCY) {
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, DOSSIERS - filed) }, () => call('tiepnhan.vinhhai', 'POST', '/dossiers', LAND_DOSSIER)));
      }
      const backlogStarted = performance.now();
      stack.worker.kill('SIGCONT');
      const opened = async () => (await call('xuly.vpdk.nhatrang', 'GET', '/tasks?limit=1')).body.total as number;
      while ((await opened()) < openedBefore + DOSSIERS) await new Promise((resolve) => setTimeout(resolve, 10));
      const backlogSeconds = (performance.now() - backlogStarted) / 1000;
      await waitUntilIdle(stack.worker.pid!);

      // The driver: each loop takes the next item of a processor's inbox, claims and completes it.
      const total = DOSSIERS * 3;
      let completed = 0;
      const latencies: number[] = [];
      const taken = new Set<string>();
      const stop = await cpuMeter(database, environment.databaseUrl, processes);
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
      runs.push({ operations: completed, rate: completed / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), backlogRate: DOSSIERS / backlogSeconds, cpu: await stop() });
    }

    console.log(
      `Land workflow, ${RUNS} runs of ${DOSSIERS} dossiers × 3 processing steps (medians, range in brackets), ${CONCURRENCY} driver loops over HTTP; API and worker built, as the start scripts run them`,
    );
    console.log(`load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()}`);
    console.log(
      table([
        ['measure', 'value'],
        [
          'worker alone: dossiers started from an outbox backlog / s',
          medianText(
            runs.map((run) => run.backlogRate),
            0,
          ),
        ],
        [
          'step transitions / s (complete + route + next task opened)',
          medianText(
            runs.map((run) => run.rate),
            0,
          ),
        ],
        ['complete → next inbox, p50 (ms)', median(runs.map((run) => run.p50)).toFixed(1)],
        ['complete → next inbox, p99 (ms)', median(runs.map((run) => run.p99)).toFixed(1)],
        ['CPU ms per transition', cpuPerOperation(runs)],
        [
          'baseline, stack stopped: bare BullMQ no-op jobs / s (same Redis)',
          medianText(
            baseline.map((run) => run.rate),
            0,
          ),
        ],
        ['baseline: CPU ms per no-op job', cpuPerOperation(baseline)],
      ]),
    );
  } finally {
    await stack.stop();
    await environment.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
