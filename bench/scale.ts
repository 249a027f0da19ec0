import neo4j from 'neo4j-driver';
import type { Database } from '../src/db/database';
import { cypherStatements } from '../src/db/cypher-files';
import { pageKeyMap, pageKeysInTransactions, PAGE_KEY_PROPERTIES } from '../src/model';

/**
 * Grows the seed graph by a factor: every entity of the cloned labels gets
 * factor - 1 copies (id "<id>~<n>", name "<name> #<n>"), and every seed
 * relationship whose ends are cloned or shared is copied between the copies,
 * so each copy has the shape of the seed: more projects, partners, meetings,
 * people, services, outputs and sources, linked to the same states,
 * priorities, presidencies and bodies. Deterministic by construction; the
 * seed number shifts the copies' dates by a few days so periods vary.
 */
export const CLONED_LABELS = [
  'Project',
  'Organisation',
  'Service',
  'Output',
  'Event',
  'Meeting',
  'Person',
  'Message',
  'Source',
  'Law',
  'Programme',
];

/**
 * Writes relationship copies prepared by the runner (type, ends, properties),
 * auto-commit (Database.autoCommit) in transactions of 5,000 rows: the
 * bulk-load shape measured fastest on Neo4j 5.26 (CALL { } IN TRANSACTIONS
 * needs an implicit transaction; executeWrite refuses it). Each copy's
 * stored page keys are set as it is created, from its own ends, so each key
 * and its index entry is written once (copying the seed's keys and re-keying
 * afterwards wrote every relationship and its four index entries twice).
 */
function cloneStatement(): string {
  return `UNWIND $rows AS row
CALL (row) {
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  CREATE (a)-[c:$(row.type)]->(b)
  SET c = row.props, c += ${pageKeyMap('a', 'c', 'b')}
} IN TRANSACTIONS OF 5000 ROWS`;
}

/**
 * The parent of the deep-page scenarios and how many projects each copy adds
 * to it beyond the seed's shape (cypher/bench/dense-fan-in.cypher): the
 * seed's 9 per copy would give 90 at 10x, too few for page 50 of 20 to lie
 * deeper than page 1; 9 + 112 per copy gives 1,098 at 10x and 11,988 at 100x.
 */
export const DENSE_PRIORITY = 'priority:2020-protection-support-justice';
export const DENSE_PER_COPY = 112;

export interface ScaleReport {
  factor: number;
  nodes: number;
  relationships: number;
  seconds: number;
  relationshipsPerSecond: number;
}

const BATCH = 10_000;
/** Relationship copies per statement (each writes in transactions of 5,000). */
const CHUNK = 20_000;

/**
 * A copy number as clone-nodes.cypher writes it into ids: the driver sends
 * JavaScript numbers as floats, so Cypher's toString gives "1.0".
 */
const copyText = (copy: number) => `${copy}.0`;

/**
 * The driver reads integers as JavaScript numbers and would write them back
 * as floats: a copy's `order` must stay an integer like the seed's, or the
 * grown graph stores one property with two types.
 */
function integersKept(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props)
      // The seed's page keys name the seed's ends; a copy's are written with it (cloneStatement).
      .filter(([k]) => !PAGE_KEY_PROPERTIES.includes(k))
      .map(([k, v]) => [k, typeof v === 'number' && Number.isSafeInteger(v) ? neo4j.int(v) : v]),
  );
}

export async function removeSynthetic(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ n: number }>(
      "MATCH (n:Entity) WHERE n.origin = 'synthetic' WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n",
      {},
      { operation: 'bench.clear', timeoutMs: 300_000 },
    );
    if (!row || row.n === 0) break;
  }
}

export async function scaleGraph(
  db: Database,
  factor: number,
  seedNumber: number,
): Promise<ScaleReport> {
  await removeSynthetic(db);
  if (factor <= 1)
    return { factor, nodes: 0, relationships: 0, seconds: 0, relationshipsPerSecond: 0 };
  const copies = Array.from({ length: factor - 1 }, (_, i) => i + 1);
  const started = process.hrtime.bigint();
  let nodes = 0;
  let relationships = 0;
  for (let i = 0; i < copies.length; i += Math.max(1, Math.floor(BATCH / 400))) {
    const batch = copies.slice(i, i + Math.max(1, Math.floor(BATCH / 400)));
    const [n] = await db.write<{ n: number }>(
      cypherStatements('bench/clone-nodes.cypher')[0]!,
      { copies: batch, labels: CLONED_LABELS, seed: seedNumber },
      {
        operation: 'bench.clone-nodes',
        timeoutMs: 600_000,
      },
    );
    nodes += n?.n ?? 0;
  }
  // The seed's relationships are read once; the copies are built here and
  // written in chunks, each one auto-commit statement that writes in
  // transactions of its own (CALL { } IN TRANSACTIONS). The "Index 1024 out
  // of bounds" that large executeWrite batches hit on 5.26.19 did not recur
  // in this shape.
  const seedRels = await db.read<{
    type: string;
    props: Record<string, unknown>;
    from: string;
    fromCloned: boolean;
    to: string;
    toCloned: boolean;
  }>(
    cypherStatements('bench/seed-relationships.cypher')[0]!,
    { labels: CLONED_LABELS },
    { operation: 'bench.seed-relationships', timeoutMs: 600_000 },
  );
  const rows = copies.flatMap((copy) =>
    seedRels.map((r) => ({
      type: r.type,
      from: r.fromCloned ? `${r.from}~${copyText(copy)}` : r.from,
      to: r.toCloned ? `${r.to}~${copyText(copy)}` : r.to,
      props: {
        ...integersKept(r.props),
        origin: 'synthetic',
        seedKey: `${String(r.props.seedKey)}~${copyText(copy)}`,
      },
    })),
  );
  const relStart = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await db.autoCommit(
      cloneStatement(),
      { rows: rows.slice(i, i + CHUNK) },
      { operation: 'bench.clone-relationships', timeoutMs: 600_000 },
    );
    relationships += result.summary.counters.updates().relationshipsCreated;
  }
  const relSeconds = Number(process.hrtime.bigint() - relStart) / 1e9;
  for (const copy of copies) {
    const tags = Array.from({ length: DENSE_PER_COPY }, (_, i) => `dense-${copy}-${i}`);
    const [d] = await db.write<{ n: number }>(
      cypherStatements('bench/dense-fan-in.cypher')[0]!,
      { priority: DENSE_PRIORITY, tags },
      { operation: 'bench.dense-fan-in', timeoutMs: 600_000 },
    );
    nodes += d?.n ?? 0;
  }
  // The derived state → priority links follow the grown graph.
  for (const statement of cypherStatements('seed/derive-state-priorities.cypher')) {
    await db.write(statement, {}, { operation: 'bench.derive', timeoutMs: 600_000 });
  }
  // The stored page keys of what was written without its own (the re-derived
  // links, the dense fan-in's copies), in transactions of their own; the
  // cloned relationships already carry theirs, so they are only read here.
  await db.autoCommit(
    pageKeysInTransactions(),
    {},
    { operation: 'bench.page-keys', timeoutMs: 600_000 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    factor,
    nodes,
    relationships,
    seconds,
    relationshipsPerSecond: relationships / relSeconds,
  };
}
