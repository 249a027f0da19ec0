import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isLeafType,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../../errors';
import type { GraphQLCaches } from '../caches';
import { loadModel, type Model } from '../../model';
import type { GraphQLContext } from '../request/context';
import { ANY_DEGREE, degreeKey, type ListBounds } from './list-bounds';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
}

/** Rejections carry the TOO_COMPLEX code, and are reported like other validation errors. */
const reject = (ctx: ValidationContext | null, err: GraphQLError) =>
  ctx?.reportError(
    new GraphQLError(err.message.replace(/^Syntax Error: /, ''), {
      extensions: { code: ErrorCode.TOO_COMPLEX },
    }),
  );

/** Depth and alias limits (GraphQL Armor), checked during validation: before any resolver runs. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [reject],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [reject],
    }),
  ];
}

/** A page's size as asked: `first` (default 20) or, for paths and subgraphs, `limit`. */
function pageAsked(args: Record<string, unknown>): number | undefined {
  const size =
    typeof args.first === 'number'
      ? args.first
      : typeof args.limit === 'number'
        ? args.limit
        : undefined;
  return size === undefined ? undefined : Math.max(0, size);
}

let listLabels: { plurals: Map<string, string>; model: Model } | undefined;
/** The model's top-level lists (plural to label) and fields, read once. */
function modelLists() {
  if (!listLabels) {
    const model = loadModel();
    const plurals = new Map(Object.entries(model.labels).map(([l, s]) => [s.plural, l]));
    listLabels = { plurals, model };
  }
  return listLabels;
}

/**
 * What the graph can return for a paged field at most, when the bounds know:
 * a label's top-level list holds at most the label's entities; a
 * relationship field at most the most relationships of its type and
 * direction any entity has; `relationships` the most of any type.
 */
function boundOf(
  bounds: ListBounds,
  type: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
) {
  const { plurals, model } = modelLists();
  if (type.name === 'Query') {
    const label = plurals.get(field.name);
    return label === undefined ? undefined : (bounds.labels.get(label) ?? 0);
  }
  if (field.name === 'relationships' && getNamedType(field.type).name === 'RelationshipConnection')
    return bounds.degrees.get(ANY_DEGREE);
  const spec = model.labels[type.name]?.fields[field.name];
  if (!spec) return undefined;
  return bounds.degrees.get(degreeKey(spec.relationship, spec.direction)) ?? 0;
}

/**
 * A list field costs what it can return times what each item costs, so a
 * request's cost grows with the rows it can make Neo4j return: the page
 * asked (`first`, default 20, capped at 100; for paths and subgraphs
 * `limit`), bounded, where the graph's list bounds are known, by what the
 * graph holds for that field (see boundOf). The bounds follow the data: a
 * graph that grows makes the same query cost more.
 */
const pageEstimator =
  (bounds: ListBounds | undefined): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    const asked = pageAsked(args);
    if (asked === undefined) return undefined;
    const bound = bounds && boundOf(bounds, type, field);
    const size = bound === undefined ? asked : Math.min(asked, bound);
    return 1 + size * Math.max(1, childComplexity);
  };

/**
 * What a list of objects without a page size (sources, evidence, a path's
 * steps, the matrix's cells) is assumed to hold. Without it such lists cost
 * what one item costs, and nesting them (a source's sources' sources...)
 * looked cheap while the answer multiplied at every level.
 */
export const ASSUMED_LIST_SIZE = 4;

/**
 * A list of objects without a page size costs ASSUMED_LIST_SIZE times what
 * each item costs (`nodes(ids:)` the number of ids asked). A connection's
 * edges are not counted again: the connection's `first` priced them. Lists
 * of scalars cost one, like any scalar.
 */
const listEstimator: ComplexityEstimator = ({ args, field, type, childComplexity }) => {
  if (!isListType(getNullableType(field.type)) || isLeafType(getNamedType(field.type)))
    return undefined;
  if (field.name === 'edges' && isObjectType(type) && type.getFields().pageInfo) return undefined;
  const size = Array.isArray(args.ids) ? args.ids.length : ASSUMED_LIST_SIZE;
  return 1 + size * Math.max(1, childComplexity);
};

