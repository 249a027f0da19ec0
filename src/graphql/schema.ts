import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../config';
import { healthResolvers } from './resolvers/health';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

/** The contract, read once from schema.graphql. */
export function loadTypeDefs(file = SCHEMA_FILE): string {
  return fs.readFileSync(file, 'utf8');
}

export function buildSchema(typeDefs = loadTypeDefs()): GraphQLSchema {
  return makeExecutableSchema({ typeDefs, resolvers: [healthResolvers] });
}
