import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrations';
import { createLogger } from '../../src/logger';
import { seed } from '../../src/seed';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { resetGraphLock } from './graph-lock';
import { NEO4J_START_TIMEOUT_MS, TEST_EMBEDDED, testConnection } from './test-neo4j';

declare global {
  var __TEST_NEO4J__: EmbeddedNeo4j | undefined;
}

/**
 * Starts a fresh Neo4j for the integration tests (unless TEST_NEO4J_URI names
 * a disposable one; NEO4J_URI, the user's database, is never used),
 * then applies the migrations and loads the seed, so every test sees the
 * real schema and data.
 */
export default async function globalSetup(): Promise<void> {
  const logger = createLogger('silent');
  resetGraphLock();
  if (!process.env.TEST_NEO4J_URI) {
    // A throwaway database: data and logs are wiped before every run (the
    // resolved-jar cache beside them is kept).
    for (const dir of ['data', 'logs']) {
      fs.rmSync(path.join(TEST_EMBEDDED.dataDir, dir), { recursive: true, force: true });
    }
    const server = new EmbeddedNeo4j(TEST_EMBEDDED, (m) => process.stderr.write(`${m}\n`));
    globalThis.__TEST_NEO4J__ = server;
    await server.start();
  }
  // Setup is not what the tests measure: a freshly started server on a busy
  // machine may take longer than the tests' 10 s per statement to compile its
  // first queries and load the seed, or to accept the first connections.
  const db = new Database(
    testConnection({
      txTimeoutMs: NEO4J_START_TIMEOUT_MS,
      connectTimeoutMs: 30_000,
      maxRetryMs: 60_000,
    }),
    logger,
  );
  try {
    await migrate(db, logger);
    // Every integration test reads the real seed.
    await seed(db);
  } catch (err) {
    // Jest skips the global teardown when the setup fails.
    await globalThis.__TEST_NEO4J__?.stop();
    throw err;
  } finally {
    await db.close();
  }
}
