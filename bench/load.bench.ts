// The busiest morning: counter intake and citizens' lookups at 64 connections against the built API
// and worker (as `npm run start:api` / `start:worker` run them), beside the same intake transaction as raw SQL through pg, with the
// resident memory of both processes. Run: npm run bench:load   (BENCH_SECONDS=15 per scenario)
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { benchEnvironment, percentile, table } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 64;
/** Counters taking part: one reception officer at each of this many communes of Khánh Hòa. */
const COUNTERS = 32;
const CERTIFIED_COPY = {
  procedureCode: '2.000815',
  channel: 'counter',
  applicant: { kind: 'person', fullName: 'Trần Văn Bình', idNumber: '056185001234', dateOfBirth: '1985-04-12', phone: '0905123456', address: { line: '12 Trần Phú', communeCode: '22330' } },
  documents: [
    { key: 'ban-chinh', originals: 1, copies: 0 },
    { key: 'ban-sao', originals: 0, copies: 1 },
  ],
};

/** The node arguments of an npm start script (heap limits included), so the benchmark runs what production runs. */
function startArguments(script: string): string[] {
  const command: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts[script];
  return command.split(' ').slice(1);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(url: string, process: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (process.exitCode !== null) throw new Error(`${url}: the process exited (${process.exitCode})`);
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/** Peak resident memory of a process, sampled every 250 ms until stopped. */
function sampleMemory(pid: number): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {
      clearInterval(timer); // the process is gone
    }
  }, 250);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** The intake transaction the API runs, as raw SQL: code counter, dossier, two history rows, outbox event. */
