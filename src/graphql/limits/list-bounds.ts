import { createHash } from 'node:crypto';
import { cypher } from '../../db/cypher-files';
import type { Database } from '../../db/database';
import type { Readiness } from '../../readiness';

/** How long list bounds read from the graph are reused (milliseconds). */
export const LIST_BOUNDS_TTL_MS = 30_000;

/**
 * What the graph can return for a list field at most, read from the graph
 * itself (cypher/api/list-bounds.cypher): the cost model prices a list at
 * the page asked or at this bound, whichever is smaller.
 */
export interface ListBounds {
  /** Changes whenever a bound does: part of the cost cache's key. */
  version: string;
  /** Entities per label (the count store). */
  labels: ReadonlyMap<string, number>;
  /**
   * The most relationships of one type and direction one entity has, keyed
   * `TYPE>` (outgoing) and `<TYPE` (incoming); `*` is the most relationships
   * of any type one entity has.
   */
  degrees: ReadonlyMap<string, number>;
}

export const degreeKey = (type: string, direction: 'out' | 'in') =>
  direction === 'out' ? `${type}>` : `<${type}`;

/** The bound for the generic `relationships` field. */
export const ANY_DEGREE = '*';

/**
 * List bounds kept in memory for `ttlMs` (so the cost of a request costs no
 * query), never kept while the start-up seed check may still be loading (a
 * load changes them). A failed read gives no bounds, and the cost model then
 * prices every list at its page size: never cheaper than with bounds. A graph
 * that grows is seen within `ttlMs`.
 */
export class ListBoundsReader {
  private cached: { value: ListBounds; at: number } | undefined;
  private pending: Promise<ListBounds | undefined> | undefined;

  constructor(
    private readonly db: Database,
    private readonly readiness: Pick<Readiness, 'seedChecked'>,
    private readonly ttlMs = LIST_BOUNDS_TTL_MS,
  ) {}

  async get(): Promise<ListBounds | undefined> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.value;
    this.pending ??= this.read()
      .catch(() => undefined)
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private async read(): Promise<ListBounds> {
    const seedChecked = this.readiness.seedChecked;
    const rows = await this.db.read<{ kind: string; name: string; bound: unknown }>(
      cypher('api/list-bounds.cypher'),
      {},
      { operation: 'cost.listBounds' },
    );
    const value = listBoundsOf(rows);
    if (seedChecked && this.ttlMs > 0) this.cached = { value, at: Date.now() };
    return value;
  }
}

/** The bounds from the statement's rows (kind 'label' or 'degree', name, bound). */
export function listBoundsOf(rows: { kind: string; name: string; bound: unknown }[]): ListBounds {
  const labels = new Map<string, number>();
  const degrees = new Map<string, number>();
  const sorted = rows
    .map((r) => ({ kind: r.kind, name: r.name, bound: Number(r.bound ?? 0) }))
    .sort((a, b) => (a.kind + a.name < b.kind + b.name ? -1 : 1));
  for (const r of sorted) (r.kind === 'label' ? labels : degrees).set(r.name, r.bound);
  const version = createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
  return { version, labels, degrees };
}
