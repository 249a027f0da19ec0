import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import {
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GraphQLContext } from './context';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Executes queries through graphql-jit: each document (Apollo keeps one
 * parsed document per query text) is compiled once into a function that
 * walks the selection without graphql-js's per-field machinery. Resolvers
 * still run, but with the root field's statement having prefetched
 * everything below it they only hand over what is already there. Apollo
 * Server 5 has no executor option, so this is its responseForOperation
 * hook. Mutations and subscriptions (there are none) and documents
 * graphql-jit cannot compile fall through to Apollo's own execution.
 */
export function compiledExecutionPlugin(
  schema: GraphQLSchema,
  formatError: FormatError,
): ApolloServerPlugin<GraphQLContext> {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined) => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      const result = compileQuery(schema, document, operationName);
      byName.set(key, isCompiledQuery(result) ? result : null);
    }
    return byName.get(key) ?? null;
  };
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc: GraphQLRequestContext<GraphQLContext>) {
          if (rc.operation?.operation !== 'query' || !rc.document) return null;
          const query = compiledFor(rc.document, rc.request.operationName ?? undefined);
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
