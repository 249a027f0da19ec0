/**
 * Contestant: @neo4j/graphql 7 on Apollo Server 5 (Express), with type
 * definitions covering the benchmark's scenarios. Env: BENCH_NEO4J_URI,
 * BENCH_NEO4J_PASSWORD, PORT.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import { countingDriver } from './counting-driver';

const typeDefs = /* GraphQL */ `
  union ChildAuthority = Ministry | Agency
  type State @node {
    id: ID!
    name: String!
    isoCode: String!
    ministries: [ChildAuthority!]! @relationship(type: "RESPONSIBLE_FOR_CHILDREN_IN", direction: IN)
    ombudspersons: [OmbudspersonInstitution!]!
      @relationship(type: "OMBUDSPERSON_FOR", direction: IN)
    presidencies: [Presidency!]! @relationship(type: "HELD_PRESIDENCY", direction: OUT)
    pursues: [Priority!]! @relationship(type: "PURSUES", direction: OUT, properties: "Pursues")
  }
  type Pursues @relationshipProperties {
    rule: String
    confidence: String
  }
  type Ministry @node {
    id: ID!
    name: String!
  }
  type Agency @node {
    id: ID!
    name: String!
  }
  type OmbudspersonInstitution @node {
    id: ID!
    name: String!
  }
  type Presidency @node {
    id: ID!
    name: String!
    term: String!
    declaredPriorities: [Priority!]! @relationship(type: "DECLARED_PRIORITY", direction: OUT)
  }
  type Priority @node {
    id: ID!
    name: String!
    projects: [Project!]! @relationship(type: "ADDRESSES", direction: IN)
  }
  type Project @node {
    id: ID!
    name: String!
    organisationPartners: [Organisation!]! @relationship(type: "PARTNER_IN", direction: IN)
  }
  type Organisation @node {
    id: ID!
    name: String!
    locatedIn: [State!]! @relationship(type: "LOCATED_IN", direction: OUT)
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
  const apollo = new ApolloServer({ schema });
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
