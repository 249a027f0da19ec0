import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { ErrorCode, isAppError } from '../errors';
import { createGraphQLCaches, documentStore, graphqlCacheFigures } from '../graphql/caches';
import { createContext, type GraphQLContext } from '../graphql/request/context';
import { createErrorFormatter } from '../graphql/response/errors';
import { costPlugin, limitRules } from '../graphql/limits';
import { ListBoundsReader } from '../graphql/limits/list-bounds';
import { compiledExecutionPlugin } from '../graphql/jit';
import { plannedExecutionPlugin } from '../graphql/execute/executor';
import { loadModel } from '../model';
import { httpStatusPlugin } from '../graphql/response/http-status';
import { responseSizeLimit } from '../graphql/response/response-size';
import type { Logger } from '../logger';
import type { Readiness } from '../readiness';
import { browserGuide } from '../analyst/browser-guide';
import { RepeatLimitedLog } from '../log-repeats';
import { accessLog, noteErrorId, noteGraphQLErrors, requestIdOf } from './access-log';
import { adhocRouter } from './adhoc-route';
import { admissionControl, type AdmissionStats } from './admission';
import { dashboardRouter } from './dashboard-route';
import { exportRouter } from './export-route';
import { ideRouter } from './ide';
import { persistedRouter, type PersistedOptions } from './persisted-route';
import { rateLimiters } from './rate-limits';
import { securityHeaders } from './security-headers';
import { serverTimeouts } from './server-timeouts';

export interface AppDeps {
  config: Pick<Config, 'http' | 'env' | 'limits' | 'analyst' | 'rateLimits'>;
  db: Database;
  logger: Logger;
  schema: GraphQLSchema;
  readiness: Readiness;
  /**
   * Execute queries with graphql-jit (default). Off, Apollo runs graphql-js:
   * the reference path the differential test compares against.
   */
  compiledExecution?: boolean;
  /**
   * Answer the queries the planner builds with one statement per root field
   * whose rows are the response (default: as compiledExecution).
   */
  plannedExecution?: boolean;
  /** Where the persisted queries are and how long the dataset version is reused (tests). */
  persisted?: PersistedOptions;
}

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Starts Apollo and listens; resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Requests in flight, waiting and refused by admission control. */
  admission: { stats(): AdmissionStats };
  /** Stops accepting, drains in-flight requests (Apollo's drain plugin), closes the HTTP server. */
  stop(): Promise<void>;
}

