/**
 * The public error catalog. Every error a client can see carries one of these
 * codes in `extensions.code`; anything else is masked as INTERNAL.
 */
export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_INPUT: 'BAD_INPUT',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  TOO_COMPLEX: 'TOO_COMPLEX',
  /** The server has as many requests in flight (and queued) as it takes; retry shortly. */
  TOO_BUSY: 'TOO_BUSY',
  /** This client sent more requests (or failed sign-ins) than its budget allows. */
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status that fits each code when an error ends a whole request. */
export const httpStatusOf: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  BAD_INPUT: 400,
  FORBIDDEN: 403,
  CONFLICT: 409,
  DATABASE_UNAVAILABLE: 503,
  TIMEOUT: 504,
  TOO_COMPLEX: 400,
  TOO_BUSY: 503,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.details = options?.details;
  }
  readonly details: Record<string, unknown> | undefined;
}

export const notFound = (what: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} was not found`, { details });
export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.BAD_INPUT, message, { details });

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
