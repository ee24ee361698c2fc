// The busiest morning: counter intake and citizens' lookups at 64 connections against the built API
// and worker (as `npm run start:api` / `start:worker` run them), beside the same intake transaction as
// raw SQL through pg measured first, with the stack stopped. Only 2xx answers count as throughput;
// lookups come from many client addresses (through TRUST_PROXY, as a reverse proxy sets them); each
// figure is the median of BENCH_RUNS runs, with the CPU each process spent per operation.
// Run: npm run bench:load   (BENCH_SECONDS=15 per run, BENCH_RUNS=3)
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { peakResidentMb } from '@motcua/testing';
import { cpuMeter, CpuShare, cpuPerOperation, loadAverage, median, medianText, RUNS, startStack, waitUntilIdle } from './stack';
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

/** The intake transaction the API runs, as raw SQL: code counter, dossier, two history rows, outbox event. */
async function rawIntake(pool: Pool, agencies: { id: string; path: string; code: string }[]): Promise<{ count: number; rate: number; p50: number; p99: number }> {
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
  return { count: latencies.length, rate: latencies.length / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

interface Run {
  /** Successful (2xx) operations. */
  operations: number;
  rate: number;
  p50: number;
  p99: number;
  failed: number;
  cpu: CpuShare;
}

/** An autocannon run counted honestly: only 2xx answers are throughput; the rest are failures. */
function countRun(result: autocannon.Result, cpu: CpuShare): Run {
  const operations = result['2xx'];
  return { operations, rate: operations / result.duration, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts, cpu };
}

async function main(): Promise<void> {
  const bench = await benchEnvironment('load');
  const database = new URL(bench.databaseUrl).pathname.slice(1);
  // The API's own pool size (libs/persistence), so the raw baseline gets the same number of connections.
  const pool = new Pool({ connectionString: bench.databaseUrl, max: 20 });
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
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
    const loadBefore = loadAverage();

    // The baseline first, with nothing else running: the same transaction as raw SQL.
    const raw: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      const stop = await cpuMeter(database, bench.databaseUrl, {});
      const result = await rawIntake(pool, agencies);
      raw.push({ operations: result.count, rate: result.rate, p50: result.p50, p99: result.p99, failed: 0, cpu: await stop() });
    }

    // The raw rows are no dossiers of the system: the report projector is not to count them while the stack is measured.
    await pool.query(`DELETE FROM report_changes`);

    // The stack as production runs it: built, its own processes, the start scripts' arguments and log level.
    const { LOG_LEVEL: _benchLogLevel, ...env } = bench.env;
    stack = await startStack({ ...env, NODE_ENV: 'development', TRUST_PROXY: 'loopback' });
    const processes = { api: stack.api.pid!, worker: stack.worker.pid! };
    const tokens: string[] = [];
    for (const agency of agencies) {
      const response = await fetch(`${stack.base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: agency.code.toLowerCase(), password: 'MotCua@2025' }),
      });
      tokens.push(`Bearer ${((await response.json()) as { accessToken: string }).accessToken}`);
    }

    const intake: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      let turn = 0;
      const stop = await cpuMeter(database, bench.databaseUrl, processes);
      const result = await autocannon({
        url: `${stack.base}/dossiers`,
        connections: CONNECTIONS,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(CERTIFIED_COPY),
        requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: tokens[turn++ % tokens.length] } }) }],
      });
      intake.push(countRun(result, await stop()));
    }

    // The worker starts every dossier the intake runs filed and counts them into the reports; lookups
    // are measured once it is idle again, so its backlog's tail is not counted against them.
    const drainSeconds = await waitUntilIdle(stack.worker.pid!);
    const filed = (await pool.query(`SELECT code, verifier FROM dossiers WHERE code NOT LIKE 'RAW.%' ORDER BY random() LIMIT 2000`)).rows as { code: string; verifier: string }[];
    const lookup: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      let next = 0;
      const stop = await cpuMeter(database, bench.databaseUrl, processes);
      const result = await autocannon({
        url: stack.base.replace(/\/api$/, ''),
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            setupRequest: (request) => {
              const dossier = filed[next % filed.length];
              // A different citizen's address for each request (the lookup limits are not what is measured).
              const client = `10.${(next >> 16) & 255}.${(next >> 8) & 255}.${next & 255}`;
              next++;
              return { ...request, path: `/api/public/dossiers/${dossier.code}?verifier=${dossier.verifier}`, headers: { ...request.headers, 'x-forwarded-for': client } };
            },
          },
        ],
      });
      lookup.push(countRun(result, await stop()));
    }
    const [apiPeak, workerPeak] = [peakResidentMb(stack.api.pid!), peakResidentMb(stack.worker.pid!)];
    const backlog = (await pool.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`)).rows[0].n;

    const row = (name: string, runs: Run[], target: string) => [
      name,
      medianText(
        runs.map((run) => run.rate),
        0,
      ),
      median(runs.map((run) => run.p50)).toFixed(1),
      median(runs.map((run) => run.p99)).toFixed(1),
      runs.reduce((sum, run) => sum + run.failed, 0),
      cpuPerOperation(runs),
      target,
    ];
    console.log(`\n${CONNECTIONS} connections, ${RUNS} runs of ${SECONDS} s per scenario (medians, range in brackets), ${COUNTERS} counters; API and worker built, as the start scripts run them`);
    console.log(`load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()}`);
    console.log(
      table([
        ['scenario', 'successful / s', 'p50 ms', 'p99 ms', 'failed', 'CPU ms per operation', 'target'],
        row('raw SQL intake through pg, stack stopped', raw, ''),
        row('intake through the API (201 Created)', intake, '≥ 0.4 of raw SQL, p99 < 200 ms'),
        row('citizen lookup (200), many addresses', lookup, '≥ 2,000/s, p99 < 50 ms'),
      ]),
    );
    console.log(`API / raw SQL intake ratio: ${(median(intake.map((run) => run.rate)) / median(raw.map((run) => run.rate))).toFixed(2)}`);
    console.log(`the worker took ${drainSeconds.toFixed(0)} s after the intake runs to start every dossier they filed (lookups were measured after)`);
    console.log(`peak resident memory: API ${Math.round(apiPeak)} MB, worker ${Math.round(workerPeak)} MB (target < 300 MB each); outbox events not yet relayed at the end: ${backlog}`);
    const failed = [...intake, ...lookup].reduce((sum, run) => sum + run.failed, 0);
    const answered = [...intake, ...lookup].reduce((sum, run) => sum + run.failed + run.operations, 0);
    if (failed > 0.01 * answered) {
      console.error(`The run failed: ${failed} of ${answered} requests did not succeed`);
      process.exitCode = 1;
    }
  } finally {
    await stack?.stop();
    await pool.end();
    await bench.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
