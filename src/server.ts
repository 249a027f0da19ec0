import type { Config } from './config';
import { Database } from './db/database';
import { bootstrap, type Seeder } from './bootstrap';
import { buildSchema } from './graphql/schema';
import { createApp, type App } from './http/app';
import type { Logger } from './logger';
import { EmbeddedNeo4j } from './neo4j/embedded';
import { Neo4jSupervisor } from './neo4j/supervisor';
import { trackInFlight } from './process/in-flight';
import { Readiness } from './readiness';

export interface Server {
  url: string;
  port: number;
  db: Database;
  app: App;
  readiness: Readiness;
  embedded: EmbeddedNeo4j | undefined;
  /** Resolves when migrations (and the seed) are done; rejects on a non-retryable failure. */
  bootstrapped: Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  config: Config;
  logger: Logger;
  seeder?: Seeder;
  /** Messages for the person at the terminal (download progress). */
  progress?: (message: string) => void;
}

/**
 * The composition root: embedded Neo4j (unless NEO4J_URI is set), the
 * database layer, the GraphQL schema and the HTTP chain, started in that
 * order and stopped in reverse. `stop` is safe at any stage, so a failure
 * half-way never leaves a Java process behind.
 */
export async function startServer({
  config,
  logger,
  seeder,
  progress,
}: ServerOptions): Promise<Server> {
  const embedded = config.embedded ? new EmbeddedNeo4j(config.embedded, progress) : undefined;
  let db: Database | undefined;
  let app: App | undefined;
  const abort = new AbortController();
  let stopping: Promise<void> | undefined;
  let bootstrapped: Promise<void> | undefined;
  let supervisor: Neo4jSupervisor | undefined;
  let inFlight: ReturnType<typeof trackInFlight> | undefined;

  const stop = () =>
    (stopping ??= (async () => {
      abort.abort();
      // Let a running migration or seed transaction finish before the driver goes.
      await bootstrapped?.catch(() => undefined);
      // No new connections; every request already taken is answered, each
      // within its own budget (the request timeout cuts it otherwise).
      if (inFlight && !(await inFlight.drain(config.http.requestTimeoutMs + 1_000)))
        logger.warn({ inFlight: inFlight.count }, 'requests still running at shutdown');
      if (app)
        await app.stop().catch((err: unknown) => logger.error({ err }, 'HTTP shutdown failed'));
      if (db)
        await db.close().catch((err: unknown) => logger.error({ err }, 'driver close failed'));
      supervisor?.stop();
      if (embedded) await embedded.stop();
    })());

  try {
    if (embedded) {
      logger.info({ dataDir: config.embedded?.dataDir }, 'starting embedded Neo4j');
      await embedded.start();
      supervisor = new Neo4jSupervisor(embedded, logger);
    }
    db = new Database(config.neo4j, logger);
    const readiness = new Readiness();
    if (supervisor) {
      const watched = supervisor;
      readiness.neo4j = () => watched.report;
      db.failFastWhile(() => watched.knownDown);
      const handle = db;
      watched.onDown = (reason) => handle.wentDown(reason);
    }
    app = await createApp({ config, db, logger, schema: buildSchema(), readiness });
    inFlight = trackInFlight(app.httpServer);
    const port = await app.listen(config.http.port, config.http.host);
    bootstrapped = bootstrap({ db, logger, readiness, seeder, signal: abort.signal });
    bootstrapped.catch((err: unknown) =>
      logger.error({ err }, 'bootstrap failed for a reason retrying cannot fix'),
    );
    const shownHost =
      config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1'
        ? 'localhost'
        : config.http.host;
    return {
      url: `http://${shownHost}:${port}/graphql`,
      port,
      db,
      app,
      readiness,
      embedded,
      bootstrapped,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
