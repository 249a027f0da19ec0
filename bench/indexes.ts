import type { Database } from '../src/db/database';

/**
 * Range indexes on :Label(id) for every label @neo4j/graphql's scenarios
 * look up or filter by id. Our schema indexes ids on :Entity only, and
 * @neo4j/graphql generates `MATCH (this:Project) WHERE this.id IN $ids`,
 * which without a per-label index scans the label: this would hand it a
 * handicap our API (which seeks on :Entity(id)) does not have. (States are
 * looked up by isoCode, which the schema already indexes on :State.)
 */
export const ID_INDEXED_LABELS = ['Project', 'Priority'] as const;

export async function createBenchIndexes(db: Database): Promise<void> {
  for (const label of ID_INDEXED_LABELS) {
    await db.autoCommit(
      `CREATE RANGE INDEX bench_${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) ON (n.id)`,
      {},
      { operation: 'bench.indexes', timeoutMs: 60_000 },
    );
  }
  await db.autoCommit(
    'CALL db.awaitIndexes(300)',
    {},
    {
      operation: 'bench.indexes',
      timeoutMs: 320_000,
    },
  );
}
