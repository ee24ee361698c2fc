// Five tiers, one run: unit specs beside the code, integration specs against real PostgreSQL and
// Redis (`*.int-spec.ts`), end-to-end tests in test/, fault tests (`test/*.faults-spec.ts`) and
// browser tests of the web console (`test/*.browser-spec.ts`). The
// global setup creates a migrated template database for this run; every test file clones its own
// database from it.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', useESM: true }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

// Only the tiers that need PostgreSQL and Redis run the global setup (it is idempotent per run).
const withServices = {
  ...shared,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
};

module.exports = {
  // A bound on a hang, not a speed check: on this shared 2-core machine a test that hashes 30
  // passwords or boots the API under load can take longer than jest's default 5 s. jest-circus
  // reads it from the global config only; set inside a project it is silently ignored.
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...withServices, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...withServices, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // PostgreSQL and Redis taken down under load, the worker killed at random: slow, also run alone by `npm run test:faults`.
    { ...withServices, displayName: 'faults', testMatch: ['<rootDir>/test/**/*.faults-spec.ts'] },
    // The built web console (`npm run build`) in Debian's Chromium, driven by playwright-core.
    { ...withServices, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser-spec.ts'] },
  ],
};
