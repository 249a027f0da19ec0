import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedNeo4jConfig } from '../../src/config';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { EmbeddedNeo4jError } from '../../src/neo4j/errors';
import {
  acquireFolderLock,
  lockFileOf,
  readLockOwner,
  releaseFolderLock,
  startTimeOf,
} from '../../src/neo4j/folder-lock';
import { isAlive } from '../../src/neo4j/process-tools';
import { TEST_EMBEDDED, javaProcessesFor, startupTestTimeout } from '../setup/test-neo4j';

function configFor(
  name: string,
  overrides: Partial<EmbeddedNeo4jConfig> = {},
): EmbeddedNeo4jConfig {
  const dataDir = path.join(path.dirname(TEST_EMBEDDED.dataDir), name);
  return {
    ...TEST_EMBEDDED,
    boltPort: TEST_EMBEDDED.boltPort + 100,
    httpPort: TEST_EMBEDDED.httpPort + 100,
    heap: '512m',
    pageCache: '64m',
    dataDir,
    ...overrides,
  };
}

async function startError(server: EmbeddedNeo4j): Promise<EmbeddedNeo4jError> {
  const err = await server.start().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EmbeddedNeo4jError);
  return err as EmbeddedNeo4jError;
}

describe('embedded Neo4j start-up failures end in one clear line', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('names the port and the variable when a port is taken', async () => {
    const blocker = net.createServer();
    const cfg = configFor('port-taken');
    await new Promise<void>((r) => blocker.listen(cfg.boltPort, '127.0.0.1', () => r()));
    try {
      const err = await startError(new EmbeddedNeo4j(cfg));
      expect(err.message).toMatch(
        new RegExp(`Port ${cfg.boltPort} \\(Neo4j Bolt\\) is already in use`),
      );
      expect(err.message).toContain('NEO4J_EMBEDDED_BOLT_PORT');
      expect(err.message.split('\n')).toHaveLength(1);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });

  it('says so when there is no Java', async () => {
    process.env.JAVA_HOME = path.join(os.tmpdir(), 'no-such-java-home');
    const err = await startError(new EmbeddedNeo4j(configFor('no-java')));
    expect(err.message).toMatch(/^Java was not found .*install a Java 17 or 21 runtime/);
  });

  it('says so when Maven is missing and the jars are not resolved yet', async () => {
    const javaBin = fs.realpathSync(
      execFileSync('sh', ['-c', 'command -v java']).toString().trim(),
    );
    process.env.JAVA_HOME = path.dirname(path.dirname(javaBin));
    const emptyPath = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-path-'));
    process.env.PATH = emptyPath;
    const cfg = configFor(`no-maven-${process.pid}`);
    try {
      const err = await startError(new EmbeddedNeo4j(cfg));
      expect(err.message).toMatch(/^Maven \(mvn\) was not found on PATH/);
    } finally {
      fs.rmSync(cfg.dataDir, { recursive: true, force: true });
      fs.rmSync(emptyPath, { recursive: true, force: true });
    }
  });

  it(
    'reports a JVM that dies during start-up with its reason and log file, leaving no process',
    async () => {
      const cfg = configFor('crash', { heap: '1k' });
      const server = new EmbeddedNeo4j(cfg);
      const err = await startError(server);
      expect(err.message).toMatch(/^Neo4j exited during start-up \(code \d+\): .*heap/i);
      expect(err.logFile).toBe(path.join(cfg.dataDir, 'logs', 'console.log'));
      expect(javaProcessesFor(cfg.dataDir)).toEqual([]);
    },
    startupTestTimeout(1),
  );

  it(
    'detects a password that does not match existing data, and stops the server it started',
    async () => {
      const cfg = configFor('password');
      fs.rmSync(cfg.dataDir, { recursive: true, force: true });
      const first = new EmbeddedNeo4j({ ...cfg, password: 'first-password' });
      await first.start();
      const pid = first.processId;
      await first.stop();
      expect(pid !== undefined && isAlive(pid)).toBe(false);

      const second = new EmbeddedNeo4j({ ...cfg, password: 'another-password' });
      try {
        const err = await startError(second);
        expect(err.message).toMatch(
          /^Neo4j rejected the password: the data in .* was set up with another one/,
        );
        expect(err.message).toContain('NEO4J_PASSWORD');
        expect(err.logFile).toContain('security.log');
        expect(javaProcessesFor(cfg.dataDir)).toEqual([]);
      } finally {
        await second.stop();
        fs.rmSync(cfg.dataDir, { recursive: true, force: true });
      }
    },
    startupTestTimeout(2),
  );
});

describe('one server per data folder', () => {
  it('refuses a folder whose lock names a live process, without touching anything', async () => {
    const cfg = configFor('locked');
    fs.rmSync(cfg.dataDir, { recursive: true, force: true });
    const owner = spawn('sleep', ['600'], { stdio: 'ignore' });
    try {
      const lock = lockFileOf(cfg.dataDir);
      fs.mkdirSync(path.dirname(lock), { recursive: true });
      fs.writeFileSync(lock, `${owner.pid}\n${startTimeOf(owner.pid!)}\n`);
      const err = await startError(new EmbeddedNeo4j(cfg));
      expect(err.message).toMatch(
        new RegExp(
          `^Another server \\(pid ${owner.pid}\\) is using the data folder ${cfg.dataDir}`,
        ),
      );
      expect(readLockOwner(lock)?.pid).toBe(owner.pid);
      expect(javaProcessesFor(cfg.dataDir)).toEqual([]);
    } finally {
      owner.kill('SIGKILL');
      fs.rmSync(cfg.dataDir, { recursive: true, force: true });
    }
  });

  it('takes over a lock whose owner is gone, or whose pid now belongs to another process', async () => {
    const cfg = configFor('stale-lock');
    fs.rmSync(cfg.dataDir, { recursive: true, force: true });
    const lock = lockFileOf(cfg.dataDir);
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    const gone = spawn('true');
    await new Promise((r) => gone.once('exit', r));
    const reused = spawn('sleep', ['600'], { stdio: 'ignore' });
    try {
      for (const stale of [`${gone.pid}\n0\n`, `${reused.pid}\n1\n`]) {
        fs.writeFileSync(lock, stale);
        acquireFolderLock(cfg.dataDir);
        expect(readLockOwner(lock)?.pid).toBe(process.pid);
        releaseFolderLock(cfg.dataDir);
        expect(fs.existsSync(lock)).toBe(false);
      }
    } finally {
      reused.kill('SIGKILL');
      fs.rmSync(cfg.dataDir, { recursive: true, force: true });
    }
  });
});
