import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import type { Neo4jConnection } from '../config';
import type { Logger } from '../logger';
import { RepeatLimitedLog } from '../log-repeats';
import { AppError, ErrorCode } from '../errors';
import { mapNeo4jError } from './errors';
import { IsolatedReader } from './isolated-reader';

export type Params = Record<string, unknown>;

export interface CallOptions {
  /** Name of the operation that asked, stored as transaction metadata (visible in SHOW TRANSACTIONS and query logs). */
  operation: string;
  /** Overrides the configured transaction timeout. */
  timeoutMs?: number;
  /** The Cypher text came from a user: statement errors become BAD_INPUT instead of INTERNAL. */
  userStatement?: boolean;
  /**
   * How long the client waits for the database at most, whatever happens
   * (default: the transaction timeout plus CLIENT_GRACE_MS).
   */
  deadlineMs?: number;
}

/**
 * The database stops a transaction at its timeout; the client waits this
 * much longer before giving up on a database that does not answer at all
 * (paused, cut off): then nothing on the server would ever end the wait.
 */
export const CLIENT_GRACE_MS = 2_000;

/** What every handle on one driver shares. */
interface SharedState {
  isolated?: IsolatedReader;
  /** Why the database is known to be down right now (see failFastWhile). */
  knownDown?: () => string | undefined;
  /** Transactions waiting on the database, told when it is known to have gone away. */
  downWatchers: Set<(reason: string) => void>;
}

/** Called after every query that reached the server; used to count round trips per request. */
export type QueryObserver = (event: { operation: string; mode: 'READ' | 'WRITE' }) => void;

/**
 * The only place that opens driver sessions. Every call runs in a managed
 * transaction (retried by the driver on transient errors) against an explicit
 * database, with a timeout and metadata, and always closes its session.
 */
export class Database {
  private readonly driver: Driver;
  private readonly observer: QueryObserver | undefined;
  /** Shared by every handle on the same driver. */
  private readonly lazy: SharedState;

  constructor(
    private readonly conn: Neo4jConnection,
    private readonly logger: Logger,
    shared?: { driver: Driver; observer: QueryObserver; lazy: SharedState },
  ) {
    this.observer = shared?.observer;
    this.driver = shared?.driver ?? createDriver(conn, logger);
    this.lazy = shared?.lazy ?? { downWatchers: new Set() };
  }

  get database(): string {
    return this.conn.database;
  }

  /** A handle on the same driver that reports each query to `observer` (one per request). */
  withObserver(observer: QueryObserver): Database {
    return new Database(this.conn, this.logger, {
      driver: this.driver,
      observer,
      lazy: this.lazy,
    });
  }

  /**
   * Runs user statements (POST /cypher) in worker threads with drivers of
   * their own, so no result can hold up this process's event loop; started
   * on first use, stopped by close().
   */
  isolated(): IsolatedReader {
    return (this.lazy.isolated ??= new IsolatedReader(this.conn));
  }

