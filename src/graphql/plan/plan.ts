import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import type { Model } from '../../model';
import { print } from '../../cypher';
import { stringBytes, type BoundedCache } from '../bounded-cache';
import { BadArguments, EntityPlanner, type ParamWriter, type Variables } from './entity';
import { planRoot } from './roots';
import { Selections, Unplannable } from './selection';
import { responseShape, type ResponseShape } from './shape';

/** One root field of a planned operation. */
export interface PlannedRoot {
  /** The response key (alias or field name). */
  key: string;
  /** The field nodes, for errors located at the field. */
  nodes: readonly FieldNode[];
  /** Whether the field's type is non-null (an error then nulls the whole data). */
  nonNull: boolean;
  /** Null for __typename, which needs no statement. */
  statement: string | null;
  nullMeansReference: boolean;
  writers: readonly ParamWriter[];
  /** The shape each writer returned when planning: a request of another shape is not this plan's. */
  shapes: readonly string[];
}

/**
 * What an operation becomes: one statement per root field whose row is
 * that field's response, or the reason graphql-js executes it instead
 * (a field the planner does not build; `cacheable` false when the reason
 * is the request's own arguments, which graphql-js reports).
 */
export type Plan =
  | { kind: 'planned'; roots: readonly PlannedRoot[]; shape: ResponseShape }
  | { kind: 'reference'; reason: string; cacheable: boolean };

/**
 * Plans an operation with its (coerced) variables. Pure: reads the schema,
 * the model and the document, never the database. The plan depends on the
 * variables only through their shape (signature below); their values
 * travel as parameters, written per request by the plan's writers.
 */
export function plan(
  schema: GraphQLSchema,
  model: Model,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Variables,
): Plan {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query')
    return { kind: 'reference', reason: 'not a query', cacheable: true };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const selections = new Selections(schema, fragments, variables);
  const query = schema.getQueryType()!;
  const roots: PlannedRoot[] = [];
  try {
    for (const [key, nodes] of selections.fields(query, [operation.selectionSet])) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        roots.push({
          key,
          nodes,
          nonNull: true,
          statement: null,
          nullMeansReference: false,
          writers: [],
          shapes: [],
        });
        continue;
      }
      const def = query.getFields()[name];
      if (!def) throw new Unplannable(`Query.${name} is not in the schema`);
      const planner = new EntityPlanner(model, selections, variables);
      const { statement, nullMeansReference } = planRoot(planner, model, def, nodes);
      const writers = [...planner.writers];
      roots.push({
        key,
        nodes,
        nonNull: def.type.toString().endsWith('!'),
        // Printed once per plan: the cache keeps the text.
        statement: print(statement),
        nullMeansReference,
        writers,
        shapes: writers.map((w) => w(variables, {})),
      });
    }
    const shape = responseShape(selections, query, [operation.selectionSet])!;
    return { kind: 'planned', roots, shape };
  } catch (err) {
    if (err instanceof Unplannable)
      return { kind: 'reference', reason: err.message, cacheable: true };
    if (err instanceof BadArguments)
      return { kind: 'reference', reason: err.message, cacheable: false };
    throw err;
  }
}

/**
 * The shape of a value as far as planning reads it: null or given, an empty
 * string or list or not, booleans by value (@skip/@include), objects key by
 * key. Two requests with one signature differ only in parameter values.
 */
export function signature(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : '[+]';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return value === '' ? "''" : 's';
  if (typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${signature((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return 'v';
}

/** What a cached plan weighs: its key and the statement text it keeps. */
export function planWeight(entry: Plan, key: string): number {
  return (
    stringBytes(key) +
    (entry.kind === 'planned'
      ? entry.roots.reduce((n, r) => n + stringBytes(r.statement ?? ''), 0)
      : stringBytes(entry.reason))
  );
}

/**
 * The plan of a request, planned once per document (Apollo's query hash),
 * operation and variable signature: a document plans once, whatever values
 * its variables take. A plan refused for the request's own arguments is
 * not kept (the next request may be well formed).
 */
export function cachedPlan(
  cache: BoundedCache<string, Plan>,
  schema: GraphQLSchema,
  model: Model,
  request: {
    documentKey: string;
    document: DocumentNode;
    operationName: string | undefined;
    variables: Variables;
  },
): Plan {
  // Without a document key (no hash, no text) a plan is made for this request only.
  if (!request.documentKey)
    return plan(schema, model, request.document, request.operationName, request.variables);
  const key = `${request.documentKey}\0${request.operationName ?? ''}\0${signature(request.variables)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = plan(schema, model, request.document, request.operationName, request.variables);
  if (found.kind === 'planned' || found.cacheable) cache.set(key, found);
  return found;
}
