import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { lockFileOf, readLockOwner } from '../../src/neo4j/folder-lock';
import { isAlive } from '../../src/neo4j/process-tools';
import {
  NEO4J_START_TIMEOUT_MS,
  TEST_EMBEDDED,
  javaProcessesFor,
  startupTestTimeout,
  until,
} from '../setup/test-neo4j';
import { freePort } from '../helpers/free-port';

/**
 * `npm start` as a user or a service manager runs it: the built supervisor
 * (dist/src/main.js) in a process group of its own, on its own Neo4j.
 */
const dataDir = path.join(path.dirname(TEST_EMBEDDED.dataDir), 'start-stop');
const MAIN = path.join(PROJECT_ROOT, 'dist', 'src', 'main.js');

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startNpmStart(): Promise<Started> {
  const port = await freePort();
  const child = spawn('node', [MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NEO4J_PASSWORD: TEST_EMBEDDED.password,
      NEO4J_EMBEDDED_BOLT_PORT: String(TEST_EMBEDDED.boltPort + 300),
      NEO4J_EMBEDDED_HTTP_PORT: String(TEST_EMBEDDED.httpPort + 300),
      NEO4J_EMBEDDED_HEAP: '512m',
      NEO4J_EMBEDDED_PAGECACHE: '64m',
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_START_TIMEOUT_MS: String(NEO4J_START_TIMEOUT_MS),
    },
    // Its own process group, as under a terminal or a service manager.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  return { child, port, output: () => output, exited };
}

async function isReady(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

async function waitReady(s: Started): Promise<void> {
  const ready = await until(
    async () => s.child.exitCode !== null || (await isReady(s.port)),
    NEO4J_START_TIMEOUT_MS + 60_000,
    500,
  );
  if (!ready || s.child.exitCode !== null) throw new Error(`not ready:\n${s.output()}`);
}

/** The API process (the supervisor's child) holds the data folder's lock. */
const apiPid = () => readLockOwner(lockFileOf(dataDir))?.pid;

/**
 * A GraphQL request over its own connection. With `holdMs`, its body arrives
 * in two parts, the second `holdMs` after `release` resolves: in flight from
 * the moment the head is sent, and for longer than Apollo's fixed 10 s drain
 * grace. Without, it is sent whole at once. `sent` resolves once the bytes
 * are handed to the kernel.
 */
function query(
  port: number,
  hold?: { release: Promise<void>; holdMs: number },
): { sent: Promise<void>; status: Promise<number | string> } {
  const body = JSON.stringify({ query: '{ counts { labels { label count } } }' });
  const half = Math.floor(body.length / 2);
  let sent!: () => void;
  const sentPromise = new Promise<void>((r) => (sent = r));
  const status = new Promise<number | string>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    if (!hold) {
      req.end(body, () => sent());
      return;
    }
    req.write(body.slice(0, half), () => sent());
    void hold.release.then(() => setTimeout(() => req.end(body.slice(half)), hold.holdMs));
  });
  return { sent: sentPromise, status };
}

/** Kills what a failed test left of a start (its group); the API child is detached, see afterAll. */
function killGroup(s: Started): void {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  try {
    process.kill(-s.child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

afterAll(() => {
  // Whatever a failed test left: this folder's API process and JVMs only.
  const api = apiPid();
  if (api !== undefined && isAlive(api)) process.kill(api, 'SIGKILL');
  for (const pid of javaProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start: one server per data folder, and a stop that loses nothing', () => {
  it(
    'refuses a second start on the same folder, then drains 40 in-flight requests on a signal to the process group and leaves no Neo4j',
    async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const s = await startNpmStart();
      try {
        await waitReady(s);
        const [jvm] = javaProcessesFor(dataDir);
        expect(jvm).toBeDefined();

        // A second `npm start` on the same folder: refused, the first untouched.
        const second = await startNpmStart();
        const { code } = await second.exited;
        expect(code).not.toBe(0);
        expect(second.output()).toMatch(
          new RegExp(`Another server \\(pid ${apiPid()}\\) is using the data folder`),
        );
        expect(isAlive(jvm!)).toBe(true);
        expect(await isReady(s.port)).toBe(true);

        // 40 requests in flight, then SIGTERM to the whole process group:
        // 20 that the server has been reading for a while, with bodies still
        // coming 11 s later, and 20 sent whole right before the signal.
        let release!: () => void;
        const signalled = new Promise<void>((r) => (release = r));
        const slow = Array.from({ length: 20 }, () =>
          query(s.port, { release: signalled, holdMs: 11_000 }),
        );
        await Promise.all(slow.map((q) => q.sent));
        await new Promise((r) => setTimeout(r, 500));
        const late = Array.from({ length: 20 }, () => query(s.port));
        await Promise.all(late.map((q) => q.sent));
        process.kill(-s.child.pid!, 'SIGTERM');
        release();
        const requests = [...slow, ...late].map((q) => q.status);
        const statuses = await Promise.all(requests);
        expect(statuses).toEqual(Array(40).fill(200));
        expect((await s.exited).code).toBe(0);
        expect(javaProcessesFor(dataDir)).toEqual([]);
      } catch (err) {
        process.stderr.write(s.output());
        throw err;
      } finally {
        killGroup(s);
      }
    },
    startupTestTimeout(2),
  );

  it(
    'restarts an API process that died and stops the Neo4j it left; cleans up after an owner killed hard; kills a frozen API on stop',
    async () => {
      const first = await startNpmStart();
      let s = first;
      try {
        await waitReady(s);
        const api = apiPid()!;
        const [jvm] = javaProcessesFor(dataDir);

        // The API dies (as on heap exhaustion: no cleanup runs in it).
        process.kill(api, 'SIGKILL');
        expect(
          await until(() => /The API process died \(signal SIGKILL/.test(s.output()), 30_000),
        ).toBe(true);
        expect(await until(() => !isAlive(jvm!), 90_000)).toBe(true);
        await waitReady(s);
        expect(apiPid()).not.toBe(api);
        expect(javaProcessesFor(dataDir)).toHaveLength(1);

        // Supervisor and API killed hard together: the Neo4j stays behind,
        // and the next start (its owner gone) stops it and starts afresh.
        const [leftover] = javaProcessesFor(dataDir);
        const api2 = apiPid()!;
        process.kill(-s.child.pid!, 'SIGKILL');
        process.kill(api2, 'SIGKILL');
        await s.exited;
        expect(await until(() => !isAlive(api2), 10_000)).toBe(true);
        expect(isAlive(leftover!)).toBe(true);
        s = await startNpmStart();
        await waitReady(s);
        expect(isAlive(leftover!)).toBe(false);
        expect(s.output()).toContain('Stopping a Neo4j left running on this data folder');

        // A frozen API (SIGSTOP: no JavaScript runs, as in a 100% CPU loop)
        // cannot answer the stop: it is killed, and its Neo4j stopped from outside.
        const [jvm3] = javaProcessesFor(dataDir);
        process.kill(apiPid()!, 'SIGSTOP');
        process.kill(-s.child.pid!, 'SIGTERM');
        const { code } = await s.exited;
        expect(code).not.toBe(0);
        expect(s.output()).toMatch(/did not answer the stop .*killing it/);
        expect(isAlive(jvm3!)).toBe(false);
        expect(javaProcessesFor(dataDir)).toEqual([]);
      } catch (err) {
        process.stderr.write(s.output());
        throw err;
      } finally {
        killGroup(first);
        killGroup(s);
      }
    },
    startupTestTimeout(3),
  );
});
