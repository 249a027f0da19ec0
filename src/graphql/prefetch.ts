import {
  getNamedType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import type { Model } from '../model';
import { BoundedCache, stringBytes, type CacheFigures } from './bounded-cache';
import {
  PrefetchCompiler,
  type ArgumentReader,
  type Compiled,
  type NodePlan,
} from './compile/prefetch';
import { rootStatement, type RootLookup } from './compile/roots';
import type { GraphQLContext } from './context';
import {
  encodeCursor,
  toEntity,
  toRelationship,
  type EntityObject,
  type RelationshipConnectionObject,
  type RelationshipObject,
} from './model';

type Prefetched = Record<string, RelationshipConnectionObject | RelationshipObject | null>;
const PREFETCHED = '__prefetched';

/** The page a root field's prefetch read for this field of this entity, if it did. */
export function prefetched(
  e: EntityObject,
  info: GraphQLResolveInfo,
): RelationshipConnectionObject | RelationshipObject | null | undefined {
  const found = e[PREFETCHED] as Prefetched | undefined;
  return found && Object.hasOwn(found, info.path.key) ? found[info.path.key] : undefined;
}

interface Row {
  key: string;
  type: string;
  out: boolean;
  rel: Record<string, unknown>;
  labels: string[];
  node: Record<string, unknown>;
  nested: Record<string, { rows: Row[]; total?: number }>;
}

/** Hangs the prefetched pages on an entity (and, inside them, on the entities they lead to). */
function attach(e: EntityObject, nested: Row['nested'] | undefined, plan: NodePlan): void {
  const fields = plan.get(e.__label);
  if (!fields || !nested) return;
  const out: Prefetched = {};
  for (const f of fields) {
    const value = nested[f.key];
    if (!value) continue;
    const edge = (row: Row, cursor?: string) => {
      const node = toEntity(row.labels, row.node);
      attach(node, row.nested, f.node);
      return toRelationship(row.type, row.out ? 'OUT' : 'IN', node, row.rel, cursor);
    };
    if (f.many) {
      const edges = value.rows.slice(0, f.first).map((row) => edge(row, encodeCursor(row.key)));
      out[f.key] = {
        edges,
        pageInfo: {
          hasNextPage: value.rows.length > f.first,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: value.total ?? 0,
      };
    } else {
      out[f.key] = value.rows[0] ? edge(value.rows[0]) : null;
    }
  }
  e[PREFETCHED] = out;
}

/**
 * Where a root field's entities stand in its result, as the fields leading
 * to them: [] for the field itself (or a list of entities), ['edges',
 * 'node'] for a connection, ['node'] for timeline entries.
 */
export type Position = readonly string[];
export const AT_FIELD: Position = [];
export const IN_CONNECTION: Position = ['edges', 'node'];
export const IN_ENTRIES: Position = ['node'];

function entitySelections(info: GraphQLResolveInfo, position: Position) {
  let type: GraphQLNamedType = getNamedType(info.returnType);
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((n) =>
    n.selectionSet ? [n.selectionSet] : [],
  );
  for (const name of position) {
    if (!isObjectType(type)) return null;
    const found: SelectionSetNode[] = [];
    for (const s of sets)
      for (const [, nodes] of collectFields(
        info.schema,
        info.fragments,
        info.variableValues,
        type,
        s,
      ))
        for (const n of nodes)
          if (n.name.value === name && n.selectionSet) found.push(n.selectionSet);
    const next: GraphQLField<unknown, unknown> | undefined = type.getFields()[name];
    if (!next) return null;
    type = getNamedType(next.type);
    sets = found;
  }
  return { type: type as GraphQLCompositeType, sets };
}

/** A root field's compiled prefetch: the entity projection and nested fields over n0, with their parameters. */
export interface RootPrefetch {
  params: Record<string, unknown>;
  compiled: Compiled;
}

/**
 * Compiled prefetches per schema, operation (Apollo keeps one parsed
 * document per query text, so a repeated query finds its entry), root field
 * and variables: a document compiles once, not per request. Documents and
 * variables are the client's, so the cache is bounded (least recently used
 * out), weighed by the statement text and parameters it keeps.
 */
const compiledCache = new BoundedCache<string, RootPrefetch>(
  { maxEntries: 250, maxBytes: 8 * 2 ** 20 },
  (entry, key) =>
    stringBytes(key) +
    stringBytes(entry.compiled.expr ?? '') +
    stringBytes(entry.compiled.props) +
    stringBytes(JSON.stringify(entry.params)),
);

/** A number per schema and per operation object, for the cache key (weak: they go with their objects). */
const identities = new WeakMap<object, number>();
let nextIdentity = 0;
const identity = (o: object) => {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = nextIdentity += 1));
  return id;
};

