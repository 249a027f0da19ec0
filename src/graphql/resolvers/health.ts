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
        `CALL dbms.components() YIELD name, versions, edition
         WHERE name = 'Neo4j Kernel'
         CALL {
           OPTIONAL MATCH (m:Migration)
           WITH m ORDER BY m.id
           RETURN collect(m.id) AS migrations
         }
         RETURN versions[0] AS version, edition, migrations`,
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
