import type http from 'node:http';
import type net from 'node:net';
import { sleep } from '../util/sleep';

/**
 * How long a stop keeps accepting connections: those the kernel completed
 * before the signal (a client sent its request, the busy server had not
 * accepted it yet) would be reset when the listening socket closes. Load
 * balancers likewise keep sending for a moment after a stop begins.
 */
const KEEP_ACCEPTING_MS = 1_000;

/**
 * How long a stop waits for connections that were opened but have not sent a
 * complete request head yet: long enough for a request already on its way
 * when the signal came (a loaded machine parses it a little later), short
 * enough that an idle preconnect (browsers open them) does not hold a stop.
 */
const FRESH_CONNECTION_GRACE_MS = 2_000;

/**
 * Tracks what a server is answering, so a stop can wait for every request by
 * its own budget (the request timeout) rather than by Apollo's fixed drain
 * grace (10 s), and so requests that reached the server just before the
 * signal are answered rather than reset as "idle" connections.
 */
export function trackInFlight(server: http.Server) {
  let requests = 0;
  /** Connections that have not carried a request yet. */
  const fresh = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    fresh.add(socket);
    socket.once('close', () => fresh.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    fresh.delete(req.socket);
    requests++;
    // 'close' fires once whether the response finished or the client left.
    res.once('close', () => requests--);
  });
  return {
    get count() {
      return requests;
    },
    /**
     * Stops accepting connections, then resolves true once every request is
     * answered (and fresh connections have sent theirs or had their grace),
     * false if `timeoutMs` passes first.
     */
    async drain(timeoutMs: number): Promise<boolean> {
      const started = Date.now();
      await sleep(KEEP_ACCEPTING_MS);
      if (server.listening) server.close();
      const closed = Date.now();
      const busy = () =>
        requests > 0 || (fresh.size > 0 && Date.now() - closed < FRESH_CONNECTION_GRACE_MS);
      while (busy() && Date.now() - started < timeoutMs) await sleep(25);
      return requests === 0;
    },
  };
}
