import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, type EmbeddedNeo4jConfig, type Neo4jConnection } from '../../src/config';

/**
 * The longest one Neo4j start may take in the tests. Generous on purpose: on
 * a loaded machine (two copies of the suite on two cores) a start that takes
 * 30 s when idle took over 120 s. Tests await readiness; this only bounds a
 * start that will never succeed.
 */
export const NEO4J_START_TIMEOUT_MS = 300_000;

/**
 * Jest's budget for a test that starts Neo4j `starts` times: a backstop
 * derived from the start timeout, never what decides a test's outcome.
 */
export function startupTestTimeout(starts: number): number {
  return starts * NEO4J_START_TIMEOUT_MS + 120_000;
}

/** The throwaway test server: its own ports and data folder, never the user's. */
export const TEST_EMBEDDED: EmbeddedNeo4jConfig = {
  boltPort: Number(process.env.TEST_NEO4J_BOLT_PORT ?? 17687),
  httpPort: Number(process.env.TEST_NEO4J_HTTP_PORT ?? 17474),
  heap: '768m',
  pageCache: '256m',
  dataDir: path.join(PROJECT_ROOT, '.neo4j-test', 'main'),
  password: 'car-graph-test',
  startTimeoutMs: NEO4J_START_TIMEOUT_MS,
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

/** Java processes serving the given Neo4j home folder. */
export function javaProcessesFor(home: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(`--home-dir=${home}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Polls `check` until it holds; false if `timeoutMs` passes first. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
