import { Neo4jError, isRetryableError } from 'neo4j-driver';
import { AppError, ErrorCode } from '../errors';

/**
 * Maps a driver or server error to the project's catalog.
 *
 * `userStatement` is true when the Cypher text came from a user (analyst
 * queries): then syntax and type errors are the user's BAD_INPUT. For our own
 * statements the same errors are bugs and stay INTERNAL (masked).
 */
export function mapNeo4jError(err: unknown, opts: { userStatement?: boolean } = {}): AppError {
  if (err instanceof AppError) return err;
  if (!(err instanceof Neo4jError)) {
    if (err instanceof Error && /acquisition timed out/i.test(err.message))
      return new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'The graph database is busy; try again', {
        cause: err,
      });
    return new AppError(ErrorCode.INTERNAL, 'Unexpected database error', { cause: err });
  }
  const code = err.code ?? '';
  const cause = { cause: err };

  // Wrong credentials or database name: retrying cannot help (and repeated
  // logins get rate-limited), so the bootstrap ends with this message and
  // /readyz and GraphQL errors name the cause instead of "not available".
  if (
    code.startsWith('Neo.ClientError.Security.Unauthorized') ||
    code.startsWith('Neo.ClientError.Security.AuthenticationRateLimit')
  ) {
    const rateLimited = code.includes('AuthenticationRateLimit');
    return new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      rateLimited
        ? 'Credentials rejected too often: the graph database refuses logins for a while; check NEO4J_USER and NEO4J_PASSWORD'
        : 'Credentials rejected by the graph database: check NEO4J_USER and NEO4J_PASSWORD',
      { ...cause, details: { retryable: false } },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The graph database has no database of that name: check NEO4J_DATABASE',
      { ...cause, details: { retryable: false } },
    );
  }
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
    code === 'Neo.ClientError.Cluster.NotALeader'
  ) {
    return new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The graph database is not available',
      cause,
    );
  }
  // Stopped by an administrator (TERMINATE TRANSACTION) or by the server
  // shutting down: nothing the caller asked was wrong, and a retry may pass.
  if (
    code === 'Neo.TransientError.Transaction.Terminated' ||
    code === 'Neo.ClientError.Transaction.Terminated' ||
    code === 'Neo.TransientError.Transaction.LockClientStopped'
  ) {
    return new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The database stopped the query before it finished; try again',
      cause,
    );
  }
  // The pool had no free connection in time: the database is busy or slow to answer.
  if (/acquisition timed out/i.test(err.message)) {
    return new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The graph database is busy; try again',
      cause,
    );
  }
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    code === 'Neo.TransientError.Transaction.LockAcquisitionTimeout' ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new AppError(
      ErrorCode.TIMEOUT,
      'The database query took too long and was stopped',
      cause,
    );
  }
  if (
    code.includes('MemoryPoolOutOfMemoryError') ||
    code === 'Neo.ClientError.Transaction.TransactionTerminated'
  ) {
    return new AppError(
      ErrorCode.TOO_COMPLEX,
      'The query needed more memory or time than allowed and was stopped',
      cause,
    );
  }
  if (code === 'Neo.ClientError.Statement.ExternalResourceFailed') {
    // A fixed message: the server's own would reveal which hosts and files exist.
    return new AppError(ErrorCode.FORBIDDEN, 'Loading external resources is not allowed', cause);
  }
  // A write in a read transaction is the user's doing only in user Cypher;
  // in ours it is a bug (INTERNAL, below).
  if (
    (code === 'Neo.ClientError.Statement.AccessMode' ||
      code.startsWith('Neo.ClientError.Security.Forbidden')) &&
    opts.userStatement
  ) {
    return new AppError(
      ErrorCode.FORBIDDEN,
      'This operation may only read; it tried to write',
      cause,
    );
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new AppError(ErrorCode.CONFLICT, 'The change conflicts with existing data', cause);
  }
  if (
    code.startsWith('Neo.ClientError.Statement.') ||
    code.startsWith('Neo.ClientError.Procedure.')
  ) {
    if (opts.userStatement) {
      return new AppError(
        ErrorCode.BAD_INPUT,
        `The query was rejected: ${firstLine(err.message)}`,
        cause,
      );
    }
    return new AppError(ErrorCode.INTERNAL, 'A database statement failed', cause);
  }
  if (isRetryableError(err)) {
    return new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The graph database is busy; try again',
      cause,
    );
  }
  return new AppError(ErrorCode.INTERNAL, 'Unexpected database error', cause);
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
