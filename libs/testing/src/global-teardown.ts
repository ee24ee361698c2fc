import { deleteRedisKeys, withAdminClient, withRedis } from './services';
import { currentRun, setCurrentRun } from './test-config';

/** Drops every database and Redis key this run created, the template last. */
export default async function globalTeardown(): Promise<void> {
  const run = currentRun();
  if (!run) return;
  setCurrentRun(undefined);
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname = $2, datname`, [`${run}%`, run]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
  await withRedis((redis) => deleteRedisKeys(redis, `${run}:`));
}
