import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../db/cypher-files';
import type { Database } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import type {
  DatasetVersion,
  ExportMeta,
  ExportNode,
  ExportRelationship,
  PropertyTypes,
} from './types';
import { cypherDate } from './values';

/** Entities per statement: a page is a range seek on the id index, whatever the graph's size. */
export const PAGE_SIZE = 2_000;
/** The server's ceiling (neo4j.conf db.transaction.timeout) is 120 s. */
const EXPORT_TIMEOUT_MS = 120_000;

export interface GraphReader {
  meta: ExportMeta;
  types: PropertyTypes;
  /** Entities in id order, page by page. */
  nodes(): AsyncIterable<ExportNode>;
  /** Relationships between entities, by start id, type, end id and key, page by page. */
  relationships(): AsyncIterable<ExportRelationship>;
}

export interface ReadOptions {
  /** YYYY-MM-DD (validated), or null for the graph as it is. */
  asOf: string | null;
  /**
   * With asOf: false leaves out relationships whose start is unknown (they
   * would hold on the day only because of it), as the API's includeUndated.
   */
  includeUndated?: boolean;
  operation: string;
  pageSize?: number;
  /**
   * Whether the work may run again after a transient database error (the
   * driver retries a transaction function): not once output has left, or
   * the reader would see the beginning twice.
   */
  mayRetry?: () => boolean;
}

/**
 * Runs `work` with a reader over the graph, in ONE read transaction, so the
 * pages of an export read one graph (a seed load is one write transaction:
 * it is seen whole or not at all). Nothing is held in memory beyond a page.
 */
export async function readGraph<T>(
  db: Database,
  opts: ReadOptions,
  work: (reader: GraphReader) => Promise<T>,
): Promise<T> {
  let attempts = 0;
  return db.readTx({ operation: opts.operation, timeoutMs: EXPORT_TIMEOUT_MS }, async (tx) => {
    attempts += 1;
    if (attempts > 1 && !(opts.mayRetry?.() ?? true))
      throw new AppError(
        ErrorCode.DATABASE_UNAVAILABLE,
        'The export was interrupted by a database error after it had begun; run it again',
      );
    const meta: ExportMeta = {
      dataset: await datasetVersion(tx),
      asOf: opts.asOf,
      exportedAt: new Date().toISOString(),
    };
    const reader: GraphReader = {
      meta,
      types: await propertyTypes(tx),
      nodes: () => pages(tx, opts, 'export/nodes-page.cypher', toNode),
      relationships: () => pages(tx, opts, 'export/relationships-page.cypher', toRelationship),
    };
    return work(reader);
  });
}

async function* pages<T>(
  tx: ManagedTransaction,
  opts: ReadOptions,
  file: string,
  convert: (row: Record<string, unknown>) => T | undefined,
): AsyncGenerator<T> {
  const limit = opts.pageSize ?? PAGE_SIZE;
  const asOf = opts.asOf === null ? null : cypherDate(opts.asOf);
  const statement = cypher(file);
  let after = '';
  for (;;) {
    const result = await tx.run(statement, {
      after,
      limit: neo4j.int(limit),
      asOf,
      includeUndated: opts.includeUndated !== false,
    });
    let last: string | undefined;
    let ids = 0;
    for (const record of result.records) {
      const row = record.toObject() as Record<string, unknown>;
      const cursor = (row.cursor ?? row.id) as string;
      if (cursor !== last) ids += 1;
      last = cursor;
      const item = convert(row);
      if (item !== undefined) yield item;
    }
    // Fewer entities than asked for: that was the last page.
    if (last === undefined || ids < limit) return;
    after = last;
  }
}

const toNode = (row: Record<string, unknown>): ExportNode => ({
  id: row.id as string,
  labels: (row.labels as string[]).slice().sort(),
  props: row.props as Record<string, unknown>,
});

const toRelationship = (row: Record<string, unknown>): ExportRelationship | undefined =>
  row.type === null
    ? undefined
    : {
        key: row.key as string,
        type: row.type as string,
        from: row.from as string,
        to: row.to as string,
        props: row.props as Record<string, unknown>,
      };

async function propertyTypes(tx: ManagedTransaction): Promise<PropertyTypes> {
  const result = await tx.run(cypher('export/property-types.cypher'));
  const types: PropertyTypes = { node: new Map(), relationship: new Map() };
  for (const r of result.records) {
    const kind = r.get('kind') as 'node' | 'relationship';
    const name = r.get('name') as string;
    const found = new Set([
      ...(types[kind].get(name) ?? []),
      ...(r.get('types') as string[][]).flat(),
    ]);
    types[kind].set(name, [...found].sort());
  }
  return types;
}

async function datasetVersion(tx: ManagedTransaction): Promise<DatasetVersion> {
  const result = await tx.run(cypher('api/dataset.cypher'));
  const row = result.records[0]?.toObject() as
    | { filesChecksum: string; checksum: string | null; seedVersion: string; loadedAt: string }
    | undefined;
  if (!row)
    return {
      version: 'unversioned',
      seedVersion: null,
      checksum: null,
      filesChecksum: null,
      loadedAt: null,
    };
  return {
    version: `${row.seedVersion}+${(row.checksum ?? row.filesChecksum).slice(0, 12)}`,
    seedVersion: row.seedVersion,
    checksum: row.checksum,
    filesChecksum: row.filesChecksum,
    loadedAt: row.loadedAt,
  };
}
