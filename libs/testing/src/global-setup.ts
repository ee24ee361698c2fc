import { randomBytes } from 'node:crypto';
import { migrate } from '../../persistence/src/data-source';
import { databaseUrl, withAdminClient, withRedis } from './services';

/**
 * Once per test run: checks both services answer, then creates this run's template database,
 * migrated from zero. Test files clone it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 * Runs for each project that declares it, so it is idempotent within a run.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MOTCUA_TEST_RUN) return;
  const run = `motcua_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withRedis((redis) => redis.ping());
  await withAdminClient((client) => client.query(`CREATE DATABASE "${run}"`));
  await migrate(databaseUrl(run));
  process.env.MOTCUA_TEST_RUN = run;
}