async function rawIntake(pool: Pool, agencies: { id: string; path: string; code: string }[]): Promise<{ rate: number; p50: number; p99: number }> {
  const [procedure] = (await pool.query(`SELECT code, name, field FROM procedures WHERE code = '2.000815'`)).rows;
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  let turn = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const agency = agencies[turn++ % agencies.length];
      const started = performance.now();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(
          `INSERT INTO dossier_code_counters (agency_id, day, last_sequence) VALUES ($1, current_date, 1)
           ON CONFLICT (agency_id, day) DO UPDATE SET last_sequence = dossier_code_counters.last_sequence + 1 RETURNING last_sequence`,
          [agency.id],
        );
        const code = `RAW.${agency.code}-${rows[0].last_sequence}`;
        const { rows: inserted } = await client.query(
          `INSERT INTO dossiers (code, status, channel, procedure_code, procedure_name, procedure_field, legal_time, supplement_mode, receiving_agency_id,
             receiving_unit_path, province_code, applicant, applicant_search, documents, verifier, submitted_at, received_at, counting_start, due_at, original_due_at)
           VALUES ($1, 'RECEIVED', 'counter', $2, $3, $4, '{"amount": 2, "unit": "working_hours"}', 'restart', $5, $6, '56', $7, 'tran van binh', $8, '1234',
             now(), now(), now(), now() + interval '2 hours', now() + interval '2 hours') RETURNING id`,
          [code, procedure.code, procedure.name, procedure.field, agency.id, agency.path, CERTIFIED_COPY.applicant, JSON.stringify(CERTIFIED_COPY.documents)],
        );
        for (const action of ['submit', 'accept']) {
          await client.query(`INSERT INTO dossier_history (dossier_id, action, to_status, note) VALUES ($1, $2, 'RECEIVED', NULL)`, [inserted[0].id, action]);
        }
        await client.query(`INSERT INTO outbox (topic, aggregate_id, payload) VALUES ('raw.accepted', $1, '{}')`, [inserted[0].id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  return { rate: latencies.length / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main(): Promise<void> {
  const bench = await benchEnvironment('load');
  const children: ChildProcess[] = [];
  let running = true;
  // The API's own pool size (libs/persistence), so the raw baseline gets the same number of connections.
  const pool = new Pool({ connectionString: bench.databaseUrl, max: 20 });
  try {
    // A province's busy morning: reception officers at COUNTERS communes, each with its own code counter.
    await pool.query(
      `INSERT INTO agencies (code, name, kind, unit_id)
       SELECT 'LOAD.' || u.code, 'Ủy ban nhân dân ' || u.name, 'PEOPLES_COMMITTEE', u.id FROM administrative_units u
       WHERE u.unit_set = '2025-03' AND u.level = 'commune' AND u.path LIKE '56.%' AND NOT EXISTS (SELECT 1 FROM agencies a WHERE a.unit_id = u.id)
       ORDER BY u.path LIMIT $1`,
      [COUNTERS],
    );
    await pool.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT lower(a.code), (SELECT password_hash FROM users WHERE username = 'tiepnhan.vinhhai'), 'Cán bộ một cửa ' || a.code, 'RECEPTION', a.id FROM agencies a WHERE a.code LIKE 'LOAD.%'`,
    );
    const agencies = (await pool.query(`SELECT a.id, a.code, u.path FROM agencies a JOIN administrative_units u ON u.id = a.unit_id WHERE a.code LIKE 'LOAD.%'`)).rows;

    const [port, workerPort] = [await freePort(), await freePort()];
    const env = { ...bench.env, PORT: String(port), WORKER_HEALTH_PORT: String(workerPort), LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    const api = spawn(process.execPath, startArguments('start:api'), { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const worker = spawn(process.execPath, startArguments('start:worker'), { env, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(api, worker);
    for (const [name, child] of [
      ['API', api],
      ['worker', worker],
    ] as const) {
      child.once('exit', (code, signal) => running && console.error(`The ${name} exited during the run (${code ?? signal})`));
    }
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/api/health`, api);
    await waitForHealth(`http://127.0.0.1:${workerPort}/health`, worker);

    const tokens: string[] = [];
    for (const agency of agencies) {
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: agency.code.toLowerCase(), password: 'MotCua@2025' }),
      });
      tokens.push(`Bearer ${((await response.json()) as { accessToken: string }).accessToken}`);
    }

    const apiMemory = sampleMemory(api.pid!);
    const workerMemory = sampleMemory(worker.pid!);
    let turn = 0;
    const intake = await autocannon({
      url: `${base}/api/dossiers`,
      connections: CONNECTIONS,
      duration: SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CERTIFIED_COPY),
      requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: tokens[turn++ % tokens.length] } }) }],
    });
    const raw = await rawIntake(pool, agencies);

    const filed = (await pool.query(`SELECT code, verifier FROM dossiers WHERE code NOT LIKE 'RAW.%' ORDER BY random() LIMIT 200`)).rows as { code: string; verifier: string }[];
    let next = 0;
    const lookup = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [{ setupRequest: (request) => ({ ...request, path: `/api/public/dossiers/${filed[next % filed.length].code}?verifier=${filed[next++ % filed.length].verifier}` }) }],
    });
    const [apiPeak, workerPeak] = [apiMemory(), workerMemory()];
    const backlog = (await pool.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`)).rows[0].n;

    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per scenario, ${COUNTERS} counters; API and worker built (dist/), PostgreSQL and Redis on this machine`);
    console.log(
      table([
        ['scenario', 'per second', 'p50 ms', 'p99 ms', 'non-2xx', 'target'],
        ['intake through the API (201 Created)', Math.round(intake.requests.average), intake.latency.p50, intake.latency.p99, intake.non2xx + intake.errors, '≥ 1,000/s, p99 < 100 ms'],
        ['same transaction, raw SQL through pg', Math.round(raw.rate), raw.p50.toFixed(1), raw.p99.toFixed(1), 0, ''],
        ['citizen lookup', Math.round(lookup.requests.average), lookup.latency.p50, lookup.latency.p99, lookup.non2xx + lookup.errors, '≥ 3,000/s, p99 < 50 ms'],
      ]),
    );
    console.log(`API / raw SQL intake ratio: ${(intake.requests.average / raw.rate).toFixed(2)} (target > 0.3)`);
    console.log(`peak resident memory: API ${mb(apiPeak)}, worker ${mb(workerPeak)} (target < 300 MB each); outbox events not yet relayed at the end: ${backlog}`);
    const failed = intake.non2xx + intake.errors + lookup.non2xx + lookup.errors;
    if (failed > 0.01 * (intake.requests.total + lookup.requests.total)) {
      console.error(`The run failed: ${failed} requests did not succeed`);
      process.exitCode = 1;
    }
  } finally {
    running = false;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
    await pool.end();
    await bench.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