  async read<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Params,
    opts: CallOptions,
  ): Promise<R[]> {
    const result = await this.readTx(opts, (tx) => tx.run<R>(cypher, integerParams(params)));
    return result.records.map((r) => r.toObject());
  }

  async write<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Params,
    opts: CallOptions,
  ): Promise<R[]> {
    const result = await this.writeTx(opts, (tx) => tx.run<R>(cypher, integerParams(params)));
    return result.records.map((r) => r.toObject());
  }

  /** The server's plan and query type for a statement, without running it (EXPLAIN). */
  async explain(cypher: string, params: Params, opts: CallOptions) {
    const result = await this.readTx(opts, (tx) =>
      tx.run(`EXPLAIN ${cypher}`, integerParams(params)),
    );
    return result.summary;
  }

  /** Runs `work` in one read transaction; several statements may share it. */
  readTx<T>(opts: CallOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('READ', opts, work);
  }

  /** Runs `work` in one write transaction: it commits whole or not at all. */
  writeTx<T>(opts: CallOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', opts, work);
  }

  /** Runs one statement outside a transaction function (schema commands, CALL IN TRANSACTIONS). */
  async autoCommit(cypher: string, params: Params, opts: CallOptions): Promise<QueryResult> {
    this.refuseWhileKnownDown();
    const session = this.driver.session({
      database: this.conn.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      const result = await session.run(cypher, params, this.txConfig(opts));
      this.observer?.({ operation: opts.operation, mode: 'WRITE' });
      return result;
    } catch (err) {
      throw mapNeo4jError(err, opts);
    } finally {
      await session.close();
    }
  }

  /**
   * Readiness check: a query through a read transaction, answered within
   * `deadlineMs`. Connectivity alone says ready while a restarting database
   * still refuses queries.
   */
  async ping(deadlineMs = 2_000): Promise<void> {
    await this.read(
      'RETURN 1 AS ok',
      {},
      { operation: 'readyz', timeoutMs: deadlineMs, deadlineMs },
    );
  }

  async close(): Promise<void> {
    await this.lazy.isolated?.close();
    await this.driver.close();
  }

  /**
   * While `reason` names one (the embedded Neo4j's JVM has died and is being
   * restarted), every call fails at once with DATABASE_UNAVAILABLE instead
   * of trying to connect and retrying for the driver's retry window: the
   * process that owns the JVM knows it is gone the moment it exits.
   */
  failFastWhile(reason: () => string | undefined): void {
    this.lazy.knownDown = reason;
  }

  /**
   * The database has just gone away (the embedded JVM exited): transactions
   * waiting on it end now with DATABASE_UNAVAILABLE and `reason`, rather
   * than after the driver's retries (about a second against a refused port).
   */
  wentDown(reason: string): void {
    for (const watcher of [...this.lazy.downWatchers]) watcher(reason);
  }

  private refuseWhileKnownDown(): void {
    const down = this.lazy.knownDown?.();
    if (down === undefined) return;
    throw new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      `The graph database is not available: ${down}`,
      { details: { retryable: true } },
    );
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    opts: CallOptions,
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    this.refuseWhileKnownDown();
    const session = this.driver.session({
      database: this.conn.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const observer = this.observer;
    // A transaction handle that counts statements, so tests and the API can
    // report database round trips per request.
    const counted: (tx: ManagedTransaction) => Promise<T> = observer
      ? (tx) =>
          work({
            run: (...args: Parameters<ManagedTransaction['run']>) => {
              observer({ operation: opts.operation, mode });
              return tx.run(...args);
            },
          } as unknown as ManagedTransaction)
      : work;
    const deadlineMs =
      opts.deadlineMs ?? (opts.timeoutMs ?? this.conn.txTimeoutMs) + CLIENT_GRACE_MS;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    let unwatch: (() => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
      // The database is known to have gone away (its JVM exited): no need
      // to wait for the driver's retries to give up.
      const wentDown = (reason: string) => {
        timedOut = true;
        reject(
          new AppError(
            ErrorCode.DATABASE_UNAVAILABLE,
            `The graph database is not available: ${reason}`,
            { details: { retryable: true } },
          ),
        );
      };
      this.lazy.downWatchers.add(wentDown);
      unwatch = () => this.lazy.downWatchers.delete(wentDown);
      timer = setTimeout(() => {
        timedOut = true;
        reject(
          new AppError(
            ErrorCode.DATABASE_UNAVAILABLE,
            `The graph database did not answer within ${Math.round(deadlineMs / 1000)} s`,
            { details: { deadlineMs } },
          ),
        );
      }, deadlineMs);
    });
    try {
      const work =
        mode === 'READ'
          ? session.executeRead(counted, this.txConfig(opts))
          : session.executeWrite(counted, this.txConfig(opts));
      // Settled later by the driver once the database answers (or the connection dies).
      work.catch(() => undefined);
      return await Promise.race([work, deadline]);
    } catch (err) {
      throw mapNeo4jError(err, opts);
    } finally {
      clearTimeout(timer);
      unwatch?.();
      // A session waiting on a silent database would block here too: close it in the background.
      if (timedOut) void session.close().catch(() => undefined);
      else await session.close();
    }
  }

  private txConfig(opts: CallOptions) {
    return {
      timeout: opts.timeoutMs ?? this.conn.txTimeoutMs,
      metadata: { app: 'car-graph', operation: opts.operation },
    };
  }
}

/**
 * JavaScript numbers reach Cypher as floats, which LIMIT, SKIP and list
 * slices refuse; whole numbers among the top-level parameters are sent as
 * Cypher integers instead.
 */
export function integerParams(params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === 'number' && Number.isSafeInteger(v) ? neo4j.int(v) : v;
  return out;
}

function createDriver(conn: Neo4jConnection, logger: Logger): Driver {
  // A database that is down makes the driver warn on every connection
  // attempt: the same warning (numbers such as ports and ids aside) is
  // logged once a minute with a count.
  const repeats = new RepeatLimitedLog(logger);
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    maxConnectionPoolSize: conn.poolSize,
    connectionTimeout: conn.connectTimeoutMs,
    connectionAcquisitionTimeout: conn.connectTimeoutMs,
    // The driver retries retryable failures (including an unreachable server)
    // for this long; the default 30 s would hold a GraphQL request far past a
    // user's patience while the database is down.
    maxTransactionRetryTime: conn.maxRetryMs,
    disableLosslessIntegers: true,
    userAgent: 'car-graph/0.1',
    logging: {
      level: 'warn',
      logger: (level, message) =>
        repeats[level === 'error' ? 'error' : 'warn'](
          `${level} ${message.replace(/\d+/g, '#').slice(0, 300)}`,
          { neo4j: message },
          'neo4j driver',
        ),
    },
  });
}
