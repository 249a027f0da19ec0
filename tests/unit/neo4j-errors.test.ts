import { Neo4jError } from 'neo4j-driver';
import { mapNeo4jError } from '../../src/db/errors';
import { AppError, ErrorCode } from '../../src/errors';

const neoError = (code: string) => new Neo4jError(`server said ${code}`, code, 'N/A', 'error');

describe('mapNeo4jError', () => {
  it.each([
    ['ServiceUnavailable', ErrorCode.DATABASE_UNAVAILABLE],
    ['SessionExpired', ErrorCode.DATABASE_UNAVAILABLE],
    ['Neo.TransientError.General.DatabaseUnavailable', ErrorCode.DATABASE_UNAVAILABLE],
    ['Neo.ClientError.Security.Unauthorized', ErrorCode.DATABASE_UNAVAILABLE],
    ['Neo.ClientError.Database.DatabaseNotFound', ErrorCode.DATABASE_UNAVAILABLE],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', ErrorCode.TIMEOUT],
    ['Neo.ClientError.Transaction.TransactionTimedOut', ErrorCode.TIMEOUT],
    ['Neo.TransientError.Transaction.LockAcquisitionTimeout', ErrorCode.TIMEOUT],
    ['Neo.ClientError.Statement.AccessMode', ErrorCode.INTERNAL],
    ['Neo.ClientError.Statement.ExternalResourceFailed', ErrorCode.FORBIDDEN],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', ErrorCode.TOO_COMPLEX],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', ErrorCode.CONFLICT],
    ['Neo.ClientError.Statement.SyntaxError', ErrorCode.INTERNAL],
    ['Neo.DatabaseError.General.UnknownError', ErrorCode.INTERNAL],
    // Stopped by an administrator or a shutting-down server: not the caller's doing, nor a bug.
    ['Neo.TransientError.Transaction.Terminated', ErrorCode.DATABASE_UNAVAILABLE],
    ['Neo.ClientError.Transaction.Terminated', ErrorCode.DATABASE_UNAVAILABLE],
    ['Neo.TransientError.Transaction.LockClientStopped', ErrorCode.DATABASE_UNAVAILABLE],
  ])('maps %s to %s', (code, expected) => {
    const mapped = mapNeo4jError(neoError(code));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(expected);
    expect(mapped.cause).toBeInstanceOf(Neo4jError);
  });

  it('turns statement errors in user-written Cypher into BAD_INPUT with the first line of the reason', () => {
    const err = new Neo4jError(
      'Invalid input "RETRN"\nmore detail',
      'Neo.ClientError.Statement.SyntaxError',
      'N/A',
      'x',
    );
    const mapped = mapNeo4jError(err, { userStatement: true });
    expect(mapped.code).toBe(ErrorCode.BAD_INPUT);
    expect(mapped.message).toBe('The query was rejected: Invalid input "RETRN"');
  });

  it('calls a write in a read transaction FORBIDDEN only when the Cypher came from a user', () => {
    const err = neoError('Neo.ClientError.Statement.AccessMode');
    expect(mapNeo4jError(err, { userStatement: true }).code).toBe(ErrorCode.FORBIDDEN);
  });

  it('marks wrong credentials and unknown databases as not worth retrying', () => {
    for (const code of [
      'Neo.ClientError.Security.Unauthorized',
      'Neo.ClientError.Database.DatabaseNotFound',
    ]) {
      expect(mapNeo4jError(neoError(code)).details).toEqual({ retryable: false });
    }
    expect(mapNeo4jError(neoError('ServiceUnavailable')).details).toBeUndefined();
  });

  it('masks errors that are not from Neo4j as INTERNAL and keeps the cause', () => {
    const cause = new TypeError('boom');
    const mapped = mapNeo4jError(cause);
    expect(mapped.code).toBe(ErrorCode.INTERNAL);
    expect(mapped.cause).toBe(cause);
  });

  it('passes AppErrors through unchanged', () => {
    const original = new AppError(ErrorCode.NOT_FOUND, 'x');
    expect(mapNeo4jError(original)).toBe(original);
  });

  it('maps a pool that had no connection in time to DATABASE_UNAVAILABLE, not INTERNAL', () => {
    const driverError = new Neo4jError(
      'Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 50',
      'N/A',
      'N/A',
      'error',
    );
    expect(mapNeo4jError(driverError).code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    expect(mapNeo4jError(new Error('Connection acquisition timed out in 10 ms.')).code).toBe(
      ErrorCode.DATABASE_UNAVAILABLE,
    );
  });
});
