import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import {
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { GraphQLCaches } from './caches';
import type { GraphQLContext } from './request/context';
import { jitFieldCount } from './limits/jit-budget';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The most fields (counted by jitFieldCount, abstract types expanded) a
 * document may have for graphql-jit to compile it. Every documented query
 * and the benchmark's stay well under it (the largest has under 1,000);
 * compiling this many takes about 100 ms and 2 MB of code. Beyond it the
 * generated code grows with every abstract level (a short document reaches
 * millions of fields and exhausts the heap), so such documents run through
 * graphql-js, whose work follows the data actually returned.
 */
export const JIT_FIELD_BUDGET = 2_000;

/**
 * Executes queries through graphql-jit: each document is compiled once
 * into a function that walks the selection without graphql-js's per-field
 * machinery, and kept in a bounded cache (by query hash and operation).
 * It runs what the planner leaves to the resolvers (health, the saved
 * queries, requests whose arguments the resolvers refuse), and every
 * operation when planned execution is off. Apollo Server 5 has no executor option, so this is its
 * responseForOperation hook. Mutations and subscriptions (there are none),
 * documents over JIT_FIELD_BUDGET and documents graphql-jit cannot compile
 * fall through to Apollo's own execution, which answers the same.
 */
export function compiledExecutionPlugin(
  schema: GraphQLSchema,
  formatError: FormatError,
  caches: GraphQLCaches,
  budget = JIT_FIELD_BUDGET,
): ApolloServerPlugin<GraphQLContext> {
  const compiledFor = (rc: GraphQLRequestContext<GraphQLContext>, document: DocumentNode) => {
    const operationName = rc.request.operationName ?? undefined;
    const key = `${rc.queryHash ?? rc.source ?? ''}\0${operationName ?? ''}`;
    let entry = caches.compiled.get(key);
    if (!entry) {
      // Counted before compiling: the count stops at the budget, compiling does not.
      const fields = jitFieldCount(schema, document, operationName, budget);
      const result = fields > budget ? null : compileQuery(schema, document, operationName);
      entry = { query: result && isCompiledQuery(result) ? result : null, fields };
      caches.compiled.set(key, entry);
    }
    if (entry.fields > budget) caches.counters.uncompiledOverBudget += 1;
    return entry.query;
  };
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc: GraphQLRequestContext<GraphQLContext>) {
          if (rc.operation?.operation !== 'query' || !rc.document) return null;
          const query = compiledFor(rc, rc.document);
          if (!query) return null;
          // Variables that do not fit their types: Apollo's own execution
          // reports them as the client's error (BAD_USER_INPUT, HTTP 400).
          // The cost plugin has checked them already; without it, check here.
          const fit =
            rc.contextValue.stats.variablesFit ??
            !getVariableValues(
              schema,
              rc.operation.variableDefinitions ?? [],
              rc.request.variables ?? {},
            ).errors?.length;
          if (!fit) return null;
          const result = await query.query(undefined, rc.contextValue, rc.request.variables ?? {});
          // Errors go through the same formatter as Apollo's own execution.
          const errors = result.errors?.map((error) => formatError(enrich(error), error));
          return {
            http: { headers: new HeaderMap() },
            body: {
              kind: 'single',
              singleResult: { data: result.data, ...(errors ? { errors } : {}) },
            },
          };
        },
      };
    },
  };
}

/** What Apollo hands its formatter: the error as JSON, with a code (INTERNAL_SERVER_ERROR if none). */
function enrich(error: GraphQLError): GraphQLFormattedError {
  // graphql-jit builds its errors through graphql-js, but not always with extensions.
  const e = error instanceof GraphQLError ? error : new GraphQLError(String(error));
  const extensions = (e.extensions ?? {}) as Record<string, unknown>;
  return {
    ...e.toJSON(),
    extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' },
  };
}
