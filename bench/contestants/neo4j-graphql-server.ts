/**
 * Contestant: @neo4j/graphql 7 on Apollo Server 5 (Express), with type
 * definitions covering the benchmark's scenarios. Env: BENCH_NEO4J_URI,
 * BENCH_NEO4J_PASSWORD, PORT.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import { countingDriver } from './counting-driver';

// Interfaces where our fields reach several labels (ministries and agencies;
// every kind of partner; states and countries), so @neo4j/graphql asks the
// same labels and can sort their connections. Every type has `sortKey`, the
// stored property our NAME order reads, so both sort on the same key.
const typeDefs = /* GraphQL */ `
  interface ChildAuthority {
    name: String
    sortKey: String
  }
  interface Partner {
    id: ID!
    sortKey: String
  }
  interface Place {
    id: ID!
    sortKey: String
  }
  type State implements Partner & Place @node {
    id: ID!
    name: String!
    sortKey: String
    isoCode: String!
    ministries: [ChildAuthority!]! @relationship(type: "RESPONSIBLE_FOR_CHILDREN_IN", direction: IN)
    ombudspersons: [OmbudspersonInstitution!]!
      @relationship(type: "OMBUDSPERSON_FOR", direction: IN)
    presidencies: [Presidency!]! @relationship(type: "HELD_PRESIDENCY", direction: OUT)
    pursues: [Priority!]! @relationship(type: "PURSUES", direction: OUT, properties: "Pursues")
  }
  type Country implements Place @node {
    id: ID!
    name: String
    sortKey: String
  }
  type Pursues @relationshipProperties {
    rule: String
    confidence: String
  }
  type Ministry implements ChildAuthority & Partner @node {
    id: ID!
    name: String
    sortKey: String
  }
  type Agency implements ChildAuthority & Partner @node {
    id: ID!
    name: String
    sortKey: String
  }
  type OmbudspersonInstitution implements Partner @node {
    id: ID!
    name: String!
    sortKey: String
  }
  type Body implements Partner @node {
    id: ID!
    name: String
    sortKey: String
  }
  type Service implements Partner @node {
    id: ID!
    name: String
    sortKey: String
  }
  type Presidency @node {
    id: ID!
    name: String!
    sortKey: String
    term: String!
    declaredPriorities: [Priority!]! @relationship(type: "DECLARED_PRIORITY", direction: OUT)
  }
  type Priority @node {
    id: ID!
    name: String!
    sortKey: String
    projects: [Project!]! @relationship(type: "ADDRESSES", direction: IN)
  }
  type Project @node {
    id: ID!
    name: String!
    sortKey: String
    partners: [Partner!]! @relationship(type: "PARTNER_IN", direction: IN)
  }
  type Organisation implements Partner @node {
    id: ID!
    name: String!
    sortKey: String
    locatedIn: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT)
  }
  type Meeting @node {
    id: ID!
    name: String!
    startDate: Date
    presidencies: [Presidency!]! @relationship(type: "DURING", direction: OUT)
  }
`;

async function main(): Promise<void> {
  const { driver, count, last } = countingDriver(
    process.env.BENCH_NEO4J_URI!,
    process.env.BENCH_NEO4J_PASSWORD!,
  );
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  // The same Apollo built-in plugins as our API (src/http/app.ts): no
  // cache-control plugin (it would wrap every field resolver to look for
  // hints neither schema sets), no landing page, drain on stop.
  const apollo = new ApolloServer({
    schema,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  app.get('/stats', (_req, res) => {
    res.json({ statements: count(), last: last() });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  httpServer.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
