/**
 * Everything the test set-up reads from or writes to the environment, in one place.
 * TEST_DATABASE_URL names a maintenance database from which each run creates its own databases.
 */
export const testConfig = {
  adminDatabaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  /** ../shared/data, the real administrative-unit files (tests run from the repository root). */
  sharedDataDir: process.env.MOTCUA_SHARED_DATA ?? '../shared/data',
  appLogLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
};

/** The run's template database, set by the global set-up and seen by every test file. */
export function currentRun(): string | undefined {
  return process.env.MOTCUA_TEST_RUN;
}

export function setCurrentRun(run: string | undefined): void {
  if (run === undefined) delete process.env.MOTCUA_TEST_RUN;
  else process.env.MOTCUA_TEST_RUN = run;
}

/** Sets the variables an app booted in this test process reads through its config module. */
export function exportAppEnvironment(variables: Record<string, string>): void {
  Object.assign(process.env, variables);
}

/** The environment for a child process: this one's, plus the given variables. */
export function childEnvironment(variables: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...variables };
}
