import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { databaseUrl, withAdminClient, withRedis } from './services';
import { childEnvironment, currentRun, setCurrentRun } from './test-config';

const ROOT = process.cwd();

/** Runs the real CLI from source, as `npm run db:migrate` / `seed:demo` would after a build. */
function cli(databaseUrl: string, ...args: string[]): void {
  execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], {
    cwd: ROOT,
    env: childEnvironment({ DATABASE_URL: databaseUrl, NODE_ENV: 'test' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Once per test run: checks both services answer, then creates this run's template database,
 * migrated from zero and loaded with the demo data. Test files clone it (CREATE DATABASE … TEMPLATE),
 * which takes milliseconds. Jest calls this for each project that declares it, so it is idempotent.
 */
export default async function globalSetup(): Promise<void> {
  if (currentRun()) return;
  const run = `motcua_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withRedis((redis) => redis.ping());
  await withAdminClient((client) => client.query(`CREATE DATABASE "${run}"`));
  setCurrentRun(run);
  cli(databaseUrl(run), 'migrate');
  cli(databaseUrl(run), 'seed:demo');
}
