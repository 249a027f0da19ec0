import path from 'node:path';
import { PROJECT_ROOT, type EmbeddedNeo4jConfig, type Neo4jConnection } from '../../src/config';

/** The throwaway test server: its own ports and data folder, never the user's. */
export const TEST_EMBEDDED: EmbeddedNeo4jConfig = {
  boltPort: Number(process.env.TEST_NEO4J_BOLT_PORT ?? 17687),
  httpPort: Number(process.env.TEST_NEO4J_HTTP_PORT ?? 17474),
  heap: '768m',
  pageCache: '256m',
  dataDir: path.join(PROJECT_ROOT, '.neo4j-test', 'main'),
  password: 'car-graph-test',
  startTimeoutMs: 120_000,
};

/**
 * Connection the integration tests use: TEST_NEO4J_URI (with TEST_NEO4J_USER,
 * TEST_NEO4J_PASSWORD, TEST_NEO4J_DATABASE) when set, else the throwaway server.
 * The tests load the seed and write test data, so NEO4J_URI, the user's own
 * database, is deliberately never used.
 */
export function testConnection(overrides: Partial<Neo4jConnection> = {}): Neo4jConnection {
  const external = process.env.TEST_NEO4J_URI;
  return {
    uri: external ?? `neo4j://127.0.0.1:${TEST_EMBEDDED.boltPort}`,
    user: external ? (process.env.TEST_NEO4J_USER ?? 'neo4j') : 'neo4j',
    password: external ? (process.env.TEST_NEO4J_PASSWORD ?? '') : TEST_EMBEDDED.password,
    database: external ? (process.env.TEST_NEO4J_DATABASE ?? 'neo4j') : 'neo4j',
    txTimeoutMs: 10_000,
    connectTimeoutMs: 3_000,
    maxRetryMs: 1_000,
    poolSize: 10,
    ...overrides,
  };
}
