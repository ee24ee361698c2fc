// What the honest benchmarks share: the built API and worker started as the npm start scripts start
// them, CPU time per process read from /proc (the API, the worker, this database's PostgreSQL backends,
// Redis and the driver itself), the load average, and medians over several runs.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { freePort } from '@motcua/testing';

/** Runs of each measured scenario; figures are their medians. */
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** The node arguments of an npm start script (heap limits included), so the benchmark runs what production runs. */
function startArguments(script: string): string[] {
  const command: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts[script];
  return command.split(' ').slice(1);
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

export interface Stack {
  /** http://127.0.0.1:PORT/api */
  base: string;
  api: ChildProcess;
  worker: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The built API and worker (`npm run build` first), each as its own process with the start scripts'
 * arguments and the environment given (LOG_LEVEL as production runs it unless the caller sets it).
 */
export async function startStack(env: NodeJS.ProcessEnv): Promise<Stack> {
  const [port, workerPort] = [await freePort(), await freePort()];
  const processEnv = { ...env, PORT: String(port), WORKER_HEALTH_PORT: String(workerPort) };
  const api = spawn(process.execPath, startArguments('start:api'), { env: processEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const worker = spawn(process.execPath, startArguments('start:worker'), { env: processEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  let stopping = false;
  for (const [name, child] of [
    ['API', api],
    ['worker', worker],
  ] as const) {
    child.once('exit', (code, signal) => stopping || console.error(`The ${name} exited during the run (${code ?? signal})`));
  }
  const base = `http://127.0.0.1:${port}/api`;
  await waitForHealth(`${base}/health`, api);
  await waitForHealth(`http://127.0.0.1:${workerPort}/health`, worker);
  return {
    base,
    api,
    worker,
    async stop() {
      stopping = true;
      for (const child of [api, worker]) child.kill('SIGTERM');
      await Promise.all([api, worker].map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
    },
  };
}

/** CPU milliseconds (user + system) a process has used so far; 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export type CpuShare = Record<string, number>;

/**
 * Measures the CPU each part spends on one scenario: the named processes, the PostgreSQL backends
 * serving `database` (looked up at the start and the end; a backend that came and went in between is
 * missed, so pools must stay open), Redis, and this process.
 */
export async function cpuMeter(database: string, databaseUrl: string, processes: Record<string, number>): Promise<() => Promise<CpuShare>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const backends = async () => (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database])).rows.map((row) => row.pid);
  const redis = Number(execFileSync('pgrep', ['-x', 'redis-server'], { encoding: 'utf8' }).split('\n')[0]);
  const before = new Map<number, number>();
  for (const pid of [...Object.values(processes), ...(await backends()), redis]) before.set(pid, cpuMs(pid));
  const driver = process.cpuUsage();
  return async () => {
    const spent = (pid: number) => cpuMs(pid) - (before.get(pid) ?? 0);
    const share: CpuShare = {};
    for (const [name, pid] of Object.entries(processes)) share[name] = spent(pid);
    share.postgres = (await backends()).reduce((sum, pid) => sum + spent(pid), 0);
    share.redis = spent(redis);
    const used = process.cpuUsage(driver);
    share.driver = (used.user + used.system) / 1000;
    await db.end();
    return share;
  };
}

/** Waits until a process uses less than `busyMs` of CPU a second (the worker finishing a backlog's tail), at most `maxMs`. */
export async function waitUntilIdle(pid: number, busyMs = 50, maxMs = 120_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const before = cpuMs(pid);
    await sleep(1000);
    if (cpuMs(pid) - before < busyMs || Date.now() - started > maxMs) return (Date.now() - started) / 1000;
  }
}

export const loadAverage = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** "12.3 (11.9–13.0)": the median of the runs and their range. */
export function medianText(values: number[], digits = 1): string {
  const text = (value: number) => value.toFixed(digits);
  return values.length > 1 ? `${text(median(values))} (${text(Math.min(...values))}–${text(Math.max(...values))})` : text(values[0]);
}

/** CPU ms per operation of each part, as medians over the runs. */
export function cpuPerOperation(runs: { cpu: CpuShare; operations: number }[]): string {
  const parts = Object.keys(runs[0].cpu);
  const perPart = parts.map((part) => `${part} ${median(runs.map((run) => run.cpu[part] / run.operations)).toFixed(2)}`);
  const total = median(runs.map((run) => Object.values(run.cpu).reduce((sum, value) => sum + value, 0) / run.operations));
  return `${total.toFixed(2)} = ${perPart.join(' + ')}`;
}
