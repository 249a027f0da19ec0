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
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors';
import type { GraphQLCaches } from './caches';
import type { GraphQLContext } from './context';

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

/**
 * A list field costs its page size times what each item costs, so a
 * request's cost grows with the rows it can make Neo4j return: `first`
 * (default 20, capped at 100) or, for paths and subgraphs, `limit`.
 */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size =
    typeof args.first === 'number'
      ? args.first
      : typeof args.limit === 'number'
        ? args.limit
        : undefined;
  if (size === undefined) return undefined;
  return 1 + Math.max(0, size) * Math.max(1, childComplexity);
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

/** The cost model: pages, then unpaged lists, then one per field. */
export const COST_ESTIMATORS = [
  pageEstimator,
  listEstimator,
  simpleEstimator({ defaultComplexity: 1 }),
];

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
): ApolloServerPlugin<GraphQLContext> {
  // The cost of a document (by its hash) with the same operation and
  // variables is computed once, in a bounded cache. Large variables are
  // not kept: their key would weigh more than computing again.
  const costOf = (
    queryHash: string,
    document: DocumentNode,
    operationName: string | undefined,
    variables: object,
  ) => {
    const key = `${queryHash}\0${JSON.stringify([operationName ?? null, variables])}`;
    const cached = caches.costs.get(key);
    if (cached !== undefined) return cached;
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables: variables as Record<string, unknown>,
        operationName,
        estimators: COST_ESTIMATORS,
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
