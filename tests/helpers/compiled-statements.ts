import { execute, parse, type GraphQLSchema } from 'graphql';
import type { Database } from '../../src/db/database';
import type { GraphQLContext } from '../../src/graphql/context';
import { Loaders } from '../../src/graphql/loaders';
import { silentLogger } from './db';

export interface SentStatement {
  operation: string;
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * The statements the API sends for a GraphQL request, exactly as its
 * resolvers compile them, without a database: execution runs against a
 * handle that records each statement and answers with no rows. With no rows
 * nothing nested runs, so what it records is one statement per root field
 * (plus any the resolvers would send regardless). For snapshots of the
 * compiler's output and for EXPLAIN on a real Neo4j; never for answers.
 */
export async function compiledStatements(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const record = async (
    cypher: string,
    params: Record<string, unknown>,
    opts: { operation: string },
  ) => {
    sent.push({ operation: opts.operation, cypher, params });
    return [];
  };
  const db = {
    read: record,
    withObserver: () => db,
  } as unknown as Database;
  const context: GraphQLContext = {
    requestId: 'compile',
    logger: silentLogger,
    db,
    loaders: new Loaders(db),
    stats: { roundTrips: 0 },
  };
  await execute({
    schema,
    document: parse(query),
    contextValue: context,
    variableValues: variables,
  });
  return sent;
}
