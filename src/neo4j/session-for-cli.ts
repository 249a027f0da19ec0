import type { Config } from '../config';
import { Database } from '../db/database';
import { migrate } from '../db/migrations';
import type { Logger } from '../logger';
import { EmbeddedNeo4j } from './embedded';
import { canConnect } from './process-tools';

/**
 * For command-line tools: a Database on NEO4J_URI, or on the embedded Neo4j
 * (used if it is already running, e.g. under `npm start`; started for the
 * duration of `work` otherwise). Migrations are applied first.
 */
export async function withCliDatabase<T>(
  config: Config,
  logger: Logger,
  say: (m: string) => void,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  let embedded: EmbeddedNeo4j | undefined;
  // Ctrl-C must not leave a Neo4j this tool started running on its own.
  const interrupted = () => {
    say('Interrupted: stopping the embedded Neo4j...');
    void (embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  if (config.embedded && !(await canConnect(config.embedded.boltPort))) {
    embedded = new EmbeddedNeo4j(config.embedded, say);
    say('Starting the embedded Neo4j...');
    await embedded.start();
  }
  const db = new Database(config.neo4j, logger);
  try {
    const migrations = await migrate(db, logger);
    if (migrations.applied.length) say(`Applied migrations: ${migrations.applied.join(', ')}`);
    return await work(db);
  } finally {
    await db.close();
    if (embedded) {
      say('Stopping the embedded Neo4j...');
      await embedded.stop();
    }
  }
}
