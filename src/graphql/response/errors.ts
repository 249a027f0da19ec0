import { randomUUID } from 'node:crypto';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../../errors';
import type { Logger } from '../../logger';
import { RepeatLimitedLog } from '../../log-repeats';

/** Apollo's own request errors, mapped onto the public catalog. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  [ApolloServerErrorCode.GRAPHQL_PARSE_FAILED]: ErrorCode.BAD_INPUT,
  [ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED]: ErrorCode.BAD_INPUT,
  [ApolloServerErrorCode.BAD_USER_INPUT]: ErrorCode.BAD_INPUT,
  [ApolloServerErrorCode.BAD_REQUEST]: ErrorCode.BAD_INPUT,
  [ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE]: ErrorCode.BAD_INPUT,
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND]: ErrorCode.BAD_INPUT,
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED]: ErrorCode.BAD_INPUT,
};

/**
 * Every error leaves with a code from the catalog. Our AppErrors keep their
 * message; unexpected errors are masked: the client sees a generic message
 * and an error id, and the full error is logged under the same id, so a
 * report from a user can be matched to the log without leaking internals.
 * An INTERNAL AppError (e.g. a failed statement) is masked the same way.
 */
export function createErrorFormatter(
  logger: Logger,
  // The same failure in many requests is logged once per interval, with a count.
  repeats: RepeatLimitedLog = new RepeatLimitedLog(logger),
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    if (original instanceof AppError && original.code !== ErrorCode.INTERNAL) {
      if (original.code === ErrorCode.DATABASE_UNAVAILABLE || original.code === ErrorCode.TIMEOUT) {
        repeats.warn(
          `${original.code} ${original.message}`,
          { err: original.cause ?? original, code: original.code, path: formatted.path },
          original.message,
        );
      }
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(original.details ? { details: original.details } : {}),
        },
      };
    }
    // Our own request errors (query limits) carry a catalog code already.
    const ownCode = original instanceof GraphQLError ? original.extensions?.code : undefined;
    if (typeof ownCode === 'string' && ownCode in ErrorCode && ownCode !== ErrorCode.INTERNAL) {
      const { http: _http, ...extensions } =
        original instanceof GraphQLError ? original.extensions : {};
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions,
      };
    }
    // graphql-js's own token limit (parseOptions.maxTokens).
    if (/Document contains more th(?:an|at) \d+ tokens/.test(formatted.message)) {
      return {
        message: formatted.message.replace(/^Syntax Error: /, ''),
        extensions: { code: ErrorCode.TOO_COMPLEX },
      };
    }
    const apolloCode = formatted.extensions?.code;
    if (
      !(original instanceof AppError) &&
      typeof apolloCode === 'string' &&
      APOLLO_CODES[apolloCode]
    ) {
      return { ...formatted, extensions: { code: APOLLO_CODES[apolloCode], reason: apolloCode } };
    }
    // A request error of graphql-js itself (no resolver threw it, it stands
    // at no field), e.g. an operation type the schema does not have: the
    // request was wrong, not our code.
    if (
      error instanceof GraphQLError &&
      !error.originalError &&
      !error.path &&
      error.extensions?.code === undefined
    ) {
      return { ...formatted, extensions: { code: ErrorCode.BAD_INPUT } };
    }
    const errorId = randomUUID();
    repeats.error(
      `INTERNAL ${original instanceof Error ? `${original.name}: ${original.message}` : String(original)}`,
      { err: original, errorId, path: formatted.path },
      'unexpected error (masked)',
    );
    return {
      message: `Internal server error (error id ${errorId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL, errorId },
    };
  };
}

/** The error a resolver threw, under GraphQL's wrapping. */
function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}