export function prefetchCacheFigures(): CacheFigures {
  return compiledCache.figures();
}

/** The prefetch of the entities at a root field's position (compiled once per document and variables). */
export function compileAt(
  info: GraphQLResolveInfo,
  model: Model,
  readArgs: ArgumentReader,
  position: Position,
): RootPrefetch {
  const key = `${identity(info.schema)}|${identity(info.operation)}|${String(info.path.key)}|${position.join('.')}|${JSON.stringify(info.variableValues)}`;
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const compiler = new PrefetchCompiler(
    info.schema,
    model,
    info.fragments,
    info.variableValues,
    readArgs,
  );
  const at = entitySelections(info, position);
  const compiled: Compiled =
    at && at.sets.length > 0
      ? compiler.entity('n0', at.type, at.sets)
      : { expr: null, plan: new Map(), props: 'n0 {.id}' };
  const result = { params: compiler.params, compiled };
  compiledCache.set(key, result);
  return result;
}

/** A row of a compiled statement that holds an entity: its labels, projected properties and prefetched fields. */
export interface EntityRow {
  labels: string[];
  props: Record<string, unknown>;
  nested?: Row['nested'];
}

/** The entity of a row, with the pages its prefetch read hung on it. */
export function entityOf(row: EntityRow, prefetch: RootPrefetch | null): EntityObject {
  const entity = toEntity(row.labels, row.props);
  if (prefetch?.compiled.expr) attach(entity, row.nested, prefetch.compiled.plan);
  return entity;
}

/**
 * A root field that finds one entity, in one statement: the lookup and, with
 * prefetch on, every relationship field selected under the entity.
 */
export async function lookupWithPrefetch(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  model: Model,
  readArgs: ArgumentReader,
  lookup: RootLookup,
  params: Record<string, unknown>,
  withPrefetch: boolean,
): Promise<EntityObject | null> {
  const pre = withPrefetch ? compileAt(info, model, readArgs, AT_FIELD) : null;
  const [row] = await ctx.db.read<EntityRow>(
    rootStatement(lookup, pre?.compiled ?? null),
    { ...pre?.params, ...params },
    { operation: `Query.${info.fieldName}` },
  );
  return row ? entityOf(row, pre) : null;
}

/**
 * Entities by id in one statement, in the order asked (null where missing),
 * with every relationship field the root field selects under them.
 */
export async function nodesWithPrefetch(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  model: Model,
  readArgs: ArgumentReader,
  ids: readonly string[],
): Promise<(EntityObject | null)[]> {
  if (ids.length === 0) return [];
  const pre = compileAt(info, model, readArgs, AT_FIELD);
  const rows = await ctx.db.read<EntityRow & { id: string }>(
    `UNWIND $ids AS id\nMATCH (n0:Entity {id: id})\nRETURN id, labels(n0) AS labels, ${pre.compiled.props} AS props, ${pre.compiled.expr ?? '{}'} AS nested`,
    { ...pre.params, ids: [...new Set(ids)] },
    { operation: `Query.${info.fieldName}` },
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Each position gets its own object: the same id twice is two results.
  return ids.map((id) => {
    const row = byId.get(id);
    return row ? entityOf(row, pre) : null;
  });
}
