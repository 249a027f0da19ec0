import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../../src/db/database';
import { allResolvers, buildSchema, loadTypeDefs } from '../../src/graphql/schema';
import { createApp, type App } from '../../src/http/app';
import { Readiness } from '../../src/readiness';
import { silentLogger, testDatabase } from './db';
import type { Logger } from '../../src/logger';
import type { Config } from '../../src/config';
import type { PersistedOptions } from '../../src/http/persisted-route';

export interface TestApp {
  app: App;
  base: string;
  readiness: Readiness;
  graphql(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLBody }>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** The real HTTP chain on an ephemeral port. */
export async function startTestApp(
  db: Database,
  opts: {
    schema?: GraphQLSchema;
    logger?: Logger;
    bodyLimit?: string;
    corsOrigins?: string[];
    limits?: Partial<Config['limits']>;
    analystToken?: string;
    analystTimeoutMs?: number;
    analystMaxBytes?: number;
    env?: Config['env'];
    compiledExecution?: boolean;
    plannedExecution?: boolean;
    persisted?: PersistedOptions;
    /** Admission control, proxy trust and origins (defaults as in production). */
    http?: Partial<Config['http']>;
    rateLimits?: Partial<Config['rateLimits']>;
  } = {},
): Promise<TestApp> {
  const readiness = new Readiness();
  const app = await createApp({
    compiledExecution: opts.compiledExecution,
    plannedExecution: opts.plannedExecution,
    persisted: opts.persisted,
    config: {
      env: opts.env ?? 'test',
      limits: {
        maxDepth: 12,
        maxAliases: 15,
        maxTokens: 5000,
        maxCost: 20000,
        maxResponseBytes: 16 * 2 ** 20,
        ...opts.limits,
      },
      analyst: {
        token: opts.analystToken,
        timeoutMs: opts.analystTimeoutMs ?? 2000,
        rowCap: 50,
        maxBytes: opts.analystMaxBytes ?? 5_000_000,
      },
      http: {
        host: '127.0.0.1',
        port: 0,
        corsOrigins: opts.corsOrigins ?? ['http://allowed.example'],
        bodyLimit: opts.bodyLimit ?? '100kb',
        requestTimeoutMs: 30_000,
        maxInFlight: 64,
        maxQueued: 64,
        queueTimeoutMs: 2_000,
        trustProxy: false,
        browserGuideOrigins: ['http://127.0.0.1:7474', 'http://localhost:7474'],
        ...opts.http,
      },
      rateLimits: {
        windowMs: 60_000,
        graphql: 60_000,
        cypher: 600,
        cypherAuthFailures: 10,
        cypherAuthWindowMs: 900_000,
        ...opts.rateLimits,
      },
    },
    db,
    logger: opts.logger ?? silentLogger,
    schema: opts.schema ?? buildSchema(),
    readiness,
  });
  const port = await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  return {
    app,
    base,
    readiness,
    async graphql(query, variables) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLBody };
    },
  };
}

/** The real schema plus a field whose resolver throws an unexpected error. */
export function schemaWithBrokenField(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: [loadTypeDefs(), 'extend type Query { broken: String }'],
    resolvers: [
      ...allResolvers(),
      {
        Query: {
          broken: () => {
            throw new Error('secret internal detail: /var/lib/x password=hunter2');
          },
        },
      },
    ],
  });
}

/**
 * The real HTTP chain on the test database for a whole describe block: started
 * before its tests, stopped (with its database handle) after them.
 */
export function useTestApp(opts: Parameters<typeof startTestApp>[1] = {}) {
  const db = testDatabase();
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(db, opts);
  });
  afterAll(async () => {
    await app?.app.stop();
    await db.close();
  });
  return {
    db,
    /** The running app (only inside tests and hooks). */
    get t(): TestApp {
      if (!app) throw new Error('the test app is not started yet');
      return app;
    },
  };
}
