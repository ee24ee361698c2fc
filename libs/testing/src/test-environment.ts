import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrl, deleteRedisKeys, withAdminClient, withRedis } from './services';
import { currentRun, exportAppEnvironment, testConfig } from './test-config';

export interface TestEnvironment {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** The local file storage's directory (FILE_STORAGE_DIR), removed with the database. */
  filesDir: string;
  /** Runs SQL against this file's database (to check what was written, not to set state up). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Drops the database (closing its connections): what a PostgreSQL outage looks like to the app. */
  dropDatabase(): Promise<void>;
  /** Drops the database, the Redis keys and the stored files. */
  dispose(): Promise<void>;
}

/**
 * A database and a Redis prefix for one test file: cloned from the run's migrated template, and
 * exported to the environment so the config module of an app booted in this file picks them up.
 */
export async function createTestEnvironment(): Promise<TestEnvironment> {
  const run = currentRun();
  if (!run) throw new Error('No test run: start tests through jest so the global setup runs');
  const suffix = randomBytes(4).toString('hex');
  const name = `${run}_${suffix}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${run}"`));
  const environment: TestEnvironment = {
    databaseUrl: databaseUrl(name),
    redisUrl: testConfig.redisUrl,
    redisPrefix: `${run}:${suffix}`,
    filesDir: join(tmpdir(), `motcua-files-${name}`),
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new Client({ connectionString: environment.databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async dropDatabase() {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
    async dispose() {
      await environment.dropDatabase();
      await withRedis((redis) => deleteRedisKeys(redis, `${environment.redisPrefix}:`));
      await rm(environment.filesDir, { recursive: true, force: true });
    },
  };
  exportAppEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    REDIS_PREFIX: environment.redisPrefix,
    LOG_LEVEL: testConfig.appLogLevel,
    WORKER_HEALTH_PORT: '0',
    FILE_STORAGE: 'local',
    FILE_STORAGE_DIR: environment.filesDir,
  });
  return environment;
}
