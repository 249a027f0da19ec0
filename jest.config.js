/**
 * Two projects: unit tests (pure code, no database) and integration tests
 * against a real, throwaway Neo4j that tests/setup/global-setup.ts starts on
 * its own ports and data folder (or the Neo4j at NEO4J_URI, if set).
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      // Node's environment holding a lock over the shared test graph.
      testEnvironment: '<rootDir>/tests/setup/graph-environment.ts',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/setup/global-setup.ts',
      globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
    },
  ],
  // Two cores: the Neo4j server needs one of them.
  maxWorkers: 2,
  testTimeout: 60000,
};
