import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT, type EmbeddedNeo4jConfig } from '../../src/config';
import { ErrorCode } from '../../src/errors';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { Neo4jSupervisor } from '../../src/neo4j/supervisor';
import { silentLogger, testDatabase } from '../helpers/db';
import { startTestApp } from '../helpers/http';
import { TEST_EMBEDDED, startupTestTimeout, testConnection } from '../setup/test-neo4j';
import { freePort } from '../helpers/free-port';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A TCP relay in front of the test Neo4j that can go silent, standing in for
 * a paused Neo4j (SIGSTOP): connections stay open, nothing comes back.
 */
async function pausableRelay(targetPort: number) {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let paused = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    if (paused) upstream.pause();
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    /** Nothing the database says reaches the client any more. */
    pause: () => {
      paused = true;
      for (const [, upstream] of pairs) upstream.pause();
    },
    resume: () => {
      paused = false;
      for (const [, upstream] of pairs) upstream.resume();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => r());
      }),
  };
}

const realPort = () => Number(/:(\d+)$/.exec(testConnection().uri)?.[1]);

describe('a Neo4j that stops answering (paused)', () => {
  it('ends requests at their deadline with DATABASE_UNAVAILABLE, 503 and Retry-After, bounds /readyz, and recovers', async () => {
    const relay = await pausableRelay(realPort());
    // bolt:// (direct): every connection goes through the relay. Deadline = 3 s + 2 s grace.
    const db = testDatabase({ uri: `bolt://127.0.0.1:${relay.port}`, txTimeoutMs: 3000 });
    const t = await startTestApp(db);
    t.readiness.migrated = true;
    t.readiness.seedChecked = true;
    try {
      expect((await t.graphql('{ health { status } }')).body.data).toEqual({
        health: { status: 'OK' },
      });
      relay.pause();
      const started = Date.now();
      const res = await fetch(`${t.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { status } }' }),
      });
      const waited = Date.now() - started;
      const body = (await res.json()) as Any;
      expect(body.errors[0].extensions.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      // The deadline (5 s), not the driver's default 30 s or forever.
      expect(waited).toBeGreaterThanOrEqual(4_500);
      expect(waited).toBeLessThan(12_000);

      const readyStarted = Date.now();
      const ready = await fetch(`${t.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(Date.now() - readyStarted).toBeLessThan(6_000);

      relay.resume();
      let recovered = false;
      for (let i = 0; i < 40 && !recovered; i++) {
        const again = await t.graphql('{ health { status } }');
        recovered = again.status === 200 && (again.body.data as Any)?.health?.status === 'OK';
        if (!recovered) await new Promise((r) => setTimeout(r, 250));
      }
      expect(recovered).toBe(true);
      expect((await fetch(`${t.base}/readyz`)).status).toBe(200);
    } finally {
      relay.resume();
      await t.app.stop();
      await db.close();
      await relay.close();
    }
  }, 60_000);
});

describe('a Neo4j that refuses connections (killed, embedded)', () => {
  it('answers DATABASE_UNAVAILABLE with 503 quickly, with the embedded retry window', async () => {
    const port = await freePort();
    // 500 ms: the retry window the API uses against its embedded Neo4j.
    const db = testDatabase({ uri: `bolt://127.0.0.1:${port}`, maxRetryMs: 500 });
    const t = await startTestApp(db);
    try {
      const started = Date.now();
      const { status, body } = await t.graphql('{ health { status } }');
      expect(body.errors?.[0]?.extensions?.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
      expect(status).toBe(503);
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      await t.app.stop();
      await db.close();
    }
  });
});

describe('a bootstrap failure that retrying cannot fix', () => {
  it('ends `npm start` non-zero with the reason (bad credentials)', async () => {
    const port = await freePort();
    const child = spawn('node', [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NEO4J_URI: testConnection().uri,
        // A user of its own: Neo4j locks a user for a while after a few
        // failed logins, and the other test files log in as neo4j meanwhile.
        NEO4J_USER: 'no-such-user',
        NEO4J_PASSWORD: 'not-the-password',
        PORT: String(port),
        LOG_LEVEL: 'silent',
        SEED_ON_START: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(output).toMatch(
      /Could not prepare the graph: Credentials rejected by the graph database: check NEO4J_USER and NEO4J_PASSWORD/,
    );
    // Not taken for a crash: the supervisor does not restart it.
    expect(output).not.toMatch(/restarting/);
  }, 60_000);
});

describe('a wrong password with NEO4J_URI', () => {
  it('says the credentials were rejected, naming the variables, not only "not available"', async () => {
    // Not the neo4j user: see the test above.
    const db = testDatabase({ user: 'no-such-user', password: 'not-the-password' });
    const t = await startTestApp(db);
    try {
      const { status, body } = await t.graphql('{ health { status } }');
      expect(status).toBe(503);
      expect(body.errors?.[0]?.extensions?.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
      expect(body.errors?.[0]?.message).toMatch(
        /^Credentials rejected .*NEO4J_USER and NEO4J_PASSWORD/,
      );
      const ready = await fetch(`${t.base}/readyz`);
      expect(ready.status).toBe(503);
      const { checks } = (await ready.json()) as { checks: Record<string, string> };
      expect(checks.database).toBe('unavailable');
      expect(checks.databaseError).toMatch(/^Credentials rejected .*NEO4J_PASSWORD/);
    } finally {
      await t.app.stop();
      await db.close();
    }
  });
});

describe('the embedded Neo4j under supervision', () => {
  const cfg: EmbeddedNeo4jConfig = {
    ...TEST_EMBEDDED,
    boltPort: TEST_EMBEDDED.boltPort + 200,
    httpPort: TEST_EMBEDDED.httpPort + 200,
    heap: '512m',
    pageCache: '64m',
    dataDir: path.join(path.dirname(TEST_EMBEDDED.dataDir), 'supervised'),
  };

  it(
    'restarts a JVM that was killed, says so, and gives up after too many crashes',
    async () => {
      fs.rmSync(cfg.dataDir, { recursive: true, force: true });
      const neo4j = new EmbeddedNeo4j(cfg);
      await neo4j.start();
      const supervisor = new Neo4jSupervisor(neo4j, silentLogger, {
        maxCrashes: 1,
        windowMs: 600_000,
        baseDelayMs: 200,
        maxDelayMs: 200,
      });
      try {
        const db = testDatabase({ uri: `neo4j://127.0.0.1:${cfg.boltPort}`, maxRetryMs: 60_000 });
        db.failFastWhile(() => supervisor.knownDown);
        supervisor.onDown = (reason) => db.wentDown(reason);
        const until = async (state: string, ms: number) => {
          const end = Date.now() + ms;
          while (supervisor.state !== state && Date.now() < end)
            await new Promise((r) => setTimeout(r, 100));
          return supervisor.state;
        };
        try {
          // A query in flight when the JVM dies ends with the reason, not
          // after the driver's retries (a minute here).
          const slow = db.read(
            'CALL apoc.util.sleep(20000) RETURN 1 AS one',
            {},
            {
              operation: 'test',
              timeoutMs: 30_000,
            },
          );
          slow.catch(() => undefined);
          await new Promise((r) => setTimeout(r, 500));
          const first = neo4j.processId!;
          process.kill(first, 'SIGKILL');
          await expect(slow).rejects.toMatchObject({
            code: ErrorCode.DATABASE_UNAVAILABLE,
            message: expect.stringMatching(/being restarted/),
          });
          expect(await until('restarting', 10_000)).toBe('restarting');
          // While it restarts, a new query fails at once with the reason
          // instead of trying to connect for the driver's retry window.
          await expect(db.read('RETURN 1 AS one', {}, { operation: 'test' })).rejects.toMatchObject(
            {
              code: ErrorCode.DATABASE_UNAVAILABLE,
              message: expect.stringMatching(/being restarted/),
            },
          );
          expect(await until('running', cfg.startTimeoutMs)).toBe('running');
          expect(neo4j.processId).not.toBe(first);
        } finally {
          await db.close();
        }
        expect(neo4j.running).toBe(true);
        expect(supervisor.report).toBe('running (1 crash(es))');

        // A second death within the window is one too many: it stays down, and says why.
        process.kill(neo4j.processId!, 'SIGKILL');
        expect(await until('gave-up', 10_000)).toBe('gave-up');
      } finally {
        supervisor.stop();
        await neo4j.stop();
        fs.rmSync(cfg.dataDir, { recursive: true, force: true });
      }
    },
    startupTestTimeout(2),
  );
});
