import { randomBytes } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { Database } from '../../src/db/database';
import type { Neo4jConnection } from '../../src/config';
import { createLogger } from '../../src/logger';
import { testConnection } from '../setup/test-neo4j';

export const silentLogger = createLogger('silent');

export function testDatabase(overrides: Partial<Neo4jConnection> = {}): Database {
  return new Database(testConnection(overrides), silentLogger);
}

const ROLLBACK = new Error('rollback');

/**
 * Runs `work` in one write transaction that is always rolled back, and
 * returns what it returned: facts a test plants there are never seen by the
 * tests running beside it on the shared graph.
 */
export async function inRolledBackTransaction<T>(
  operation: string,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const db = testDatabase();
  let out: { value: T } | undefined;
  try {
    await db.writeTx({ operation, timeoutMs: 60_000 }, async (tx) => {
      out = { value: await work(tx) };
      throw ROLLBACK;
    });
  } catch (err) {
    if ((err as Error).cause !== ROLLBACK && err !== ROLLBACK) throw err;
  } finally {
    await db.close();
  }
  return out!.value;
}

/** A label no other test uses, so tests can write side by side and clean up after themselves. */
export function uniqueLabel(prefix = 'Test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/**
 * Entities per label and relationships per type, leaving out what tests
 * write themselves (origin "test", e.g. the paging test's inserts), so a
 * test that checks "nothing changed" is not disturbed by another running
 * beside it on the same database.
 */
export async function countsWithoutTestData(db: Database): Promise<Record<string, number>> {
  const rows = await db.read<{ name: string; count: number }>(
    `CALL () {
       MATCH (n:Entity) WHERE coalesce(n.origin, '') <> 'test'
       UNWIND labels(n) AS name
       RETURN 'label ' + name AS name, count(*) AS count
       UNION ALL
       MATCH (a:Entity)-[r]->(b:Entity)
       WHERE coalesce(r.origin, '') <> 'test' AND coalesce(a.origin, '') <> 'test'
         AND coalesce(b.origin, '') <> 'test'
       RETURN 'type ' + type(r) AS name, count(*) AS count
     }
     RETURN name, count`,
    {},
    { operation: 'test.counts' },
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.count]));
}
