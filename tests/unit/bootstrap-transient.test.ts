import { isTransient } from '../../src/bootstrap';
import { AppError, ErrorCode } from '../../src/errors';

describe('which bootstrap failures are retried', () => {
  it.each([
    ['the database unreachable', new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'down'), true],
    ['a timeout on a busy machine (or a lock held)', new AppError(ErrorCode.TIMEOUT, 'slow'), true],
    [
      'bad credentials',
      new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'no', { details: { retryable: false } }),
      false,
    ],
    ['a failing statement (a bug)', new AppError(ErrorCode.INTERNAL, 'bug'), false],
    ['an edited migration', new Error('migration 001 was changed after it was applied'), false],
  ])('%s: retried %s', (_what, err, expected) => {
    expect(isTransient(err)).toBe(expected);
  });
});
