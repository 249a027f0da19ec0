import type { Config } from '../config';
import type { Logger } from '../logger';
import { Database } from './database';
import { migrate } from './migrations';

/** A database server a command-line tool starts for its work and stops afterwards. */
export interface OwnedServer {
  start(): Promise<void>;
  /** Safe to call at any stage, including before or during `start`. */
  stop(): Promise<void>;
}

/**
 * For command-line tools: a Database on `config.neo4j`, with migrations
 * applied first. `server`, when given, is started before and stopped after
 * `work` (the embedded Neo4j when it is not already running; see
 * embeddedNeo4jForCli).
 *
 * Why the server is passed in rather than started here: src/db is the layer
 * below the Neo4j process supervisor (src/neo4j) and imports nothing from it,
 * so the data layer never pulls in Java, downloads or child processes.
 */
export async function withCliDatabase<T>(
  config: Pick<Config, 'neo4j'>,
  logger: Logger,
  say: (m: string) => void,
  server: OwnedServer | undefined,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  // Ctrl-C must not leave a server this tool started running on its own.
  const interrupted = () => {
    say('Interrupted.');
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  if (server) await server.start();
  const db = new Database(config.neo4j, logger);
  try {
    const migrations = await migrate(db, logger);
    if (migrations.applied.length) say(`Applied migrations: ${migrations.applied.join(', ')}`);
    return await work(db);
  } finally {
    await db.close();
    if (server) await server.stop();
  }
}
