import {
  getNamedType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import type { Model } from '../seed/model';
import { PrefetchCompiler, type ArgumentReader, type NodePlan } from './compile/prefetch';
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

/** Where a root field's entities stand in its result: the field itself, a list, or a connection's edges.node. */
export type Position = 'entity' | 'connection';

function entitySelections(info: GraphQLResolveInfo, position: Position) {
  const sets: SelectionSetNode[] = info.fieldNodes.flatMap((n) =>
    n.selectionSet ? [n.selectionSet] : [],
  );
  const type = getNamedType(info.returnType);
  if (position === 'entity') return { type: type as GraphQLCompositeType, sets };
  // A connection: its edges, then their node.
  if (!isObjectType(type)) return null;
  const down = (t: typeof type, from: SelectionSetNode[], name: string) => {
    const found: SelectionSetNode[] = [];
    for (const s of from)
      for (const [, nodes] of collectFields(info.schema, info.fragments, info.variableValues, t, s))
        for (const n of nodes)
          if (n.name.value === name && n.selectionSet) found.push(n.selectionSet);
    return found;
  };
  const edgeType = getNamedType(type.getFields().edges?.type);
  if (!isObjectType(edgeType)) return null;
  const nodeType = getNamedType(edgeType.getFields().node?.type);
  return {
    type: nodeType as GraphQLCompositeType,
    sets: down(edgeType, down(type, sets, 'edges'), 'node'),
  };
}

/** The prefetch of the entities at a root field's position, and the compiler holding its parameters. */
function compileAt(
  info: GraphQLResolveInfo,
  model: Model,
  readArgs: ArgumentReader,
  position: Position,
) {
  const compiler = new PrefetchCompiler(
    info.schema,
    model,
    info.fragments,
    info.variableValues,
    readArgs,
  );
  const at = entitySelections(info, position);
  const compiled = at && at.sets.length > 0 ? compiler.entity('n0', at.type, at.sets) : null;
  return { compiler, compiled };
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
  const { compiler, compiled } = withPrefetch
    ? compileAt(info, model, readArgs, 'entity')
    : { compiler: null, compiled: null };
  const [row] = await ctx.db.read<{
    labels: string[];
    props: Record<string, unknown>;
    nested: Row['nested'];
  }>(
    rootStatement(lookup, compiled?.expr ?? null),
    { ...compiler?.params, ...params },
    { operation: `Query.${info.fieldName}` },
  );
  if (!row) return null;
  const entity = toEntity(row.labels, row.props);
  if (compiled?.expr) attach(entity, row.nested, compiled.plan);
  return entity;
}

/**
 * Reads, in one statement, every relationship field the root field selects
 * under its entities, at any depth, and hangs the pages on the entities so
 * that their resolvers need no query. Entities are copied first: the node
 * loader shares one object between root fields with different selections.
 */
export async function prefetch<T extends EntityObject>(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  model: Model,
  readArgs: ArgumentReader,
  entities: T[],
  position: Position,
): Promise<T[]> {
  const copies = entities.map((e) => ({ ...e }));
  if (copies.length === 0) return copies;
  const { compiler, compiled } = compileAt(info, model, readArgs, position);
  if (!compiled?.expr) return copies;
  const rows = await ctx.db.read<{ id: string; nested: Row['nested'] }>(
    `UNWIND $ids AS id\nMATCH (n0:Entity {id: id})\nRETURN id, ${compiled.expr} AS nested`,
    { ...compiler.params, ids: copies.map((e) => e.id) },
    { operation: `prefetch.${info.fieldName}` },
  );
  const byId = new Map(rows.map((r) => [r.id, r.nested]));
  for (const e of copies) attach(e, byId.get(e.id), compiled.plan);
  return copies;
}
