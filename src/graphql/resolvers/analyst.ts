import { queryLibrary } from '../../analyst/library';
import { runSavedQuery } from '../../analyst/run';
import { badInput } from '../../errors';
import type { GraphQLContext } from '../context';

export const analystResolvers = {
  Query: {
    cypherQueries: () =>
      [...queryLibrary().values()].map((q) => ({
        ...q,
        params: q.params.map((p) => ({ ...p, default: p.default ?? null })),
      })),
    runCypherQuery: (_: unknown, args: { name: string; params?: unknown }, ctx: GraphQLContext) => {
      const params = args.params ?? {};
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        throw badInput('params must be a JSON object of parameter names to values');
      }
      return runSavedQuery(ctx.db, args.name, params as Record<string, unknown>);
    },
  },
};
