import DataLoader from 'dataloader';
import { cypher } from '../db/cypher-files';
import type { Database } from '../db/database';
import { memo } from './plan/statements/cache';
import {
  relationPageStatement,
  shapeOf,
  SHAPE_ONLY,
  type RelationShape,
  type WalkFilters,
  type RelationSpec,
} from './plan/statements/relation-page';
import { toEntity, type PageRow } from './model';
import type { AnyEntityObject } from './generated/objects';

/** One relationship field with its arguments: what it walks, and the filters' values (null: not given). */
export interface RelationQuery {
  spec: RelationSpec;
  orderBy: RelationShape['orderBy'];
  filters: WalkFilters;
  after: string | null;
  /** Page size plus one, to tell whether more follow. */
  limit: number;
}

export interface PageRows {
  total: number;
  page: PageRow[];
}

/** A stored relationship named by its ends and type (an evidence step). */
export interface RelationshipKey {
  startId: string;
  type: string;
  endId: string;
}

/**
 * Per-request DataLoaders: every relationship field with the same arguments
 * is fetched for all parents of a level in one UNWIND query, so round trips
 * grow with the depth of a query, never with its rows.
 */
export class Loaders {
  readonly node: DataLoader<string, AnyEntityObject | null>;
  readonly degree: DataLoader<string, number>;
  /** The properties of a relationship by its ends and type (the first by seed key). */
  readonly relationship: DataLoader<RelationshipKey, Record<string, unknown> | null, string>;
  private readonly pages = new Map<string, DataLoader<string, PageRows>>();

  constructor(private readonly db: Database) {
    this.node = new DataLoader(async (ids) => {
      const rows = await db.read<{ id: string; labels: string[]; props: Record<string, unknown> }>(
        cypher('api/nodes-by-id.cypher'),
        { ids },
        { operation: 'load.nodes' },
      );
      const byId = new Map(rows.map((r) => [r.id, toEntity(r.labels, r.props)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.degree = new DataLoader(async (ids) => {
      const rows = await db.read<{ id: string; degree: number }>(
        cypher('api/degrees.cypher'),
        { ids },
        { operation: 'load.degrees' },
      );
      const byId = new Map(rows.map((r) => [r.id, r.degree]));
      return ids.map((id) => byId.get(id) ?? 0);
    });
    const relKey = (k: RelationshipKey) => `${k.startId}|${k.type}|${k.endId}`;
    this.relationship = new DataLoader(
      async (keys) => {
        const rows = await db.read<{ key: string; props: Record<string, unknown> }>(
          cypher('api/relationships-by-ends.cypher'),
          { keys: keys.map((k) => ({ ...k, key: relKey(k) })) },
          { operation: 'load.relationships' },
        );
        const byKey = new Map(rows.map((r) => [r.key, r.props]));
        return keys.map((k) => byKey.get(relKey(k)) ?? null);
      },
      { cacheKeyFn: relKey },
    );
  }

  /** The loader for one relationship field and one set of arguments. */
  relation(query: RelationQuery): DataLoader<string, PageRows> {
    const f = query.filters;
    const shape = shapeOf(f, query.orderBy);
    const statement = memo(`relation:${JSON.stringify([query.spec, shape])}`, () =>
      relationPageStatement(query.spec, shape),
    );
    const params = Object.fromEntries(
      Object.entries(f).filter(([k, v]) => v !== null && !SHAPE_ONLY.has(k)),
    );
    return this.batched(
      `rel:${JSON.stringify(query)}`,
      statement,
      { ...params, after: query.after ?? '', limit: query.limit },
      'load.relations',
    );
  }

  /** Entities citing a source. */
  citedBy(after: string | null, limit: number): DataLoader<string, PageRows> {
    return this.batched(
      `cited:${after}:${limit}`,
      cypher('api/source-cited-by.cypher'),
      { after, limit },
      'load.citedBy',
    );
  }

  private batched(
    key: string,
    statement: string,
    params: object,
    operation: string,
  ): DataLoader<string, PageRows> {
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.db.read<{ pid: string } & PageRows>(
          statement,
          { ...params, ids },
          { operation },
        );
        const byId = new Map(rows.map((r) => [r.pid, r]));
        return ids.map((id) => byId.get(id) ?? { total: 0, page: [] });
      });
      this.pages.set(key, loader);
    }
    return loader;
  }
}
