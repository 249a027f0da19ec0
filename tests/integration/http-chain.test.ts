import net from 'node:net';
import pino from 'pino';
import { bootstrap } from '../../src/bootstrap';
import { ErrorCode } from '../../src/errors';
import { Readiness } from '../../src/readiness';
import { silentLogger, testDatabase } from '../helpers/db';
import { schemaWithBrokenField, startTestApp, type TestApp } from '../helpers/http';
import { testConnection } from '../setup/test-neo4j';

describe('HTTP and GraphQL chain on the real Neo4j', () => {
  const db = testDatabase();
  const logLines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => logLines.push(JSON.parse(s)) });
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(db, { schema: schemaWithBrokenField(), logger });
    t.readiness.migrated = true;
    t.readiness.seedChecked = true;
  });
  afterAll(async () => {
    await t.app.stop();
    await db.close();
  });

  it('GET /healthz answers 200 while the process is up', async () => {
    const res = await fetch(`${t.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when Neo4j is reachable and migrations are applied', async () => {
    const res = await fetch(`${t.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { database: 'up', migrations: 'applied', seed: 'done' },
    });
  });

  it('answers a GraphQL query that reads from Neo4j, reporting its round trips', async () => {
    const { status, body } = await t.graphql(
      '{ __typename health { status database neo4jVersion edition migrations } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({
      __typename: 'Query',
      health: { status: 'OK', database: 'neo4j', neo4jVersion: expect.stringMatching(/^5\.26\./) },
    });
    expect((body.data?.health as { migrations: string[] }).migrations).toContain(
      '001_migrations_and_entities',
    );
    expect(body.extensions?.roundTrips).toBe(1);
  });

  it('masks an unexpected error: generic message and an error id that the log also carries', async () => {
    const { body } = await t.graphql('{ broken }');
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe(ErrorCode.INTERNAL);
    expect(error?.message).not.toContain('hunter2');
    const errorId = error?.extensions?.errorId;
    expect(typeof errorId).toBe('string');
    const logged = logLines.find((l) => l.errorId === errorId);
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('gives a malformed GraphQL document the BAD_INPUT code', async () => {
    const { status, body } = await t.graphql('{ health { ');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe(ErrorCode.BAD_INPUT);
  });

  it('gives variables that do not fit their types BAD_INPUT and 400, never INTERNAL', async () => {
    for (const [query, variables] of [
      ['query($f: Int) { states(first: $f) { totalCount } }', { f: 'abc' }],
      ['query($d: Date) { timeline(from: $d) { date } }', { d: '2020-02-30' }],
      ['query($id: ID!) { node(id: $id) { id } }', {}],
    ] as const) {
      const { status, body } = await t.graphql(query, variables);
      expect([query, status, body.errors?.[0]?.extensions?.code]).toEqual([
        query,
        400,
        'BAD_INPUT',
      ]);
    }
  });

  it('gives an operation type the schema lacks BAD_INPUT and 400, never INTERNAL', async () => {
    const { status, body } = await t.graphql('mutation { x }');
    expect([status, body.errors?.[0]?.extensions?.code]).toEqual([400, ErrorCode.BAD_INPUT]);
  });

  it('keeps a client code for persisted-query requests over GET, never INTERNAL', async () => {
    const hash = 'a'.repeat(64);
    const ext = encodeURIComponent(
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    );
    for (const url of [
      `${t.base}/graphql?extensions=${ext}`,
      `${t.base}/graphql?query=${encodeURIComponent('{ counts { labels { count } } }')}&extensions=${ext}`,
    ]) {
      const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect([url, body.errors?.[0]?.extensions?.code]).toEqual([url, ErrorCode.BAD_INPUT]);
      expect(res.status).toBeLessThan(500);
    }
  });

  it('refuses a saved query parameter outside its declared range as BAD_INPUT', async () => {
    const { body } = await t.graphql(
      '{ runSavedCypher(name: "neighbourhood", params: { id: "state:LT", limit: -1 }) { rows } }',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe(ErrorCode.BAD_INPUT);
    expect(body.errors?.[0]?.message).toMatch(/limit.*from 0 to 1000/);
  });

  it('answers a shortest path from an entity to itself with no steps, not an error', async () => {
    const { body } = await t.graphql(
      '{ runSavedCypher(name: "shortest-path", params: { from: "state:LT", to: "state:LT" }) { rows } }',
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as { runSavedCypher: { rows: unknown[] } }).runSavedCypher.rows).toEqual([]);
  });

  it('reads years before 100 as written (timeline from 0001-01-01)', async () => {
    const { body } = await t.graphql(
      '{ timeline(from: "0001-01-01", to: "1999-12-31", first: 3) { date } }',
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as { timeline: unknown[] }).timeline.length).toBeGreaterThan(0);
  });

  it('answers names of an object prototype under the IDE assets with 404, not 500', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      expect([name, (await fetch(`${t.base}/graphql/ide/${name}`)).status]).toEqual([name, 404]);
  });

  it('sends GraphQL answers without an ETag hashed from the body', async () => {
    const res = await fetch(`${t.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ counts { labels { label count } } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
  });

  it('gives an unknown field the BAD_INPUT code', async () => {
    const { body } = await t.graphql('{ nope }');
    expect(body.errors?.[0]?.extensions?.code).toBe(ErrorCode.BAD_INPUT);
  });

  it('refuses a body over the configured limit with 413 and BAD_INPUT', async () => {
    const res = await fetch(`${t.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(200_000)}` }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      ErrorCode.BAD_INPUT,
    );
  });

  it('echoes a request id, keeping a well-formed one from the client', async () => {
    const res = await fetch(`${t.base}/healthz`, { headers: { 'x-request-id': 'client-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('client-abc.123');
    const other = await fetch(`${t.base}/healthz`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows only the configured CORS origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.base}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect(
      (await preflight('http://allowed.example')).headers.get('access-control-allow-origin'),
    ).toBe('http://allowed.example');
    expect(
      (await preflight('http://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('hands NODE_ENV from the config to Apollo: introspection is refused in production', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    const here = await t.graphql(introspect);
    expect(here.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const production = await startTestApp(db, { env: 'production' });
    try {
      const { body } = await production.graphql(introspect);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe(ErrorCode.BAD_INPUT);
    } finally {
      await production.app.stop();
    }
  });

  it('answers unknown paths with a typed 404', async () => {
    const res = await fetch(`${t.base}/nowhere`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      ErrorCode.NOT_FOUND,
    );
  });
});

describe('when Neo4j is unreachable', () => {
  /** A TCP relay we can open later, standing in for a Neo4j that comes up after the API. */
  function relayTo(targetPort: number) {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((client) => {
      const upstream = net.connect(targetPort, '127.0.0.1');
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    return {
      server,
      close: () =>
        new Promise<void>((r) => {
          sockets.forEach((s) => s.destroy());
          server.close(() => r());
        }),
    };
  }

  it('stays up (healthz 200, readyz 503, GraphQL DATABASE_UNAVAILABLE) and recovers without a restart', async () => {
    const real = testConnection();
    const realPort = Number(/:(\d+)$/.exec(real.uri)?.[1]);
    // Reserve a free port, then release it: nothing listens there until the relay opens.
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));

    // bolt:// (direct) so that every connection goes through the relay.
    const db = testDatabase({
      uri: `bolt://127.0.0.1:${port}`,
      maxRetryMs: 0,
      connectTimeoutMs: 1000,
    });
    const t = await startTestApp(db);
    const abort = new AbortController();
    const readiness: Readiness = t.readiness;
    const boot = bootstrap({ db, logger: silentLogger, readiness, signal: abort.signal });
    const relay = relayTo(realPort);
    try {
      expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
      expect((await fetch(`${t.base}/readyz`)).status).toBe(503);
      const { body } = await t.graphql('{ health { status } }');
      expect(body.errors?.[0]?.extensions?.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);

      // "Neo4j comes up": the port starts answering.
      await new Promise<void>((r) => relay.server.listen(port, '127.0.0.1', () => r()));
      await boot;
      expect(readiness.migrated).toBe(true);
      expect((await fetch(`${t.base}/readyz`)).status).toBe(200);
      const after = await t.graphql('{ health { status } }');
      expect(after.body.data).toEqual({ health: { status: 'OK' } });
    } finally {
      abort.abort();
      await t.app.stop();
      await db.close();
      await relay.close();
    }
  });
});
