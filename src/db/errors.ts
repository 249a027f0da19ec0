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
    return new AppError(ErrorCode.INTERNAL, 'Unexpected database error', { cause: err });
  }
  const code = err.code ?? '';
  const cause = { cause: err };

  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
    code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    code.startsWith('Neo.ClientError.Security.Unauthorized') ||
    code.startsWith('Neo.ClientError.Security.AuthenticationRateLimit') ||
    code === 'Neo.ClientError.Cluster.NotALeader'
  ) {
    return new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The graph database is not available',
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
    code === 'Neo.ClientError.Statement.AccessMode' ||
    code.startsWith('Neo.ClientError.Security.Forbidden')
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