/**
 * The cost model: pages (bounded by the graph's list bounds when given),
 * then unpaged lists, then one per field. Without bounds every page costs
 * its size: never less than with them.
 */
export function costEstimators(bounds?: ListBounds): ComplexityEstimator[] {
  return [pageEstimator(bounds), listEstimator, simpleEstimator({ defaultComplexity: 1 })];
}

/** The cost model without list bounds: every page priced at its size. */
export const COST_ESTIMATORS = costEstimators();

const MAX_COST_KEY_LENGTH = 4_096;

/**
 * What graphql-query-complexity throws, as the client's error: its node
 * limit (a document that large is too complex) or an argument it could not
 * read (graphql-js reports it the same way when it runs).
 */
function refusal(err: unknown): GraphQLError {
  const message = err instanceof Error ? err.message : String(err);
  const tooLarge = /maximum allowed number of nodes/.test(message);
  return new GraphQLError(message, {
    extensions: {
      code: tooLarge ? ErrorCode.TOO_COMPLEX : ErrorCode.BAD_INPUT,
      http: { status: 400 },
    },
  });
}

/**
 * Computes each operation's cost after it is parsed and validated, rejects
 * it with TOO_COMPLEX above the limit (nothing reaches Neo4j), and reports
 * the cost in the response's extensions.
 */
export function costPlugin(
  schema: GraphQLSchema,
  maxCost: number,
  caches: Pick<GraphQLCaches, 'costs'>,
  listBounds: () => Promise<ListBounds | undefined> = async () => undefined,
): ApolloServerPlugin<GraphQLContext> {
  // The estimators for the latest bounds (they change at most every
  // LIST_BOUNDS_TTL_MS).
  let estimators = { version: 'none', list: COST_ESTIMATORS };
  const estimatorsFor = (bounds: ListBounds | undefined) => {
    const version = bounds?.version ?? 'none';
    if (estimators.version !== version) estimators = { version, list: costEstimators(bounds) };
    return estimators;
  };
  // The cost of a document (by its hash) with the same operation, variables
  // and list bounds is computed once, in a bounded cache. Large variables
  // are not kept: their key would weigh more than computing again.
  const costOf = (
    queryHash: string,
    document: DocumentNode,
    operationName: string | undefined,
    variables: object,
    bounds: ListBounds | undefined,
  ) => {
    const { version, list } = estimatorsFor(bounds);
    const key = `${version}\0${queryHash}\0${JSON.stringify([operationName ?? null, variables])}`;
    const cached = caches.costs.get(key);
    if (cached !== undefined) return cached;
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables: variables as Record<string, unknown>,
        operationName,
        estimators: list,
      });
    } catch (err) {
      throw refusal(err);
    }
    if (key.length <= MAX_COST_KEY_LENGTH) caches.costs.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, contextValue, queryHash }) {
          // No operation of that name (or several and none named): graphql-js
          // reports it to the client (OPERATION_RESOLUTION_FAILURE, a 400).
          if (!operation) return;
          // Variables that do not fit their types are the client's error:
          // graphql-js reports them (BAD_USER_INPUT) before anything runs.
          // The cost needs their values, so it is left to that report.
          const { errors } = getVariableValues(
            schema,
            operation?.variableDefinitions ?? [],
            request.variables ?? {},
          );
          contextValue.stats.variablesFit = !errors?.length;
          if (errors && errors.length > 0) return;
          const cost = costOf(
            queryHash,
            document,
            request.operationName ?? undefined,
            request.variables ?? {},
            await listBounds(),
          );
          contextValue.stats.cost = cost;
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages or fewer nested lists`,
              {
                extensions: {
                  code: ErrorCode.TOO_COMPLEX,
                  cost,
                  limit: maxCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind === 'single' && contextValue.stats.cost !== undefined) {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: { requested: contextValue.stats.cost, limit: maxCost },
            };
          }
        },
      };
    },
  };
}
