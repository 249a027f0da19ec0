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
 * Whether a bootstrap failure may pass on another try: the database
 * unreachable or busy, a timeout on a busy machine, a lock held by another
 * writer, a transaction stopped by the server. Bad credentials, an edited
 * migration or a failing statement will fail the same way every time.
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  if (err.code === ErrorCode.DATABASE_UNAVAILABLE) return err.details?.retryable !== false;
  return err.code === ErrorCode.TIMEOUT;
}

/**
 * Brings the graph to the state the code expects: migrations, then the seed
 * if the graph is empty. While the database is unreachable or busy the API
 * still serves (/healthz 200, /readyz 503, GraphQL answers
 * DATABASE_UNAVAILABLE) and this loop retries with backoff, so the server
 * recovers on its own. A failure that retrying cannot fix rejects: the
 * process then exits non-zero with the reason (main.ts), for a supervisor
 * to see.
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
      readiness.lastError = err instanceof Error ? err.message : String(err);
      if (!isTransient(err)) throw err;
      logger.warn(
        { retryInMs: delayMs, reason: readiness.lastError },
        'bootstrap could not finish yet (Neo4j unreachable or busy); will retry',
      );
      await sleep(delayMs, signal);
      delayMs = Math.min(delayMs * 2, 15_000);
    }
  }
}
