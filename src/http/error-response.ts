import type { Request, Response } from 'express';
import { httpStatusOf, type ErrorCode } from '../errors';

/**
 * Whether a request is addressed to the GraphQL endpoint (POST or GET
 * /graphql, the persisted queries under it), whose clients read GraphQL's
 * `errors` array rather than the plain-HTTP error object.
 */
export function isGraphQLRequest(req: Request): boolean {
  // baseUrl + path: the full path also inside a router mounted under a prefix.
  const path = req.baseUrl + req.path;
  return path === '/graphql' || path === '/graphql/' || path.startsWith('/graphql/persisted/');
}

/**
 * An error that ends a request before it reaches its route (admission
 * control, rate limits), in the shape the route's clients read: a GraphQL
 * response (`{"errors":[{"message","extensions":{"code"}}]}`) for /graphql,
 * the API's plain error object (`{"error":{"code","message"}}`) elsewhere.
 * The status is the code's (httpStatusOf).
 */
export function sendError(req: Request, res: Response, code: ErrorCode, message: string): void {
  // Named on the request's log line (access-log.ts).
  (res.locals as { errors?: string[] }).errors = [code];
  res.setHeader('cache-control', 'no-store');
  res
    .status(httpStatusOf[code])
    .json(
      isGraphQLRequest(req)
        ? { errors: [{ message, extensions: { code } }] }
        : { error: { code, message } },
    );
}
