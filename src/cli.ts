import { loadDotEnv, parseConfig, type Config } from './config';
import { withCliDatabase } from './db/cli-database';
import type { Database } from './db/database';
import { createLogger } from './logger';
import { embeddedNeo4jForCli } from './neo4j/embedded';

/** Progress for people: on stderr, so that stdout stays the tool's output. */
export const say = (m: string): void => {
  process.stderr.write(`${m}\n`);
};

/**
 * For the command-line tools (seed, cypher, export): the configuration from
 * the environment, a quiet logger, the embedded Neo4j when no NEO4J_URI is
 * set (started for the work and stopped after it) and a migrated Database.
 */
export async function withCliGraph<T>(
  work: (db: Database, config: Config) => Promise<T>,
): Promise<T> {
  loadDotEnv();
  const config = parseConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const server = await embeddedNeo4jForCli(config.embedded, say);
  return withCliDatabase(config, logger, say, server, (db) => work(db, config));
}

/**
 * Runs a tool's main: exits with the code it returns, or 1 after printing
 * what `explain` makes of the error (by default an Error's message, since
 * the tools' errors are written for people; anything else as it is).
 */
export function runCli(
  main: () => Promise<number>,
  explain: (err: unknown) => unknown = (err) => (err instanceof Error ? err.message : err),
): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(explain(err));
      process.exit(1);
    },
  );
}
