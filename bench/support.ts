import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Redis from 'ioredis';

/** A throw-away database (migrated and seeded by the real CLI) and Redis prefix for one benchmark run. */
export interface BenchEnvironment {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function benchEnvironment(name: string): Promise<BenchEnvironment> {
  const database = `motcua_bench_${name}_${randomBytes(3).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: url.toString(), REDIS_URL, REDIS_PREFIX: database, LOG_LEVEL: 'warn', WORKER_HEALTH_PORT: '0' };
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], { env, stdio: 'ignore' });
  cli('migrate');
  cli('seed:demo');
  return {
    databaseUrl: url.toString(),
    redisUrl: REDIS_URL,
    redisPrefix: database,
    env,
    async dispose() {
      const admin = new Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
      const redis = new Redis(REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${database}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ')).join('\n');
}
