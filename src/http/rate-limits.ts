import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import type { Config } from '../config';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { bearsToken } from './analyst-token';
import { sendError } from './error-response';

/**
 * Per-client rate limits (express-rate-limit, one in-memory fixed window per
 * client and limit). The client is `req.ip`: the socket address, or with
 * TRUST_PROXY set the address the trusted proxies report (express's `trust
 * proxy`); IPv6 clients are grouped by /56 as the library does by default,
 * since one host usually has a whole prefix. Every refusal is 429
 * RATE_LIMITED with Retry-After (seconds until the client's window ends) and
 * the IETF draft-7 RateLimit headers.
 */
export interface RateLimiters {
  /** POST and GET /graphql, the persisted queries included. */
  graphql: RequestHandler;
  /** POST /cypher, every request. */
  cypher: RequestHandler;
  /**
   * POST /cypher, counting only requests without the analyst token: once a
   * client has used up its failures, every /cypher request from it is 429
   * until its window ends, the right token included, so guessing cannot go
   * on. (A refused query with the right token is 403 too; it does not count.)
   */
  cypherAuth: RequestHandler;
}

const pass: RequestHandler = (_req, _res, next) => next();

export function rateLimiters(
  { rateLimits, analyst }: Pick<Config, 'rateLimits' | 'analyst'>,
  logger: Logger,
): RateLimiters {
  const common = (message: string): Partial<Options> => ({
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req: Request, res: Response) => sendError(req, res, ErrorCode.RATE_LIMITED, message),
    // The library's configuration checks (e.g. an X-Forwarded-For header
    // while no proxy is trusted) go to the process log, not the console.
    logger: {
      warn: (err, msg) => logger.warn({ err }, msg ?? 'rate limiter warning'),
      error: (err, msg) => logger.error({ err }, msg ?? 'rate limiter error'),
    },
  });
  const perWindow = (
    limit: number,
    message: string,
    skip: (req: Request) => boolean = () => false,
  ): RequestHandler =>
    limit === 0
      ? pass
      : rateLimit({ ...common(message), windowMs: rateLimits.windowMs, limit, skip });
  const token = analyst.token;
  return {
    graphql: perWindow(
      rateLimits.graphql,
      'Too many GraphQL requests from this client: retry after the time in Retry-After',
      // GraphiQL's scripts and styles are files, not requests to the API.
      (req) => (req.baseUrl + req.path).startsWith('/graphql/ide/'),
    ),
    cypher: perWindow(
      rateLimits.cypher,
      'Too many /cypher requests from this client: retry after the time in Retry-After',
    ),
    // Without a token /cypher is off (404): there is nothing to guess.
    cypherAuth:
      token === undefined
        ? pass
        : rateLimit({
            ...common(
              'Too many refused analyst tokens from this client: retry after the time in Retry-After',
            ),
            windowMs: rateLimits.cypherAuthWindowMs,
            limit: rateLimits.cypherAuthFailures,
            // Every request is counted when it arrives and taken back when it
            // ends unless it lacked the token, so only failures use the budget.
            skipSuccessfulRequests: true,
            requestWasSuccessful: (req) => bearsToken(req, token),
          }),
  };
}
