import DataLoader from 'dataloader';
import { cypher } from '../db/cypher-files';
import type { Database } from '../db/database';
import { toEntity, type EntityObject } from './model';

export interface RelationQuery {
  type: string | null;
  direction: 'out' | 'in' | null;
  labels: string[] | null;
  asOf: unknown;
  overlapFrom: unknown;
  overlapTo: unknown;
  text: string | null;
  orderBy: string;
  after: string | null;
  /** Page size plus one, to tell whether more follow. */
  limit: number;
}

export interface PageRows {
  total: number;
  page: {
    key: string;
    type?: string;
    out?: boolean;
    rel?: Record<string, unknown>;
    labels: string[];
    node: Record<string, unknown>;
  }[];
}

/**
 * Per-request DataLoaders: every relationship field with the same arguments
 * is fetched for all parents of a level in one UNWIND query, so round trips
 * grow with the depth of a query, never with its rows.
 */
export class Loaders {
  readonly node: DataLoader<string, EntityObject | null>;
  readonly degree: DataLoader<string, number>;
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
  }

  /** The loader for one relationship field and one set of arguments. */
  relation(query: RelationQuery): DataLoader<string, PageRows> {
    return this.batched(
      `rel:${JSON.stringify(query)}`,
      'api/relation-page.cypher',
      query,
      'load.relations',
    );
  }

  /** Entities citing a source. */
  supports(after: string | null, limit: number): DataLoader<string, PageRows> {
    return this.batched(
      `supports:${after}:${limit}`,
      'api/source-supports.cypher',
      { after, limit },
      'load.supports',
    );
  }

  private batched(
    key: string,
    file: string,
    params: object,
    operation: string,
  ): DataLoader<string, PageRows> {
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.db.read<{ pid: string } & PageRows>(
          cypher(file),
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
