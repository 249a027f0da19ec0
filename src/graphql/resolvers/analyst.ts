import { queryLibrary } from '../../analyst/library';
import { runSavedQuery } from '../../analyst/run';
import { badInput } from '../../errors';
import { CypherParamType } from '../generated/boundary';
import type { Resolvers } from '../generated/resolvers-types';

/** The library's parameter type as the enum value that stands for it. */
function paramType(type: string): CypherParamType {
  const found = Object.values(CypherParamType).find((t) => t === type);
  if (!found) throw new Error(`Saved query parameter type ${type} has no CypherParamType`);
  return found;
}

export const analystResolvers: Resolvers = {
  Query: {
    cypherQueries: () =>
      [...queryLibrary().values()].map((q) => ({
        ...q,
        params: q.params.map((p) => ({
          ...p,
          type: paramType(p.type),
          default: p.default ?? null,
        })),
      })),
    runSavedCypher: (_, args, ctx) => {
      const params = args.params ?? {};
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        throw badInput('params must be a JSON object of parameter names to values');
      }
      return runSavedQuery(ctx.db, args.name, params as Record<string, unknown>);
    },
  },
};
