import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors';
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
 * Computes each operation's cost after it is parsed and validated, rejects
 * it with TOO_COMPLEX above the limit (nothing reaches Neo4j), and reports
 * the cost in the response's extensions.
 */
export function costPlugin(
  schema: GraphQLSchema,
  maxCost: number,
): ApolloServerPlugin<GraphQLContext> {
  // Apollo keeps one parsed document per query text, so the cost of a
  // document with the same operation and variables is computed once.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | undefined, variables: object) => {
    const key = JSON.stringify([operationName ?? null, variables]);
    let known = costs.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    const cost = getComplexity({
      schema,
      query: document,
      variables: variables as Record<string, unknown>,
      operationName,
      estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    if (!known) costs.set(document, (known = new Map()));
    // Bounded: a document asked with ever new variables keeps its last 100.
    if (known.size >= 100) known.clear();
    known.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, contextValue }) {
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
