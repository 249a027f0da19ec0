import crypto from 'node:crypto';
import { cypher, cypherStatements } from '../db/cypher-files';
import type { Database } from '../db/database';
import type { SeedData } from './validate';

export interface LoadReport {
  nodes: number;
  relationships: number;
  deletedNodes: number;
  deletedRelationships: number;
  derived: number;
  counts: { labels: Record<string, number>; types: Record<string, number> };
  checksum: string;
}

const BATCH = 500;
/** One transaction for the whole load; generous because it is rare and bounded by the seed's size. */
const LOAD_TIMEOUT_MS = 300_000;

/**
 * Writes validated seed data in ONE write transaction, so readers never see a
 * half-loaded graph and a failure leaves the graph as it was. Nodes and
 * relationships are MERGEd on their keys in UNWIND batches; records that left
 * the files are deleted (only those the seed created); derived facts are
 * re-derived. Running it twice changes nothing.
 */
export async function loadSeed(
  db: Database,
  data: SeedData,
  progress: (m: string) => void = () => undefined,
): Promise<LoadReport> {
  const written = await db.writeTx(
    { operation: 'seed.load', timeoutMs: LOAD_TIMEOUT_MS },
    async (tx) => {
      const upsertNodes = cypher('seed/upsert-nodes.cypher');
      for (let i = 0; i < data.nodes.length; i += BATCH) {
        await tx.run(upsertNodes, { rows: data.nodes.slice(i, i + BATCH) });
        progress(`  nodes ${Math.min(i + BATCH, data.nodes.length)}/${data.nodes.length}`);
      }
      const staleNodes = await tx.run(cypher('seed/delete-stale-nodes.cypher'), {
        ids: data.nodes.map((n) => n.id),
      });
      const upsertRels = cypher('seed/upsert-relationships.cypher');
      for (let i = 0; i < data.rels.length; i += BATCH) {
        await tx.run(upsertRels, { rows: data.rels.slice(i, i + BATCH) });
        progress(`  relationships ${Math.min(i + BATCH, data.rels.length)}/${data.rels.length}`);
      }
      const staleRels = await tx.run(cypher('seed/delete-stale-relationships.cypher'), {
        keys: data.rels.map((r) => r.seedKey),
      });
      let derived = 0;
      for (const statement of cypherStatements('seed/derive-pursues.cypher')) {
        const result = await tx.run(statement);
        const value = result.records[0]?.get('derived') as number | undefined;
        if (typeof value === 'number') derived = value;
      }
      progress(`  derived ${derived} PURSUES relationships (state → priority)`);
      return {
        deletedNodes: staleNodes.records[0]?.get('deleted') as number,
        deletedRelationships: staleRels.records[0]?.get('deleted') as number,
        derived,
      };
    },
  );
  return {
    nodes: data.nodes.length,
    relationships: data.rels.length,
    ...written,
    counts: await graphCounts(db),
    checksum: await graphChecksum(db),
  };
}

export async function graphCounts(db: Database): Promise<LoadReport['counts']> {
  const rows = await db.read<{ kind: string; name: string; count: number }>(
    cypher('seed/counts.cypher'),
    {},
    {
      operation: 'seed.counts',
    },
  );
  const counts: LoadReport['counts'] = { labels: {}, types: {} };
  for (const r of rows) (r.kind === 'label' ? counts.labels : counts.types)[r.name] = r.count;
  return counts;
}

/** SHA-256 over every entity and relationship with all their properties, in a stable order. */
export async function graphChecksum(db: Database): Promise<string> {
  const rows = await db.read<{ key: string; labels: string[]; props: Record<string, unknown> }>(
    cypher('seed/content.cypher'),
    {},
    { operation: 'seed.checksum', timeoutMs: 120_000 },
  );
  const hash = crypto.createHash('sha256');
  for (const row of rows) hash.update(`${canonical([row.key, row.labels, row.props])}\n`);
  return hash.digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    // Neo4j temporal values print as ISO strings.
    if (value.constructor && value.constructor !== Object) return JSON.stringify(String(value));
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
