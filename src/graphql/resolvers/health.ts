import { cypher } from '../../db/cypher-files';
import { HealthStatus, type Resolvers } from '../generated/resolvers-types';

interface HealthRow {
  version: string;
  edition: string;
  migrations: string[];
}

export const healthResolvers: Resolvers = {
  Query: {
    async dataset(_, __, ctx) {
      const [row] = await ctx.db.read<{
        filesChecksum: string;
        checksum: string | null;
        seedVersion: string;
        loadedAt: string;
      }>(cypher('api/dataset.cypher'), {}, { operation: 'Query.dataset' });
      return row ?? null;
    },
    async health(_, __, ctx) {
      const [row] = await ctx.db.read<HealthRow>(
        cypher('api/health.cypher'),
        {},
        { operation: 'Query.health' },
      );
      return {
        status: HealthStatus.Ok,
        database: ctx.db.database,
        neo4jVersion: row?.version ?? 'unknown',
        edition: row?.edition ?? 'unknown',
        migrations: row?.migrations ?? [],
      };
    },
  },
};
