import { cypher } from '../../db/cypher-files';
import type { GraphQLContext } from '../context';

interface HealthRow {
  version: string;
  edition: string;
  migrations: string[];
}

export const healthResolvers = {
  Query: {
    async health(_: unknown, __: unknown, ctx: GraphQLContext) {
      const [row] = await ctx.db.read<HealthRow>(
        cypher('api/health.cypher'),
        {},
        { operation: 'Query.health' },
      );
      return {
        status: 'OK',
        database: ctx.db.database,
        neo4jVersion: row?.version ?? 'unknown',
        edition: row?.edition ?? 'unknown',
        migrations: row?.migrations ?? [],
      };
    },
  },
};
