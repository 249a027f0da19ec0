import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import {
  getVariableValues,
  locatedError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { integerParams } from '../../db/database';
import { AppError } from '../../errors';
import type { Model } from '../../model';
import type { GraphQLCaches } from '../caches';
import type { GraphQLContext } from '../request/context';
import type { Variables } from '../plan/entity';
import { cachedPlan, type PlannedRoot } from '../plan/plan';
import { plannedJson } from '../response/serialize';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Each root field's parameters, or null when a request's shape is not its plan's. */
function parametersOf(
  roots: readonly PlannedRoot[],
  variables: Variables,
): Record<string, unknown>[] | null {
  const out: Record<string, unknown>[] = [];
  for (const root of roots) {
    const params: Record<string, unknown> = {};
    for (let i = 0; i < root.writers.length; i += 1)
      if (root.writers[i]!(variables, params) !== root.shapes[i]) return null;
    out.push(params);
  }
  return out;
}

/**
 * Answers a planned query: each root field's statement, in one read
 * transaction, returns that field's finished response, so the rows are the
 * data and no field resolver runs. Operations the planner does not build
 * (and requests whose arguments are the client's mistake, which graphql-js
 * reports at the field's path) go on to the next executor.
 */
export function plannedExecutionPlugin(
  schema: GraphQLSchema,
  model: Model,
  formatError: FormatError,
  caches: GraphQLCaches,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const counters = caches.counters;
      return {
        async responseForOperation(rc: GraphQLRequestContext<GraphQLContext>) {
          if (rc.operation?.operation !== 'query' || !rc.document) return null;
          // Variables as graphql-js executes with them: coerced, defaults
          // applied; ones that do not fit are the reference path's to report.
          const coerced = getVariableValues(
            schema,
            rc.operation.variableDefinitions ?? [],
            rc.request.variables ?? {},
          );
          if (coerced.errors?.length || !coerced.coerced) return null;
          const variables: Variables = coerced.coerced;
          const found = cachedPlan(caches.plans, schema, model, {
            documentKey: rc.queryHash ?? rc.source ?? '',
            document: rc.document,
            operationName: rc.request.operationName ?? undefined,
            variables,
          });
          let params: Record<string, unknown>[] | null = null;
          try {
            params = found.kind === 'planned' ? parametersOf(found.roots, variables) : null;
          } catch (err) {
            // An argument the resolvers refuse: they say so at the field's path.
            if (!(err instanceof AppError)) throw err;
          }
          if (found.kind !== 'planned' || !params) {
            counters.reference += 1;
            return null;
          }
          const roots = found.roots;
          const ctx = rc.contextValue;
          const data: Record<string, unknown> = {};
          try {
            const values = await ctx.db.readTx({ operation: 'Query.planned' }, async (tx) => {
              const out: unknown[] = [];
              for (let i = 0; i < roots.length; i += 1) {
                const root = roots[i]!;
                if (root.statement === null) {
                  out.push('Query');
                  continue;
                }
                const result = await tx.run(root.statement, integerParams(params[i]!));
                out.push(result.records[0]?.get('value') ?? null);
              }
              return out;
            });
            for (let i = 0; i < roots.length; i += 1) {
              // A null the reference path explains (NOT_FOUND with the closest
              // names); one a non-null field cannot take is found below (plannedJson).
              if (values[i] === null && roots[i]!.nullMeansReference) {
                counters.reference += 1;
                return null;
              }
              data[roots[i]!.key] = values[i];
            }
          } catch (err) {
            // As graphql-js reports a root field that failed: the error at
            // the first field's path, its data null (all data when non-null).
            const first = roots[0]!;
            const located = locatedError(err, first.nodes, [first.key]);
            const formatted = formatError(
              {
                ...located.toJSON(),
                extensions: {
                  ...located.extensions,
                  code:
                    (located.extensions as { code?: string } | undefined)?.code ??
                    'INTERNAL_SERVER_ERROR',
                },
              },
              located,
            );
            counters.planned += 1;
            return {
              http: { headers: new HeaderMap() },
              body: {
                kind: 'single',
                singleResult: {
                  data: roots.some((r) => r.nonNull)
                    ? null
                    : Object.fromEntries(roots.map((r) => [r.key, null])),
                  errors: [formatted],
                },
              },
            };
          }
          // Written now, in the document's key order (Neo4j's maps are not
          // ordered), and checked on the way: a null the schema does not
          // allow below the root is graphql-js's to report.
          if (plannedJson(data, found.shape) === null) {
            counters.reference += 1;
            return null;
          }
          counters.planned += 1;
          return {
            http: { headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data } },
          };
        },
      };
    },
  };
}
