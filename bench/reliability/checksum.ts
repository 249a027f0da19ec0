/**
 * The graph's content checksum read straight from Neo4j (not through the
 * API), before and after the phases: fuzzing and faults must change nothing.
 */
import { graphContentChecksum } from '../../src/db/graph-checksum';
import { Database } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import type { ServerOptions } from './server';

export async function graphChecksum(o: ServerOptions): Promise<string | undefined> {
  const db = new Database(
    {
      uri: o.neo4jUri ?? `bolt://127.0.0.1:${o.boltPort}`,
      user: 'neo4j',
      password: o.password,
      database: 'neo4j',
      txTimeoutMs: 60_000,
      connectTimeoutMs: 5_000,
      maxRetryMs: 5_000,
      poolSize: 2,
    },
    createLogger('silent'),
  );
  try {
    return (await graphContentChecksum(db)).checksum;
  } catch {
    return undefined;
  } finally {
    await db.close();
  }
}
