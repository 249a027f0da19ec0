import neo4j from 'neo4j-driver';
import { badInput } from '../errors';

/** An entity as resolvers see it: its properties plus its own label. */
export interface EntityObject {
  __label: string;
  id: string;
  [prop: string]: unknown;
}

/** A relationship as resolvers see it (GraphQL type Relation). */
export interface RelationObject {
  type: string;
  direction: 'OUT' | 'IN';
  props: Record<string, unknown>;
}

export interface EdgeObject {
  cursor: string;
  node: EntityObject;
  relation: RelationObject | null;
}

export interface ConnectionObject {
  edges: EdgeObject[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function toEntity(labels: string[], props: Record<string, unknown>): EntityObject {
  const own = labels.find((l) => l !== 'Entity') ?? 'Entity';
  return { ...props, __label: own, id: String(props.id) };
}

/** Builds a connection from a page fetched with one extra row (to know whether more follow). */
export function toConnection(
  rows: {
    key: string;
    labels: string[];
    node: Record<string, unknown>;
    type?: string;
    out?: boolean;
    rel?: Record<string, unknown>;
  }[],
  total: number,
  first: number,
): ConnectionObject {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({
    cursor: encodeCursor(row.key),
    node: toEntity(row.labels, row.node),
    relation: row.type
      ? {
          type: row.type,
          direction: row.out ? ('OUT' as const) : ('IN' as const),
          props: row.rel ?? {},
        }
      : null,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: total,
  };
}

/** Cursors are opaque to clients: the keyset key, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('k:') || encodeCursor(text.slice(2)) !== cursor) {
    throw badInput('The cursor is not valid: pass an endCursor exactly as the API returned it');
  }
  return text.slice(2);
}

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** `first` defaults to 20 and is capped at 100; negative values are bad input. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0)
    throw badInput('first must be a whole number of 0 or more');
  return Math.min(first, MAX_PAGE);
}

/** Validates an ISO date argument and turns it into a Neo4j date parameter. */
export function dateParam(value: string | null | undefined, name: string) {
  if (value === null || value === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== value)
    throw badInput(`${name} must be a date written YYYY-MM-DD`);
  return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
}
