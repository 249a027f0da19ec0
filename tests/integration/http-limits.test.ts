import net from 'node:net';
import { ErrorCode } from '../../src/errors';
import { testDatabase } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/http';

const TOKEN = 'analyst-test-token-0123456789';

/**
 * A client that sends a request's headers announcing a body it does not
 * send (yet): the request holds its place on the server until `finish` or
 * the server's request timeout. `ended` resolves with what the server
 * answered when it closed the connection.
 */
function slowBody(base: string, path: string) {
  const { port } = new URL(base);
  const socket = net.connect(Number(port), '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => undefined);
  const body = JSON.stringify({ query: '{ __typename }' });
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const started = connected.then(() => {
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
  });
  const ended = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  return {
    started,
    ended,
    finish: () => socket.write(body.slice(5)),
    destroy: () => socket.destroy(),
  };
}

const post = (t: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Resolves once the server has the request's headers (it then holds a slot or a queue place). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

describe('admission control', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it('serves a bounded number at once, queues a few, and refuses the rest at once with 503 TOO_BUSY', async () => {
    const t = await startTestApp(db, {
      http: { maxInFlight: 1, maxQueued: 1, queueTimeoutMs: 60_000 },
    });
    const holder = slowBody(t.base, '/graphql');
    try {
      await holder.started;
      const stats = () => t.app.admission.stats();
      await until(() => stats().inFlight === 1);

      // The queue has room for one: this request waits for the slot.
      const queued = post(t, '/graphql', { query: '{ __typename }' });
      await until(() => stats().queued === 1);

      // Slot and queue are full: refused at once, in each route's error shape.
      const refused = await post(t, '/graphql', { query: '{ __typename }' });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: ErrorCode.TOO_BUSY } }],
      });
      const plain = await fetch(`${t.base}/export/context.jsonld`);
      expect(plain.status).toBe(503);
      expect(await plain.json()).toEqual({
        error: { code: ErrorCode.TOO_BUSY, message: expect.any(String) },
      });

      // The probes are never refused.
      expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${t.base}/readyz`);
      expect(await ready.json()).toMatchObject({ checks: { database: 'up' } });

      // The held request ends; the queued one gets the slot and is answered.
      holder.finish();
      expect((await queued).status).toBe(200);
      await until(() => stats().inFlight === 0);
      expect(stats()).toEqual({ inFlight: 0, queued: 0, refused: 2 });
    } finally {
      holder.destroy();
      await t.app.stop();
    }
  });

  it('answers 300 requests at once with 200s and fast 503s while /healthz keeps answering', async () => {
    const t = await startTestApp(db, {
      http: { maxInFlight: 8, maxQueued: 8, queueTimeoutMs: 2_000 },
    });
    try {
      const query =
        '{ states(first: 20) { edges { node { name pursues(first: 5) { totalCount } } } } }';
      const timed = async () => {
        const started = Date.now();
        const res = await post(t, '/graphql', { query });
        const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
        return {
          status: res.status,
          code: body.errors?.[0]?.extensions?.code,
          ms: Date.now() - started,
        };
      };
      const burst = Promise.all(Array.from({ length: 300 }, timed));
      const health = await fetch(`${t.base}/healthz`);
      expect(health.status).toBe(200);
      const results = await burst;
      const outcomes = new Set(results.map((r) => `${r.status} ${r.code ?? ''}`.trim()));
      expect([...outcomes].sort()).toEqual(['200', '503 TOO_BUSY']);
      const refused = results.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(t.app.admission.stats()).toMatchObject({ inFlight: 0, queued: 0 });
    } finally {
      await t.app.stop();
    }
  });

  it('refuses a queued request whose wait exceeds the queue timeout, and frees the place of a client that gave up', async () => {
    const t = await startTestApp(db, {
      http: { maxInFlight: 1, maxQueued: 2, queueTimeoutMs: 200 },
    });
    const holder = slowBody(t.base, '/graphql');
    const quitter = slowBody(t.base, '/graphql');
    try {
      await holder.started;
      const stats = () => t.app.admission.stats();
      await until(() => stats().inFlight === 1);
      await quitter.started;
      await until(() => stats().queued === 1);
      quitter.destroy();
      await until(() => stats().queued === 0);

      const waited = await post(t, '/graphql', { query: '{ __typename }' });
      expect(waited.status).toBe(503);
      expect(
        ((await waited.json()) as { errors: { extensions: { code: string } }[] }).errors[0]
          ?.extensions.code,
      ).toBe(ErrorCode.TOO_BUSY);
      expect(stats().queued).toBe(0);
    } finally {
      holder.destroy();
      quitter.destroy();
      await t.app.stop();
    }
  });
});

describe('per-client rate limits', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it('answers /graphql beyond the budget with 429 RATE_LIMITED and Retry-After, persisted queries included', async () => {
    const t = await startTestApp(db, { rateLimits: { graphql: 3, windowMs: 60_000 } });
    try {
      expect((await post(t, '/graphql', { query: '{ __typename }' })).status).toBe(200);
      expect((await post(t, '/graphql', { query: '{ __typename }' })).status).toBe(200);
      // GraphiQL's assets do not count.
      expect((await fetch(`${t.base}/graphql/ide/graphiql.css`)).status).toBe(200);
      const persisted = await fetch(`${t.base}/graphql/persisted/no-such-query`);
      expect(persisted.status).toBe(404);

      for (const res of [
        await post(t, '/graphql', { query: '{ __typename }' }),
        await fetch(`${t.base}/graphql/persisted/no-such-query`),
      ]) {
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
        expect(await res.json()).toEqual({
          errors: [{ message: expect.any(String), extensions: { code: ErrorCode.RATE_LIMITED } }],
        });
      }
      // Other routes and the probes have no such budget.
      expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
      expect((await fetch(`${t.base}/export/context.jsonld`)).status).toBe(200);
    } finally {
      await t.app.stop();
    }
  });

  it('answers /cypher beyond the budget with 429 RATE_LIMITED', async () => {
    const t = await startTestApp(db, { analystToken: TOKEN, rateLimits: { cypher: 2 } });
    const auth = { authorization: `Bearer ${TOKEN}` };
    try {
      expect((await post(t, '/cypher', { query: 'RETURN 1 AS one' }, auth)).status).toBe(200);
      expect((await post(t, '/cypher', { query: 'RETURN 1 AS one' }, auth)).status).toBe(200);
      const limited = await post(t, '/cypher', { query: 'RETURN 1 AS one' }, auth);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await limited.json()).toEqual({
        error: { code: ErrorCode.RATE_LIMITED, message: expect.any(String) },
      });
    } finally {
      await t.app.stop();
    }
  });

  it('stops token guessing on /cypher: after the allowed failures even the right token is 429', async () => {
    const t = await startTestApp(db, { analystToken: TOKEN });
    try {
      // Answered and refused queries with the right token use none of the failure budget.
      const auth = { authorization: `Bearer ${TOKEN}` };
      for (let i = 0; i < 12; i += 1) {
        expect((await post(t, '/cypher', { query: 'RETURN 1 AS one' }, auth)).status).toBe(200);
        expect((await post(t, '/cypher', { query: 'CREATE (n:Nope)' }, auth)).status).toBe(403);
      }
      const statuses: number[] = [];
      for (let guess = 0; guess < 20; guess += 1) {
        const res = await post(
          t,
          '/cypher',
          { query: 'RETURN 1' },
          { authorization: `Bearer wrong-guess-${guess}-0123456789` },
        );
        statuses.push(res.status);
      }
      // The default budget: 10 refused tokens per 15 minutes, then 429.
      expect(statuses).toEqual([...Array<number>(10).fill(403), ...Array<number>(10).fill(429)]);
      const right = await post(
        t,
        '/cypher',
        { query: 'RETURN 1' },
        { authorization: `Bearer ${TOKEN}` },
      );
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(((await right.json()) as { error: { code: string } }).error.code).toBe(
        ErrorCode.RATE_LIMITED,
      );
    } finally {
      await t.app.stop();
    }
  });

  it('tells clients apart by the socket address, or by X-Forwarded-For only from a trusted proxy', async () => {
    const untrusted = await startTestApp(db, { rateLimits: { graphql: 1 } });
    const trusted = await startTestApp(db, {
      rateLimits: { graphql: 1 },
      http: { trustProxy: ['loopback'] },
    });
    const from = (t: TestApp, address: string) =>
      post(t, '/graphql', { query: '{ __typename }' }, { 'x-forwarded-for': address });
    try {
      // Without a trusted proxy the header is ignored: one client, one budget.
      expect((await from(untrusted, '203.0.113.1')).status).toBe(200);
      expect((await from(untrusted, '203.0.113.2')).status).toBe(429);
      // Behind a trusted proxy (here: loopback) each forwarded address has its own.
      expect((await from(trusted, '203.0.113.1')).status).toBe(200);
      expect((await from(trusted, '203.0.113.2')).status).toBe(200);
      expect((await from(trusted, '203.0.113.1')).status).toBe(429);
    } finally {
      await untrusted.app.stop();
      await trusted.app.stop();
    }
  });
});

describe('slow request bodies', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it('cuts a body that never arrives at the request timeout with 408', async () => {
    const requestTimeoutMs = 1_000;
    const t = await startTestApp(db, { http: { requestTimeoutMs } });
    const client = slowBody(t.base, '/graphql');
    try {
      await client.started;
      const started = Date.now();
      const answer = await client.ended;
      const elapsed = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(elapsed).toBeGreaterThanOrEqual(requestTimeoutMs - 50);
      // Node's default check interval (30 s) would let it run for up to 30 s more.
      expect(elapsed).toBeLessThan(requestTimeoutMs + 10_000);
    } finally {
      client.destroy();
      await t.app.stop();
    }
  });
});
