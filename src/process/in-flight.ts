import type http from 'node:http';
import { sleep } from '../util/sleep';

/**
 * Counts the HTTP requests a server is answering, so a stop can wait for
 * every one of them by its own budget (the request timeout) rather than by
 * Apollo's fixed drain grace (10 s), which cut requests that a loaded
 * machine was still answering well within their deadline.
 */
export function trackInFlight(server: http.Server) {
  let count = 0;
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    count++;
    // 'close' fires once whether the response finished or the client left.
    res.once('close', () => count--);
  });
  return {
    get count() {
      return count;
    },
    /** Resolves true once nothing is in flight, false if `timeoutMs` passes first. */
    async idle(timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (count > 0 && Date.now() < deadline) await sleep(50);
      return count === 0;
    },
  };
}
