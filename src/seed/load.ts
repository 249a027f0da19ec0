import crypto from 'node:crypto';
import { cypher, cypherStatements } from '../db/cypher-files';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database';
import { canonicalJson } from '../util/canonical-json';
import { pageKeysStatement } from '../model';
import type { SeedData } from './validate';

export interface LoadReport {
  nodes: number;
  relationships: number;
  deletedNodes: number;
  deletedRelationships: number;
  /** Derived PURSUES links (state action). */
  derived: number;
  /** Derived MAY_PURSUE links (state action the sources do not show at every step). */
  mayPursue: number;
  /** Derived CIVIL_SOCIETY_ENGAGES links (civil society based in a state). */
  civilSociety: number;
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
  version: { filesChecksum: string; seedVersion: string } | null = null,
): Promise<LoadReport> {
  const written = await db.writeTx({ operation: 'seed.load', timeoutMs: LOAD_TIMEOUT_MS }, (tx) =>
    writeSeed(tx, data, progress),
  );
  const checksum = await graphChecksum(db);
  if (version)
    await db.write(
      cypher('seed/record-dataset.cypher'),
      { ...version, checksum },
      { operation: 'seed.record-dataset' },
    );
  return {
    nodes: data.nodes.length,
    relationships: data.rels.length,
    ...written,
    counts: await graphCounts(db),
    checksum,
  };
}

/** The load itself, inside the caller's transaction. */
async function writeSeed(tx: ManagedTransaction, data: SeedData, progress: (m: string) => void) {
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
  let mayPursue = 0;
  let civilSociety = 0;
  for (const statement of cypherStatements('seed/derive-state-priorities.cypher')) {
    const result = await tx.run(statement);
    const row = result.records[0];
    if (row?.has('derived')) {
      derived = row.get('derived') as number;
      mayPursue = row.get('mayPursue') as number;
      civilSociety = row.get('civilSociety') as number;
    }
  }
  // Last, once every relationship is written or derived: the stored page
  // keys of relationships that are new, changed, or whose ends were renamed
  // (an entity's new name moves it in its neighbours' pages).
  const rekeyed = await tx.run(pageKeysStatement());
  progress(
    `  derived ${derived} PURSUES, ${mayPursue} MAY_PURSUE and ${civilSociety} CIVIL_SOCIETY_ENGAGES relationships (state → priority)`,
  );
  progress(
    `  page keys of ${String(rekeyed.records[0]?.get('rekeyed') ?? 0)} relationships written`,
  );
  return {
    deletedNodes: staleNodes.records[0]?.get('deleted') as number,
    deletedRelationships: staleRels.records[0]?.get('deleted') as number,
    derived,
    mayPursue,
    civilSociety,
  };
}

/** What a load would change, per kind of record: keys added, changed and removed. */
export interface SeedPlan {
  entities: PlanPart;
  facts: PlanPart;
  derived: PlanPart;
}
export interface PlanPart {
  added: string[];
  changed: string[];
  removed: string[];
}

const ROLLBACK = new Error('plan: roll back');

/** The relationship types the load derives (derive-state-priorities.cypher). */
const DERIVED_TYPES = ['PURSUES', 'MAY_PURSUE', 'CIVIL_SOCIETY_ENGAGES'];

/**
 * Runs the load in a write transaction and rolls it back, comparing the
 * seed's content before and after (content.cypher): nothing is written.
 */
export async function planSeed(db: Database, data: SeedData): Promise<SeedPlan> {
  let plan: SeedPlan | undefined;
  try {
    await db.writeTx({ operation: 'seed.plan', timeoutMs: LOAD_TIMEOUT_MS }, async (tx) => {
      const content = async () =>
        new Map(
          (await tx.run(cypher('seed/content.cypher'))).records.map((r) => [
            r.get('key') as string,
            canonicalJson([r.get('labels'), r.get('props')]),
          ]),
        );
      const before = await content();
      await writeSeed(tx, data, () => undefined);
      const after = await content();
      plan = diff(before, after);
      throw ROLLBACK;
    });
  } catch (err) {
    if (!plan || (err !== ROLLBACK && (err as Error).cause !== ROLLBACK)) throw err;
  }
  if (!plan) throw new Error('the plan transaction ended without a plan');
  return plan;
}

function diff(before: Map<string, string>, after: Map<string, string>): SeedPlan {
  const plan: SeedPlan = {
    entities: { added: [], changed: [], removed: [] },
    facts: { added: [], changed: [], removed: [] },
    derived: { added: [], changed: [], removed: [] },
  };
  // Keys: an entity id, or TYPE|from|to|key for a relationship (content.cypher).
  const part = (key: string) =>
    !key.includes('|')
      ? plan.entities
      : DERIVED_TYPES.some((t) => key.startsWith(`${t}|`))
        ? plan.derived
        : plan.facts;
  for (const [key, value] of after) {
    const old = before.get(key);
    if (old === undefined) part(key).added.push(key);
    else if (old !== value) part(key).changed.push(key);
  }
  for (const key of before.keys()) if (!after.has(key)) part(key).removed.push(key);
  return plan;
}

/** A plan for people: counts per kind, and the first keys of each change. */
export function formatPlan(plan: SeedPlan, show = 10): string {
  const lines: string[] = [];
  for (const [name, p] of Object.entries(plan) as [string, PlanPart][]) {
    lines.push(
      `${name}: ${p.added.length} added, ${p.changed.length} changed, ${p.removed.length} removed`,
    );
    for (const [verb, keys] of [
      ['+', p.added],
      ['~', p.changed],
      ['-', p.removed],
    ] as const) {
      for (const k of keys.slice(0, show)) lines.push(`  ${verb} ${k}`);
      if (keys.length > show) lines.push(`  ${verb} ... and ${keys.length - show} more`);
    }
  }
  return lines.join('\n');
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
  for (const row of rows) hash.update(`${canonicalJson([row.key, row.labels, row.props])}\n`);
  return hash.digest('hex');
}
