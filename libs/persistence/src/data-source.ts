import { Client, types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { PartitionSafeClient } from './partition-safe-client';
import { MIGRATIONS } from './migrations';

// A `date` is a calendar date, not an instant: keep it as 'yyyy-MM-dd' so no host zone can shift it.
types.setTypeParser(types.builtins.DATE, (value) => value);

const MIGRATION_LOCK = 'motcua:migrate';

/**
 * The one definition of how we talk to PostgreSQL, shared by the apps, the CLI and the tests. With a
 * query timeout, the client gives up on an unanswered query (a partition sends no error), PostgreSQL
 * cancels a statement that runs longer, and ends a transaction left idle twice as long.
 */
export function dataSourceOptions(url: string, queryTimeoutMs = 0): DataSourceOptions {
  const timeouts = queryTimeoutMs > 0 ? { Client: PartitionSafeClient, query_timeout: queryTimeoutMs, statement_timeout: queryTimeoutMs, idle_in_transaction_session_timeout: 2 * queryTimeoutMs } : {};
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, connectionTimeoutMillis: 5000, keepAlive: true, ...timeouts },
    applicationName: 'motcua',
  };
}

/**
 * Applies pending migrations in one transaction. An advisory lock held on its own connection
 * serialises concurrent migrators (several replicas booting at once); the second one finds nothing to do.
 */
export async function migrate(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const dataSource = new DataSource({ ...dataSourceOptions(url), migrationsTransactionMode: 'all' });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/** Creates the database named in the URL when it does not exist yet (connecting to `postgres` to do it). */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
