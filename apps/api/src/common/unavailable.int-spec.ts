import { Client } from 'pg';
import { createTestEnvironment, TestEnvironment } from '@motcua/testing';
import { isTransactionConflict, unavailableService } from './unavailable';

/** Real PostgreSQL errors, classified the way the API answers them: 409 to try again, 503 to wait. */
describe('database errors the API does not answer with 500', () => {
  let env: TestEnvironment;
  beforeAll(async () => (env = await createTestEnvironment()));
  afterAll(() => env.dispose());

  const connect = async () => {
    const client = new Client({ connectionString: env.databaseUrl });
    await client.connect();
    return client;
  };

  it('takes a deadlock for a conflict to try again', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    try {
      await a.query(`CREATE TABLE deadlock_test (id int PRIMARY KEY); INSERT INTO deadlock_test VALUES (1), (2)`);
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('UPDATE deadlock_test SET id = id WHERE id = 1');
      await b.query('UPDATE deadlock_test SET id = id WHERE id = 2');
      const outcomes = await Promise.allSettled([a.query('UPDATE deadlock_test SET id = id WHERE id = 2'), b.query('UPDATE deadlock_test SET id = id WHERE id = 1')]);
      const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')!.reason;
      expect(failure.code).toBe('40P01');
      expect(isTransactionConflict(failure)).toBe(true);
      expect(isTransactionConflict({ name: 'QueryFailedError', driverError: failure })).toBe(true);
      expect(unavailableService(failure)).toBeUndefined();
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('takes a statement cancelled by its timeout for PostgreSQL unavailable', async () => {
    const client = await connect();
    try {
      await client.query(`SET statement_timeout = 50`);
      const failure = await client.query('SELECT pg_sleep(1)').catch((error: unknown) => error);
      expect(unavailableService(failure)).toBe('PostgreSQL');
      expect(isTransactionConflict(failure)).toBe(false);
    } finally {
      await client.end();
    }
  });
});