export async function createApp({
  config,
  db,
  logger,
  schema,
  readiness,
  compiledExecution = true,
  plannedExecution = compiledExecution,
  persisted,
}: AppDeps): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // No ETag computed by hashing every response body: only persisted GET
  // reads are tagged, by dataset version (persisted-route.ts).
  app.set('etag', false);
  // The client is the socket address unless proxies are trusted (TRUST_PROXY).
  app.set('trust proxy', config.http.trustProxy);
  // Requests are cut off after the request timeout; the Neo4j transaction
  // timeout is validated to be shorter, so the database gives up first with
  // a clear code.
  const httpServer = http.createServer(serverTimeouts(config.http.requestTimeoutMs), app);

  // One repeat-limited log for failures, so a failing database or a bug
  // hit by every request logs once per minute with a count, not per request.
  const repeats = new RepeatLimitedLog(logger);
  const formatError = createErrorFormatter(logger, repeats);
  // The HTTP response of each GraphQL request, to note its error codes on.
  // Keyed by the context's stats object: Apollo hands plugins a shallow
  // copy of the context, whose nested objects are the originals.
  const responses = new WeakMap<GraphQLContext['stats'], Response>();
  const caches = createGraphQLCaches();
  // What each list can hold, read from the graph for the cost model.
  const listBounds = new ListBoundsReader(db, readiness);
  const responseSize = responseSizeLimit(config.limits.maxResponseBytes);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    documentStore: documentStore(caches),
    stringifyResult: responseSize.stringifyResult,
    // From the parsed config rather than Apollo's own read of process.env, so
    // one validated NODE_ENV decides (e.g. introspection is off in production)
    // and tests choose it per app.
    nodeEnv: config.env,
    includeStacktraceInErrorResponses: false,
    // The process owns shutdown (drain, driver, embedded Neo4j, in order);
    // Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    // Query limits run before execution, so a rejected query never reaches Neo4j.
    validationRules: limitRules(config.limits),
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: [
      // The server waits for in-flight requests before stopping Apollo
      // (src/process/in-flight.ts); Apollo's own grace is no shorter than a
      // request may take, so it never cuts one that is still allowed to run.
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: config.http.requestTimeoutMs,
      }),
      ApolloServerPluginLandingPageDisabled(),
      // The schema sets no cache hints; Apollo's default cache-control
      // plugin would still wrap every field resolver to look for them.
      ApolloServerPluginCacheControlDisabled(),
      costPlugin(schema, config.limits.maxCost, caches, () => listBounds.get()),
      // First the planner's statements; what it does not build, graphql-jit.
      ...(plannedExecution
        ? [plannedExecutionPlugin(schema, loadModel(), formatError, caches)]
        : []),
      ...(compiledExecution ? [compiledExecutionPlugin(schema, formatError, caches)] : []),
      httpStatusPlugin(),
      {
        // Reports the request's database round trips; dashboards and the
        // no-N+1 tests read it.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              if (response.body.kind === 'single') {
                noteGraphQLErrors(
                  responses.get(contextValue.stats),
                  response.body.singleResult.errors,
                );
                response.body.singleResult.extensions = {
                  ...response.body.singleResult.extensions,
                  roundTrips: contextValue.stats.roundTrips,
                };
              }
            },
          };
        },
      },
      // Last: it checks the response as it will be sent.
      responseSize.plugin,
    ],
  });
  await apollo.start();

  app.use(securityHeaders());
  app.use(accessLog(logger));
  const admission = admissionControl(config.http);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The GraphQL path's per-document caches (bounds, contents, evictions) and
  // admission control's figures (read-only).
  app.get('/metrics', (_req, res) => {
    res.json({ graphql: graphqlCacheFigures(caches), admission: admission.stats() });
  });

  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    try {
      await db.ping();
      checks.database = 'up';
    } catch (err) {
      checks.database = 'unavailable';
      // Typed errors are written for clients: e.g. credentials rejected
      // (NEO4J_USER/NEO4J_PASSWORD) rather than a bare "unavailable".
      if (isAppError(err)) checks.databaseError = err.message;
    }
    if (readiness.neo4j) checks.neo4j = readiness.neo4j();
    checks.migrations = readiness.migrated ? 'applied' : 'pending';
    // Not ready while the first seed load runs: the graph would look empty.
    checks.seed = readiness.seedChecked ? 'done' : 'pending';
    const ready = checks.database === 'up' && readiness.migrated && readiness.seedChecked;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });

  app.use(admission);
  const limiters = rateLimiters(config, logger);
  app.post('/cypher', limiters.cypherAuth, limiters.cypher);
  app.use(adhocRouter(config, db));

  // The Neo4j Browser guide (:play http://localhost:<port>/browser-guide);
  // Browser fetches it from its own origin (the embedded Neo4j's HTTP port),
  // so that origin may read it, and so may CORS_ORIGINS. Browser sends
  // no-cache and tracing headers, so it preflights: cors() answers that.
  const guide = browserGuide();
  const guideOrigins = [...config.http.browserGuideOrigins, ...config.http.corsOrigins];
  app.use('/browser-guide', cors({ origin: guideOrigins.includes('*') ? true : guideOrigins }));
  app.get('/browser-guide', (_req, res) => {
    res.type('html').send(guide);
  });

  // CORS first, so preflights for /graphql are answered by it alone.
  app.use(
    '/graphql',
    cors({
      origin: config.http.corsOrigins.includes('*') ? true : config.http.corsOrigins,
      maxAge: 600,
    }),
    limiters.graphql,
  );
  app.use(persistedRouter({ apollo, db, logger, readiness, schema, ...persisted }));
  app.use(ideRouter());

  app.use(
    '/graphql',
    express.json({ limit: config.http.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = createContext(db, logger, requestIdOf(req));
        responses.set(context.stats, res);
        return context;
      },
    }),
  );

  app.use(dashboardRouter());
  app.use(exportRouter(db));

  app.use((_req, res) => {
    res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: 'No such endpoint' } });
  });

  // Errors outside GraphQL execution: oversized or malformed bodies, and bugs.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: number }).status ?? 500;
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({
        error: {
          code: ErrorCode.BAD_INPUT,
          message: `Request body is larger than ${config.http.bodyLimit}`,
        },
      });
      return;
    }
    if (status >= 400 && status < 500) {
      res
        .status(status)
        .json({ error: { code: ErrorCode.BAD_INPUT, message: 'Malformed request body' } });
      return;
    }
    const errorId = randomUUID();
    noteErrorId(res, ErrorCode.INTERNAL, errorId);
    repeats.error(
      `HTTP ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`,
      { err, errorId, reqId: requestIdOf(req) },
      'unexpected HTTP error (masked)',
    );
    res.status(500).json({
      error: {
        code: isAppError(err) ? err.code : ErrorCode.INTERNAL,
        message: 'Internal server error',
        errorId,
      },
    });
  });

  return {
    httpServer,
    apollo,
    admission,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: async () => {
      await apollo.stop();
      repeats.flush();
    },
  };
}
