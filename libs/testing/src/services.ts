import Redis from 'ioredis';
import { Client } from 'pg';

import { testConfig } from './test-config';

const TEST_ADMIN_DATABASE_URL = testConfig.adminDatabaseUrl;
const TEST_REDIS_URL = testConfig.redisUrl;

export function databaseUrl(name: string): string {
  const url = new URL(TEST_ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_ADMIN_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_ADMIN_DATABASE_URL} (${(error as Error).message}). ` +
        `Start it (here: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, ` +
        `or docker compose up -d postgres) or point TEST_DATABASE_URL at one.`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function withRedis<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (${(error as Error).message}). ` +
        `Start it (here: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no, ` +
        `or docker compose up -d redis) or point TEST_REDIS_URL at one.`,
    );
  }
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Deletes every Redis key under a prefix (SCAN, never KEYS). */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
