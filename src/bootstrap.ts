import { migrate } from './db/migrations';
import type { Database } from './db/database';
import { AppError, ErrorCode } from './errors';
import type { Logger } from './logger';
import type { Readiness } from './readiness';
import { sleep } from './util/sleep';

/** Loads the seed when the graph holds no entities yet; returns whether it did. */
export type Seeder = (db: Database, logger: Logger) => Promise<boolean>;

export interface BootstrapOptions {
  db: Database;
  logger: Logger;
  readiness: Readiness;
  seeder?: Seeder;
  /** Stops retrying when aborted (shutdown). */
  signal: AbortSignal;
}

/**
 * Brings the graph to the state the code expects: migrations, then the seed
 * if the graph is empty. While the database is unreachable the API still
 * serves (/healthz 200, /readyz 503, GraphQL answers DATABASE_UNAVAILABLE)
 * and this loop retries with backoff, so the server recovers on its own when
 * Neo4j comes up. Any other failure is not retried: it is a bug or bad data.
 */
export async function bootstrap({
  db,
  logger,
  readiness,
  seeder,
  signal,
}: BootstrapOptions): Promise<void> {
  let delayMs = 500;
  while (!signal.aborted) {
    try {
      const report = await migrate(db, logger);
      readiness.migrated = true;
      logger.info(
        { applied: report.applied, alreadyApplied: report.alreadyApplied.length },
        report.applied.length ? 'schema migrations applied' : 'schema up to date',
      );
      if (seeder) readiness.seeded = await seeder(db, logger);
      readiness.seedChecked = true;
      readiness.lastError = undefined;
      return;
    } catch (err) {
      if (signal.aborted) return;
      const retryable =
        err instanceof AppError &&
        err.code === ErrorCode.DATABASE_UNAVAILABLE &&
        err.details?.retryable !== false;
      readiness.lastError = err instanceof Error ? err.message : String(err);
      if (!retryable) throw err;
      logger.warn({ retryInMs: delayMs }, 'Neo4j is not reachable yet; will retry');
      await sleep(delayMs, signal);
      delayMs = Math.min(delayMs * 2, 15_000);
    }
  }
}
