/**
 * The server under test, started as `npm start` runs it (`node
 * dist/src/main.js`) in a process group of its own, with its own port, data
 * folder and environment, and stopped with everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { request } from './http';
import { isAlive, pidListeningOn, pidsWithArgument } from './procfs';

export interface ServerOptions {
  port: number;
  /** Unset: the server starts its embedded Neo4j on these ports and folder. */
  neo4jUri?: string;
  boltPort: number;
  httpPort: number;
  dataDir: string;
  password: string;
  analystToken: string;
  /** The API's V8 heap (--max-old-space-size), so a runaway dies instead of eating the machine. */
  heapMb: number;
  logFile: string;
  extraEnv?: Record<string, string>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ApiServer {
  private child: ChildProcess | undefined;
  private exited: { code: number | null; signal: string | null } | undefined;
  private tail: string[] = [];
  startMs = 0;

  constructor(readonly opts: ServerOptions) {}

  get base(): string {
    return `http://127.0.0.1:${this.opts.port}`;
  }
  get embedded(): boolean {
    return !this.opts.neo4jUri;
  }
  get pid(): number | undefined {
    return this.child?.pid;
  }

  env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
    const o = this.opts;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(o.port),
      LOG_LEVEL: 'warn',
      NEO4J_PASSWORD: o.password,
      ANALYST_TOKEN: o.analystToken,
      NODE_OPTIONS: `--max-old-space-size=${o.heapMb}`,
      ...o.extraEnv,
      ...overrides,
    };
    if (process.env.JAVA_HOME) env.JAVA_HOME = process.env.JAVA_HOME;
    if (o.neo4jUri) {
      env.NEO4J_URI = o.neo4jUri;
      env.SEED_ON_START = 'false';
    } else {
      env.NEO4J_EMBEDDED_BOLT_PORT = String(o.boltPort);
      env.NEO4J_EMBEDDED_HTTP_PORT = String(o.httpPort);
      env.NEO4J_EMBEDDED_DATA_DIR = o.dataDir;
    }
    return env;
  }

  /** Spawns `node dist/src/main.js` in its own process group (no wait). */
  spawnProcess(env: NodeJS.ProcessEnv): ChildProcess {
    const log = fs.openSync(this.opts.logFile, 'a');
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      cwd: PROJECT_ROOT,
      env,
      detached: true,
      stdio: ['ignore', log, 'pipe'],
    });
    fs.closeSync(log);
    return child;
  }

  /** Starts the server and waits until /readyz says ready (or the process dies). */
  async start(timeoutMs = 300_000): Promise<void> {
    // A JVM a crashed API left on our folder holds its lock and ports.
    if (this.killLeftoverJvm() > 0) await sleep(2_000);
    this.exited = undefined;
    this.tail = [];
    const started = Date.now();
    const child = this.spawnProcess(this.env());
    this.child = child;
    // If the suite's own process ends first (a test runner's timeout), the server must not outlive it.
    const orphanGuard = () => {
      try {
        if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
      this.killLeftoverJvm();
    };
    process.once('exit', orphanGuard);
    child.once('exit', () => process.removeListener('exit', orphanGuard));
    child.stderr?.on('data', (d: Buffer) => {
      fs.appendFileSync(this.opts.logFile, d);
      this.tail.push(...d.toString().split('\n').filter(Boolean));
      if (this.tail.length > 40) this.tail.splice(0, this.tail.length - 40);
    });
    child.on('exit', (code, signal) => (this.exited = { code, signal }));
    while (Date.now() - started < timeoutMs) {
      if (this.exited)
        throw new Error(
          `the server exited during start-up (${JSON.stringify(this.exited)}):\n${this.tail.join('\n')}`,
        );
      const ready = await request(this.base, { path: '/readyz' }, 2_000);
      if (ready.status === 200) {
        this.startMs = Date.now() - started;
        return;
      }
      await sleep(500);
    }
    throw new Error(`the server was not ready within ${timeoutMs} ms:\n${this.tail.join('\n')}`);
  }

  /** True while the process we started runs. */
  get alive(): boolean {
    return this.child !== undefined && this.exited === undefined;
  }
  get exitInfo() {
    return this.exited;
  }
  get lastLines(): string[] {
    return [...this.tail];
  }

  /** The process that holds the listening socket (a supervisor's child, if there is one). */
  apiPid(): number | undefined {
    return pidListeningOn(this.opts.port) ?? this.child?.pid;
  }

  /** The embedded Neo4j's JVM, from its pid file (first line). */
  jvmPid(): number | undefined {
    try {
      const first = fs.readFileSync(
        path.join(this.opts.dataDir, 'run', 'embedded-neo4j.pid'),
        'utf8',
      );
      const pid = Number(first.split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** JVMs running on our data folder (matched by their exact --home-dir). */
  jvmsOnDataDir(): number[] {
    return this.embedded ? pidsWithArgument(`--home-dir=${this.opts.dataDir}`) : [];
  }

  /** Waits for the process we started to exit; true if it did within `ms`. */
  async waitExit(ms: number): Promise<boolean> {
    const end = Date.now() + ms;
    while (!this.exited && Date.now() < end) await sleep(100);
    return this.exited !== undefined;
  }

  /** Signals the whole process group (as a terminal's Ctrl-C or a service manager does). */
  signalGroup(signal: NodeJS.Signals): void {
    if (this.child?.pid) {
      try {
        process.kill(-this.child.pid, signal);
      } catch {
        // already gone
      }
    }
  }

  /** Stops the server gently (SIGTERM to the API), then hard, then any JVM left on our folder. */
  async stop(): Promise<void> {
    if (this.alive && this.child?.pid) {
      try {
        process.kill(this.child.pid, 'SIGTERM');
      } catch {
        // gone
      }
      if (!(await this.waitExit(60_000))) {
        this.signalGroup('SIGKILL');
        await this.waitExit(5_000);
      }
    }
    this.killLeftoverJvm();
  }

  /** Kills any JVM left on our data folder (after a crash of the API). Returns how many. */
  killLeftoverJvm(): number {
    const pids = this.jvmsOnDataDir();
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    return pids.length;
  }
}
