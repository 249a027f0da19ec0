import type { ServerOptions } from 'node:http';

/**
 * Timeouts of the HTTP server. Node enforces `requestTimeout` and
 * `headersTimeout` only when it checks its connections, every
 * `connectionsCheckingInterval` (30 s by default): a client announcing a
 * larger Content-Length than it sends was cut after 53-84 s against a 30 s
 * timeout. Checking every twentieth of the timeout (50 ms to 1 s) cuts it
 * within 5% of HTTP_REQUEST_TIMEOUT_MS for the price of a walk over the open
 * connections. Headers get at most 10 s (fewer when the request timeout is
 * shorter): a client that cannot send its headers in that time is not a
 * client this API serves.
 */
export function serverTimeouts(
  requestTimeoutMs: number,
): Required<
  Pick<ServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'>
> {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(requestTimeoutMs, 10_000),
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeoutMs / 20))),
  };
}
