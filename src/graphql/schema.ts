import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../config';
import { loadModel } from '../seed/model';
import { entityResolvers, sharedResolvers } from './resolvers/entities';
import { healthResolvers } from './resolvers/health';
import { queryResolvers } from './resolvers/query';
import { DateScalar, JsonScalar } from './scalars';
import { analystResolvers } from './resolvers/analyst';
import { PLURALS } from './schema-gen/generate';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

/** The contract, read once from schema.graphql. */
export function loadTypeDefs(file = SCHEMA_FILE): string {
  return fs.readFileSync(file, 'utf8');
}

/** All resolvers: per entity type (from the model and relation table), the root fields and scalars. */
export function allResolvers() {
  const labels = Object.keys(loadModel().labels);
  return [
    { Date: DateScalar, JSON: JsonScalar },
    analystResolvers,
    healthResolvers,
    sharedResolvers,
    entityResolvers(labels),
    queryResolvers(labels, PLURALS),
  ];
}

export function buildSchema(typeDefs = loadTypeDefs()): GraphQLSchema {
  return makeExecutableSchema({ typeDefs, resolvers: allResolvers() });
}
